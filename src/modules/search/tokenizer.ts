/**
 * App-side text tokenizer for Chinese-and-English full-text search (issue 4, item 5).
 *
 * PostgreSQL's own parser keeps a whole CJK run as one word, so we tokenize in the app and hand
 * PostgreSQL integers (docs/adr/0003; shared/docs/measurements.md, approaches "bg" and "bgint"):
 *
 * - `fold` normalises both documents and queries (NFKC, lowercase, Traditional → Simplified), so that
 *   臺/台, Simplified queries and full-width Latin meet.
 * - `documentTokens` turns a CJK run into overlapping bigrams plus a terminal unigram and other
 *   letter/digit runs into one word each; `searchDocument` stores each distinct token as an integer
 *   code (`tokenCode`; an `int4[]` column with a GIN index) beside the folded runs as text.
 * - `parseQuery` gives the codes a match must hold (the index narrows) and, per term, the phrase its
 *   search text must contain (`LIKE`, the exact test): the recall of a substring scan on folded text.
 * - `highlight` cuts a snippet of the original text around the first match.
 *
 * Everything here is pure: no database, no I/O.
 */
import { from as openccFrom, to as openccTo } from "opencc-js/preset/t2cn";
import type { DictLike } from "opencc-js/core";

// ---------------------------------------------------------------------------------------------------
// fold

/**
 * Traditional(Taiwan) → Simplified, one code point to one code point, built once on first use from
 * OpenCC's character tables (tw variants reversed, then Traditional → Simplified characters).
 *
 * OpenCC's phrase tables are deliberately left out. They make the conversion depend on context
 * (乾隆 stays 乾隆 but a lone 乾 becomes 干), so a query could fold differently from the same characters
 * inside a document and the "same recall as a substring scan" property would break. With a
 * context-free table, fold(a + b) = fold(a) + fold(b) for CJK text, and every substring of a document
 * folds to a substring of the folded document. The table is closed under itself (applied until it no
 * longer changes anything), so fold is idempotent and Simplified input folds to the same characters
 * as its Traditional source: 麼, 么 and 幺 all fold to one character.
 */
let charTable: Map<string, string> | undefined;

function dictEntries(dict: DictLike): [string, string][] {
  if (typeof dict !== "string") return dict.map(([k, v]) => [k, v]);
  const out: [string, string][] = [];
  for (const line of dict.split("|")) {
    const [k, v] = line.split(" "); // "source candidate1 candidate2…": OpenCC takes the first candidate
    if (k !== undefined && v !== undefined) out.push([k, v]);
  }
  return out;
}

const isOneCodePoint = (s: string): boolean => s.length > 0 && s.length <= 2 && [...s].length === 1;

/** One stage (e.g. "tw variants reversed") as a character map; earlier dictionaries in a group win. */
function characterStage(groups: readonly (readonly DictLike[])[]): Map<string, string> {
  const stage = new Map<string, string>();
  for (const group of groups) {
    for (const dict of group) {
      const entries = dictEntries(dict);
      if (!entries.every(([k]) => isOneCodePoint(k))) continue; // a phrase dictionary
      for (const [k, v] of entries) {
        if (isOneCodePoint(v) && !stage.has(k)) stage.set(k, v);
      }
    }
  }
  return stage;
}

function buildCharTable(): Map<string, string> {
  const stages = [characterStage(openccFrom.tw ?? []), characterStage(openccTo.cn ?? [])];
  const step = (c: string): string => stages.reduce((x, stage) => stage.get(x) ?? x, c);
  const keys = new Set(stages.flatMap((s) => [...s.keys()]));
  const table = new Map<string, string>();
  for (const k of keys) {
    let v = step(k);
    // Close the table so that fold is idempotent (a Simplified character that is itself a key).
    for (let i = 0; i < 8; i++) {
      const next = step(v);
      if (next === v) break;
      v = next;
    }
    if (v !== k) table.set(k, v);
  }
  if (table.size < 1000) throw new Error("opencc-js character tables not found");
  return table;
}

function table(): Map<string, string> {
  charTable ??= buildCharTable();
  return charTable;
}

// Only these blocks hold characters the table converts (CJK, compatibility ideographs, ext. B+).
const MAY_CONVERT = /[\u2e80-\u2fff\u3400-\u9fff\uf900-\ufaff\ud840-\ud8bf]/;

function convertChars(s: string): string {
  if (!MAY_CONVERT.test(s)) return s;
  const t = table();
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s[i]!;
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length) c = s.slice(i, i + 2);
    const v = code >= 0x2e80 ? t.get(c) : undefined;
    if (v !== undefined) {
      out += s.slice(from, i) + v;
      from = i + c.length;
    }
    i += c.length - 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * Folds text for indexing and matching: Unicode NFKC (full-width ＡＰＩ → API, compatibility
 * ideographs → unified ones), lowercase, then OpenCC Traditional(Taiwan) → Simplified per character
 * (臺灣 and 台灣 → 台湾, 開放 → 开放).
 *
 * Length: on CJK text fold is code-point-length-preserving (NFKC and lowercase leave unified Han
 * alone, and the conversion maps one code point to one code point; a few characters move between the
 * BMP and the supplementary planes, so UTF-16 length can change by one per such character).
 * Elsewhere it is not: NFKC expands ligatures and squared forms (ﬁ → fi, ㍻ → 平成, ① → 1) and
 * composes combining sequences, and lowercase turns İ into i + U+0307. Nothing relies on positions in
 * folded text: `highlight` folds piece by piece and maps matches back to the original.
 */
export function fold(text: string): string {
  return convertChars(text.normalize("NFKC").toLowerCase());
}

// ---------------------------------------------------------------------------------------------------
// tokens

const CJK_CLASS = String.raw`\p{Script=Han}\p{Script=Bopomofo}\u3005\u3007`;
/**
 * Group 1: a CJK run. Group 2: any other run of letters, digits and combining marks that starts with a
 * letter or digit (PostgreSQL's parser skips a leading mark, which would shift every later position).
 */
const RUN_SOURCE = String.raw`([${CJK_CLASS}]+)|([[\p{L}\p{N}]--[${CJK_CLASS}]][[\p{L}\p{N}\p{M}]--[${CJK_CLASS}]]*)`;
const runRegex = (): RegExp => new RegExp(RUN_SOURCE, "gv");
const CJK_CHAR = new RegExp(`^[${CJK_CLASS}]$`, "v");
const WORD_CHAR = new RegExp(String.raw`^[\p{L}\p{N}\p{M}]$`, "v");

/**
 * Longest word token, in code points. Query terms are at most 100 characters, so nothing longer is
 * ever searched for; the cap keeps every lexeme far below PostgreSQL's 2,047-byte limit.
 */
export const MAX_WORD = 100;
const SURROGATE = /[\ud800-\udfff]/;
const capWord = (w: string): string => (w.length <= MAX_WORD ? w : [...w].slice(0, MAX_WORD).join(""));

/**
 * Tokens of a document, in order (positions matter for phrase search): after `fold`, each CJK run
 * (Han, Bopomofo, 々〇) → overlapping bigrams plus a terminal unigram; each other run of letters and
 * digits → one lowercase word (capped at `MAX_WORD` code points). Punctuation and spaces separate
 * runs and produce nothing. Every token consists of letters, digits and marks only.
 */
export function documentTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of fold(text).matchAll(runRegex())) {
    const run = m[1];
    if (run !== undefined) {
      const c = SURROGATE.test(run) ? [...run] : run; // index by code point
      for (let i = 0; i + 1 < c.length; i++) out.push(c[i]! + c[i + 1]!);
      out.push(c[c.length - 1]!);
    } else if (m[2] !== undefined) {
      out.push(capWord(m[2]));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// stored search data: token codes and search text

/**
 * The integer code of a token, for the `int4[]` column the GIN index covers. A CJK bigram of two
 * BMP characters is the two UTF-16 units side by side (exact, no collision); a single BMP CJK
 * character is its code unit; anything else (a Latin word, a token with a supplementary-plane
 * character) is a 32-bit FNV-1a hash. Hashes may collide with each other or with a character code;
 * a collision only adds a candidate, which the search text then rejects (see `ParsedQuery.patterns`).
 */
export function tokenCode(token: string): number {
  const a = token.charCodeAt(0);
  if (a >= 0x2e80 && a < 0xd800) {
    if (token.length === 1) return a;
    if (token.length === 2) {
      const b = token.charCodeAt(1);
      if (b >= 0x2e80 && b < 0xd800) return (a << 16) | b | 0;
    }
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h |= 0;
  return h >= -RESERVED_CODES && h < 0 ? h - RESERVED_CODES : h;
}

/** Codes -1 … -19,999 are markers (years, then a source's own); no token has one. */
const RESERVED_CODES = 20_000;

/**
 * A marker code of a source's own (e.g. a transcript's kind, so a filter on it narrows in the index):
 * `-10000 - n` for n in 0 … 9,999. No token or year has one.
 */
export function markerCode(n: number): number {
  if (!Number.isInteger(n) || n < 0 || n >= 10_000) throw new RangeError(`marker ${n} out of range`);
  return -10_000 - n;
}

/** The code of a year marker (`null`: undated): -1 … -9,999. No token has one. */
export function yearCode(year: number | null): number {
  return year === null ? -1 : -year;
}

/** Separates the primary parts (title, speaker) from the body in the search text. */
export const SECTION_SEPARATOR = "\u0001";
/** Separates two parts of one section, so that no phrase matches across them. */
const PART_SEPARATOR = "\u0002";

interface Run {
  text: string;
  cjk: boolean;
}

/** The folded runs of a text, as stored in the search text: CJK runs whole, words capped. */
function foldedRuns(text: string): Run[] {
  const out: Run[] = [];
  for (const m of fold(text).matchAll(runRegex())) {
    if (m[1] !== undefined) out.push({ text: m[1], cjk: true });
    else if (m[2] !== undefined) out.push({ text: capWord(m[2]), cjk: false });
  }
  return out;
}

/** The characters of a CJK run, by code point. */
const chars = (run: string): ArrayLike<string> & Iterable<string> => (SURROGATE.test(run) ? [...run] : run);

function addCodes(codes: Set<number>, runs: Run[]): void {
  for (const run of runs) {
    if (!run.cjk) {
      codes.add(tokenCode(run.text));
      continue;
    }
    const c = chars(run.text);
    for (let i = 0; i + 1 < c.length; i++) codes.add(tokenCode(c[i]! + c[i + 1]!));
    codes.add(tokenCode(c[c.length - 1]!));
  }
}

/** What a searchable row stores: the codes of its tokens and its search text. */
export interface SearchDocument {
  /** Distinct token codes of every part plus the markers (for `int4[]` with a GIN index). */
  codes: number[];
  /**
   * The folded runs of each part, space-separated and space-padded; primary parts first, then
   * `SECTION_SEPARATOR`, then the body. A term matches where its pattern (`ParsedQuery.patterns`)
   * is LIKE the search text; a match before the separator is a match in a primary part.
   */
  text: string;
}

/**
 * The search data of a document with primary parts (e.g. a transcript's title and a speaker's name:
 * a match there ranks first) and a body, plus marker codes (e.g. `yearCode`).
 */
export function searchDocument(primary: string[], body: string, markers: number[] = []): SearchDocument {
  const codes = new Set<number>();
  const section = (texts: string[]) =>
    texts
      .map((t) => {
        const runs = foldedRuns(t);
        addCodes(codes, runs);
        return runs.length ? ` ${runs.map((r) => r.text).join(" ")} ` : " ";
      })
      .join(PART_SEPARATOR);
  const text = section(primary) + SECTION_SEPARATOR + section([body]);
  for (const m of markers) codes.add(m);
  return { codes: [...codes], text };
}

// ---------------------------------------------------------------------------------------------------
// queries

/** One query token; `prefix` for a single CJK character at the end of a term (it may begin any token). */
interface QueryToken {
  lexeme: string;
  prefix: boolean;
}

/**
 * The token pattern that a term must match, consecutively, in a document. A CJK run of two or more
 * characters → its bigrams (a document run may go on, so no terminal unigram), plus the unigram when
 * something follows in the same term (the document run must end there: 政府API → 政府 <-> 府 <-> api).
 * A single CJK character → a prefix when it ends the term, else the exact unigram.
 */
function termPattern(term: string): QueryToken[] {
  const runs = [...fold(term).matchAll(runRegex())];
  const out: QueryToken[] = [];
  runs.forEach((m, i) => {
    const last = i === runs.length - 1;
    if (m[1] !== undefined) {
      const c = [...m[1]];
      if (c.length === 1) {
        out.push({ lexeme: c[0]!, prefix: last });
        return;
      }
      for (let j = 0; j + 1 < c.length; j++) out.push({ lexeme: c[j]! + c[j + 1]!, prefix: false });
      if (!last) out.push({ lexeme: c[c.length - 1]!, prefix: false });
    } else if (m[2] !== undefined) {
      out.push({ lexeme: capWord(m[2]), prefix: false });
    }
  });
  return out;
}

export interface ParsedQuery {
  /**
   * Codes every match holds (`search_codes @> codes`): each term's tokens except a trailing single
   * CJK character, which may begin any token. Empty when every term is a single character.
   */
  codes: number[];
  /**
   * Per positive term, the string its match contains in the search text (`searchDocument`): the
   * folded runs joined by a space, with a space on each side that is a word (a word matches whole;
   * a CJK run may continue). `LIKE '%' || phrase || '%'` is the exact test; the codes only narrow.
   */
  phrases: string[];
  /** Phrases of excluded terms (`-term`): a match contains none of them. */
  excluded: string[];
  /** The positive terms (quotes removed) for `highlight`. */
  terms: string[];
}

/** The search-text phrase of a term (see `ParsedQuery.phrases`); null when it has no letters. */
function termPhrase(term: string): string | null {
  const runs = foldedRuns(term);
  if (runs.length === 0) return null;
  const body = runs.map((r) => r.text).join(" ");
  return `${runs[0]!.cjk ? "" : " "}${body}${runs[runs.length - 1]!.cjk ? "" : " "}`;
}

export const MAX_TERMS = 10;
export const MAX_TERM_LENGTH = 100;

// A quoted phrase ("…", “…”, 「…」, optionally preceded by "-"; an unclosed quote runs to the end),
// or a run of non-space characters.
const QUERY_PART = /(-?)(?:["“「]([^"”」]*)["”」]?)|(\S+)/gu;

/**
 * Parses a user query. Whitespace separates terms (at most `MAX_TERMS`, each cut to
 * `MAX_TERM_LENGTH` characters); a term is a phrase of its tokens, so `開放政府` finds the phrase and
 * `政府 聯絡人` finds texts with both. A quoted "…" keeps spaces inside one phrase; a leading `-`
 * excludes a term. A single CJK character matches it anywhere (it has no code of its own). Returns null
 * when nothing searchable remains (empty, punctuation only, or only exclusions).
 */
export function parseQuery(q: string): ParsedQuery | null {
  const positive: string[] = [];
  const phrases: string[] = [];
  const excluded: string[] = [];
  const codes = new Set<number>();
  const seen = new Set<string>();
  for (const m of q.normalize("NFKC").matchAll(QUERY_PART)) {
    if (positive.length + excluded.length >= MAX_TERMS) break;
    let raw: string;
    let exclude: boolean;
    if (m[2] !== undefined) {
      raw = m[2];
      exclude = m[1] === "-";
    } else {
      const word = m[3] ?? "";
      exclude = word.length > 1 && word.startsWith("-");
      raw = exclude ? word.slice(1) : word;
    }
    const term = [...raw.trim().replace(/\s+/g, " ")].slice(0, MAX_TERM_LENGTH).join("");
    const phrase = termPhrase(term);
    if (phrase === null) continue;
    const key = (exclude ? "-" : "+") + phrase;
    if (seen.has(key)) continue;
    seen.add(key);
    if (exclude) excluded.push(phrase);
    else {
      positive.push(term);
      phrases.push(phrase);
      for (const t of termPattern(term)) if (!t.prefix) codes.add(tokenCode(t.lexeme));
    }
  }
  if (positive.length === 0) return null;
  return { codes: [...codes], phrases, excluded, terms: positive };
}

// ---------------------------------------------------------------------------------------------------
// highlight

export interface HighlightSegment {
  text: string;
  match: boolean;
}

/**
 * A snippet of the original text. `before + match + after` is the whole snippet (with `…` where it
 * was cut); `match` is the first match, `after` may contain further matches. `segments` is the same
 * snippet with every match in it marked. Plain strings: pages must escape them.
 */
export interface Highlight {
  before: string;
  match: string;
  after: string;
  segments: HighlightSegment[];
}

export interface HighlightOptions {
  /** Snippet length in user-perceived characters, "…" not counted. Default 120. */
  maxLength?: number;
}

interface Piece {
  start: number; // UTF-16 offsets in the original text
  end: number;
}

interface SpanToken {
  lexeme: string;
  start: number;
  end: number;
  firstEnd: number; // end of the first character (a prefix match on a CJK token marks only that)
}

/**
 * Folds the text piece by piece (a piece = a code point with its combining marks), so every folded
 * code unit knows the original piece it came from. Equal to `fold(text)` except across the rare
 * sequences that NFKC composes beyond a piece (e.g. conjoining Hangul jamo).
 */
/** `fold` of one piece, memoised: snippets fold the same few thousand characters over and over. */
const pieceCache = new Map<string, string>();
function foldPiece(piece: string): string {
  let f = pieceCache.get(piece);
  if (f === undefined) {
    f = fold(piece);
    if (pieceCache.size >= 50_000) pieceCache.clear();
    pieceCache.set(piece, f);
  }
  return f;
}

function foldWithMap(text: string): { pieces: Piece[]; folded: string; pieceOf: Int32Array } {
  const pieces: Piece[] = [];
  const parts: string[] = [];
  const owner: number[] = [];
  for (const m of text.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
    const f = foldPiece(m[0]);
    const index = pieces.length;
    pieces.push({ start: m.index, end: m.index + m[0].length });
    parts.push(f);
    for (let i = 0; i < f.length; i++) owner.push(index);
  }
  return { pieces, folded: parts.join(""), pieceOf: Int32Array.from(owner) };
}

function spanTokens(folded: string, pieceOf: Int32Array): SpanToken[] {
  const out: SpanToken[] = [];
  for (const m of folded.matchAll(runRegex())) {
    if (m[1] !== undefined) {
      const chars: { s: number; e: number; c: string }[] = [];
      let at = m.index;
      for (const c of m[1]) {
        chars.push({ s: pieceOf[at]!, e: pieceOf[at + c.length - 1]!, c });
        at += c.length;
      }
      for (let i = 0; i < chars.length; i++) {
        const a = chars[i]!;
        const b = chars[i + 1];
        out.push({ lexeme: b ? a.c + b.c : a.c, start: a.s, end: b ? b.e : a.e, firstEnd: a.e });
      }
    } else if (m[2] !== undefined) {
      const s = pieceOf[m.index]!;
      const e = pieceOf[m.index + m[2].length - 1]!;
      out.push({ lexeme: capWord(m[2]), start: s, end: e, firstEnd: e });
    }
  }
  return out; // start/end here are piece indexes (end inclusive)
}

/** Matches of the terms as [first piece, last piece + 1), sorted and merged. */
function findMatches(tokens: SpanToken[], terms: string[]): [number, number][] {
  const found: [number, number][] = [];
  for (const term of terms) {
    const pattern = termPattern(term);
    if (pattern.length === 0) continue;
    for (let p = 0; p + pattern.length <= tokens.length; p++) {
      let ok = true;
      for (let k = 0; k < pattern.length && ok; k++) {
        const q = pattern[k]!;
        const t = tokens[p + k]!.lexeme;
        ok = q.prefix ? t.startsWith(q.lexeme) : t === q.lexeme;
      }
      if (!ok) continue;
      const last = tokens[p + pattern.length - 1]!;
      found.push([tokens[p]!.start, (pattern[pattern.length - 1]!.prefix ? last.firstEnd : last.end) + 1]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of found) {
    const prev = merged[merged.length - 1];
    if (prev && s <= prev[1]) prev[1] = Math.max(prev[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

const ELLIPSIS = "…";

/**
 * A snippet of about `maxLength` characters of the ORIGINAL text around the first match of any of
 * the terms (as returned by `parseQuery`), matched the way the database matches (fold both sides, then
 * the same token phrases), mapped back to the original characters. Cuts never split a surrogate pair
 * or a base character from its combining marks, avoid splitting a Latin word when a boundary is near,
 * and are marked with "…". Runs of whitespace are shown as one space. Without a match, the snippet is
 * the start of the text.
 */
export function highlight(text: string, terms: string[], opts: HighlightOptions = {}): Highlight {
  const budget = Math.max(1, Math.floor(opts.maxLength ?? 120));
  // Long texts: find the chunk of the original text where the first match lies (folding chunk by
  // chunk, overlapping by the longest term, stops at the first chunk that holds the folded first run
  // of a term, without which no match is possible), then run the per-character work on a window
  // around it that starts and ends outside any word (a word cut in two could match a term on its
  // own). The window holds everything the full computation looks at for that match, so the result
  // is the same; when no window holds a match, or the snippet reaches the window's edge, the full
  // path runs.
  if (text.length > budget * 8 && terms.length > 0) {
    const needles = terms.map((t) => foldedRuns(t)[0]?.text ?? "").filter((n) => n !== "");
    const overlap = Math.max(...terms.map((t) => t.length));
    const CHUNK = 256;
    let found = false;
    for (let offset = 0; offset < text.length && needles.length > 0; offset += CHUNK) {
      const piece = fold(text.slice(offset, offset + CHUNK + overlap));
      if (!needles.some((n) => piece.includes(n))) continue;
      found = true;
      let start = Math.max(0, offset - budget * 2);
      let end = Math.min(text.length, offset + CHUNK + overlap + budget * 3);
      while (start > 0 && (INSIDE.test(text[start]!) || inWord(text, start))) start--;
      while (end < text.length && (INSIDE.test(text[end]!) || inWord(text, end))) end++;
      if (start === 0 && end === text.length) break;
      const w = snippetOf(text.slice(start, end), terms, budget);
      if (w.highlight.match === "") continue;
      // The first match may lie further on than the chunk that located it (a run of a word inside
      // another word): the window's answer holds only when the snippet lies inside it.
      if ((start === 0 || w.cutStart) && (end === text.length || w.cutEnd)) return w.highlight;
      break;
    }
    if (!found) {
      // No match: the snippet is the start of the text, which this window holds.
      let end = budget * 2;
      while (end < text.length && (INSIDE.test(text[end]!) || inWord(text, end))) end++;
      return highlightWhole(text.slice(0, end), terms, budget);
    }
  }
  return highlightWhole(text, terms, budget);
}

/** A code unit that continues a character: a low surrogate or a combining mark. */
const INSIDE = /[\udc00-\udfff]|\p{M}/u;
/** A letter or digit of a word (not CJK, whose runs tokenize the same wherever they are cut). */
const NON_CJK_WORD = new RegExp(String.raw`^[[\p{L}\p{N}\p{M}]--[${CJK_CLASS}]]$`, "v");
/** True when a cut at `i` would split a word: the characters on both sides belong to one. */
function inWord(text: string, i: number): boolean {
  return NON_CJK_WORD.test(text[i - 1]!) && NON_CJK_WORD.test(text[i]!);
}

/** The full computation, without the long-text window: the reference the window must equal. */
export function highlightWholeForTest(text: string, terms: string[], maxLength = 120): Highlight {
  return highlightWhole(text, terms, Math.max(1, Math.floor(maxLength)));
}

function highlightWhole(text: string, terms: string[], budget: number): Highlight {
  return snippetOf(text, terms, budget).highlight;
}

/** The snippet, and whether it was cut at the start and at the end of `text`. */
function snippetOf(
  text: string,
  terms: string[],
  budget: number,
): { highlight: Highlight; cutStart: boolean; cutEnd: boolean } {
  const { pieces, folded, pieceOf } = foldWithMap(text);
  const n = pieces.length;
  const matches = findMatches(spanTokens(folded, pieceOf), terms);
  const first = matches[0];

  let ws = 0;
  let we = Math.min(n, budget);
  if (first) {
    const len = Math.min(first[1] - first[0], budget);
    const rest = budget - len;
    ws = Math.max(0, first[0] - Math.floor(rest / 3));
    we = Math.min(n, ws + budget);
    ws = Math.max(0, we - budget);
    const isWord = (i: number): boolean => {
      const p = pieces[i];
      if (!p) return false;
      const c = String.fromCodePoint(text.codePointAt(p.start)!);
      return WORD_CHAR.test(c) && !CJK_CHAR.test(c);
    };
    // Do not cut a Latin word in two when a word boundary is within reach.
    if (ws > 0 && isWord(ws - 1) && isWord(ws)) {
      let i = ws;
      while (i < first[0] && i - ws < 15 && isWord(i)) i++;
      if (!isWord(i) || i === first[0]) ws = i;
    }
    const matchEnd = Math.min(first[1], ws + budget);
    if (we < n && isWord(we - 1) && isWord(we)) {
      let i = we;
      while (i > matchEnd && we - i < 15 && isWord(i - 1)) i--;
      if (!isWord(i - 1) || i === matchEnd) we = i;
    }
  }

  const slice = (a: number, b: number): string =>
    a >= b ? "" : text.slice(pieces[a]!.start, pieces[b - 1]!.end).replace(/\s+/g, " ");
  const segments: HighlightSegment[] = [];
  const push = (s: string, match: boolean): void => {
    if (s === "") return;
    const prev = segments[segments.length - 1];
    if (prev && prev.match === match && !match) prev.text += s;
    else segments.push({ text: s, match });
  };
  if (ws > 0) push(ELLIPSIS, false);
  let at = ws;
  for (const [s, e] of matches) {
    const ms = Math.max(s, ws);
    const me = Math.min(e, we);
    if (ms >= me) continue;
    const lead = slice(at, ms);
    push(at === ws && ws > 0 ? lead.trimStart() : lead, false);
    push(slice(ms, me), true);
    at = me;
  }
  const tail = slice(at, we);
  push(we < n ? tail.trimEnd() : tail, false);
  if (we < n) push(ELLIPSIS, false);

  const firstMatch = segments.findIndex((s) => s.match);
  const join = (list: HighlightSegment[]): string => list.map((s) => s.text).join("");
  const cut = { cutStart: ws > 0, cutEnd: we < n };
  if (firstMatch < 0)
    return { highlight: { before: join(segments), match: "", after: "", segments }, ...cut };
  return {
    highlight: {
      before: join(segments.slice(0, firstMatch)),
      match: segments[firstMatch]!.text,
      after: join(segments.slice(firstMatch + 1)),
      segments,
    },
    ...cut,
  };
}
