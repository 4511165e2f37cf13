CREATE TABLE "case_checklist_items" (
	"case_id" uuid NOT NULL,
	"item" text NOT NULL,
	"done" boolean NOT NULL,
	"note" text,
	"evidence_url" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_checklist_items_case_id_item_pk" PRIMARY KEY("case_id","item"),
	CONSTRAINT "case_checklist_items_item_check" CHECK ("case_checklist_items"."item" in ('proposer-contacted', 'agency-agenda-linked', 'data-disclosed', 'plain-language-response'))
);
--> statement-breakpoint
CREATE TABLE "checklist_review_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"reviewer_agency_id" uuid NOT NULL,
	"note" text,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checklist_reviews" (
	"request_id" uuid NOT NULL,
	"item" text NOT NULL,
	"verdict" text NOT NULL,
	"comment" text,
	"reviewer_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "checklist_reviews_request_id_item_pk" PRIMARY KEY("request_id","item"),
	CONSTRAINT "checklist_reviews_item_check" CHECK ("checklist_reviews"."item" in ('proposer-contacted', 'agency-agenda-linked', 'data-disclosed', 'plain-language-response')),
	CONSTRAINT "checklist_reviews_verdict_check" CHECK ("checklist_reviews"."verdict" in ('agree', 'concerns'))
);
--> statement-breakpoint
CREATE TABLE "goal_notes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"goal_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"status" text
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_person_id" uuid,
	"owner_org_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"target_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"visibility" text DEFAULT 'private' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "goals_status_check" CHECK ("goals"."status" in ('active', 'achieved', 'set-aside')),
	CONSTRAINT "goals_visibility_check" CHECK ("goals"."visibility" in ('private', 'shared')),
	CONSTRAINT "goals_one_owner_check" CHECK (("goals"."owner_person_id" is null) <> ("goals"."owner_org_id" is null))
);
--> statement-breakpoint
ALTER TABLE "case_checklist_items" ADD CONSTRAINT "case_checklist_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_checklist_items" ADD CONSTRAINT "case_checklist_items_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_review_requests" ADD CONSTRAINT "checklist_review_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_review_requests" ADD CONSTRAINT "checklist_review_requests_reviewer_agency_id_orgs_id_fk" FOREIGN KEY ("reviewer_agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_review_requests" ADD CONSTRAINT "checklist_review_requests_requested_by_people_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_reviews" ADD CONSTRAINT "checklist_reviews_request_id_checklist_review_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."checklist_review_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_reviews" ADD CONSTRAINT "checklist_reviews_reviewer_id_people_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_notes" ADD CONSTRAINT "goal_notes_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_notes" ADD CONSTRAINT "goal_notes_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_review_requests_key" ON "checklist_review_requests" USING btree ("case_id","reviewer_agency_id");--> statement-breakpoint
CREATE INDEX "goal_notes_goal_idx" ON "goal_notes" USING btree ("goal_id","id");--> statement-breakpoint
CREATE INDEX "goals_owner_person_idx" ON "goals" USING btree ("owner_person_id","updated_at");--> statement-breakpoint
CREATE INDEX "goals_owner_org_idx" ON "goals" USING btree ("owner_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "goals_shared_idx" ON "goals" USING btree ("updated_at") WHERE "goals"."visibility" = 'shared';