CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"attachments" jsonb,
	"kind" text DEFAULT 'other' NOT NULL,
	"related_type" text,
	"related_id" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"last_error" text,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_outbox_status_check" CHECK ("mail_outbox"."status" in ('queued', 'sent', 'failed', 'outbox'))
);
--> statement-breakpoint
CREATE TABLE "need_counters" (
	"year" smallint PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_viewers" (
	"need_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_viewers_need_id_user_id_pk" PRIMARY KEY("need_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference_number" text NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"tried" text,
	"desired_outcome" text,
	"budget_range" text DEFAULT 'undecided' NOT NULL,
	"timing" text DEFAULT 'undecided' NOT NULL,
	"area_code" text,
	"preferred_area_code" text,
	"language" text DEFAULT 'ja' NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text,
	"contact_phone" text,
	"organization_name" text NOT NULL,
	"submitted_by" uuid,
	"company_organization_id" uuid,
	"referral_organization_id" uuid,
	"referral_branch" text,
	"referral_staff_name" text,
	"confidentiality" text DEFAULT 'coordinators' NOT NULL,
	"nda_required" boolean DEFAULT false NOT NULL,
	"nda_status" text DEFAULT 'none' NOT NULL,
	"nda_signed_at" timestamp with time zone,
	"anonymous_until_agreed" boolean DEFAULT false NOT NULL,
	"name_agreed" boolean DEFAULT false NOT NULL,
	"public_summary" text,
	"status" text DEFAULT 'received' NOT NULL,
	"source" text NOT NULL,
	"submitted_ip" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "needs_reference_check" CHECK ("needs"."reference_number" ~ '^N-[0-9]{4}-[0-9]{6,}$'),
	CONSTRAINT "needs_confidentiality_check" CHECK ("needs"."confidentiality" in ('public_summary', 'members', 'coordinators', 'named')),
	CONSTRAINT "needs_status_check" CHECK ("needs"."status" in ('received', 'screening', 'closed')),
	CONSTRAINT "needs_nda_status_check" CHECK ("needs"."nda_status" in ('none', 'requested', 'signed')),
	CONSTRAINT "needs_language_check" CHECK ("needs"."language" in ('ja', 'en')),
	CONSTRAINT "needs_source_check" CHECK ("needs"."source" in ('public_form', 'signed_in')),
	CONSTRAINT "needs_budget_check" CHECK ("needs"."budget_range" in ('undecided', 'under_1m', '1m_5m', '5m_10m', '10m_30m', 'over_30m')),
	CONSTRAINT "needs_timing_check" CHECK ("needs"."timing" in ('asap', 'within_3m', 'within_6m', 'within_1y', 'undecided'))
);
--> statement-breakpoint
ALTER TABLE "need_viewers" ADD CONSTRAINT "need_viewers_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_viewers" ADD CONSTRAINT "need_viewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_viewers" ADD CONSTRAINT "need_viewers_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_preferred_area_code_areas_code_fk" FOREIGN KEY ("preferred_area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_company_organization_id_organizations_id_fk" FOREIGN KEY ("company_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_referral_organization_id_organizations_id_fk" FOREIGN KEY ("referral_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("next_attempt_at") WHERE "mail_outbox"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "mail_outbox_created_idx" ON "mail_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_related_idx" ON "mail_outbox" USING btree ("related_type","related_id");--> statement-breakpoint
CREATE INDEX "need_viewers_user_idx" ON "need_viewers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "needs_reference_key" ON "needs" USING btree ("reference_number");--> statement-breakpoint
CREATE INDEX "needs_created_idx" ON "needs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "needs_area_idx" ON "needs" USING btree ("area_code");--> statement-breakpoint
CREATE INDEX "needs_submitted_by_idx" ON "needs" USING btree ("submitted_by");--> statement-breakpoint
CREATE INDEX "needs_company_idx" ON "needs" USING btree ("company_organization_id");--> statement-breakpoint
CREATE INDEX "needs_referral_idx" ON "needs" USING btree ("referral_organization_id");--> statement-breakpoint
CREATE INDEX "needs_ip_idx" ON "needs" USING btree ("submitted_ip","created_at");