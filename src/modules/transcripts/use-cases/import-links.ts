// Import of the archive's two link files: `alternates.tsv` (language twins: two file names per line)
// and `redirects.tsv` (old slug → new slug of a renamed record). Both are tab-separated, with `#`
// comment lines and blank lines; see the corpus README.
import { parse } from "csv-parse/sync";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited, type AuditEntry } from "../../audit/index.ts";
import { isPdis, type Actor } from "../../directory/index.ts";
import * as archive from "../archive-repository.ts";
import type { TranscriptsDeps } from "./deps.ts";

/** The two link files, by what their lines mean. */
export type LinkFileKind = "alternates" | "redirects";

/** A link file: its name (which says its kind) and its text. */
export interface LinkFile {
  name: string;
  text: string;
}

/** A line that was not imported, and why. */
export interface LinkProblem {
  file: string;
  line: number;
  message: string;
}

/** What a link import did. */
export interface LinkImportSummary {
  alternates: { created: number; unchanged: number };
  redirects: { created: number; updated: number; unchanged: number };
  /** Lines that could not be read or would break the archive (a self-link, a loop). */
  skipped: LinkProblem[];
  /**
   * Redirects whose old slug is a current transcript's slug: following them would hide that
   * transcript, so they are left out (the archive.tw file also lists its own URL-slug renames).
   */
  ignored: LinkProblem[];
}

const MAX_CHAIN = 5;

/** The kind of a link file from its name (`alternates.tsv`, `redirects.tsv`), or null. */
export function linkFileKind(name: string): LinkFileKind | null {
  const base = (name.split(/[/\\]/).pop() ?? name).toLowerCase();
  if (base === "alternates.tsv") return "alternates";
  if (base === "redirects.tsv") return "redirects";
  return null;
}

/** A slug as written in a link file: without `.md` (alternates name files, redirects slugs). */
function slugOf(cell: string): string {
  return cell.trim().replace(/\.md$/i, "");
}

/** The data lines of a TSV file, with their line numbers; comment and blank lines are dropped. */
export function readTsv(text: string): Array<{ line: number; cells: string[] }> {
  const records = parse(text, {
    delimiter: "\t",
    comment: "#",
    comment_no_infix: true,
    quote: false,
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
    info: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const out: Array<{ line: number; cells: string[] }> = [];
  for (const { record, info } of records) {
    const cells = record.map((c) => c.trim());
    while (cells.length && cells[cells.length - 1] === "") cells.pop();
    if (cells.length === 0) continue; // a line of spaces
    out.push({ line: info.lines, cells });
  }
  return out;
}

/** Reads the pairs of a file, reporting lines that are not `a<TAB>b` with two different slugs. */
function readPairs(file: LinkFile, problems: LinkProblem[]): Array<{ line: number; a: string; b: string }> {
  const pairs: Array<{ line: number; a: string; b: string }> = [];
  let rows;
  try {
    rows = readTsv(file.text);
  } catch (e) {
    problems.push({ file: file.name, line: 0, message: `not a TSV file: ${(e as Error).message}` });
    return pairs;
  }
  for (const { line, cells } of rows) {
    if (cells.length !== 2) {
      problems.push({
        file: file.name,
        line,
        message: `expected 2 tab-separated columns, found ${cells.length}`,
      });
      continue;
    }
    const [a, b] = cells.map(slugOf) as [string, string];
    if (a === "" || b === "") {
      problems.push({ file: file.name, line, message: "empty slug" });
      continue;
    }
    if (a === b) {
      problems.push({ file: file.name, line, message: `links ${a} to itself` });
      continue;
    }
    pairs.push({ line, a, b });
  }
  return pairs;
}

/**
 * Imports `alternates.tsv` and `redirects.tsv` files, idempotently: new pairs and redirects are
 * inserted, a redirect whose target changed is repointed, unchanged lines change nothing. Each file
 * that changes something is written in one transaction with its audit entry. Bad lines are reported
 * (file:line: reason) and the rest goes on. PDIS and administrators only.
 */
export async function importTranscriptLinks(
  deps: TranscriptsDeps,
  actor: Actor,
  files: LinkFile[],
): Promise<LinkImportSummary> {
  if (!actor.isAdmin && !isPdis(actor)) throw fail.forbidden();
  const summary: LinkImportSummary = {
    alternates: { created: 0, unchanged: 0 },
    redirects: { created: 0, updated: 0, unchanged: 0 },
    skipped: [],
    ignored: [],
  };
  for (const file of files) {
    const kind = linkFileKind(file.name);
    if (kind === "alternates") await importAlternates(deps, actor, file, summary);
    else if (kind === "redirects") await importRedirects(deps, actor, file, summary);
    else
      summary.skipped.push({
        file: file.name,
        line: 0,
        message: "not a link file (alternates.tsv or redirects.tsv)",
      });
  }
  return summary;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

async function importAlternates(
  deps: TranscriptsDeps,
  actor: Actor,
  file: LinkFile,
  summary: LinkImportSummary,
) {
  const pairs = readPairs(file, summary.skipped);
  const known = new Set((await archive.allAlternates(deps.db)).map((p) => pairKey(p.slugA, p.slugB)));
  const fresh: Array<{ a: string; b: string }> = [];
  for (const p of pairs) {
    const key = pairKey(p.a, p.b);
    if (known.has(key)) {
      summary.alternates.unchanged++;
      continue;
    }
    known.add(key);
    fresh.push(p);
  }
  if (!fresh.length) return;
  await writeAudited(deps.db, actor, async (tx) => {
    for (const p of fresh) await archive.insertAlternate(tx, p.a, p.b);
    return {
      value: null,
      audit: [
        {
          action: "transcript.alternates.import",
          entityType: "transcript-links",
          entityId: "alternates",
          after: { file: file.name, added: fresh.map((p) => [p.a, p.b]) },
        },
      ],
    };
  });
  summary.alternates.created += fresh.length;
}

async function importRedirects(
  deps: TranscriptsDeps,
  actor: Actor,
  file: LinkFile,
  summary: LinkImportSummary,
) {
  const pairs = readPairs(file, summary.skipped);
  const current = await archive.existingSlugs(
    deps.db,
    pairs.map((p) => p.a),
  );
  const map = await archive.allRedirects(deps.db);
  const before = new Map(map);
  const seenInFile = new Map<string, number>();
  const accepted: Array<{ line: number; old: string; to: string }> = [];
  for (const { line, a: old, b: to } of pairs) {
    if (current.has(old)) {
      summary.ignored.push({
        file: file.name,
        line,
        message: `${old} is a current transcript's slug; a redirect would hide it`,
      });
      continue;
    }
    const earlier = seenInFile.get(old);
    if (earlier !== undefined) {
      summary.skipped.push({
        file: file.name,
        line,
        message: `${old} is redirected already on line ${earlier}`,
      });
      continue;
    }
    if (leadsBackTo(map, to, old)) {
      summary.skipped.push({ file: file.name, line, message: `${old} → ${to} would make a loop` });
      continue;
    }
    seenInFile.set(old, line);
    map.set(old, to);
    accepted.push({ line, old, to });
  }
  const created: Array<[string, string]> = [];
  const updated: Array<{ old: string; from: string; to: string }> = [];
  for (const r of accepted) {
    const was = before.get(r.old);
    if (was === r.to) summary.redirects.unchanged++;
    else if (was === undefined) created.push([r.old, r.to]);
    else updated.push({ old: r.old, from: was, to: r.to });
  }
  if (!created.length && !updated.length) return;
  await writeAudited(deps.db, actor, async (tx) => {
    for (const [old, to] of created) await archive.upsertRedirect(tx, old, to);
    for (const u of updated) await archive.upsertRedirect(tx, u.old, u.to);
    const entry: AuditEntry = {
      action: "transcript.redirects.import",
      entityType: "transcript-links",
      entityId: "redirects",
      after: { file: file.name, added: created, repointed: updated },
    };
    return { value: null, audit: [entry] };
  });
  summary.redirects.created += created.length;
  summary.redirects.updated += updated.length;
}

/** True when following redirects from `start` reaches `target` within the chain limit. */
function leadsBackTo(map: Map<string, string>, start: string, target: string): boolean {
  let at: string | undefined = start;
  for (let step = 0; at !== undefined && step <= MAX_CHAIN; step++) {
    if (at === target) return true;
    at = map.get(at);
  }
  return false;
}
