ALTER TABLE "meeting_voters" ADD COLUMN "reminder_digest" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "ballot_reminded_round" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_voters_reminder_key" ON "meeting_voters" USING btree ("reminder_digest") WHERE "meeting_voters"."reminder_digest" is not null;