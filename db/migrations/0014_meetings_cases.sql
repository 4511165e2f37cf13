CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"data" text
);
--> statement-breakpoint
CREATE TABLE "case_evidence" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"audiences" text[] NOT NULL,
	"url" text,
	"note" text,
	"recorded_by" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_evidence_kind_check" CHECK ("case_evidence"."kind" in ('link', 'post', 'mail-out'))
);
--> statement-breakpoint
CREATE TABLE "case_number_counter" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "case_number_counter_one_row" CHECK ("case_number_counter"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "case_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"agency_id" uuid,
	"person_id" uuid,
	"label" text,
	"consented_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_roles_kind_check" CHECK ("case_roles"."kind" in ('lead', 'co-organiser', 'related', 'plenary-facilitator', 'table-facilitator', 'note-taker')),
	CONSTRAINT "case_roles_subject_check" CHECK (("case_roles"."kind" in ('lead', 'co-organiser', 'related') and "case_roles"."agency_id" is not null) or ("case_roles"."kind" not in ('lead', 'co-organiser', 'related') and "case_roles"."person_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "case_seats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"case_id" uuid NOT NULL,
	"category" text NOT NULL,
	"inviting_agency_id" uuid,
	"group_name" text,
	"group_key" text,
	"person_id" uuid,
	"name" text NOT NULL,
	"email" text,
	"organisation" text,
	"state" text NOT NULL,
	"livestream_consent" text DEFAULT 'none' NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_seats_category_check" CHECK ("case_seats"."category" in ('agency-stakeholder', 'co-signer', 'other-stakeholder')),
	CONSTRAINT "case_seats_state_check" CHECK ("case_seats"."state" in ('confirmed', 'waiting', 'withdrawn')),
	CONSTRAINT "case_seats_consent_check" CHECK ("case_seats"."livestream_consent" in ('none', 'record', 'live'))
);
--> statement-breakpoint
CREATE TABLE "case_stages" (
	"case_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"owner_agency_id" uuid,
	"owner_person_id" uuid,
	"due_on" date,
	"meeting_id" uuid,
	"artefact_url" text,
	"note" text,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	CONSTRAINT "case_stages_case_id_stage_pk" PRIMARY KEY("case_id","stage"),
	CONSTRAINT "case_stages_stage_check" CHECK ("case_stages"."stage" in ('selected', 'working-meeting', 'research', 'prep-meeting', 'handbook-published', 'collaborative-meeting', 'report', 'public-response', 'tracked', 'released'))
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"origin" text NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"stage" text DEFAULT 'selected' NOT NULL,
	"meeting_id" uuid,
	"candidate_id" uuid,
	"petition_id" uuid,
	"petition_ref" text,
	"pending_lead_agency_id" uuid,
	"livestream_requested" text DEFAULT 'none' NOT NULL,
	"transcript_id" uuid,
	"selected_at" timestamp with time zone NOT NULL,
	"year" integer NOT NULL,
	"released_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cases_stage_check" CHECK ("cases"."stage" in ('selected', 'working-meeting', 'research', 'prep-meeting', 'handbook-published', 'collaborative-meeting', 'report', 'public-response', 'tracked', 'released')),
	CONSTRAINT "cases_origin_check" CHECK ("cases"."origin" in ('voted', 'self-proposed')),
	CONSTRAINT "cases_livestream_check" CHECK ("cases"."livestream_requested" in ('none', 'record', 'live'))
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_attendance_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_ballots" (
	"meeting_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"voter_id" uuid NOT NULL,
	"choices" uuid[] NOT NULL,
	CONSTRAINT "meeting_ballots_meeting_id_round_voter_id_pk" PRIMARY KEY("meeting_id","round","voter_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"source" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"petition_id" uuid,
	"petition_ref" text,
	"endorsements" integer,
	"threshold" integer,
	"proposing_agency_id" uuid,
	"proposed_lead_agency_id" uuid,
	"lead_consent" boolean DEFAULT false NOT NULL,
	"criteria" jsonb NOT NULL,
	"internal_note" text,
	"urgent" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'candidate' NOT NULL,
	"carry_count" integer DEFAULT 0 NOT NULL,
	"carried_from_id" uuid,
	"position" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_candidates_source_check" CHECK ("meeting_candidates"."source" in ('petition', 'agency', 'pdis', 'minister-office')),
	CONSTRAINT "meeting_candidates_state_check" CHECK ("meeting_candidates"."state" in ('candidate', 'won', 'tied', 'lost', 'carry-pending', 'carried', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "meeting_rounds" (
	"meeting_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"ballots_cast" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meeting_rounds_meeting_id_round_pk" PRIMARY KEY("meeting_id","round")
);
--> statement-breakpoint
CREATE TABLE "meeting_vote_counts" (
	"meeting_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"candidate_id" uuid NOT NULL,
	"votes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meeting_vote_counts_meeting_id_round_candidate_id_pk" PRIMARY KEY("meeting_id","round","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_voters" (
	"meeting_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"person_id" uuid NOT NULL,
	"token_digest" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "meeting_voters_meeting_id_round_person_id_pk" PRIMARY KEY("meeting_id","round","person_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"start_time" text DEFAULT '14:00' NOT NULL,
	"location" text,
	"case_id" uuid,
	"other_business" text,
	"rules" jsonb NOT NULL,
	"anonymous" boolean DEFAULT true NOT NULL,
	"ballot_state" text DEFAULT 'none' NOT NULL,
	"ballot_round" integer DEFAULT 0 NOT NULL,
	"ballot_opened_at" timestamp with time zone,
	"ballot_closes_at" timestamp with time zone,
	"ballot_closed_at" timestamp with time zone,
	"tally" jsonb,
	"rerun_required" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meetings_kind_check" CHECK ("meetings"."kind" in ('monthly', 'quarterly', 'collaborative', 'prep', 'working')),
	CONSTRAINT "meetings_ballot_state_check" CHECK ("meetings"."ballot_state" in ('none', 'open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "rotations" (
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"agency_id" uuid,
	"person_id" uuid,
	"last_served_at" timestamp with time zone,
	"last_served_for" text,
	CONSTRAINT "rotations_kind_position_pk" PRIMARY KEY("kind","position"),
	CONSTRAINT "rotations_kind_check" CHECK ("rotations"."kind" in ('nomination', 'table-facilitator')),
	CONSTRAINT "rotations_subject_check" CHECK (("rotations"."kind" = 'nomination' and "rotations"."agency_id" is not null) or ("rotations"."kind" = 'table-facilitator' and "rotations"."person_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_evidence" ADD CONSTRAINT "case_evidence_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_evidence" ADD CONSTRAINT "case_evidence_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_roles" ADD CONSTRAINT "case_roles_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_roles" ADD CONSTRAINT "case_roles_agency_id_orgs_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_roles" ADD CONSTRAINT "case_roles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_roles" ADD CONSTRAINT "case_roles_consented_by_people_id_fk" FOREIGN KEY ("consented_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_seats" ADD CONSTRAINT "case_seats_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_seats" ADD CONSTRAINT "case_seats_inviting_agency_id_orgs_id_fk" FOREIGN KEY ("inviting_agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_seats" ADD CONSTRAINT "case_seats_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_seats" ADD CONSTRAINT "case_seats_added_by_people_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_stages" ADD CONSTRAINT "case_stages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_stages" ADD CONSTRAINT "case_stages_owner_agency_id_orgs_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_stages" ADD CONSTRAINT "case_stages_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_pending_lead_agency_id_orgs_id_fk" FOREIGN KEY ("pending_lead_agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_transcript_id_transcripts_id_fk" FOREIGN KEY ("transcript_id") REFERENCES "public"."transcripts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_ballots" ADD CONSTRAINT "meeting_ballots_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_ballots" ADD CONSTRAINT "meeting_ballots_voter_id_people_id_fk" FOREIGN KEY ("voter_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_candidates" ADD CONSTRAINT "meeting_candidates_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_candidates" ADD CONSTRAINT "meeting_candidates_proposing_agency_id_orgs_id_fk" FOREIGN KEY ("proposing_agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_candidates" ADD CONSTRAINT "meeting_candidates_proposed_lead_agency_id_orgs_id_fk" FOREIGN KEY ("proposed_lead_agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_candidates" ADD CONSTRAINT "meeting_candidates_carried_from_id_meeting_candidates_id_fk" FOREIGN KEY ("carried_from_id") REFERENCES "public"."meeting_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_candidates" ADD CONSTRAINT "meeting_candidates_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rounds" ADD CONSTRAINT "meeting_rounds_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_vote_counts" ADD CONSTRAINT "meeting_vote_counts_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_vote_counts" ADD CONSTRAINT "meeting_vote_counts_candidate_id_meeting_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."meeting_candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_voters" ADD CONSTRAINT "meeting_voters_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_voters" ADD CONSTRAINT "meeting_voters_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotations" ADD CONSTRAINT "rotations_agency_id_orgs_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotations" ADD CONSTRAINT "rotations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "case_evidence_case_idx" ON "case_evidence" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "case_roles_case_idx" ON "case_roles" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_roles_agency_idx" ON "case_roles" USING btree ("agency_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "case_roles_one_lead_key" ON "case_roles" USING btree ("case_id") WHERE "case_roles"."kind" = 'lead';--> statement-breakpoint
CREATE UNIQUE INDEX "case_roles_agency_key" ON "case_roles" USING btree ("case_id","agency_id") WHERE "case_roles"."agency_id" is not null and "case_roles"."kind" in ('lead', 'co-organiser', 'related');--> statement-breakpoint
CREATE INDEX "case_seats_case_idx" ON "case_seats" USING btree ("case_id","category","state","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "case_seats_group_key" ON "case_seats" USING btree ("case_id","group_key") WHERE "case_seats"."category" = 'other-stakeholder' and "case_seats"."state" = 'confirmed';--> statement-breakpoint
CREATE UNIQUE INDEX "case_seats_person_key" ON "case_seats" USING btree ("case_id","person_id") WHERE "case_seats"."person_id" is not null and "case_seats"."state" <> 'withdrawn';--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_key" ON "cases" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_candidate_key" ON "cases" USING btree ("candidate_id") WHERE "cases"."candidate_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_stage_idx" ON "cases" USING btree ("stage","number");--> statement-breakpoint
CREATE INDEX "cases_year_idx" ON "cases" USING btree ("year","number");--> statement-breakpoint
CREATE INDEX "meeting_candidates_meeting_idx" ON "meeting_candidates" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_candidates_carry_idx" ON "meeting_candidates" USING btree ("state") WHERE "meeting_candidates"."state" = 'carry-pending';--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_voters_token_key" ON "meeting_voters" USING btree ("token_digest");--> statement-breakpoint
CREATE INDEX "meetings_date_idx" ON "meetings" USING btree ("date","id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_network_date_key" ON "meetings" USING btree ("kind","date") WHERE "meetings"."kind" in ('monthly', 'quarterly');--> statement-breakpoint
CREATE INDEX "meetings_kind_idx" ON "meetings" USING btree ("kind","date");--> statement-breakpoint
CREATE INDEX "meetings_case_idx" ON "meetings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "meetings_ballot_due_idx" ON "meetings" USING btree ("ballot_closes_at") WHERE "meetings"."ballot_state" = 'open' and "meetings"."ballot_closes_at" is not null;