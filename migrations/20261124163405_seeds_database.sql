CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"dry_run" boolean NOT NULL,
	"partial" boolean NOT NULL,
	"status" text NOT NULL,
	"progress" jsonb NOT NULL,
	"report" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "researcher_works" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"researcher_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title_ja" text,
	"title_en" text,
	"abstract_ja" text,
	"abstract_en" text,
	"year" smallint,
	"venue" text,
	"url" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"source_id" text,
	"terms" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "researcher_works_kind_check" CHECK ("researcher_works"."kind" in ('paper', 'patent', 'grant'))
);
--> statement-breakpoint
CREATE TABLE "researchers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"organization_id" uuid NOT NULL,
	"external_id" text,
	"erad_id" text,
	"researchmap_permalink" text,
	"orcid" text,
	"name_ja" text,
	"name_en" text,
	"name_kana" text,
	"department" text,
	"position" text,
	"research_areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"keywords_ja" text[] DEFAULT '{}' NOT NULL,
	"keywords_en" text[] DEFAULT '{}' NOT NULL,
	"biography_ja" text,
	"biography_en" text,
	"equipment" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"accepting_inquiries" boolean DEFAULT true NOT NULL,
	"terms" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_vector" "tsvector",
	"analyzer_version" integer DEFAULT 0 NOT NULL,
	"import_hash" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "researchers_name_check" CHECK ("researchers"."name_ja" is not null or "researchers"."name_en" is not null),
	CONSTRAINT "researchers_erad_check" CHECK ("researchers"."erad_id" ~ '^[0-9]{8}$')
);
--> statement-breakpoint
CREATE TABLE "revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_email" text,
	"source" text NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seed_images" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seed_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"caption" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seed_researchers" (
	"seed_id" uuid NOT NULL,
	"researcher_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "seed_researchers_seed_id_researcher_id_pk" PRIMARY KEY("seed_id","researcher_id")
);
--> statement-breakpoint
CREATE TABLE "seeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"organization_id" uuid NOT NULL,
	"title_ja" text,
	"title_en" text,
	"summary_ja" text,
	"summary_en" text,
	"overview_ja" text,
	"overview_en" text,
	"features_ja" text,
	"features_en" text,
	"applications_ja" text,
	"applications_en" text,
	"keywords_ja" text[] DEFAULT '{}' NOT NULL,
	"keywords_en" text[] DEFAULT '{}' NOT NULL,
	"fields" text[] DEFAULT '{}' NOT NULL,
	"trl" smallint,
	"phase" text,
	"patents" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"published_at" timestamp with time zone,
	"terms" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_vector" "tsvector",
	"analyzer_version" integer DEFAULT 0 NOT NULL,
	"import_hash" text,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seeds_title_check" CHECK ("seeds"."title_ja" is not null or "seeds"."title_en" is not null),
	CONSTRAINT "seeds_trl_check" CHECK ("seeds"."trl" between 1 and 9),
	CONSTRAINT "seeds_status_check" CHECK ("seeds"."status" in ('draft', 'published', 'archived')),
	CONSTRAINT "seeds_visibility_check" CHECK ("seeds"."visibility" in ('public', 'members', 'coordinators')),
	CONSTRAINT "seeds_phase_check" CHECK ("seeds"."phase" in ('basic', 'applied', 'practical'))
);
--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "researcher_works" ADD CONSTRAINT "researcher_works_researcher_id_researchers_id_fk" FOREIGN KEY ("researcher_id") REFERENCES "public"."researchers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "researchers" ADD CONSTRAINT "researchers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "researchers" ADD CONSTRAINT "researchers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seed_images" ADD CONSTRAINT "seed_images_seed_id_seeds_id_fk" FOREIGN KEY ("seed_id") REFERENCES "public"."seeds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seed_researchers" ADD CONSTRAINT "seed_researchers_seed_id_seeds_id_fk" FOREIGN KEY ("seed_id") REFERENCES "public"."seeds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seed_researchers" ADD CONSTRAINT "seed_researchers_researcher_id_researchers_id_fk" FOREIGN KEY ("researcher_id") REFERENCES "public"."researchers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seeds" ADD CONSTRAINT "seeds_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seeds" ADD CONSTRAINT "seeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "researcher_works_researcher_idx" ON "researcher_works" USING btree ("researcher_id");--> statement-breakpoint
CREATE UNIQUE INDEX "researchers_user_key" ON "researchers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "researchers_external_id_key" ON "researchers" USING btree ("external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "researchers_erad_id_key" ON "researchers" USING btree ("erad_id");--> statement-breakpoint
CREATE UNIQUE INDEX "researchers_researchmap_key" ON "researchers" USING btree ("researchmap_permalink");--> statement-breakpoint
CREATE UNIQUE INDEX "researchers_orcid_key" ON "researchers" USING btree ("orcid");--> statement-breakpoint
CREATE INDEX "researchers_org_idx" ON "researchers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "researchers_search_idx" ON "researchers" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "revisions_entity_idx" ON "revisions" USING btree ("entity_type","entity_id","version");--> statement-breakpoint
CREATE INDEX "seed_images_seed_idx" ON "seed_images" USING btree ("seed_id");--> statement-breakpoint
CREATE INDEX "seed_researchers_researcher_idx" ON "seed_researchers" USING btree ("researcher_id");--> statement-breakpoint
CREATE UNIQUE INDEX "seeds_external_id_key" ON "seeds" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "seeds_org_idx" ON "seeds" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "seeds_status_visibility_idx" ON "seeds" USING btree ("status","visibility");--> statement-breakpoint
CREATE INDEX "seeds_search_idx" ON "seeds" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "seeds_fields_idx" ON "seeds" USING gin ("fields");