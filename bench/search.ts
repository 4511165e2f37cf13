// Search over the whole public archive (../shared/corpus/transcripts, not shipped): imports it into
// a fresh database (or reuses one given with --data-dir that already holds it), then runs a fixed
// set of queries through the search use case and prints p50/p95/max latency, and the same queries
// the naive way — a substring scan over every speech held in memory, as a client-side search does —
// with the ratio of the two.
// Usage: npx tsx bench/search.ts [--engine pglite|postgres] [--runs 5] [--data-dir DIR] [--corpus DIR]
import { benchConfig, corpusFiles, DEFAULT_CORPUS } from "./setup.ts";
import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { sql } from "drizzle-orm";
import { openRuntime } from "../src/runtime.ts";
import { systemClock } from "../src/platform/clock/index.ts";
import { systemActor } from "../src/modules/directory/index.ts";
import { importTranscriptFiles } from "../src/modules/transcripts/index.ts";
import { searchDepsFor } from "../src/search-deps.ts";
import { fold, parseQuery, search, type SearchInput } from "../src/modules/search/index.ts";

const { values } = parseArgs({
  options: {
    engine: { type: "string", default: "pglite" },
    runs: { type: "string", default: "5" },
    "data-dir": { type: "string" },
    corpus: { type: "string", default: DEFAULT_CORPUS },
  },
});
const engine = values.engine === "postgres" ? "postgres" : "pglite";
const runs = Math.max(1, Number(values.runs));
const { config, dispose } = await benchConfig(engine, { dataDir: values["data-dir"] });
const rt = await openRuntime(config, { clock: systemClock });
const db = rt.database.db;

const count = async () =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from speeches`)).rows[0]!.n;
if ((await count()) < 300_000) {
  if (!existsSync(values.corpus!)) throw new Error(`no corpus at ${values.corpus}`);
  const t0 = performance.now();
  const r = await importTranscriptFiles({ db, clock: rt.clock }, systemActor, corpusFiles(values.corpus!));
  console.log(
    `imported ${r.transcripts.created + r.transcripts.updated} transcripts, ${r.speeches} speeches ` +
      `in ${Math.round(performance.now() - t0)} ms (skipped ${r.skipped.length})`,
  );
}
console.log(`engine: ${engine}; speeches in the archive: ${await count()}`);

const speakerSlug = async (name: string) =>
  (await db.execute<{ slug: string }>(sql`select slug from speakers where name = ${name}`)).rows[0]?.slug;
const tang = await speakerSlug("唐鳳");

// The query set: common and rare Chinese terms (1–7 characters), multi-term, Simplified, full-width,
// English, filtered.
const queries: SearchInput[] = [
  ...[
    "開放政府",
    "政府",
    "資料",
    "預算",
    "颱風",
    "長照",
    "水",
    "數位",
    "民主",
    "社會創新",
    "透明",
    "參與",
    "協作會議",
    "聯絡人",
    "口罩",
    "疫情",
    "開源",
    "區塊鏈",
    "假訊息",
    "人工智慧",
    "黑客松",
    "公民科技",
    "個人資料保護法",
    "氣候變遷",
    "鯨豚",
    "量子電腦",
    "零時政府",
    "長照 預算",
    "口罩 地圖",
    "假訊息 事實查核",
    "開放 資料 平台",
    "开放政府",
    "数字 民主",
    "台湾",
    "ＡＰＩ",
    "g0v",
    "open government",
    "democracy",
    "Taiwan",
    "radical transparency",
    "digital minister",
    "plurality",
    "AI",
  ].map((q) => ({ q })),
  { q: "開放", speaker: tang },
  { q: "數位", speaker: tang, from: "2020-01-01", to: "2020-12-31" },
  { q: "預算", kind: "monthly" },
  { q: "open data", language: "en" },
  { q: "會議", from: "2024-01-01" },
];

const deps = searchDepsFor(rt.database);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

// Ours: the search use case (query parsing, provider, SQL, snippets), first page of 20 — over every
// type (speeches, petitions, responses, cases), and, interleaved in the same run, speeches only
// (`type: "speech"`: the speech source alone), which shows what the civic sources add.
const ours: number[] = [];
const speechOnly: number[] = [];
const perQuery: Array<{ q: string; ms: number; total: string }> = [];
for (const input of queries) {
  await search(deps, input); // warm
  await search(deps, { ...input, type: "speech" });
  const times: number[] = [];
  let total = "";
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const r = await search(deps, input);
    times.push(performance.now() - t);
    total = `${r.total}${r.capped ? "+" : ""}`;
    t = performance.now();
    await search(deps, { ...input, type: "speech" });
    speechOnly.push(performance.now() - t);
  }
  ours.push(...times);
  perQuery.push({ q: JSON.stringify(input), ms: pct(times, 50), total });
}

// Naive: every speech's folded text in memory (as a client-side search would hold it), a substring
// test per term, newest first, first 20.
const all = (
  await db.execute<{
    text: string;
    date: string | null;
    speaker: string | null;
    kind: string;
    language: string;
  }>(
    sql`select s.text, s.date::text as date, sp.slug as speaker, t.kind, t.language
        from speeches s join transcripts t on t.id = s.transcript_id left join speakers sp on sp.id = s.speaker_id
        where s.kind <> 'heading' and t.state = 'published'`,
  )
).rows.map((r) => ({ ...r, folded: fold(r.text) }));
const naive: number[] = [];
for (const input of queries) {
  const terms = parseQuery(input.q)!.terms.map((t) => fold(t));
  const times: number[] = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const t = performance.now();
    const hits = all.filter(
      (s) =>
        terms.every((term) => s.folded.includes(term)) &&
        (!input.speaker || s.speaker === input.speaker) &&
        (!input.from || (s.date ?? "") >= input.from) &&
        (!input.to || (s.date ?? "") <= input.to) &&
        (!input.kind || s.kind === input.kind) &&
        (!input.language || s.language === input.language),
    );
    hits.sort((a, b) => ((a.date ?? "") < (b.date ?? "") ? 1 : -1)).slice(0, 20);
    times.push(performance.now() - t);
  }
  naive.push(...times);
}

for (const p of perQuery) console.log(`  ${p.ms.toFixed(1).padStart(7)} ms  ${p.total.padStart(6)}  ${p.q}`);
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;
console.log(`queries: ${queries.length}, runs each: ${runs}`);
console.log(`search (${engine}): ${fmt(ours)}`);
console.log(`search (${engine}), speeches only: ${fmt(speechOnly)}`);
console.log(`naive substring scan over ${all.length} speeches in memory: ${fmt(naive)}`);
console.log(
  `ratio naive/search: p50 ${(pct(naive, 50) / pct(ours, 50)).toFixed(1)}×, p95 ${(pct(naive, 95) / pct(ours, 95)).toFixed(1)}×`,
);

await rt.close();
await dispose();
