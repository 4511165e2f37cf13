import pg from "pg";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { liveLock, startPgliteHost, type PgliteHost } from "./pglite-host.ts";

/** The typed query layer every repository uses. */
export type Db = NodePgDatabase;
/** A transaction handle, usable wherever a Db is. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either a database or an open transaction. */
export type Queryable = Db | Tx;

/** An open connection to the product's database, on either engine. */
export interface Database {
  engine: "pglite" | "postgres";
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

/** Options for opening the database. */
export interface OpenOptions {
  /** PostgreSQL server URL; when absent the embedded engine under dataDir is used. */
  databaseUrl: string | null;
  /** Directory of the embedded database (null = in memory). */
  dataDir: string | null;
  /** When the embedded directory is served by another live process, connect to it instead of failing. */
  attachToRunning?: boolean;
  poolSize?: number;
}

// Dates come back as ISO strings in the presenters; keep bigint counts as numbers.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** Opens the database: a PostgreSQL server when a URL is given, otherwise PGlite in a worker thread. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on("error", () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
    await checkServerLocale(pool);
    let closed = false;
    return {
      engine: "postgres",
      pool,
      db: drizzle(pool),
      async close() {
        if (closed) return;
        closed = true;
        await pool.end();
      },
    };
  }
  let host: PgliteHost | null = null;
  let socketDir: string;
  const running = options.dataDir ? liveLock(options.dataDir) : null;
  if (running && options.attachToRunning) {
    socketDir = running.socketDir;
  } else {
    host = await startPgliteHost(options.dataDir);
    socketDir = host.socketDir;
  }
  const pool = new pg.Pool({
    host: socketDir,
    user: "postgres",
    database: "postgres",
    max: options.poolSize ?? 10,
  });
  pool.on("error", () => {});
  let closed = false;
  return {
    engine: "pglite",
    pool,
    db: drizzle(pool),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
      await host?.stop();
    },
  };
}

/** Thrown when a PostgreSQL server database cannot index Chinese text. */
export class UnsupportedLocaleError extends Error {}

/** Refuses a server database whose LC_CTYPE is C: pg_trgm and CJK indexing break there. */
async function checkServerLocale(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ ctype: string; db: string }>(
    "select datctype as ctype, current_database() as db from pg_database where datname = current_database()",
  );
  const ctype = rows[0]?.ctype ?? "";
  if (ctype === "C" || ctype === "POSIX") {
    await pool.end();
    throw new UnsupportedLocaleError(
      `Database "${rows[0]?.db}" has LC_CTYPE=${ctype}, which breaks Chinese text indexing. ` +
        `Create it with a UTF-8 ctype, e.g. CREATE DATABASE po_network TEMPLATE template0 ` +
        `LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' ENCODING 'UTF8'.`,
    );
  }
}
