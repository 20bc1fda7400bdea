CREATE TABLE "catalog_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "catalog_state_single_row" CHECK ("catalog_state"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "catalog_state" ("id", "generation") VALUES (1, 0);
--> statement-breakpoint
-- Raises catalog_state.generation once per transaction that writes a table behind search results
-- (a transaction-local setting remembers that it already did, so bulk imports pay once).
CREATE FUNCTION "kyoso_catalog_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('kyoso.catalog_changed', true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE "catalog_state" SET "generation" = ("generation" + 1) % 2000000000 WHERE "id" = 1;
    PERFORM set_config('kyoso.catalog_changed', txid_current()::text, true);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "seeds_catalog_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "seeds"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "researchers_catalog_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "researchers"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "seed_researchers_catalog_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "seed_researchers"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "organizations_catalog_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organizations"
  FOR EACH STATEMENT EXECUTE FUNCTION "kyoso_catalog_changed"();
