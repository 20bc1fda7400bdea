CREATE TABLE "kpi_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_state_single_row" CHECK ("kpi_state"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "kpi_state" ("id", "generation") VALUES (1, 0);
--> statement-breakpoint
-- Raises kpi_state.generation once per transaction that writes a table behind the KPI figures.
CREATE FUNCTION "kyoso_kpi_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('kyoso.kpi_changed', true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE "kpi_state" SET "generation" = ("generation" + 1) % 2000000000 WHERE "id" = 1;
    PERFORM set_config('kyoso.kpi_changed', txid_current()::text, true);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "contracts_kpi_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "contracts"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_changed"();
--> statement-breakpoint
CREATE TRIGGER "contract_budget_years_kpi_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "contract_budget_years"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_changed"();
--> statement-breakpoint
CREATE TRIGGER "contract_parties_kpi_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "contract_parties"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_changed"();
--> statement-breakpoint
CREATE TRIGGER "needs_kpi_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "needs"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_changed"();
--> statement-breakpoint
CREATE TRIGGER "cases_kpi_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "cases"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_changed"();
--> statement-breakpoint
CREATE TRIGGER "case_meetings_kpi_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "case_meetings"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_changed"();
--> statement-breakpoint
CREATE TRIGGER "organizations_kpi_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organizations"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_changed"();
--> statement-breakpoint
CREATE TRIGGER "kpi_targets_kpi_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "kpi_targets"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_changed"();
--> statement-breakpoint
CREATE TRIGGER "kpi_snapshots_kpi_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "kpi_snapshots"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_changed"();
