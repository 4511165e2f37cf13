CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"off" boolean NOT NULL,
	"name" text,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "calendar_days_source_check" CHECK ("calendar_days"."source" in ('official', 'baseline', 'admin'))
);
