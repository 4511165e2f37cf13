// Imports the public archive (../shared/corpus/transcripts, not shipped) into a fresh database and
// prints files/s, speeches/s, total ms and peak RSS (this process, PGlite's worker thread included).
// Usage: npx tsx bench/import-corpus.ts [--engine pglite|postgres] [--corpus DIR]
// With --engine postgres it creates a fresh database on BENCH_DATABASE_URL
// (default postgres://postgres@127.0.0.1:5432/postgres) and drops it afterwards.
import { benchConfig, busiestThreads, corpusFiles, DEFAULT_CORPUS } from "./setup.ts";
import { parseArgs } from "node:util";
import { openRuntime } from "../src/runtime.ts";
import { systemClock } from "../src/platform/clock/index.ts";
import { systemActor } from "../src/modules/directory/index.ts";
import { importTranscriptFiles } from "../src/modules/transcripts/index.ts";

const { values } = parseArgs({
  options: {
    engine: { type: "string", default: "pglite" },
    limit: { type: "string" },
    corpus: { type: "string", default: DEFAULT_CORPUS },
  },
});
const engine = values.engine === "postgres" ? "postgres" : "pglite";
const { config, dispose } = await benchConfig(engine);

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const t0 = performance.now();
const rt = await openRuntime(config, { clock: systemClock });
const tOpen = performance.now();
const allFiles = corpusFiles(values.corpus!);
const files = values.limit ? allFiles.slice(0, Number(values.limit)) : allFiles;
const elu0 = performance.eventLoopUtilization();
const r = await importTranscriptFiles({ db: rt.database.db, clock: rt.clock }, systemActor, files);
const t1 = performance.now();
console.log("main-thread busy:", performance.eventLoopUtilization(elu0).utilization.toFixed(2));
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
const threads = busiestThreads();
await rt.close();
await dispose();

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
console.log(
  `CPU of the busiest threads (the engine's first on PGlite): ${threads.map((t) => `${t.cpuSeconds.toFixed(1)} s`).join(", ")}`,
);
console.log(`peak RSS: ${Math.round(peak / 2 ** 20)} MB`);
