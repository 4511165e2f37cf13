DROP INDEX IF EXISTS "speeches_search_idx";--> statement-breakpoint
ALTER TABLE "speeches" ADD COLUMN "search_codes" integer[];--> statement-breakpoint
ALTER TABLE "speeches" ADD COLUMN "search_text" text;--> statement-breakpoint
CREATE INDEX "speeches_search_idx" ON "speeches" USING gin ("search_codes");--> statement-breakpoint
ALTER TABLE "speeches" DROP COLUMN "search_vector";