CREATE TABLE "petition_agencies" (
	"petition_id" uuid NOT NULL,
	"role" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "petition_agencies_petition_id_role_agency_id_pk" PRIMARY KEY("petition_id","role","agency_id"),
	CONSTRAINT "petition_agencies_role_check" CHECK ("petition_agencies"."role" in ('named', 'lead', 'co', 'related'))
);
--> statement-breakpoint
CREATE TABLE "petition_clocks" (
	"petition_id" uuid NOT NULL,
	"clock" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"next_due_at" timestamp with time zone,
	"level" integer DEFAULT 0 NOT NULL,
	"stopped_at" timestamp with time zone,
	CONSTRAINT "petition_clocks_petition_id_clock_pk" PRIMARY KEY("petition_id","clock"),
	CONSTRAINT "petition_clocks_clock_check" CHECK ("petition_clocks"."clock" in ('plan', 'response', 'reply', 'window', 'warn-no-response'))
);
--> statement-breakpoint
CREATE TABLE "petition_endorsements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"petition_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "petition_endorsements_count_check" CHECK ("petition_endorsements"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "petition_escalations" (
	"petition_id" uuid NOT NULL,
	"clock" text NOT NULL,
	"level" integer NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "petition_escalations_petition_id_clock_level_pk" PRIMARY KEY("petition_id","clock","level")
);
--> statement-breakpoint
CREATE TABLE "petition_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"petition_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "petition_followers" (
	"petition_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "petition_followers_petition_id_person_id_pk" PRIMARY KEY("petition_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "petition_responses" (
	"petition_id" uuid PRIMARY KEY NOT NULL,
	"analysis" text NOT NULL,
	"suggestion" text NOT NULL,
	"plan" text NOT NULL,
	"references" jsonb NOT NULL,
	"citations" jsonb NOT NULL,
	"evaluated_by" text NOT NULL,
	"evaluation_method" text NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "petition_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"warn_at_percent" integer NOT NULL,
	"no_response_days" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "petition_settings_one_row" CHECK ("petition_settings"."id" = 1),
	CONSTRAINT "petition_settings_percent_check" CHECK ("petition_settings"."warn_at_percent" between 1 and 99),
	CONSTRAINT "petition_settings_days_check" CHECK ("petition_settings"."no_response_days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "petition_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"body" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'petition' NOT NULL,
	"external_id" text,
	"source_url" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"proposer" text,
	"threshold" integer NOT NULL,
	"endorsement_count" integer DEFAULT 0 NOT NULL,
	"endorsement_count_at" timestamp with time zone,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"qualified_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"plan_body" text,
	"plan_published_at" timestamp with time zone,
	"plan_published_by" uuid,
	"responded_at" timestamp with time zone,
	"extension_reason" text,
	"extended_at" timestamp with time zone,
	"extended_by" uuid,
	"original_response_due_at" timestamp with time zone,
	"threshold_warning_id" uuid,
	"no_response_warning_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "petitions_kind_check" CHECK ("petitions"."kind" in ('petition', 'notice')),
	CONSTRAINT "petitions_state_check" CHECK ("petitions"."state" in ('open', 'qualified', 'not-qualified', 'assigned', 'plan-published', 'responded', 'closed')),
	CONSTRAINT "petitions_threshold_check" CHECK ("petitions"."threshold" > 0),
	CONSTRAINT "petitions_count_check" CHECK ("petitions"."endorsement_count" >= 0),
	CONSTRAINT "petitions_window_check" CHECK ("petitions"."closes_at" > "petitions"."opens_at"),
	CONSTRAINT "petitions_extension_check" CHECK (("petitions"."extended_at" is null) = ("petitions"."extension_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "early_warnings" ALTER COLUMN "raised_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "petition_agencies" ADD CONSTRAINT "petition_agencies_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_agencies" ADD CONSTRAINT "petition_agencies_agency_id_orgs_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_clocks" ADD CONSTRAINT "petition_clocks_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_endorsements" ADD CONSTRAINT "petition_endorsements_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_escalations" ADD CONSTRAINT "petition_escalations_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_followers" ADD CONSTRAINT "petition_followers_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_followers" ADD CONSTRAINT "petition_followers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_responses" ADD CONSTRAINT "petition_responses_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_responses" ADD CONSTRAINT "petition_responses_published_by_people_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_responses" ADD CONSTRAINT "petition_responses_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_updates" ADD CONSTRAINT "petition_updates_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_updates" ADD CONSTRAINT "petition_updates_by_people_id_fk" FOREIGN KEY ("by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_plan_published_by_people_id_fk" FOREIGN KEY ("plan_published_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_extended_by_people_id_fk" FOREIGN KEY ("extended_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petition_agencies_agency_idx" ON "petition_agencies" USING btree ("agency_id","role");--> statement-breakpoint
CREATE INDEX "petition_clocks_due_idx" ON "petition_clocks" USING btree ("next_due_at") WHERE "petition_clocks"."next_due_at" is not null;--> statement-breakpoint
CREATE INDEX "petition_endorsements_petition_idx" ON "petition_endorsements" USING btree ("petition_id","at");--> statement-breakpoint
CREATE INDEX "petition_events_petition_idx" ON "petition_events" USING btree ("petition_id","id");--> statement-breakpoint
CREATE INDEX "petition_followers_person_idx" ON "petition_followers" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "petition_updates_petition_idx" ON "petition_updates" USING btree ("petition_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_external_id_key" ON "petitions" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "petitions_created_idx" ON "petitions" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "petitions_state_idx" ON "petitions" USING btree ("state","created_at");