import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import {
  compareKeys,
  type RankedKey,
  type SearchResult,
  type SearchSource,
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

/** A row of a folded part: its id, Taipei date, folded search text and what it shows, as JSON. */
export type FoldedRow = {
  id: string;
  date: string | null;
  search_text: string;
  data: Record<string, unknown>;
};

/**
 * One table's share of the civic search: a `select` of `id, date, search_text, data` (newest first,
 * at most `q.cap + 1` rows) — or null when the filters leave it out — and how a row is shown. The
 * owning module writes the SQL of its own table; the search module runs the parts together.
 */
export interface FoldedPart {
  type: string;
  select(q: SourceQuery): SQL | null;
  present(row: FoldedRow, q: SourceQuery): SearchResult;
}

/**
 * Several folded parts as one source answering in one statement (`union all` of the parts): on the
 * embedded engine each statement is a round trip, and three small tables asked one by one cost more
 * than the scans themselves. Each part is ranked on its own candidates, as a source of its own would.
 */
export function foldedUnionSource(type: string, parts: FoldedPart[]): SearchSource {
  return {
    type,
    types: parts.map((p) => p.type),
    async search(db: Queryable, q: SourceQuery): Promise<SourceAnswer> {
      if (speechOnlyFilters(q)) return NO_ANSWER;
      const asked = parts.filter((p) => !q.filters.type || p.type === q.filters.type);
      const selects = asked.flatMap((p) => {
        const s = p.select(q);
        return s ? [sql`(select ${p.type}::text as part, x.* from (${s}) x)`] : [];
      });
      if (!selects.length) return NO_ANSWER;
      const rows = await db.execute<FoldedRow & { part: string }>(sql.join(selects, sql` union all `));
      const answers = asked.map((p) =>
        rankFolded(
          p.type,
          rows.rows.filter((r) => r.part === p.type),
          q,
          (r) => p.present(r, q),
        ),
      );
      return {
        keys: answers.flatMap((a) => a.keys),
        results: answers.flatMap((a) => a.results),
        total: answers.reduce((n, a) => n + a.total, 0),
        capped: answers.some((a) => a.capped),
      };
    },
  };
}
