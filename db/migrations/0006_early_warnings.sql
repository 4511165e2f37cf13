CREATE TABLE "early_warning_agencies" (
	"warning_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"carried_from" uuid,
	CONSTRAINT "early_warning_agencies_warning_id_agency_id_pk" PRIMARY KEY("warning_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "early_warning_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"warning_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"origin_id" uuid,
	"carried_from" uuid
);
--> statement-breakpoint
CREATE TABLE "early_warning_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"warning_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "early_warning_evidence" (
	"warning_id" uuid NOT NULL,
	"url" text NOT NULL,
	"position" integer NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	"carried_from" uuid,
	CONSTRAINT "early_warning_evidence_warning_id_url_pk" PRIMARY KEY("warning_id","url")
);
--> statement-breakpoint
CREATE TABLE "early_warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"signal_source" text NOT NULL,
	"severity" text NOT NULL,
	"flare_up_within_days" integer NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"raised_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"merged_into_id" uuid,
	"merged_at" timestamp with time zone,
	"merged_by" uuid,
	"converted_kind" text,
	"converted_id" uuid,
	"converted_reference" text,
	"converted_at" timestamp with time zone,
	"converted_by" uuid,
	"ask_due_at" timestamp with time zone,
	"asked_at" timestamp with time zone,
	"happened" text,
	"outcome_note" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	CONSTRAINT "early_warnings_source_check" CHECK ("early_warnings"."signal_source" in ('legislator', 'media', 'online', 'petition', 'local-office', 'internal')),
	CONSTRAINT "early_warnings_severity_check" CHECK ("early_warnings"."severity" in ('low', 'medium', 'high')),
	CONSTRAINT "early_warnings_state_check" CHECK ("early_warnings"."state" in ('open', 'merged', 'converted', 'closed')),
	CONSTRAINT "early_warnings_window_check" CHECK ("early_warnings"."flare_up_within_days" between 1 and 365),
	CONSTRAINT "early_warnings_merged_check" CHECK (("early_warnings"."state" = 'merged') = ("early_warnings"."merged_into_id" is not null) and "early_warnings"."merged_into_id" <> "early_warnings"."id"),
	CONSTRAINT "early_warnings_converted_kind_check" CHECK ("early_warnings"."converted_kind" in ('matter', 'consultation', 'collaborative-topic')),
	CONSTRAINT "early_warnings_converted_check" CHECK (("early_warnings"."state" = 'converted') = ("early_warnings"."converted_kind" is not null and "early_warnings"."converted_id" is not null)),
	CONSTRAINT "early_warnings_happened_check" CHECK ("early_warnings"."happened" in ('yes', 'no', 'partly'))
);
--> statement-breakpoint
ALTER TABLE "early_warning_agencies" ADD CONSTRAINT "early_warning_agencies_warning_id_early_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."early_warnings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warning_agencies" ADD CONSTRAINT "early_warning_agencies_agency_id_orgs_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warning_agencies" ADD CONSTRAINT "early_warning_agencies_carried_from_early_warnings_id_fk" FOREIGN KEY ("carried_from") REFERENCES "public"."early_warnings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warning_comments" ADD CONSTRAINT "early_warning_comments_warning_id_early_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."early_warnings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warning_comments" ADD CONSTRAINT "early_warning_comments_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warning_comments" ADD CONSTRAINT "early_warning_comments_origin_id_early_warning_comments_id_fk" FOREIGN KEY ("origin_id") REFERENCES "public"."early_warning_comments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warning_comments" ADD CONSTRAINT "early_warning_comments_carried_from_early_warnings_id_fk" FOREIGN KEY ("carried_from") REFERENCES "public"."early_warnings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warning_events" ADD CONSTRAINT "early_warning_events_warning_id_early_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."early_warnings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warning_events" ADD CONSTRAINT "early_warning_events_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warning_evidence" ADD CONSTRAINT "early_warning_evidence_warning_id_early_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."early_warnings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warning_evidence" ADD CONSTRAINT "early_warning_evidence_added_by_people_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warning_evidence" ADD CONSTRAINT "early_warning_evidence_carried_from_early_warnings_id_fk" FOREIGN KEY ("carried_from") REFERENCES "public"."early_warnings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warnings" ADD CONSTRAINT "early_warnings_raised_by_people_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warnings" ADD CONSTRAINT "early_warnings_merged_into_id_early_warnings_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."early_warnings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warnings" ADD CONSTRAINT "early_warnings_merged_by_people_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warnings" ADD CONSTRAINT "early_warnings_converted_by_people_id_fk" FOREIGN KEY ("converted_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warnings" ADD CONSTRAINT "early_warnings_answered_by_people_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "early_warning_agencies_agency_idx" ON "early_warning_agencies" USING btree ("agency_id","warning_id");--> statement-breakpoint
CREATE INDEX "early_warning_comments_warning_idx" ON "early_warning_comments" USING btree ("warning_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "early_warning_comments_origin_key" ON "early_warning_comments" USING btree ("warning_id","origin_id") WHERE "early_warning_comments"."origin_id" is not null;--> statement-breakpoint
CREATE INDEX "early_warning_events_warning_idx" ON "early_warning_events" USING btree ("warning_id","id");--> statement-breakpoint
CREATE INDEX "early_warnings_created_idx" ON "early_warnings" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "early_warnings_state_created_idx" ON "early_warnings" USING btree ("state","created_at","id");--> statement-breakpoint
CREATE INDEX "early_warnings_window_idx" ON "early_warnings" USING btree ("window_ends_at");--> statement-breakpoint
CREATE INDEX "early_warnings_ask_due_idx" ON "early_warnings" USING btree ("ask_due_at") WHERE "early_warnings"."ask_due_at" is not null;--> statement-breakpoint
CREATE INDEX "early_warnings_merged_into_idx" ON "early_warnings" USING btree ("merged_into_id") WHERE "early_warnings"."merged_into_id" is not null;--> statement-breakpoint
-- A warning's history is append-only, like the audit log: no entry may be changed or removed.
CREATE FUNCTION early_warning_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'early_warning_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER early_warning_events_no_update_delete BEFORE UPDATE OR DELETE ON early_warning_events
  FOR EACH ROW EXECUTE FUNCTION early_warning_events_append_only();
--> statement-breakpoint
CREATE TRIGGER early_warning_events_no_truncate BEFORE TRUNCATE ON early_warning_events
  FOR EACH STATEMENT EXECUTE FUNCTION early_warning_events_append_only();
