CREATE TABLE "speakers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "speeches" (
	"transcript_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"speaker_id" uuid,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"heading_level" integer,
	"colon" text,
	"continued" boolean DEFAULT false NOT NULL,
	"style" text,
	"paragraphs" jsonb,
	CONSTRAINT "speeches_pkey" PRIMARY KEY("transcript_id","id"),
	CONSTRAINT "speeches_kind_check" CHECK ("speeches"."kind" in ('speech', 'narrative', 'heading')),
	CONSTRAINT "speeches_heading_level_check" CHECK (("speeches"."kind" = 'heading') = ("speeches"."heading_level" is not null))
);
--> statement-breakpoint
CREATE TABLE "transcripts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"date" date,
	"title_date_prefix" text,
	"kind" text DEFAULT 'other' NOT NULL,
	"state" text DEFAULT 'published' NOT NULL,
	"language" text NOT NULL,
	"source_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transcripts_kind_check" CHECK ("transcripts"."kind" in ('monthly', 'quarterly', 'collaborative', 'prep', 'working', 'interview', 'speech', 'other')),
	CONSTRAINT "transcripts_state_check" CHECK ("transcripts"."state" in ('draft', 'in-review', 'published')),
	CONSTRAINT "transcripts_language_check" CHECK ("transcripts"."language" in ('zh-TW', 'en'))
);
--> statement-breakpoint
ALTER TABLE "speeches" ADD CONSTRAINT "speeches_transcript_id_transcripts_id_fk" FOREIGN KEY ("transcript_id") REFERENCES "public"."transcripts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeches" ADD CONSTRAINT "speeches_speaker_id_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."speakers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "speakers_slug_key" ON "speakers" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "speakers_name_key" ON "speakers" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "speeches_position_key" ON "speeches" USING btree ("transcript_id","position");--> statement-breakpoint
CREATE INDEX "speeches_speaker_idx" ON "speeches" USING btree ("speaker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transcripts_slug_key" ON "transcripts" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "transcripts_date_idx" ON "transcripts" USING btree ("date","id");