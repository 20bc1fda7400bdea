DROP INDEX "cases_stage_idx";--> statement-breakpoint
CREATE INDEX "cases_stage_idx" ON "cases" USING btree ("stage_code","stage_entered_at","id");