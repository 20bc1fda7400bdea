DROP INDEX "seeds_status_visibility_idx";--> statement-breakpoint
ALTER TABLE "researchers" ADD COLUMN "rank_vector" "tsvector";--> statement-breakpoint
ALTER TABLE "seeds" ADD COLUMN "rank_vector" "tsvector";