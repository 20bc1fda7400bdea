CREATE TABLE "kpi_snapshots" (
	"fiscal_year" smallint PRIMARY KEY NOT NULL,
	"figures" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"taken_by" uuid,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_targets" (
	"fiscal_year" smallint NOT NULL,
	"code" text NOT NULL,
	"target" double precision NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_targets_fiscal_year_code_pk" PRIMARY KEY("fiscal_year","code"),
	CONSTRAINT "kpi_targets_target_check" CHECK ("kpi_targets"."target" >= 0)
);
--> statement-breakpoint
ALTER TABLE "kpi_snapshots" ADD CONSTRAINT "kpi_snapshots_taken_by_users_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;