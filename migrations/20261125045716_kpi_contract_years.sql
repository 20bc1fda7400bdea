CREATE TABLE "kpi_contract_years" (
	"contract_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"signed_on" date,
	"cancelled_on" date,
	"direct" bigint NOT NULL,
	"indirect" bigint NOT NULL,
	"research_fee" bigint NOT NULL,
	"total" bigint NOT NULL,
	"area" text,
	"institution" uuid NOT NULL,
	"kosen_block" text,
	"referral_type" text NOT NULL,
	"company_payer" boolean NOT NULL,
	CONSTRAINT "kpi_contract_years_contract_id_fiscal_year_pk" PRIMARY KEY("contract_id","fiscal_year")
);
--> statement-breakpoint
ALTER TABLE "kpi_contract_years" ADD CONSTRAINT "kpi_contract_years_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_contract_years_fy_idx" ON "kpi_contract_years" USING btree ("fiscal_year");