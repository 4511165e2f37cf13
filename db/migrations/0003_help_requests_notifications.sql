CREATE TABLE "notification_prefs" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"email" text DEFAULT 'daily' NOT NULL,
	"last_digest_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb,
	"url" text,
	"urgent" boolean DEFAULT false NOT NULL,
	"merge_key" text,
	"count" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "help_clock_settings" (
	"target_kind" text PRIMARY KEY NOT NULL,
	"acknowledge_days" integer NOT NULL,
	"respond_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_escalations" (
	"request_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"clock" text NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "help_escalations_request_id_level_pk" PRIMARY KEY("request_id","level")
);
--> statement-breakpoint
CREATE TABLE "help_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "help_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"requester_id" uuid NOT NULL,
	"requester_agency_id" uuid,
	"matter_id" uuid,
	"target_kind" text NOT NULL,
	"target_id" uuid,
	"support_kind" text,
	"state" text DEFAULT 'open' NOT NULL,
	"acknowledge_days" integer NOT NULL,
	"respond_days" integer NOT NULL,
	"acknowledge_due_at" timestamp with time zone NOT NULL,
	"respond_due_at" timestamp with time zone NOT NULL,
	"next_due_at" timestamp with time zone,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"answer" text,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "help_requests_state_check" CHECK ("help_requests"."state" in ('open', 'acknowledged', 'answered', 'withdrawn')),
	CONSTRAINT "help_requests_target_check" CHECK ("help_requests"."target_kind" in ('unit', 'agency-po', 'pdis', 'partner', 'pool'))
);
--> statement-breakpoint
ALTER TABLE "notification_prefs" ADD CONSTRAINT "notification_prefs_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_escalations" ADD CONSTRAINT "help_escalations_request_id_help_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."help_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_events" ADD CONSTRAINT "help_events_request_id_help_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."help_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_requester_id_people_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_person_idx" ON "notifications" USING btree ("person_id","updated_at");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("person_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_merge_key" ON "notifications" USING btree ("person_id","merge_key") WHERE "notifications"."read_at" is null and "notifications"."merge_key" is not null;--> statement-breakpoint
CREATE INDEX "notifications_digest_idx" ON "notifications" USING btree ("person_id") WHERE "notifications"."emailed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "help_clock_settings_kind_key" ON "help_clock_settings" USING btree ("target_kind");--> statement-breakpoint
CREATE INDEX "help_events_request_idx" ON "help_events" USING btree ("request_id","id");--> statement-breakpoint
CREATE INDEX "help_requests_due_idx" ON "help_requests" USING btree ("next_due_at") WHERE "help_requests"."next_due_at" is not null;--> statement-breakpoint
CREATE INDEX "help_requests_requester_idx" ON "help_requests" USING btree ("requester_id","created_at");--> statement-breakpoint
CREATE INDEX "help_requests_target_idx" ON "help_requests" USING btree ("target_kind","target_id","state");--> statement-breakpoint
CREATE INDEX "help_requests_matter_idx" ON "help_requests" USING btree ("matter_id");