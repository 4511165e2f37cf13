import { sql } from "drizzle-orm";
import type { Database, Queryable } from "./platform/db/database.ts";
import { databaseSearchProvider, type SearchDeps } from "./modules/search/index.ts";
import { speakerIdBySlug, speechSearchSource } from "./modules/transcripts/index.ts";

/** Search over the public record: the product's database provider with every module's source. */
export function searchDepsFor(database: Pick<Database, "db" | "engine">): SearchDeps {
  const { db } = database;
  // On a server, search runs in a transaction with a larger work_mem (exact bitmaps for frequent
  // terms); the embedded engine's single session is set up that way when it starts.
  const setup =
    database.engine === "postgres"
      ? async (tx: Queryable) => {
          await tx.execute(sql`set local work_mem = '64MB'`);
        }
      : undefined;
  return {
    provider: databaseSearchProvider(db, [speechSearchSource], setup),
    speakerIdBySlug: (slug) => speakerIdBySlug(db, slug),
  };
}
