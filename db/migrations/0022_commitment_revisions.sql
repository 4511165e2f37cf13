CREATE TABLE "commitment_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commitment_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"text_before" text,
	"text_after" text,
	"owner_agency_before" uuid,
	"owner_agency_after" uuid,
	"due_on_before" date,
	"due_on_after" date,
	"overdue_at_before" timestamp with time zone,
	"author_id" uuid,
	"agency_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "commitment_revisions_reason_check" CHECK ("commitment_revisions"."reason" <> ''),
	CONSTRAINT "commitment_revisions_pairs_check" CHECK (("commitment_revisions"."text_before" is null) = ("commitment_revisions"."text_after" is null) and ("commitment_revisions"."owner_agency_before" is null) = ("commitment_revisions"."owner_agency_after" is null) and ("commitment_revisions"."due_on_before" is null) = ("commitment_revisions"."due_on_after" is null)),
	CONSTRAINT "commitment_revisions_change_check" CHECK ("commitment_revisions"."text_after" is not null or "commitment_revisions"."owner_agency_after" is not null or "commitment_revisions"."due_on_after" is not null)
);
--> statement-breakpoint
ALTER TABLE "commitment_revisions" ADD CONSTRAINT "commitment_revisions_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_revisions" ADD CONSTRAINT "commitment_revisions_owner_agency_before_orgs_id_fk" FOREIGN KEY ("owner_agency_before") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_revisions" ADD CONSTRAINT "commitment_revisions_owner_agency_after_orgs_id_fk" FOREIGN KEY ("owner_agency_after") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_revisions" ADD CONSTRAINT "commitment_revisions_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_revisions" ADD CONSTRAINT "commitment_revisions_agency_id_orgs_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_revisions_commitment_idx" ON "commitment_revisions" USING btree ("commitment_id","id");--> statement-breakpoint
CREATE INDEX "commitment_revisions_at_idx" ON "commitment_revisions" USING btree ("at");