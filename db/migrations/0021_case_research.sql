CREATE TABLE "case_analysis_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"claim" text NOT NULL,
	"aspect" text DEFAULT '' NOT NULL,
	"stakeholders" text DEFAULT '' NOT NULL,
	"stakeholder_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"current_response" text DEFAULT '' NOT NULL,
	"possible_response" text DEFAULT '' NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_analysis_rows_kind_check" CHECK ("case_analysis_rows"."kind" in ('problem', 'solution'))
);
--> statement-breakpoint
CREATE TABLE "case_challenge_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"held_on" date,
	"interviewee" text NOT NULL,
	"interviewer" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"consent_to_publish" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_mind_map_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_stakeholders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"interest" text DEFAULT '' NOT NULL,
	"influence" text,
	"contact" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_stakeholders_kind_check" CHECK ("case_stakeholders"."kind" in ('citizen-group', 'agency', 'expert', 'business', 'other')),
	CONSTRAINT "case_stakeholders_influence_check" CHECK ("case_stakeholders"."influence" in ('low', 'medium', 'high'))
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "handbook_published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_analysis_rows" ADD CONSTRAINT "case_analysis_rows_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_challenge_versions" ADD CONSTRAINT "case_challenge_versions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_challenge_versions" ADD CONSTRAINT "case_challenge_versions_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interviews" ADD CONSTRAINT "case_interviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_mind_map_nodes" ADD CONSTRAINT "case_mind_map_nodes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_mind_map_nodes" ADD CONSTRAINT "case_mind_map_nodes_parent_id_case_mind_map_nodes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."case_mind_map_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_stakeholders" ADD CONSTRAINT "case_stakeholders_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_analysis_rows_case_idx" ON "case_analysis_rows" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "case_challenge_versions_case_idx" ON "case_challenge_versions" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "case_interviews_case_idx" ON "case_interviews" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "case_mind_map_nodes_case_idx" ON "case_mind_map_nodes" USING btree ("case_id","parent_id","position");--> statement-breakpoint
CREATE INDEX "case_stakeholders_case_idx" ON "case_stakeholders" USING btree ("case_id","position");