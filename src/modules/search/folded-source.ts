import { sql, type SQL } from "drizzle-orm";
import {
  compareKeys,
  type RankedKey,
  type SearchResult,
  type SourceAnswer,
  type SourceQuery,
} from "./provider.ts";
import { SECTION_SEPARATOR } from "./tokenizer.ts";

/**
 * Helpers for a source over a small table (civic records: petitions, responses, cases; thousands of
 * rows) that keeps a stored folded search text (`searchDocument(...).text`) but no token codes: the
 * phrases are tested with `LIKE` on every row (a scan of a small table), and the matches are ranked
 * here the way speeches are (tier 1 when every phrase is in the primary section, then occurrences,
 * then the newest date). See docs/adr/0003, addendum "Civic records".
 */

/** The SQL test of a query's phrases and exclusions on a folded search-text column. */
export function foldedTextMatches(column: SQL, q: SourceQuery): SQL {
  const contains = (p: string) => sql`${column} like ${`%${escapeLike(p)}%`}`;
  return sql.join(
    [...q.query.phrases.map(contains), ...q.query.excluded.map((p) => sql`not ${contains(p)}`)],
    sql` and `,
  );
}

/** `LIKE` escapes (`\` is the default escape character). */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Non-overlapping occurrences of `p` in `text` (as the speeches' rank counts them). */
function occurrences(text: string, p: string): number {
  let n = 0;
  for (let i = text.indexOf(p); i !== -1; i = text.indexOf(p, i + p.length)) n++;
  return n;
}

/** True when the filters name speeches only (a speaker, a transcript kind or language). */
export function speechOnlyFilters(q: SourceQuery): boolean {
  return Boolean(q.filters.speakerId || q.filters.kind || q.filters.language);
}

/** An answer with nothing in it. */
export const NO_ANSWER: SourceAnswer = { keys: [], results: [], total: 0, capped: false };

/**
 * Ranks matched rows (at most `cap + 1`, the newest first, as read), keeps those after the cursor and
 * the best `limit`, and presents them.
 */
export function rankFolded<R extends { id: string; date: string | null; search_text: string }>(
  type: string,
  rows: R[],
  q: SourceQuery,
  present: (r: R) => SearchResult,
): SourceAnswer {
  const capped = rows.length > q.cap;
  const candidates = rows.slice(0, q.cap);
  const ranked = candidates.map((r) => {
    const primary = r.search_text.split(SECTION_SEPARATOR, 1)[0] ?? "";
    const key: RankedKey = {
      tier: q.query.phrases.every((p) => primary.includes(p)) ? 1 : 0,
      rank: q.query.phrases.reduce((n, p) => n + occurrences(r.search_text, p), 0),
      date: r.date,
      type,
      id: r.id,
    };
    return { key, row: r };
  });
  const page = ranked
    .filter((x) => !q.after || compareKeys(x.key, q.after) > 0)
    .sort((a, b) => compareKeys(a.key, b.key))
    .slice(0, q.limit);
  return {
    keys: page.map((x) => x.key),
    results: page.map((x) => present(x.row)),
    total: candidates.length,
    capped,
  };
}
