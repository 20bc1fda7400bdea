CREATE TABLE "match_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"researcher_id" uuid NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"note" text,
	"rank" integer,
	"score" double precision,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_feedback_action_check" CHECK ("match_feedback"."action" in ('shortlist', 'dismiss', 'restore', 'inquire', 'accept', 'decline')),
	CONSTRAINT "match_feedback_reason_check" CHECK ("match_feedback"."reason" is null or "match_feedback"."reason" in ('off_topic', 'too_academic', 'wrong_scale', 'unavailable', 'conflict_of_interest', 'already_contacted', 'other'))
);
--> statement-breakpoint
CREATE TABLE "match_synonyms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"terms" text[] NOT NULL,
	"one_way" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_matches" (
	"need_id" uuid NOT NULL,
	"researcher_id" uuid NOT NULL,
	"state" text NOT NULL,
	"dismiss_reason" text,
	"note" text,
	"rank" integer,
	"score" double precision,
	"inquired_by" uuid,
	"inquired_at" timestamp with time zone,
	"response_note" text,
	"responded_at" timestamp with time zone,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_matches_need_id_researcher_id_pk" PRIMARY KEY("need_id","researcher_id"),
	CONSTRAINT "need_matches_state_check" CHECK ("need_matches"."state" in ('shortlisted', 'dismissed', 'inquired', 'accepted', 'declined')),
	CONSTRAINT "need_matches_dismiss_check" CHECK ("need_matches"."dismiss_reason" is null or "need_matches"."dismiss_reason" in ('off_topic', 'too_academic', 'wrong_scale', 'unavailable', 'conflict_of_interest', 'already_contacted', 'other'))
);
--> statement-breakpoint
ALTER TABLE "match_feedback" ADD CONSTRAINT "match_feedback_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_feedback" ADD CONSTRAINT "match_feedback_researcher_id_researchers_id_fk" FOREIGN KEY ("researcher_id") REFERENCES "public"."researchers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_feedback" ADD CONSTRAINT "match_feedback_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_synonyms" ADD CONSTRAINT "match_synonyms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_matches" ADD CONSTRAINT "need_matches_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_matches" ADD CONSTRAINT "need_matches_researcher_id_researchers_id_fk" FOREIGN KEY ("researcher_id") REFERENCES "public"."researchers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_matches" ADD CONSTRAINT "need_matches_inquired_by_users_id_fk" FOREIGN KEY ("inquired_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_matches" ADD CONSTRAINT "need_matches_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_feedback_need_idx" ON "match_feedback" USING btree ("need_id","created_at");--> statement-breakpoint
CREATE INDEX "match_feedback_action_idx" ON "match_feedback" USING btree ("action","created_at");--> statement-breakpoint
CREATE INDEX "need_matches_researcher_idx" ON "need_matches" USING btree ("researcher_id","state");