CREATE TABLE "contract_budget_years" (
	"contract_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"personnel" bigint DEFAULT 0 NOT NULL,
	"consumables" bigint DEFAULT 0 NOT NULL,
	"travel" bigint DEFAULT 0 NOT NULL,
	"equipment" bigint DEFAULT 0 NOT NULL,
	"other" bigint DEFAULT 0 NOT NULL,
	"direct" bigint NOT NULL,
	"indirect" bigint NOT NULL,
	"research_fee" bigint DEFAULT 0 NOT NULL,
	"total" bigint NOT NULL,
	CONSTRAINT "contract_budget_years_contract_id_fiscal_year_pk" PRIMARY KEY("contract_id","fiscal_year"),
	CONSTRAINT "contract_budget_years_sum_check" CHECK ("contract_budget_years"."direct" = "contract_budget_years"."personnel" + "contract_budget_years"."consumables" + "contract_budget_years"."travel" + "contract_budget_years"."equipment" + "contract_budget_years"."other" and "contract_budget_years"."total" = "contract_budget_years"."direct" + "contract_budget_years"."indirect" + "contract_budget_years"."research_fee"),
	CONSTRAINT "contract_budget_years_sign_check" CHECK (least("contract_budget_years"."personnel", "contract_budget_years"."consumables", "contract_budget_years"."travel", "contract_budget_years"."equipment", "contract_budget_years"."other", "contract_budget_years"."indirect", "contract_budget_years"."research_fee") >= 0)
);
--> statement-breakpoint
CREATE TABLE "contract_contributions" (
	"contract_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "contract_contributions_party_id_fiscal_year_pk" PRIMARY KEY("party_id","fiscal_year"),
	CONSTRAINT "contract_contributions_amount_check" CHECK ("contract_contributions"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "contract_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_documents_kind_check" CHECK ("contract_documents"."kind" in ('application', 'acceptance_notice', 'contract', 'amendment', 'completion_report', 'other'))
);
--> statement-breakpoint
CREATE TABLE "contract_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"body" text,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_events_kind_check" CHECK ("contract_events"."kind" in ('created', 'updated', 'status', 'signed', 'amended', 'invoice_issued', 'invoice_cancelled', 'payment', 'document'))
);
--> statement-breakpoint
CREATE TABLE "contract_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"researcher_id" uuid,
	"name" text NOT NULL,
	"organization_id" uuid,
	"task" text,
	"fees" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "contract_members_kind_check" CHECK ("contract_members"."kind" in ('pi', 'researcher', 'hosted'))
);
--> statement-breakpoint
CREATE TABLE "contract_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" text NOT NULL,
	"department" text,
	"contact_name" text,
	"contact_email" text,
	"postal_code" text,
	"address" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "contract_parties_role_check" CHECK ("contract_parties"."role" in ('sponsor', 'member', 'lead_institution', 'participating_institution'))
);
--> statement-breakpoint
CREATE TABLE "contract_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"title" text NOT NULL,
	"purpose" text,
	"place" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"institution_id" uuid NOT NULL,
	"case_id" uuid,
	"need_id" uuid,
	"open_call_id" uuid,
	"ip_terms" text,
	"confidentiality_terms" text,
	"publication_terms" text,
	"equipment_terms" text,
	"steering_committee" text,
	"rate_bp" integer,
	"rate_basis" text,
	"rate_step" integer DEFAULT 1 NOT NULL,
	"rate_effective_from" date,
	"rate_exception_reason" text,
	"rate_fixed_at" timestamp with time zone,
	"tax_rate_bp" integer,
	"signed_on" date,
	"completed_on" date,
	"cancelled_on" date,
	"cancel_reason" text,
	"revision" integer DEFAULT 0 NOT NULL,
	"direct_total" bigint DEFAULT 0 NOT NULL,
	"indirect_total" bigint DEFAULT 0 NOT NULL,
	"research_fee_total" bigint DEFAULT 0 NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_type_check" CHECK ("contracts"."type" in ('joint', 'commissioned', 'guidance', 'pooled', 'consortium', 'open_call')),
	CONSTRAINT "contracts_status_check" CHECK ("contracts"."status" in ('applied', 'accepted', 'signed', 'invoiced', 'paid', 'in_progress', 'completed', 'cancelled')),
	CONSTRAINT "contracts_period_check" CHECK ("contracts"."end_date" >= "contracts"."start_date"),
	CONSTRAINT "contracts_step_check" CHECK ("contracts"."rate_step" in (1, 10, 100, 1000))
);
--> statement-breakpoint
CREATE TABLE "indirect_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"contract_types" text[] DEFAULT '{}' NOT NULL,
	"effective_from" date NOT NULL,
	"rate_bp" integer NOT NULL,
	"basis" text NOT NULL,
	"note" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indirect_rates_basis_check" CHECK ("indirect_rates"."basis" in ('direct', 'total')),
	CONSTRAINT "indirect_rates_rate_check" CHECK ("indirect_rates"."rate_bp" between 0 and 100000)
);
--> statement-breakpoint
CREATE TABLE "institution_billing" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"department" text,
	"postal_code" text,
	"address" text,
	"phone" text,
	"email" text,
	"registration_number" text,
	"bank_name" text,
	"branch_name" text,
	"account_type" text,
	"account_number" text,
	"account_holder" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_payments_amount_check" CHECK ("invoice_payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"contract_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"instalment" integer NOT NULL,
	"subject" text NOT NULL,
	"amount" bigint NOT NULL,
	"tax_rate_bp" integer,
	"tax" bigint NOT NULL,
	"total" bigint NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"paid_amount" bigint DEFAULT 0 NOT NULL,
	"paid_on" date,
	"cancel_reason" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_status_check" CHECK ("invoices"."status" in ('issued', 'paid', 'cancelled')),
	CONSTRAINT "invoices_amount_check" CHECK ("invoices"."amount" > 0 and "invoices"."total" = "invoices"."amount" + "invoices"."tax"),
	CONSTRAINT "invoices_due_check" CHECK ("invoices"."due_date" >= "invoices"."issue_date")
);
--> statement-breakpoint
CREATE TABLE "number_counters" (
	"kind" text NOT NULL,
	"year" smallint NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "number_counters_kind_year_pk" PRIMARY KEY("kind","year")
);
--> statement-breakpoint
CREATE TABLE "open_call_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"applicant_id" uuid,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"proposal" text NOT NULL,
	"contribution" bigint NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open_call_applications_status_check" CHECK ("open_call_applications"."status" in ('submitted', 'accepted', 'rejected')),
	CONSTRAINT "open_call_applications_contribution_check" CHECK ("open_call_applications"."contribution" >= 0)
);
--> statement-breakpoint
CREATE TABLE "open_call_reviews" (
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open_call_reviews_application_id_reviewer_id_pk" PRIMARY KEY("application_id","reviewer_id"),
	CONSTRAINT "open_call_reviews_score_check" CHECK ("open_call_reviews"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "open_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"background" text NOT NULL,
	"goals" text NOT NULL,
	"expected_contribution" text NOT NULL,
	"ip_rule" text NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"institution_id" uuid NOT NULL,
	"contract_type" text DEFAULT 'open_call' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"contract_id" uuid,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open_calls_status_check" CHECK ("open_calls"."status" in ('draft', 'published', 'closed', 'decided')),
	CONSTRAINT "open_calls_type_check" CHECK ("open_calls"."contract_type" in ('open_call', 'pooled', 'consortium'))
);
--> statement-breakpoint
ALTER TABLE "contract_budget_years" ADD CONSTRAINT "contract_budget_years_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_contributions" ADD CONSTRAINT "contract_contributions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_contributions" ADD CONSTRAINT "contract_contributions_party_id_contract_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."contract_parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_documents" ADD CONSTRAINT "contract_documents_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_documents" ADD CONSTRAINT "contract_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_events" ADD CONSTRAINT "contract_events_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_events" ADD CONSTRAINT "contract_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_members" ADD CONSTRAINT "contract_members_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_members" ADD CONSTRAINT "contract_members_researcher_id_researchers_id_fk" FOREIGN KEY ("researcher_id") REFERENCES "public"."researchers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_members" ADD CONSTRAINT "contract_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_parties" ADD CONSTRAINT "contract_parties_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_parties" ADD CONSTRAINT "contract_parties_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_revisions" ADD CONSTRAINT "contract_revisions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_revisions" ADD CONSTRAINT "contract_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_institution_id_organizations_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_open_call_id_open_calls_id_fk" FOREIGN KEY ("open_call_id") REFERENCES "public"."open_calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indirect_rates" ADD CONSTRAINT "indirect_rates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indirect_rates" ADD CONSTRAINT "indirect_rates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_billing" ADD CONSTRAINT "institution_billing_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_billing" ADD CONSTRAINT "institution_billing_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_party_id_contract_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."contract_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_call_applications" ADD CONSTRAINT "open_call_applications_call_id_open_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."open_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_call_applications" ADD CONSTRAINT "open_call_applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_call_applications" ADD CONSTRAINT "open_call_applications_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_call_applications" ADD CONSTRAINT "open_call_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_call_reviews" ADD CONSTRAINT "open_call_reviews_application_id_open_call_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."open_call_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_call_reviews" ADD CONSTRAINT "open_call_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_calls" ADD CONSTRAINT "open_calls_institution_id_organizations_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_calls" ADD CONSTRAINT "open_calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_budget_years_fy_idx" ON "contract_budget_years" USING btree ("fiscal_year");--> statement-breakpoint
CREATE INDEX "contract_contributions_contract_idx" ON "contract_contributions" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "contract_documents_contract_idx" ON "contract_documents" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "contract_events_contract_idx" ON "contract_events" USING btree ("contract_id","created_at");--> statement-breakpoint
CREATE INDEX "contract_members_contract_idx" ON "contract_members" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "contract_members_researcher_idx" ON "contract_members" USING btree ("researcher_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_parties_org_key" ON "contract_parties" USING btree ("contract_id","organization_id");--> statement-breakpoint
CREATE INDEX "contract_parties_org_idx" ON "contract_parties" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_revisions_key" ON "contract_revisions" USING btree ("contract_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_number_key" ON "contracts" USING btree ("number");--> statement-breakpoint
CREATE INDEX "contracts_institution_idx" ON "contracts" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "contracts_status_idx" ON "contracts" USING btree ("status");--> statement-breakpoint
CREATE INDEX "contracts_case_idx" ON "contracts" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "contracts_start_idx" ON "contracts" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "indirect_rates_org_idx" ON "indirect_rates" USING btree ("organization_id","effective_from");--> statement-breakpoint
CREATE INDEX "invoice_payments_invoice_idx" ON "invoice_payments" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_key" ON "invoices" USING btree ("number");--> statement-breakpoint
CREATE INDEX "invoices_contract_idx" ON "invoices" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "invoices_due_idx" ON "invoices" USING btree ("due_date") WHERE "invoices"."status" = 'issued';--> statement-breakpoint
CREATE UNIQUE INDEX "open_call_applications_org_key" ON "open_call_applications" USING btree ("call_id","organization_id");--> statement-breakpoint
CREATE INDEX "open_calls_status_idx" ON "open_calls" USING btree ("status","deadline");