CREATE TABLE "kpi_needs" (
	"need_id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid,
	"fiscal_year" smallint NOT NULL,
	"received_on" date NOT NULL,
	"area" text,
	"institution" uuid,
	"kosen_block" text,
	"referral_type" text NOT NULL,
	"converted" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kpi_needs" ADD CONSTRAINT "kpi_needs_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_needs_fy_idx" ON "kpi_needs" USING btree ("fiscal_year");--> statement-breakpoint
CREATE INDEX "kpi_needs_case_idx" ON "kpi_needs" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "contracts_signed_from_need_idx" ON "contracts" USING btree ("signed_on") WHERE "contracts"."need_id" is not null;--> statement-breakpoint
-- The fiscal year (April–March) of a moment in Japan time (UTC+9 all year: no summer time, so no time-zone
-- lookup per row), and of a date. kpi/definitions.ts and the views below use these, never a copy.
CREATE FUNCTION "kyoso_fiscal_year"(ts timestamptz) RETURNS int LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT (extract(year FROM (ts AT TIME ZONE 'UTC') + interval '9 hours' - interval '3 months'))::int
$$;
--> statement-breakpoint
CREATE FUNCTION "kyoso_fiscal_year"(d date) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (extract(year FROM d - interval '3 months'))::int
$$;
--> statement-breakpoint
-- kpi_needs is kept equal to this view by the triggers below (a test compares the two). The institution is
-- that of the coordinator in charge of the need's case, when the coordinator belongs to a university or KOSEN.
CREATE VIEW "kpi_needs_source" AS
SELECT n."id" AS "need_id", k."id" AS "case_id", "kyoso_fiscal_year"(n."created_at")::smallint AS "fiscal_year",
  ((n."created_at" AT TIME ZONE 'UTC') + interval '9 hours')::date AS "received_on", n."area_code" AS "area", io."id" AS "institution", io."kosen_block",
  coalesce(ro."type", 'direct') AS "referral_type",
  EXISTS (SELECT 1 FROM "contracts" c WHERE c."need_id" = n."id"
          AND "kyoso_kpi_counted"(c."status", c."signed_on", c."cancelled_on", "kyoso_fiscal_year"(n."created_at"))) AS "converted"
FROM "needs" n
LEFT JOIN "cases" k ON k."need_id" = n."id"
LEFT JOIN "users" cu ON cu."id" = k."coordinator_id"
LEFT JOIN "organizations" io ON io."id" = cu."organization_id" AND io."type" IN ('university', 'kosen')
LEFT JOIN "organizations" ro ON ro."id" = n."referral_organization_id";
--> statement-breakpoint
-- Re-derives the rows of the given needs (none, when a need is gone).
CREATE FUNCTION "kyoso_kpi_refresh_needs"(ids uuid[]) RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  DELETE FROM "kpi_needs" WHERE "need_id" = ANY (ids);
  INSERT INTO "kpi_needs" ("need_id", "case_id", "fiscal_year", "received_on", "area", "institution", "kosen_block",
      "referral_type", "converted")
    SELECT "need_id", "case_id", "fiscal_year", "received_on", "area", "institution", "kosen_block", "referral_type", "converted"
    FROM "kpi_needs_source" WHERE "need_id" = ANY (ids);
END $$;
--> statement-breakpoint
-- needs: a new need, or a change of what its row carries. (A deleted need's row goes by the foreign key.)
CREATE FUNCTION "kyoso_kpi_needs_inserted"() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  PERFORM "kyoso_kpi_refresh_needs"(ARRAY(SELECT "id" FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "kyoso_kpi_needs_rows_updated"() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  PERFORM "kyoso_kpi_refresh_needs"(ARRAY(
    SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE (n."created_at", n."area_code", n."referral_organization_id")
      IS DISTINCT FROM (o."created_at", o."area_code", o."referral_organization_id")));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "needs_kpi_needs_inserted" AFTER INSERT ON "needs"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_needs_inserted"();
--> statement-breakpoint
CREATE TRIGGER "needs_kpi_needs_updated" AFTER UPDATE ON "needs"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_needs_rows_updated"();
--> statement-breakpoint
-- cases and contracts: the needs of the rows written (both the old and the new need of an updated row).
CREATE FUNCTION "kyoso_kpi_need_rows_inserted"() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  PERFORM "kyoso_kpi_refresh_needs"(ARRAY(SELECT DISTINCT "need_id" FROM new_rows WHERE "need_id" IS NOT NULL));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "kyoso_kpi_need_rows_deleted"() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  PERFORM "kyoso_kpi_refresh_needs"(ARRAY(SELECT DISTINCT "need_id" FROM old_rows WHERE "need_id" IS NOT NULL));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "kyoso_kpi_cases_updated"() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  PERFORM "kyoso_kpi_refresh_needs"(ARRAY(
    SELECT unnest(ARRAY[n."need_id", o."need_id"]) FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE (n."need_id", n."coordinator_id") IS DISTINCT FROM (o."need_id", o."coordinator_id")));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "kyoso_kpi_contracts_need_updated"() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  PERFORM "kyoso_kpi_refresh_needs"(ARRAY(
    SELECT x FROM new_rows n JOIN old_rows o ON o."id" = n."id", unnest(ARRAY[n."need_id", o."need_id"]) AS x
    WHERE x IS NOT NULL AND (n."need_id", n."status", n."signed_on", n."cancelled_on")
      IS DISTINCT FROM (o."need_id", o."status", o."signed_on", o."cancelled_on")));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "cases_kpi_needs_inserted" AFTER INSERT ON "cases"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_need_rows_inserted"();
--> statement-breakpoint
CREATE TRIGGER "cases_kpi_needs_updated" AFTER UPDATE ON "cases"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_cases_updated"();
--> statement-breakpoint
CREATE TRIGGER "cases_kpi_needs_deleted" AFTER DELETE ON "cases"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_need_rows_deleted"();
--> statement-breakpoint
CREATE TRIGGER "contracts_kpi_needs_inserted" AFTER INSERT ON "contracts"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_need_rows_inserted"();
--> statement-breakpoint
CREATE TRIGGER "contracts_kpi_needs_updated" AFTER UPDATE ON "contracts"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_contracts_need_updated"();
--> statement-breakpoint
CREATE TRIGGER "contracts_kpi_needs_deleted" AFTER DELETE ON "contracts"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_need_rows_deleted"();
--> statement-breakpoint
-- users: a coordinator moves to another organisation (a row trigger: users are written at every sign-in, and
-- a column list cannot go with transition tables). It also retires the kept dashboards (kpi_state).
CREATE FUNCTION "kyoso_kpi_user_moved"() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  PERFORM "kyoso_kpi_refresh_needs"(ARRAY(SELECT k."need_id" FROM "cases" k WHERE k."coordinator_id" = NEW."id"));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "users_kpi_needs_moved" AFTER UPDATE OF "organization_id" ON "users"
  FOR EACH ROW WHEN (OLD."organization_id" IS DISTINCT FROM NEW."organization_id")
  EXECUTE FUNCTION "kyoso_kpi_user_moved"();
--> statement-breakpoint
CREATE TRIGGER "users_kpi_changed" AFTER UPDATE OF "organization_id" ON "users"
  FOR EACH ROW WHEN (OLD."organization_id" IS DISTINCT FROM NEW."organization_id")
  EXECUTE FUNCTION "kyoso_kpi_changed"();
--> statement-breakpoint
-- organizations: the type or KOSEN block of a coordinator's institution, or the type of a referral partner.
CREATE FUNCTION "kyoso_kpi_organizations_needs_updated"() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  changed uuid[];
BEGIN
  changed := ARRAY(
    SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE (n."kosen_block", n."type") IS DISTINCT FROM (o."kosen_block", o."type"));
  IF cardinality(changed) = 0 THEN RETURN NULL; END IF;
  PERFORM "kyoso_kpi_refresh_needs"(ARRAY(
    SELECT k."need_id" FROM "cases" k JOIN "users" u ON u."id" = k."coordinator_id" WHERE u."organization_id" = ANY (changed)
    UNION SELECT n."id" FROM "needs" n WHERE n."referral_organization_id" = ANY (changed)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "organizations_kpi_needs" AFTER UPDATE ON "organizations"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_organizations_needs_updated"();
--> statement-breakpoint
SELECT "kyoso_kpi_refresh_needs"(ARRAY(SELECT "id" FROM "needs"));
--> statement-breakpoint
-- Kept dashboards hold figures only, so an update of cases, needs or meetings retires them only when it sets
-- a column the figures read (a case moving stage, the most frequent write, no longer does).
DROP TRIGGER "cases_kpi_changed" ON "cases";
--> statement-breakpoint
CREATE TRIGGER "cases_kpi_changed" AFTER INSERT OR DELETE OR TRUNCATE ON "cases"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_changed"();
--> statement-breakpoint
CREATE TRIGGER "cases_kpi_changed_update" AFTER UPDATE OF "need_id", "coordinator_id" ON "cases"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_changed"();
--> statement-breakpoint
DROP TRIGGER "needs_kpi_changed" ON "needs";
--> statement-breakpoint
CREATE TRIGGER "needs_kpi_changed" AFTER INSERT OR DELETE OR TRUNCATE ON "needs"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_changed"();
--> statement-breakpoint
CREATE TRIGGER "needs_kpi_changed_update" AFTER UPDATE OF "created_at", "area_code", "referral_organization_id" ON "needs"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_changed"();
--> statement-breakpoint
DROP TRIGGER "case_meetings_kpi_changed" ON "case_meetings";
--> statement-breakpoint
CREATE TRIGGER "case_meetings_kpi_changed" AFTER INSERT OR DELETE OR TRUNCATE ON "case_meetings"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_changed"();
--> statement-breakpoint
CREATE TRIGGER "case_meetings_kpi_changed_update" AFTER UPDATE OF "case_id", "status", "starts_at" ON "case_meetings"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_changed"();
