CREATE TABLE "transcript_review_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transcript_id" uuid NOT NULL,
	"speaker_id" uuid NOT NULL,
	"person_id" uuid,
	"email" text,
	"token_digest" text,
	"link_sent_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transcript_review_participants_contact_check" CHECK ("transcript_review_participants"."person_id" is not null or "transcript_review_participants"."email" is not null)
);
--> statement-breakpoint
CREATE TABLE "speech_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transcript_id" uuid NOT NULL,
	"speech_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"position" integer NOT NULL,
	"speaker_id" uuid,
	"text" text NOT NULL,
	"participant_id" uuid,
	"person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "speech_versions_action_check" CHECK ("speech_versions"."action" in ('create', 'edit', 'pseudonymise', 'delete', 'restore'))
);
--> statement-breakpoint
CREATE TABLE "transcript_alternates" (
	"slug_a" text NOT NULL,
	"slug_b" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transcript_alternates_pkey" PRIMARY KEY("slug_a","slug_b"),
	CONSTRAINT "transcript_alternates_order_check" CHECK ("transcript_alternates"."slug_a" < "transcript_alternates"."slug_b")
);
--> statement-breakpoint
CREATE TABLE "transcript_redirects" (
	"old_slug" text PRIMARY KEY NOT NULL,
	"new_slug" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "speakers" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "speeches" ADD COLUMN "time" text;--> statement-breakpoint
ALTER TABLE "speeches" ADD COLUMN "search_vector" "tsvector";--> statement-breakpoint
ALTER TABLE "speeches" ADD COLUMN "date" date;--> statement-breakpoint
ALTER TABLE "transcripts" ADD COLUMN "search_vector" "tsvector";--> statement-breakpoint
ALTER TABLE "transcripts" ADD COLUMN "meeting_id" uuid;--> statement-breakpoint
ALTER TABLE "transcripts" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "transcripts" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "transcripts" ADD COLUMN "review_opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "transcripts" ADD COLUMN "review_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "transcripts" ADD COLUMN "publish_not_before" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "transcripts" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "transcript_review_participants" ADD CONSTRAINT "transcript_review_participants_transcript_id_transcripts_id_fk" FOREIGN KEY ("transcript_id") REFERENCES "public"."transcripts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcript_review_participants" ADD CONSTRAINT "transcript_review_participants_speaker_id_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."speakers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcript_review_participants" ADD CONSTRAINT "transcript_review_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speech_versions" ADD CONSTRAINT "speech_versions_transcript_id_transcripts_id_fk" FOREIGN KEY ("transcript_id") REFERENCES "public"."transcripts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speech_versions" ADD CONSTRAINT "speech_versions_speaker_id_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."speakers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speech_versions" ADD CONSTRAINT "speech_versions_participant_id_transcript_review_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."transcript_review_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speech_versions" ADD CONSTRAINT "speech_versions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "transcript_review_participants_speaker_key" ON "transcript_review_participants" USING btree ("transcript_id","speaker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transcript_review_participants_token_key" ON "transcript_review_participants" USING btree ("token_digest");--> statement-breakpoint
CREATE UNIQUE INDEX "speech_versions_speech_key" ON "speech_versions" USING btree ("transcript_id","speech_id","version");--> statement-breakpoint
CREATE INDEX "transcript_alternates_b_idx" ON "transcript_alternates" USING btree ("slug_b");--> statement-breakpoint
ALTER TABLE "speakers" ADD CONSTRAINT "speakers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcripts" ADD CONSTRAINT "transcripts_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "speeches_search_idx" ON "speeches" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "speeches_date_idx" ON "speeches" USING btree ("date");--> statement-breakpoint
CREATE INDEX "transcripts_review_due_idx" ON "transcripts" USING btree ("review_ends_at") WHERE "transcripts"."state" = 'in-review';--> statement-breakpoint
CREATE INDEX "transcripts_search_idx" ON "transcripts" USING gin ("search_vector");--> statement-breakpoint
-- Versions are never rewritten (a transcript's deletion still removes its versions by cascade).
CREATE FUNCTION speech_versions_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'speech_versions is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER speech_versions_no_update BEFORE UPDATE ON speech_versions
  FOR EACH ROW EXECUTE FUNCTION speech_versions_no_update();
