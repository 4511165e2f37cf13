// Reading petition files (CSV and JSON) into checked rows, each with the line it came from.
import { parse } from "csv-parse/sync";
import type { PetitionKind } from "./tables.ts";

/** One petition as read from a file, before its agencies are resolved. */
export interface ImportRow {
  line: number;
  kind: PetitionKind;
  externalId: string;
  sourceUrl: string | null;
  title: string;
  body: string;
  proposer: string | null;
  agencies: string[];
  threshold?: number;
  opensAt: Date;
  closesAt?: Date;
  endorsements?: number;
  endorsementsAt?: Date;
}

/** A row that cannot be imported: its line, the field and the reason. */
export interface ImportProblem {
  line: number;
  field?: string;
  message: string;
}

/** The columns of the CSV form (JSON uses the same names in camelCase). */
export const CSV_COLUMNS = [
  "external_id",
  "url",
  "title",
  "text",
  "proposer",
  "agencies",
  "endorsements",
  "endorsements_at",
  "opens_at",
  "closes_at",
  "threshold",
  "kind",
] as const;

const camel = (s: string) => s.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
const MAX_TEXT = 50_000;

/** A date-time (ISO 8601) or a Taipei date `YYYY-MM-DD` (its start). */
export function parseWhen(raw: string): Date | null {
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const d = new Date(`${s}T00:00:00+08:00`);
    // Reject dates that do not exist (2026-02-30) rather than rolling them over.
    return Number.isNaN(d.getTime()) || new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10) !== s
      ? null
      : d;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(s)) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Checks one record (string or typed values) into a row, or reports its first problem. */
function checkRecord(rec: Record<string, unknown>, line: number): ImportRow | ImportProblem {
  const str = (k: string): string => {
    const v = rec[k] ?? rec[camel(k)];
    if (v === undefined || v === null) return "";
    return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : JSON.stringify(v);
  };
  const bad = (field: string, message: string): ImportProblem => ({ line, field, message });
  const externalId = str("external_id");
  if (!externalId) return bad("external_id", "is required");
  if (externalId.length > 100) return bad("external_id", "must be at most 100 characters");
  const title = str("title");
  if (!title) return bad("title", "is required");
  if (title.length > 300) return bad("title", "must be at most 300 characters");
  const body = str("text");
  if (!body) return bad("text", "is required");
  if (body.length > MAX_TEXT) return bad("text", `must be at most ${MAX_TEXT} characters`);
  const kindRaw = str("kind") || "petition";
  if (kindRaw !== "petition" && kindRaw !== "notice") return bad("kind", "must be petition or notice");
  const url = str("url");
  if (url) {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return bad("url", "must be an http(s) URL");
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") return bad("url", "must be an http(s) URL");
  }
  const agenciesRaw = rec["agencies"];
  const agencies = Array.isArray(agenciesRaw)
    ? agenciesRaw.map((a) => String(a).trim()).filter(Boolean)
    : str("agencies")
        .split(/[;|]/)
        .map((a) => a.trim())
        .filter(Boolean);
  const opensRaw = str("opens_at");
  if (!opensRaw) return bad("opens_at", "is required");
  const opensAt = parseWhen(opensRaw);
  if (!opensAt) return bad("opens_at", "must be a date (YYYY-MM-DD) or an ISO 8601 date-time");
  const closesRaw = str("closes_at");
  let closesAt: Date | undefined;
  if (closesRaw) {
    const c = parseWhen(closesRaw);
    if (!c) return bad("closes_at", "must be a date (YYYY-MM-DD) or an ISO 8601 date-time");
    closesAt = /^\d{4}-\d{2}-\d{2}$/.test(closesRaw) ? new Date(c.getTime() + 86_400_000 - 1) : c;
    if (closesAt <= opensAt) return bad("closes_at", "must be after opens_at");
  }
  const int = (k: string, min: number): number | undefined | ImportProblem => {
    const raw = str(k);
    if (!raw) return undefined;
    if (!/^\d+$/.test(raw.replace(/,/g, ""))) return bad(k, "must be a whole number");
    const n = Number(raw.replace(/,/g, ""));
    if (!Number.isSafeInteger(n) || n < min) return bad(k, `must be a whole number ≥ ${min}`);
    return n;
  };
  const endorsements = int("endorsements", 0);
  if (typeof endorsements === "object") return endorsements;
  const threshold = int("threshold", 1);
  if (typeof threshold === "object") return threshold;
  if (kindRaw === "notice" && endorsements !== undefined)
    return bad("endorsements", "a draft-regulation notice takes no endorsements");
  const atRaw = str("endorsements_at");
  let endorsementsAt: Date | undefined;
  if (atRaw) {
    const a = parseWhen(atRaw);
    if (!a) return bad("endorsements_at", "must be a date (YYYY-MM-DD) or an ISO 8601 date-time");
    if (endorsements === undefined) return bad("endorsements", "is required with endorsements_at");
    endorsementsAt = a;
  }
  const proposer = str("proposer");
  if (proposer.length > 200) return bad("proposer", "must be at most 200 characters");
  return {
    line,
    kind: kindRaw,
    externalId,
    sourceUrl: url ? new URL(url).href : null,
    title,
    body,
    proposer: proposer || null,
    agencies,
    threshold,
    opensAt,
    closesAt,
    endorsements,
    endorsementsAt,
  };
}

/**
 * Reads a petitions file: JSON (an array of records, or `{"petitions":[…]}`) when it starts with `[` or
 * `{`, CSV with a header row otherwise (UTF-8, an optional BOM). Returns every problem, not just the
 * first: a file with any problem is imported not at all. In JSON, `line` is the line where the record
 * starts.
 */
export function readPetitionFile(text: string): { rows: ImportRow[]; problems: ImportProblem[] } {
  const src = text.replace(/^\uFEFF/, "");
  const trimmed = src.trimStart();
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const take = (r: ImportRow | ImportProblem) => ("message" in r ? problems.push(r) : rows.push(r));
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    let doc: unknown;
    try {
      doc = JSON.parse(src);
    } catch (e) {
      return { rows, problems: [{ line: 1, message: `not valid JSON: ${(e as Error).message}` }] };
    }
    const list = Array.isArray(doc) ? doc : (doc as { petitions?: unknown }).petitions;
    if (!Array.isArray(list))
      return {
        rows,
        problems: [{ line: 1, message: 'expected an array of petitions or {"petitions":[…]}' }],
      };
    const starts = recordLines(src);
    list.forEach((rec, i) => {
      const line = starts[i] ?? 1;
      if (typeof rec !== "object" || rec === null || Array.isArray(rec))
        problems.push({ line, message: "each petition must be an object" });
      else take(checkRecord(rec as Record<string, unknown>, line));
    });
  } else {
    let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
    try {
      records = parse(src, { columns: true, skip_empty_lines: true, info: true, bom: true, trim: true });
    } catch (e) {
      return { rows, problems: [{ line: 1, message: `not valid CSV: ${(e as Error).message}` }] };
    }
    const header = src
      .split(/\r?\n/, 1)[0]!
      .split(",")
      .map((h) => h.trim().replace(/^"|"$/g, ""));
    for (const col of ["external_id", "title", "text", "opens_at"])
      if (!header.includes(col))
        return { rows, problems: [{ line: 1, field: col, message: "column is missing" }] };
    const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
    if (unknown.length)
      return { rows, problems: [{ line: 1, field: unknown[0], message: "unknown column" }] };
    for (const { record, info } of records) take(checkRecord(record, info.lines));
  }
  const seen = new Map<string, number>();
  for (const r of rows) {
    const first = seen.get(r.externalId);
    if (first !== undefined)
      problems.push({
        line: r.line,
        field: "external_id",
        message: `${r.externalId} appears twice in the file (first on line ${first})`,
      });
    else seen.set(r.externalId, r.line);
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems };
}

/** The line on which each top-level record of a JSON array starts. */
function recordLines(src: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === "\n") line++;
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "[" || ch === "{") {
      depth++;
      const arrayDepth = src.trimStart().startsWith("[") ? 2 : 3;
      if (ch === "{" && depth === arrayDepth) out.push(line);
    } else if (ch === "]" || ch === "}") depth--;
  }
  return out;
}
