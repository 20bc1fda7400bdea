-- kpi_contract_years is kept equal to this view by the triggers below (a test compares the two).
CREATE VIEW "kpi_contract_years_source" AS
SELECT y."contract_id", y."fiscal_year", c."type", c."status", c."signed_on", c."cancelled_on",
  y."direct", y."indirect", y."research_fee", y."total",
  o."area_code" AS "area", c."institution_id" AS "institution", o."kosen_block",
  coalesce(ro."type", 'direct') AS "referral_type",
  EXISTS (SELECT 1 FROM "contract_parties" p JOIN "organizations" po ON po."id" = p."organization_id"
          WHERE p."contract_id" = c."id" AND p."role" IN ('sponsor', 'member') AND po."type" = 'company') AS "company_payer"
FROM "contract_budget_years" y
JOIN "contracts" c ON c."id" = y."contract_id"
JOIN "organizations" o ON o."id" = c."institution_id"
LEFT JOIN "needs" n ON n."id" = c."need_id"
LEFT JOIN "organizations" ro ON ro."id" = n."referral_organization_id";
--> statement-breakpoint
-- Re-derives the rows of the given contracts (none, when a contract or its allocations are gone).
-- Every function here plans its statements afresh at each call (plan_cache_mode): a plan cached by a
-- session while the tables were small (a bulk load, a restore) would otherwise stay in use as they grow.
CREATE FUNCTION "kyoso_kpi_refresh_contracts"(ids uuid[]) RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  DELETE FROM "kpi_contract_years" WHERE "contract_id" = ANY (ids);
  INSERT INTO "kpi_contract_years" ("contract_id", "fiscal_year", "type", "status", "signed_on", "cancelled_on",
      "direct", "indirect", "research_fee", "total", "area", "institution", "kosen_block", "referral_type", "company_payer")
    SELECT "contract_id", "fiscal_year", "type", "status", "signed_on", "cancelled_on",
      "direct", "indirect", "research_fee", "total", "area", "institution", "kosen_block", "referral_type", "company_payer"
    FROM "kpi_contract_years_source" WHERE "contract_id" = ANY (ids);
END $$;
--> statement-breakpoint
-- Everything again (after a TRUNCATE of a table the rows come from).
CREATE FUNCTION "kyoso_kpi_rebuild_contract_years"() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  DELETE FROM "kpi_contract_years";
  PERFORM "kyoso_kpi_refresh_contracts"(ARRAY(SELECT "id" FROM "contracts"));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- contracts: a change of what the rows carry. (A new contract has no allocations yet; a deleted one's rows
-- go by the foreign key's cascade.)
CREATE FUNCTION "kyoso_kpi_contracts_updated"() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  PERFORM "kyoso_kpi_refresh_contracts"(ARRAY(
    SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE (n."type", n."status", n."signed_on", n."cancelled_on", n."institution_id", n."need_id")
      IS DISTINCT FROM (o."type", o."status", o."signed_on", o."cancelled_on", o."institution_id", o."need_id")));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "contracts_kpi_contract_years" AFTER UPDATE ON "contracts"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_contracts_updated"();
--> statement-breakpoint
-- contract_budget_years and contract_parties: any change re-derives the contracts they belong to.
CREATE FUNCTION "kyoso_kpi_contract_rows_inserted"() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  PERFORM "kyoso_kpi_refresh_contracts"(ARRAY(SELECT DISTINCT "contract_id" FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "kyoso_kpi_contract_rows_updated"() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  PERFORM "kyoso_kpi_refresh_contracts"(ARRAY(
    SELECT "contract_id" FROM new_rows UNION SELECT "contract_id" FROM old_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "kyoso_kpi_contract_rows_deleted"() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  PERFORM "kyoso_kpi_refresh_contracts"(ARRAY(SELECT DISTINCT "contract_id" FROM old_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "contract_budget_years_kpi_inserted" AFTER INSERT ON "contract_budget_years"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_contract_rows_inserted"();
--> statement-breakpoint
CREATE TRIGGER "contract_budget_years_kpi_updated" AFTER UPDATE ON "contract_budget_years"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_contract_rows_updated"();
--> statement-breakpoint
CREATE TRIGGER "contract_budget_years_kpi_deleted" AFTER DELETE ON "contract_budget_years"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_contract_rows_deleted"();
--> statement-breakpoint
CREATE TRIGGER "contract_budget_years_kpi_truncated" AFTER TRUNCATE ON "contract_budget_years"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_rebuild_contract_years"();
--> statement-breakpoint
CREATE TRIGGER "contract_parties_kpi_inserted" AFTER INSERT ON "contract_parties"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_contract_rows_inserted"();
--> statement-breakpoint
CREATE TRIGGER "contract_parties_kpi_updated" AFTER UPDATE ON "contract_parties"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_contract_rows_updated"();
--> statement-breakpoint
CREATE TRIGGER "contract_parties_kpi_deleted" AFTER DELETE ON "contract_parties"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_contract_rows_deleted"();
--> statement-breakpoint
CREATE TRIGGER "contract_parties_kpi_truncated" AFTER TRUNCATE ON "contract_parties"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_rebuild_contract_years"();
--> statement-breakpoint
-- organizations: an institution's area or KOSEN block, or the type of a party or referral partner.
-- (A deleted party organisation removes its party rows by cascade; a deleted referral partner sets the
-- need's reference to null: both reach the triggers above and below.)
CREATE FUNCTION "kyoso_kpi_organizations_updated"() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  changed uuid[];
BEGIN
  changed := ARRAY(
    SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE (n."area_code", n."kosen_block", n."type") IS DISTINCT FROM (o."area_code", o."kosen_block", o."type"));
  IF cardinality(changed) = 0 THEN RETURN NULL; END IF;
  PERFORM "kyoso_kpi_refresh_contracts"(ARRAY(
    SELECT c."id" FROM "contracts" c WHERE c."institution_id" = ANY (changed)
    UNION SELECT p."contract_id" FROM "contract_parties" p WHERE p."organization_id" = ANY (changed)
    UNION SELECT c."id" FROM "contracts" c JOIN "needs" n ON n."id" = c."need_id"
      WHERE n."referral_organization_id" = ANY (changed)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "organizations_kpi_contract_years" AFTER UPDATE ON "organizations"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_organizations_updated"();
--> statement-breakpoint
-- needs: the referral partner of a need that became a contract.
CREATE FUNCTION "kyoso_kpi_needs_updated"() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  PERFORM "kyoso_kpi_refresh_contracts"(ARRAY(
    SELECT c."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "contracts" c ON c."need_id" = n."id"
    WHERE n."referral_organization_id" IS DISTINCT FROM o."referral_organization_id"));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "needs_kpi_contract_years" AFTER UPDATE ON "needs"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_kpi_needs_updated"();
--> statement-breakpoint
SELECT "kyoso_kpi_refresh_contracts"(ARRAY(SELECT "id" FROM "contracts"));
