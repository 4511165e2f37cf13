ALTER TABLE "petitions" DROP CONSTRAINT "petitions_state_check";--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "withdrawn_by" uuid;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_withdrawn_by_people_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_withdrawal_check" CHECK (("petitions"."state" = 'withdrawn') = ("petitions"."withdrawn_at" is not null) and ("petitions"."withdrawn_at" is null) = ("petitions"."withdrawal_reason" is null));--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_state_check" CHECK ("petitions"."state" in ('open', 'qualified', 'not-qualified', 'assigned', 'plan-published', 'responded', 'closed', 'withdrawn'));