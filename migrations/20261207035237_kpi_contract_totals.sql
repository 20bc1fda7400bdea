-- Which contracts count for a fiscal year's KPI figures: concluded (signed or later), or cancelled after
-- signing in a later fiscal year. The one rule: kpi/definitions.ts calls it for every source, and the view
-- below stores it per contract year. A single SQL expression, so the planner inlines it (no call per row).
CREATE FUNCTION "kyoso_kpi_counted"(status text, signed_on date, cancelled_on date, fiscal_year int)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(status IN ('signed', 'invoiced', 'paid', 'in_progress', 'completed')
    OR (status = 'cancelled' AND signed_on IS NOT NULL AND cancelled_on > make_date(fiscal_year + 1, 3, 31)), false)
$$;
--> statement-breakpoint
CREATE TABLE "kpi_contract_totals" (
	"fiscal_year" smallint NOT NULL,
	"type" text NOT NULL,
	"company_payer" boolean NOT NULL,
	"area" text,
	"institution" uuid NOT NULL,
	"kosen_block" text,
	"referral_type" text NOT NULL,
	"n" integer NOT NULL,
	"direct" bigint NOT NULL,
	"indirect" bigint NOT NULL,
	"research_fee" bigint NOT NULL,
	"total" bigint NOT NULL,
	CONSTRAINT "kpi_contract_totals_key" UNIQUE NULLS NOT DISTINCT("fiscal_year","type","company_payer","area","institution","kosen_block","referral_type")
);
--> statement-breakpoint
-- kpi_contract_totals follows every row written to or removed from kpi_contract_years: inserted rows are
-- added, deleted rows subtracted (an update does both), in one upsert per statement, so writers running at
-- the same time add up (ON CONFLICT locks the group's row) instead of overwriting each other. The transition
-- tables are named in dynamic SQL, which also plans the statement afresh at each call.
CREATE FUNCTION "kyoso_kpi_contract_totals_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM old_rows'
    ELSE 'SELECT *, 1 AS sign FROM new_rows UNION ALL SELECT *, -1 AS sign FROM old_rows' END;
BEGIN
  EXECUTE format($q$
    INSERT INTO "kpi_contract_totals" AS t ("fiscal_year", "type", "company_payer", "area", "institution",
        "kosen_block", "referral_type", "n", "direct", "indirect", "research_fee", "total")
      SELECT "fiscal_year", "type", "company_payer", "area", "institution", "kosen_block", "referral_type",
        sum(sign), sum(sign * "direct"), sum(sign * "indirect"), sum(sign * "research_fee"), sum(sign * "total")
      FROM (%s) d WHERE "counted"
      GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT "kpi_contract_totals_key" DO UPDATE SET "n" = t."n" + excluded."n",
      "direct" = t."direct" + excluded."direct", "indirect" = t."indirect" + excluded."indirect",
      "research_fee" = t."research_fee" + excluded."research_fee", "total" = t."total" + excluded."total"
  $q$, delta);
  DELETE FROM "kpi_contract_totals" WHERE "n" = 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "kyoso_kpi_contract_totals_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "kpi_contract_totals";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "kpi_contract_years_totals_inserted" AFTER INSERT ON "kpi_contract_years"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_contract_totals_changed"();
--> statement-breakpoint
CREATE TRIGGER "kpi_contract_years_totals_updated" AFTER UPDATE ON "kpi_contract_years"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_contract_totals_changed"();
--> statement-breakpoint
CREATE TRIGGER "kpi_contract_years_totals_deleted" AFTER DELETE ON "kpi_contract_years"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_contract_totals_changed"();
--> statement-breakpoint
CREATE TRIGGER "kpi_contract_years_totals_truncated" AFTER TRUNCATE ON "kpi_contract_years"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_contract_totals_truncated"();
--> statement-breakpoint
ALTER TABLE "kpi_contract_years" ADD COLUMN "counted" boolean NOT NULL DEFAULT false;
--> statement-breakpoint
ALTER TABLE "kpi_contract_years" ALTER COLUMN "counted" DROP DEFAULT;
--> statement-breakpoint
-- The source view gains `counted` (kpi_contract_years is kept equal to it).
CREATE OR REPLACE VIEW "kpi_contract_years_source" AS
SELECT y."contract_id", y."fiscal_year", c."type", c."status", c."signed_on", c."cancelled_on",
  y."direct", y."indirect", y."research_fee", y."total",
  o."area_code" AS "area", c."institution_id" AS "institution", o."kosen_block",
  coalesce(ro."type", 'direct') AS "referral_type",
  EXISTS (SELECT 1 FROM "contract_parties" p JOIN "organizations" po ON po."id" = p."organization_id"
          WHERE p."contract_id" = c."id" AND p."role" IN ('sponsor', 'member') AND po."type" = 'company') AS "company_payer",
  "kyoso_kpi_counted"(c."status", c."signed_on", c."cancelled_on", y."fiscal_year") AS "counted"
FROM "contract_budget_years" y
JOIN "contracts" c ON c."id" = y."contract_id"
JOIN "organizations" o ON o."id" = c."institution_id"
LEFT JOIN "needs" n ON n."id" = c."need_id"
LEFT JOIN "organizations" ro ON ro."id" = n."referral_organization_id";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "kyoso_kpi_refresh_contracts"(ids uuid[]) RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  DELETE FROM "kpi_contract_years" WHERE "contract_id" = ANY (ids);
  INSERT INTO "kpi_contract_years" ("contract_id", "fiscal_year", "type", "status", "signed_on", "cancelled_on",
      "direct", "indirect", "research_fee", "total", "area", "institution", "kosen_block", "referral_type",
      "company_payer", "counted")
    SELECT "contract_id", "fiscal_year", "type", "status", "signed_on", "cancelled_on",
      "direct", "indirect", "research_fee", "total", "area", "institution", "kosen_block", "referral_type",
      "company_payer", "counted"
    FROM "kpi_contract_years_source" WHERE "contract_id" = ANY (ids);
END $$;
--> statement-breakpoint
-- Every contract again: fills `counted` on the rows already there, and the totals through the triggers.
SELECT "kyoso_kpi_refresh_contracts"(ARRAY(SELECT "id" FROM "contracts"));
