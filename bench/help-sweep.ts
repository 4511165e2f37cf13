// Benchmark: 100,000 open help requests, one sweep pass over the due ones.
// Usage: npx tsx bench/help-sweep.ts [--engine pglite|postgres] [--requests 100000] [--due 10000]
// With --engine postgres it creates a fresh database on BENCH_DATABASE_URL
// (default postgres://postgres@127.0.0.1:5432/postgres) and drops it afterwards.
import { parseArgs } from "node:util";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { sql } from "drizzle-orm";
import { loadConfig } from "../src/config/index.ts";
import { openRuntime } from "../src/runtime.ts";
import { FixedClock } from "../src/platform/clock/index.ts";
import { escalateDueHelpRequests } from "../src/modules/help-requests/index.ts";
import { findOrg, findPersonByEmail } from "../src/modules/directory/index.ts";

const { values } = parseArgs({
  options: {
    engine: { type: "string", default: "pglite" },
    requests: { type: "string", default: "100000" },
    due: { type: "string", default: "10000" },
  },
});
const total = Number(values.requests);
const due = Number(values.due);
const engine = values.engine === "postgres" ? "postgres" : "pglite";
const dataDir = mkdtempSync(join(tmpdir(), "po-bench-"));
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `po_bench_${process.pid}`;
let databaseUrl: string | undefined;
if (engine === "postgres") {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(
    `create database ${dbName} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`,
  );
  await c.end();
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}`;
  databaseUrl = u.toString();
}
const clock = new FixedClock(new Date("2026-03-02T01:00:00Z"));
const config = loadConfig({
  DATA_DIR: dataDir,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  LOG_LEVEL: "silent",
  NODE_ENV: "test",
  SESSION_SECRET: "bench-secret-bench-secret-bench-secret-00",
});
const rt = await openRuntime(config, { clock });
const db = rt.database.db;
const requester = (await findPersonByEmail(db, "po-moea-lead@example.org"))!;
const unit = (await findOrg(db, "moi-dept-civil-affairs"))!;

// Load: `total` open requests; the first `due` have lapsed acknowledge clocks at sweep time.
let t0 = performance.now();
const batch = 10_000;
for (let start = 0; start < total; start += batch) {
  const n = Math.min(batch, total - start);
  await db.execute(sql`
    insert into help_requests (title, body, requester_id, requester_agency_id, target_kind, target_id,
      acknowledge_days, respond_days, acknowledge_due_at, respond_due_at, next_due_at, created_at, updated_at)
    select 'bench ' || g, 'body', ${requester.id}, ${unit.parentId}, 'unit', ${unit.id}, 1, 5,
      case when g < ${due}::int then timestamptz '2026-03-02 15:59:59.999+00' else timestamptz '2026-04-30 15:59:59.999+00' end,
      timestamptz '2026-05-29 15:59:59.999+00',
      case when g < ${due}::int then timestamptz '2026-03-02 15:59:59.999+00' else timestamptz '2026-04-30 15:59:59.999+00' end,
      ${clock.now()}, ${clock.now()}
    from generate_series(${start}::int, ${start + n - 1}::int) g`);
}
await db.execute(sql`analyze help_requests`);
const loadMs = performance.now() - t0;

clock.set(new Date("2026-03-03T00:00:00Z"));
// Baseline in the same run: a naive scan that reads every open request and filters in the app.
t0 = performance.now();
const all = await db.execute<{ id: string; next_due_at: Date }>(
  sql`select id, next_due_at from help_requests where state in ('open', 'acknowledged')`,
);
const naiveDue = all.rows.filter((r) => new Date(r.next_due_at) <= clock.now()).length;
const naiveMs = performance.now() - t0;
// The indexed claim the sweep uses (read only here).
t0 = performance.now();
const claim = await db.execute<{ n: number }>(
  sql`select count(*)::int as n from help_requests where next_due_at is not null and next_due_at <= ${clock.now()}`,
);
const claimMs = performance.now() - t0;

t0 = performance.now();
const result = await escalateDueHelpRequests({ db, clock, publicUrl: "http://bench" });
const sweepMs = performance.now() - t0;
t0 = performance.now();
const again = await escalateDueHelpRequests({ db, clock, publicUrl: "http://bench" });
const idleMs = performance.now() - t0;

console.log(`engine: ${engine}; requests: ${total}; due: ${due}`);
console.log("| step | rows | ms | rows/s |");
console.log("|---|---|---|---|");
const row = (name: string, rows: number, ms: number) =>
  console.log(`| ${name} | ${rows} | ${ms.toFixed(0)} | ${ms > 0 ? Math.round((rows / ms) * 1000) : "-"} |`);
row("load requests (10k-row INSERT … SELECT)", total, loadMs);
row("baseline: naive scan of open requests, filter in app", naiveDue, naiveMs);
row("indexed due count (partial index on next_due_at)", claim.rows[0]!.n, claimMs);
row(`sweep pass: escalate due (${result.batches} batches)`, result.escalated, sweepMs);
row("second pass: nothing due", again.escalated, idleMs);
if (result.escalated !== due || again.escalated !== 0) {
  console.error(`unexpected: escalated ${result.escalated}, second pass ${again.escalated}`);
  process.exitCode = 1;
}
await rt.close();
rmSync(dataDir, { recursive: true, force: true });
if (engine === "postgres") {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`drop database if exists ${dbName} with (force)`);
  await c.end();
}
