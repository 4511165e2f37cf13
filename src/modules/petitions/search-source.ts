import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import {
  foldedTextMatches,
  highlight,
  searchDocument,
  type FoldedPart,
  type SearchResult,
  type SourceQuery,
} from "../search/index.ts";

/** Characters of a snippet around the first match. */
const SNIPPET = 120;

/** The search text of a petition: its title (primary: a match there ranks first) and its body. */
export const petitionSearchText = (p: { title: string; body: string }): string =>
  searchDocument([p.title], p.body).text;

/** The text of a response as searched and shown: analysis, suggestion and plan. */
const responseBody = (r: { analysis: string; suggestion: string; plan: string }): string =>
  [r.analysis, r.suggestion, r.plan].filter((s) => s.trim() !== "").join("\n");

/** The search text of a response (no primary part: its title is the petition's). */
export const responseSearchText = (r: { analysis: string; suggestion: string; plan: string }): string =>
  searchDocument([], responseBody(r)).text;

/** The date filters on a timestamp column, by its Taipei date. */
function dateConds(column: SQL, q: SourceQuery): SQL[] {
  const day = sql`(${column} at time zone 'Asia/Taipei')::date`;
  const conds: SQL[] = [];
  if (q.filters.from) conds.push(sql`${day} >= ${q.filters.from}::date`);
  if (q.filters.to) conds.push(sql`${day} <= ${q.filters.to}::date`);
  return conds;
}

/**
 * Petitions and draft-regulation notices: their title and body (public from the start). A withdrawn
 * petition keeps its public record, so it stays findable, marked by its state. The table is small:
 * the stored folded text is scanned with `LIKE` (docs/adr/0003, addendum).
 */
export const petitionSearchPart: FoldedPart = {
  type: "petition",
  select(q) {
    const conds = [foldedTextMatches(sql`p.search_text`, q), ...dateConds(sql`p.created_at`, q)];
    return sql`
      select p.id::text as id, to_char(p.created_at at time zone 'Asia/Taipei', 'YYYY-MM-DD') as date,
        p.search_text, json_build_object('title', p.title, 'body', p.body, 'state', p.state) as data
      from petitions p where ${sql.join(conds, sql` and `)}
      order by p.created_at desc, p.id limit ${q.cap + 1}`;
  },
  present(r, q) {
    const d = r.data as { title: string; body: string; state: string };
    return civicResult("petition", r.id, `/petitions/${r.id}`, d.title, d.body, r.date, q, {
      state: d.state === "withdrawn" ? "withdrawn" : null,
    });
  },
};

/** Published responses only (a draft is never read here): analysis, suggestion and plan. */
export const responseSearchPart: FoldedPart = {
  type: "response",
  select(q) {
    const conds = [
      sql`r.published_at is not null`,
      foldedTextMatches(sql`r.search_text`, q),
      ...dateConds(sql`r.published_at`, q),
    ];
    return sql`
      select r.petition_id::text as id,
        to_char(r.published_at at time zone 'Asia/Taipei', 'YYYY-MM-DD') as date, r.search_text,
        json_build_object('title', p.title, 'analysis', r.analysis, 'suggestion', r.suggestion,
          'plan', r.plan) as data
      from petition_responses r join petitions p on p.id = r.petition_id
      where ${sql.join(conds, sql` and `)}
      order by r.published_at desc, r.petition_id limit ${q.cap + 1}`;
  },
  present(r, q) {
    const d = r.data as { title: string; analysis: string; suggestion: string; plan: string };
    return civicResult(
      "response",
      r.id,
      `/petitions/${r.id}#response-title`,
      d.title,
      responseBody(d),
      r.date,
      q,
    );
  },
};

/** A civic record's result: its text cut around the first match, with matches marked. */
export function civicResult(
  type: string,
  id: string,
  url: string,
  title: string,
  text: string,
  date: string | null,
  q: SourceQuery,
  extra: { state?: string | null } = {},
): SearchResult {
  const h = highlight(text, q.query.terms, { maxLength: SNIPPET });
  return {
    type,
    id,
    url,
    title,
    snippet: h.before + h.match + h.after,
    segments: h.segments,
    speaker: null,
    date,
    transcript: null,
    state: extra.state ?? null,
  };
}

/** At start-up: fills the search text of petitions and responses that lack it (after an upgrade). */
export async function ensurePetitionSearch(db: Queryable): Promise<{ filled: number }> {
  let filled = 0;
  const ps = await db.execute<{ id: string; title: string; body: string }>(
    sql`select id, title, body from petitions where search_text = ''`,
  );
  for (const p of ps.rows) {
    await db.execute(sql`update petitions set search_text = ${petitionSearchText(p)} where id = ${p.id}`);
    filled++;
  }
  const rs = await db.execute<{ id: string; analysis: string; suggestion: string; plan: string }>(
    sql`select petition_id as id, analysis, suggestion, plan from petition_responses where search_text = ''`,
  );
  for (const r of rs.rows) {
    await db.execute(
      sql`update petition_responses set search_text = ${responseSearchText(r)} where petition_id = ${r.id}`,
    );
    filled++;
  }
  return { filled };
}
