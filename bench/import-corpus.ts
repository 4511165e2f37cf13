// Imports the public archive (../shared/corpus/transcripts, not shipped) into a fresh database and
// prints files/s, speeches/s, total ms and peak RSS (this process, PGlite's worker thread included).
// Usage: npx tsx bench/import-corpus.ts [--engine pglite|postgres] [--corpus DIR]
// With --engine postgres it creates a fresh database on BENCH_DATABASE_URL
// (default postgres://postgres@127.0.0.1:5432/postgres) and drops it afterwards.
import { parseArgs } from "node:util";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { loadConfig } from "../src/config/index.ts";
import { openRuntime } from "../src/runtime.ts";
import { systemClock } from "../src/platform/clock/index.ts";
import { systemActor } from "../src/modules/directory/index.ts";
import { importTranscriptFiles } from "../src/modules/transcripts/index.ts";
import { collectTranscriptFiles } from "../src/cli/files.ts";

const { values } = parseArgs({
  options: {
    engine: { type: "string", default: "pglite" },
    limit: { type: "string" },
    corpus: { type: "string", default: join(import.meta.dirname, "../../shared/corpus/transcripts") },
  },
});
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
const config = loadConfig({
  DATA_DIR: dataDir,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  LOG_LEVEL: "silent",
  NODE_ENV: "test",
  SESSION_SECRET: "bench-secret-bench-secret-bench-secret-00",
});

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const t0 = performance.now();
const rt = await openRuntime(config, { clock: systemClock });
const tOpen = performance.now();
const { files: allNames } = collectTranscriptFiles([values.corpus!]);
const names = values.limit ? allNames.slice(0, Number(values.limit)) : allNames;
const files = names.map((name) => ({
  name,
  get text() {
    return readFileSync(name, "utf8");
  },
}));
const elu0 = performance.eventLoopUtilization();
const r = await importTranscriptFiles({ db: rt.database.db, clock: rt.clock }, systemActor, files);
const t1 = performance.now();
console.log("main-thread busy:", performance.eventLoopUtilization(elu0).utilization.toFixed(2));
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
await rt.close();
rmSync(dataDir, { recursive: true, force: true });
if (engine === "postgres") {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`drop database if exists ${dbName} with (force)`);
  await c.end();
}

const s = (t1 - tOpen) / 1000;
console.log(`engine: ${engine}`);
console.log(
  `files: ${r.files}; transcripts created ${r.transcripts.created}, updated ${r.transcripts.updated}, ` +
    `unchanged ${r.transcripts.unchanged}; speeches ${r.speeches}; skipped ${r.skipped.length}`,
);
for (const k of r.skipped) console.log(`  skipped ${k.file}:${k.line}: ${k.message}`);
console.log(
  `open + migrate: ${Math.round(tOpen - t0)} ms; import: ${Math.round(t1 - tOpen)} ms; total ${Math.round(t1 - t0)} ms`,
);
console.log(`files/s: ${Math.round(r.files / s)}; speeches/s: ${Math.round(r.speeches / s)}`);
console.log(`peak RSS: ${Math.round(peak / 2 ** 20)} MB`);
