import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import { foldedTextMatches, highlight, searchDocument, type FoldedPart } from "../search/index.ts";

/** Characters of a snippet around the first match. */
const SNIPPET = 120;

/**
 * The search text of a case: its public fields only — the title (primary) and the summary. Research
 * material, stakeholders and notes are never part of it.
 */
export const caseSearchText = (c: { title: string; summary?: string | null }): string =>
  searchDocument([c.title], c.summary ?? "").text;

/**
 * Collaborative meeting cases (every case is on the public index): title and summary, dated by their
 * selection. The table is small: the stored folded text is scanned with `LIKE` (docs/adr/0003).
 */
export const caseSearchPart: FoldedPart = {
  type: "case",
  select(q) {
    const day = sql`(c.selected_at at time zone 'Asia/Taipei')::date`;
    const conds: SQL[] = [foldedTextMatches(sql`c.search_text`, q)];
    if (q.filters.from) conds.push(sql`${day} >= ${q.filters.from}::date`);
    if (q.filters.to) conds.push(sql`${day} <= ${q.filters.to}::date`);
    return sql`
      select c.id::text as id, to_char(c.selected_at at time zone 'Asia/Taipei', 'YYYY-MM-DD') as date,
        c.search_text, json_build_object('number', c.number, 'title', c.title, 'summary', c.summary) as data
      from cases c where ${sql.join(conds, sql` and `)}
      order by c.selected_at desc, c.id limit ${q.cap + 1}`;
  },
  present(r, q) {
    const d = r.data as { number: number; title: string; summary: string };
    const h = highlight(d.summary || d.title, q.query.terms, { maxLength: SNIPPET });
    return {
      type: "case",
      id: r.id,
      url: `/cases/${d.number}`,
      title: d.title,
      snippet: h.before + h.match + h.after,
      segments: h.segments,
      speaker: null,
      date: r.date,
      transcript: null,
      state: null,
    };
  },
};

/** At start-up: fills the search text of cases that lack it (after an upgrade). */
export async function ensureCaseSearch(db: Queryable): Promise<{ filled: number }> {
  const rows = await db.execute<{ id: string; title: string; summary: string }>(
    sql`select id, title, summary from cases where search_text = ''`,
  );
  for (const c of rows.rows)
    await db.execute(sql`update cases set search_text = ${caseSearchText(c)} where id = ${c.id}`);
  return { filled: rows.rows.length };
}
