import { fileURLToPath } from "node:url";
import { readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Database } from "./database.ts";

/** Folder of the ordered SQL migrations, shared by both engines. */
export const migrationsFolder = fileURLToPath(new URL("../../../db/migrations", import.meta.url));

// Any fixed number: serialises migrations when several instances start against one server.
const MIGRATION_LOCK = 4_242_001;

/** Applies every pending migration; safe to run from several processes at once. */
export async function migrateDatabase(database: Database): Promise<{ applied: number }> {
  const client = await database.pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    const before = await countApplied(client);
    await migrate(database.db, { migrationsFolder });
    const after = await countApplied(client);
    return { applied: after - before };
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

async function countApplied(client: { query: (q: string) => Promise<{ rows: Array<{ n: number }> }> }) {
  try {
    const { rows } = await client.query("select count(*)::int as n from drizzle.__drizzle_migrations");
    return rows[0]?.n ?? 0;
  } catch {
    return 0;
  }
}

/** A hash of the migration files, naming a migrated template (tests reuse one per hash). */
export function migrationsHash(): string {
  const h = createHash("sha256");
  for (const f of readdirSync(migrationsFolder)
    .filter((n) => n.endsWith(".sql"))
    .sort()) {
    h.update(f).update(readFileSync(`${migrationsFolder}/${f}`));
  }
  return h.digest("hex").slice(0, 16);
}
