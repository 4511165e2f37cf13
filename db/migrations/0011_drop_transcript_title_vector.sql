DROP INDEX "transcripts_search_idx";--> statement-breakpoint
ALTER TABLE "transcripts" DROP COLUMN "search_vector";