// Civic search on a small table: 5,000 petitions, 2,000 published responses (+500 drafts), 1,000 cases.
// Usage: npx tsx bench/civic-search.ts [--engine pglite|postgres]
// Compares the chosen design (a stored folded search text, scanned with LIKE; docs/adr/0003 addendum)
// with the rejected one (read every row and fold it in the app on each query).
import { parseArgs } from "node:util";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { sql } from "drizzle-orm";
import { loadConfig } from "../src/config/index.ts";
import { openRuntime } from "../src/runtime.ts";
import { FixedClock } from "../src/platform/clock/index.ts";
import { petitions, petitionResponses } from "../src/modules/petitions/index.ts";
import { cases } from "../src/modules/cases/index.ts";
import { petitionSearchText, responseSearchText } from "../src/modules/petitions/search-source.ts";
import { caseSearchText } from "../src/modules/cases/search-source.ts";
import { parseQuery, searchDocument, type SearchRequest } from "../src/modules/search/index.ts";
import { searchDepsFor } from "../src/search-deps.ts";

const { values } = parseArgs({ options: { engine: { type: "string", default: "pglite" } } });
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

const topics = [
  "開放資料",
  "鄉鎮統計",
  "長照資源",
  "颱風應變",
  "公車動態",
  "路燈照明",
  "外送員安全",
  "鯨豚保育",
];
const sentence =
  "臺北市政府開放資料平台應該提供更多關於公共運輸的即時資訊，讓市民能夠規劃行程。我們建議增加公車到站時間與捷運擁擠程度的資料集，並以開放格式發布。";
const topic = (i: number) => topics[i % topics.length]!;
const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + (i % 800) * 86_400_000);

const t0 = performance.now();
const ids: string[] = [];
for (let start = 0; start < 5000; start += 500) {
  const rows = Array.from({ length: 500 }, (_, k) => {
    const i = start + k;
    const v = {
      title: `請改善${topic(i)}第${i}號`,
      body: `${sentence.repeat(2)}${topic(i * 7)}。${i}`,
      threshold: 5000,
      opensAt: day(i),
      closesAt: new Date(day(i).getTime() + 60 * 86_400_000),
      createdAt: day(i),
      updatedAt: day(i),
    };
    return { ...v, searchText: petitionSearchText(v) };
  });
  const inserted = await db.insert(petitions).values(rows).returning({ id: petitions.id });
  ids.push(...inserted.map((r) => r.id));
}
for (let start = 0; start < 2500; start += 500) {
  const rows = ids.slice(start, start + 500).map((petitionId, k) => {
    const i = start + k;
    const v = {
      petitionId,
      analysis: `${sentence}${topic(i * 3)}`,
      suggestion: "開放鄉鎮層級的統計。",
      plan: "三個月內上架。",
      references: [],
      citations: [],
      evaluatedBy: "內政部",
      evaluationMethod: "工作會議",
      publishedAt: i < 2000 ? day(i + 30) : null,
      createdAt: day(i + 20),
      updatedAt: day(i + 20),
    };
    return { ...v, searchText: responseSearchText(v) };
  });
  await db.insert(petitionResponses).values(rows);
}
for (let start = 0; start < 1000; start += 500) {
  const rows = Array.from({ length: 500 }, (_, k) => {
    const i = start + k;
    const v = {
      number: i + 1,
      title: `${topic(i * 5)}協作案${i}`,
      summary: sentence,
      origin: "self-proposed" as const,
      selectedAt: day(i),
      year: day(i).getUTCFullYear(),
      createdAt: day(i),
      updatedAt: day(i),
    };
    return { ...v, searchText: caseSearchText(v) };
  });
  await db.insert(cases).values(rows);
}
await db.execute(sql`analyze petitions`);
await db.execute(sql`analyze petition_responses`);
await db.execute(sql`analyze cases`);
console.log(
  `load: ${(performance.now() - t0).toFixed(0)} ms (5,000 petitions, 2,500 responses, 1,000 cases)`,
);

const { provider } = searchDepsFor(rt.database);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(f: () => Promise<unknown>, runs = 7): Promise<number> {
  await f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await f();
    ms.push(performance.now() - s);
  }
  return median(ms);
}

// The rejected design: every row read and folded in the app on each query (petitions only).
async function foldInApp(q: string) {
  const query = parseQuery(q)!;
  const rows = await db.execute<{ id: string; title: string; body: string }>(
    sql`select id, title, body from petitions`,
  );
  return rows.rows.filter((r) => {
    const text = searchDocument([r.title], r.body).text;
    return query.phrases.every((p) => text.includes(p));
  }).length;
}

console.log(`\nengine: ${engine}; median of 7 runs after one warm-up, ms`);
console.log(
  "| query | matches (all civic) | petitions | responses | cases | all four sources (no transcripts) | petitions folded in the app |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const q of ["開放資料", "乡镇统计", "鯨豚保育", "第4999号", "不存在的詞"]) {
  const req = (type?: string): SearchRequest => ({
    query: parseQuery(q)!,
    filters: type ? { type } : {},
    after: null,
    limit: 20,
  });
  const all = await provider.search(req());
  const cells = [];
  for (const type of ["petition", "response", "case"])
    cells.push((await time(() => provider.search(req(type)))).toFixed(1));
  cells.push((await time(() => provider.search(req()))).toFixed(1));
  cells.push((await time(() => foldInApp(q), 3)).toFixed(1));
  console.log(`| ${q} | ${all.total}${all.capped ? "+" : ""} | ${cells.join(" | ")} |`);
}

await rt.close();
rmSync(dataDir, { recursive: true, force: true });
if (engine === "postgres") {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`drop database ${dbName}`);
  await c.end();
}
