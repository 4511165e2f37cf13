// A transcript page and the search API under load, beside plain node:http serving a fixed page, in
// the same run: autocannon (a child process, so the load generator does not share the server's
// event loop), 32 connections, 20 s each; prints requests/s, p50 and p99 latency.
// The database must hold the archive: pass a PGlite data directory that bench/search.ts filled
// (--data-dir), or it is imported first (--corpus).
// Usage: npx tsx bench/http-load.ts --data-dir DIR [--connections 32] [--duration 20]
import { benchConfig, corpusFiles, DEFAULT_CORPUS } from "./setup.ts";
import { parseArgs } from "node:util";
import { createServer } from "node:http";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { openRuntime } from "../src/runtime.ts";
import { buildApp } from "../src/app.ts";
import { createLogger } from "../src/platform/log/index.ts";
import { systemActor } from "../src/modules/directory/index.ts";
import { importTranscriptFiles } from "../src/modules/transcripts/index.ts";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    connections: { type: "string", default: "32" },
    duration: { type: "string", default: "20" },
    corpus: { type: "string", default: DEFAULT_CORPUS },
  },
});
if (!values["data-dir"]) throw new Error("--data-dir is required");
const { config } = await benchConfig("pglite", { dataDir: values["data-dir"], extra: { JOBS: "false" } });
const rt = await openRuntime(config);
const db = rt.database.db;
const count = async () =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from speeches`)).rows[0]!.n;
if ((await count()) < 300_000) {
  await importTranscriptFiles({ db, clock: rt.clock }, systemActor, corpusFiles(values.corpus!));
}

// A typical transcript: the one whose speech count is the median of the archive.
const median = (
  await db.execute<{ slug: string; n: number }>(sql`
    with c as (select t.slug, count(*)::int as n from transcripts t join speeches s on s.transcript_id = t.id
               where t.state = 'published' group by t.slug)
    select slug, n from c order by n limit 1 offset (select count(*) / 2 from c)`)
).rows[0]!;

const app = buildApp({ config, database: rt.database, clock: rt.clock, logger: createLogger("silent") });
const appServer = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((r) => appServer.once("listening", r));
const appPort = (appServer.address() as { port: number }).port;

// The baseline: node:http answering a fixed page as large as the transcript page.
const page = await (
  await fetch(`http://127.0.0.1:${appPort}/transcripts/${encodeURIComponent(median.slug)}`)
).text();
const plain = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(page);
});
await new Promise<void>((r) => plain.listen(0, "127.0.0.1", () => r()));
const plainPort = (plain.address() as { port: number }).port;

const run = promisify(execFile);
const cannon = join(import.meta.dirname, "../node_modules/autocannon/autocannon.js");
async function load(label: string, url: string): Promise<void> {
  const { stdout } = await run(
    process.execPath,
    [cannon, "-c", values.connections!, "-d", values.duration!, "-j", url],
    { maxBuffer: 1 << 24 },
  );
  const r = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
  console.log(
    `${label.padEnd(34)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(5)} ms   non-2xx ${r.non2xx}, errors ${r.errors}`,
  );
}

console.log(
  `engine: ${rt.database.engine}; ${await count()} speeches; transcript page: ${median.slug} ` +
    `(${median.n} rows, ${Math.round(Buffer.byteLength(page) / 1024)} KB); ` +
    `${values.connections} connections, ${values.duration} s each`,
);
await load("plain node:http, fixed page", `http://127.0.0.1:${plainPort}/`);
await load("transcript page", `http://127.0.0.1:${appPort}/transcripts/${encodeURIComponent(median.slug)}`);
await load(
  "search API, 聯絡人 (frequent)",
  `http://127.0.0.1:${appPort}/api/v1/search?q=${encodeURIComponent("聯絡人")}`,
);
await load(
  "search API, 口罩 地圖 (two terms)",
  `http://127.0.0.1:${appPort}/api/v1/search?q=${encodeURIComponent("口罩 地圖")}`,
);

plain.close();
appServer.close();
await rt.close();
