CREATE TABLE "commitment_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commitment_id" uuid NOT NULL,
	"status" text NOT NULL,
	"body" text NOT NULL,
	"evidence" text[] DEFAULT '{}'::text[] NOT NULL,
	"author_id" uuid,
	"agency_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "commitment_updates_status_check" CHECK ("commitment_updates"."status" in ('open', 'in-progress', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"text" text NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"case_id" uuid,
	"meeting_id" uuid,
	"petition_id" uuid,
	"dropped_reason" text,
	"overdue_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "commitments_status_check" CHECK ("commitments"."status" in ('open', 'in-progress', 'done', 'dropped')),
	CONSTRAINT "commitments_source_check" CHECK ("commitments"."case_id" is not null or "commitments"."petition_id" is not null),
	CONSTRAINT "commitments_dropped_reason_check" CHECK ("commitments"."status" <> 'dropped' or coalesce("commitments"."dropped_reason", '') <> '')
);
--> statement-breakpoint
CREATE TABLE "tracking_decisions" (
	"meeting_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tracking_decisions_meeting_id_case_id_pk" PRIMARY KEY("meeting_id","case_id"),
	CONSTRAINT "tracking_decisions_decision_check" CHECK ("tracking_decisions"."decision" in ('continue', 'release', 'noted'))
);
--> statement-breakpoint
ALTER TABLE "commitment_updates" ADD CONSTRAINT "commitment_updates_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_updates" ADD CONSTRAINT "commitment_updates_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_updates" ADD CONSTRAINT "commitment_updates_agency_id_orgs_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_owner_agency_id_orgs_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_decisions" ADD CONSTRAINT "tracking_decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_decisions" ADD CONSTRAINT "tracking_decisions_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_updates_commitment_idx" ON "commitment_updates" USING btree ("commitment_id","id");--> statement-breakpoint
CREATE INDEX "commitments_case_idx" ON "commitments" USING btree ("case_id","due_on");--> statement-breakpoint
CREATE INDEX "commitments_petition_idx" ON "commitments" USING btree ("petition_id","due_on");--> statement-breakpoint
CREATE INDEX "commitments_agency_idx" ON "commitments" USING btree ("owner_agency_id","due_on");--> statement-breakpoint
CREATE INDEX "commitments_due_idx" ON "commitments" USING btree ("due_on") WHERE "commitments"."overdue_at" is null and "commitments"."status" in ('open', 'in-progress');--> statement-breakpoint
CREATE INDEX "tracking_decisions_case_idx" ON "tracking_decisions" USING btree ("case_id","decided_at");