import { sql } from "drizzle-orm";
import type { Db } from "./platform/db/database.ts";
import { databaseSearchProvider, type SearchDeps } from "./modules/search/index.ts";
import { speakerIdBySlug, speechSearchSource } from "./modules/transcripts/index.ts";

/** Search over the public record: the product's database provider with every module's source. */
export function searchDepsFor(db: Db): SearchDeps {
  return {
    provider: databaseSearchProvider(db, [speechSearchSource], async (tx) => {
      // Exact bitmaps for frequent terms (a lossy bitmap rechecks every row of its pages).
      await tx.execute(sql`set local work_mem = '64MB'`);
    }),
    speakerIdBySlug: (slug) => speakerIdBySlug(db, slug),
  };
}
