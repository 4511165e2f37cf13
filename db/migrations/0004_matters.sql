CREATE TABLE "matter_agencies" (
	"matter_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"role" text NOT NULL,
	"named" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "matter_agencies_matter_id_agency_id_pk" PRIMARY KEY("matter_id","agency_id"),
	CONSTRAINT "matter_agencies_role_check" CHECK ("matter_agencies"."role" in ('lead', 'co', 'related'))
);
--> statement-breakpoint
CREATE TABLE "matter_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "matter_owners" (
	"matter_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "matter_owners_matter_id_unit_id_pk" PRIMARY KEY("matter_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "matter_reference_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_refusal_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"refusal_id" uuid NOT NULL,
	"level" text NOT NULL,
	"decision" text NOT NULL,
	"note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	"contest_reason" text,
	"contested_by" uuid,
	"contested_at" timestamp with time zone,
	CONSTRAINT "matter_refusal_decisions_decision_check" CHECK ("matter_refusal_decisions"."decision" in ('accept', 'reject')),
	CONSTRAINT "matter_refusal_decisions_level_check" CHECK ("matter_refusal_decisions"."level" in ('po', 'pdis', 'minister-office'))
);
--> statement-breakpoint
CREATE TABLE "matter_refusals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"proposed_unit_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"level" text DEFAULT 'po' NOT NULL,
	"refused_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "matter_refusals_state_check" CHECK ("matter_refusals"."state" in ('pending', 'accepted', 'rejected')),
	CONSTRAINT "matter_refusals_level_check" CHECK ("matter_refusals"."level" in ('po', 'pdis', 'minister-office')),
	CONSTRAINT "matter_refusals_not_self_check" CHECK ("matter_refusals"."unit_id" <> "matter_refusals"."proposed_unit_id")
);
--> statement-breakpoint
CREATE TABLE "matters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"state" text DEFAULT 'open' NOT NULL,
	"visibility" text DEFAULT 'network' NOT NULL,
	"route" text NOT NULL,
	"lead_agency_id" uuid NOT NULL,
	"requested_lead_agency_id" uuid,
	"triage" jsonb NOT NULL,
	"triaged_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "matters_state_check" CHECK ("matters"."state" in ('open', 'closed')),
	CONSTRAINT "matters_visibility_check" CHECK ("matters"."visibility" in ('network', 'public')),
	CONSTRAINT "matters_route_check" CHECK ("matters"."route" in ('unit', 'po', 'cross-agency'))
);
--> statement-breakpoint
ALTER TABLE "matter_agencies" ADD CONSTRAINT "matter_agencies_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_agencies" ADD CONSTRAINT "matter_agencies_agency_id_orgs_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_events" ADD CONSTRAINT "matter_events_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_events" ADD CONSTRAINT "matter_events_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_members" ADD CONSTRAINT "matter_members_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_members" ADD CONSTRAINT "matter_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_members" ADD CONSTRAINT "matter_members_added_by_people_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_members" ADD CONSTRAINT "matter_members_removed_by_people_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_owners" ADD CONSTRAINT "matter_owners_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_owners" ADD CONSTRAINT "matter_owners_unit_id_orgs_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_owners" ADD CONSTRAINT "matter_owners_agency_id_orgs_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_owners" ADD CONSTRAINT "matter_owners_added_by_people_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_refusal_decisions" ADD CONSTRAINT "matter_refusal_decisions_refusal_id_matter_refusals_id_fk" FOREIGN KEY ("refusal_id") REFERENCES "public"."matter_refusals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_refusal_decisions" ADD CONSTRAINT "matter_refusal_decisions_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_refusal_decisions" ADD CONSTRAINT "matter_refusal_decisions_contested_by_people_id_fk" FOREIGN KEY ("contested_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_refusals" ADD CONSTRAINT "matter_refusals_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_refusals" ADD CONSTRAINT "matter_refusals_unit_id_orgs_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_refusals" ADD CONSTRAINT "matter_refusals_proposed_unit_id_orgs_id_fk" FOREIGN KEY ("proposed_unit_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_refusals" ADD CONSTRAINT "matter_refusals_refused_by_people_id_fk" FOREIGN KEY ("refused_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_lead_agency_id_orgs_id_fk" FOREIGN KEY ("lead_agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_requested_lead_agency_id_orgs_id_fk" FOREIGN KEY ("requested_lead_agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matter_agencies_agency_idx" ON "matter_agencies" USING btree ("agency_id","matter_id");--> statement-breakpoint
CREATE INDEX "matter_events_matter_idx" ON "matter_events" USING btree ("matter_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "matter_members_active_key" ON "matter_members" USING btree ("matter_id","person_id") WHERE "matter_members"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "matter_members_person_idx" ON "matter_members" USING btree ("person_id") WHERE "matter_members"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "matter_owners_unit_idx" ON "matter_owners" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matter_refusal_decisions_level_key" ON "matter_refusal_decisions" USING btree ("refusal_id","level");--> statement-breakpoint
CREATE INDEX "matter_refusals_matter_idx" ON "matter_refusals" USING btree ("matter_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "matter_refusals_live_key" ON "matter_refusals" USING btree ("matter_id","unit_id") WHERE "matter_refusals"."state" <> 'accepted';--> statement-breakpoint
CREATE UNIQUE INDEX "matters_reference_key" ON "matters" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "matters_created_idx" ON "matters" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "matters_state_created_idx" ON "matters" USING btree ("state","created_at","id");--> statement-breakpoint
CREATE INDEX "matters_lead_agency_idx" ON "matters" USING btree ("lead_agency_id");--> statement-breakpoint
-- A matter's history is append-only, like the audit log: no entry may be changed or removed.
CREATE FUNCTION matter_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'matter_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER matter_events_no_update_delete BEFORE UPDATE OR DELETE ON matter_events
  FOR EACH ROW EXECUTE FUNCTION matter_events_append_only();
--> statement-breakpoint
CREATE TRIGGER matter_events_no_truncate BEFORE TRUNCATE ON matter_events
  FOR EACH STATEMENT EXECUTE FUNCTION matter_events_append_only();
