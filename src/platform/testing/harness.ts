import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { loadConfig, type Config } from "../../config/index.ts";
import { migrationsHash } from "../db/migrate.ts";
import { FixedClock, type Clock } from "../clock/index.ts";
import { openRuntime, type Runtime } from "../../runtime.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Options of a test runtime. */
export interface TestRuntimeOptions {
  /** Load the seed directory (agencies and demo people). Default true. */
  seed?: boolean;
  clock?: Clock;
  env?: Record<string, string>;
}

/**
 * A fresh, migrated database for one test file: on PGlite (default) a copy of a migrated template
 * directory; with TEST_DATABASE_URL, a new PostgreSQL database created from a template database.
 */
export async function createTestRuntime(options: TestRuntimeOptions = {}): Promise<Runtime> {
  const seed = options.seed ?? true;
  const clock = options.clock ?? new FixedClock(new Date("2026-03-02T01:00:00Z"));
  const serverUrl = process.env.TEST_DATABASE_URL;
  const dataDir = mkdtempSync(join(tmpdir(), "po-test-"));
  let databaseUrl: string | null = null;
  let dropDb: (() => Promise<void>) | null = null;
  if (serverUrl) {
    const name = `po_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const template = await ensureServerTemplate(serverUrl, seed);
    await adminQuery(serverUrl, `create database ${name} template ${template}`);
    databaseUrl = withDatabase(serverUrl, name);
    dropDb = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  } else {
    const template = await ensurePgliteTemplate(seed);
    cpSync(template, join(dataDir, "pglite"), { recursive: true });
  }
  const config: Config = loadConfig({
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    JOBS: "0",
    SEED_DEMO: "0",
    PUBLIC_URL: "http://po.test",
    SESSION_SECRET: "test-secret-test-secret-test-secret-0000",
    ...options.env,
  });
  const rt = await openRuntime(config, { clock, seed: false, migrate: false });
  return {
    ...rt,
    async close() {
      await rt.close();
      await dropDb?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates (once per migrations hash) a migrated, optionally seeded template database on the server. */
async function ensureServerTemplate(serverUrl: string, seed: boolean): Promise<string> {
  const name = `po_tpl_${migrationsHash()}${seed ? "_seed" : ""}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(4242002)");
    const { rows } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (rows.length === 0) {
      const building = `${name}_build`;
      await client.query(`drop database if exists ${building} with (force)`);
      await client.query(
        `create database ${building} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`,
      );
      const config = loadConfig({
        DATABASE_URL: withDatabase(serverUrl, building),
        NODE_ENV: "test",
        LOG_LEVEL: "silent",
        SESSION_SECRET: "test-secret-test-secret-test-secret-0000",
        DATA_DIR: mkdtempSync(join(tmpdir(), "po-tpl-")),
      });
      const rt = await openRuntime(config, { seed, clock: new FixedClock(new Date("2026-01-05T01:00:00Z")) });
      await rt.close();
      await client.query(`alter database ${building} rename to ${name}`);
    }
    await client.query("select pg_advisory_unlock(4242002)");
  } finally {
    await client.end();
  }
  return name;
}

/** Creates (once per migrations hash) a migrated, optionally seeded PGlite directory to copy. */
async function ensurePgliteTemplate(seed: boolean): Promise<string> {
  const root = join(repoRoot, ".tmp", "test-templates");
  const dir = join(root, `pglite-${migrationsHash()}${seed ? "-seed" : ""}`);
  if (existsSync(join(dir, "PG_VERSION"))) return dir;
  mkdirSync(root, { recursive: true });
  const lock = `${dir}.lock`;
  // mkdir is atomic: one test process builds, the others wait for it.
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(join(dir, "PG_VERSION"))) return dir;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (existsSync(join(dir, "PG_VERSION"))) return dir;
    const buildDir = mkdtempSync(join(root, "build-"));
    const config = loadConfig({
      DATA_DIR: buildDir,
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      SESSION_SECRET: "test-secret-test-secret-test-secret-0000",
    });
    const rt = await openRuntime(config, { seed, clock: new FixedClock(new Date("2026-01-05T01:00:00Z")) });
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
    renameSync(join(buildDir, "pglite"), dir);
    rmSync(buildDir, { recursive: true, force: true });
    return dir;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
