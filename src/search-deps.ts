import { sql } from "drizzle-orm";
import type { Database, Queryable } from "./platform/db/database.ts";
import { databaseSearchProvider, foldedUnionSource, type SearchDeps } from "./modules/search/index.ts";
import { speakerIdBySlug, speechSearchSource } from "./modules/transcripts/index.ts";
import { petitionSearchPart, responseSearchPart } from "./modules/petitions/index.ts";
import { caseSearchPart } from "./modules/cases/index.ts";

/**
 * Search over the public record: the product's database provider with every module's source —
 * speeches, and petitions, published responses and cases, merged in one ranked order (docs/adr/0003).
 */
export function searchDepsFor(database: Pick<Database, "db" | "engine">): SearchDeps {
  const { db } = database;
  // On a server, search runs in a transaction with a larger work_mem (exact bitmaps for frequent
  // terms) and without JIT compilation (the statement's cost estimate is high because its LIMIT
  // stops an unbounded stream early; compiling it took ~0.3 s for a query that runs in 3 ms); the
  // embedded engine's single session is set up for work_mem when it starts and has no JIT.
  const setup =
    database.engine === "postgres"
      ? async (tx: Queryable) => {
          await tx.execute(sql`select set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
        }
      : undefined;
  return {
    provider: databaseSearchProvider(
      db,
      [
        speechSearchSource,
        // Petitions, published responses and cases in one statement (a round trip each would cost
        // more than their scans on the embedded engine).
        foldedUnionSource("civic", [petitionSearchPart, responseSearchPart, caseSearchPart]),
      ],
      setup,
    ),
    speakerIdBySlug: (slug) => speakerIdBySlug(db, slug),
  };
}
