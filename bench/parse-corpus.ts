// Benchmark: parse every Markdown file of the transcript archive, then write and re-parse each (round trip).
// Usage: npx tsx bench/parse-corpus.ts [DIR]   (default ../shared/corpus/transcripts)
// Prints a table of figures, every skipped file with its reason, every round-trip failure, and the
// warnings by kind with an example of each. Parse time excludes reading the files.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import {
  parseTranscriptMarkdown,
  roundTrips,
  type ParseResult,
} from "../src/modules/transcripts/markdown.ts";

const dir = resolve(process.argv[2] ?? "../shared/corpus/transcripts");
if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`not a directory: ${dir}`);
  process.exit(1);
}
const names = readdirSync(dir)
  .filter((n) => n.endsWith(".md"))
  .sort();
const texts = names.map((n) => readFileSync(join(dir, n), "utf8"));
const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t, "utf8"), 0);

const t0 = performance.now();
const results: ParseResult[] = names.map((n, k) => parseTranscriptMarkdown(texts[k] as string, n));
const parseMs = performance.now() - t0;

let ok = 0;
let speeches = 0;
let continued = 0;
let narrative = 0;
const narrativeStyles = { quote: 0, bracket: 0, text: 0 };
let headings = 0;
let warningCount = 0;
const skipped: string[] = [];
const warningKinds = new Map<string, { count: number; files: Set<string>; example: string }>();
results.forEach((r, k) => {
  const name = names[k] as string;
  if (!r.ok) {
    skipped.push(`${name}:${r.error.line}: ${r.error.message}`);
    return;
  }
  ok++;
  for (const b of r.transcript.blocks) {
    if (b.kind === "speech") {
      if (b.continued) continued++;
      else speeches++;
    } else if (b.kind === "narrative") {
      narrative++;
      narrativeStyles[b.style]++;
    } else headings++;
  }
  for (const w of r.warnings) {
    warningCount++;
    const e = warningKinds.get(w.code) ?? {
      count: 0,
      files: new Set(),
      example: `${name}:${w.line}: ${w.message}`,
    };
    e.count++;
    e.files.add(name);
    warningKinds.set(w.code, e);
  }
});

const t1 = performance.now();
const failed: string[] = [];
let roundTripOk = 0;
results.forEach((r, k) => {
  if (!r.ok) return;
  if (roundTrips(r.transcript)) roundTripOk++;
  else failed.push(names[k] as string);
});
const roundTripMs = performance.now() - t1;

const mb = bytes / 1e6;
const rows: Array<[string, string]> = [
  ["directory", dir],
  ["files", String(names.length)],
  ["ok", String(ok)],
  ["skipped", String(skipped.length)],
  ["speeches (speaker turns)", String(speeches)],
  ["continued turns (after a note)", String(continued)],
  [
    "narrative blocks",
    `${narrative} (> ${narrativeStyles.quote}, bracketed ${narrativeStyles.bracket}, text ${narrativeStyles.text})`,
  ],
  ["headings", String(headings)],
  ["warnings", String(warningCount)],
  ["round-trip ok", `${roundTripOk} / ${ok} (${((100 * roundTripOk) / Math.max(ok, 1)).toFixed(2)} %)`],
  ["MB (UTF-8)", mb.toFixed(1)],
  ["parse ms", parseMs.toFixed(0)],
  ["parse MB/s", (mb / (parseMs / 1000)).toFixed(1)],
  ["write + re-parse ms", roundTripMs.toFixed(0)],
];
const w = Math.max(...rows.map(([k]) => k.length));
console.log(rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join("\n"));

console.log(`\nskipped files (${skipped.length}):`);
for (const s of skipped) console.log(`  ${s}`);
if (failed.length > 0) {
  console.log(`\nround-trip failures (${failed.length}):`);
  for (const f of failed) console.log(`  ${f}`);
}
console.log(`\nwarnings by kind:`);
for (const [code, e] of [...warningKinds].sort((a, b) => b[1].count - a[1].count))
  console.log(
    `  ${code.padEnd(20)} ${String(e.count).padStart(5)} in ${String(e.files.size).padStart(4)} files  e.g. ${e.example}`,
  );
