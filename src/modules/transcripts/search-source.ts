import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import {
  highlight,
  searchVectorLiteral,
  type SearchResult,
  type SearchSource,
  type SourceAnswer,
  type SourceQuery,
} from "../search/index.ts";

/** The marker lexeme of a speech's year (no text produces `#`): candidates are taken newest first. */
export function yearMarker(date: string | null): string {
  return `#y${date ? date.slice(0, 4) : "none"}`;
}

/**
 * The search vector of a speech or note: the transcript's title and the speaker's name at weight A
 * (a match there ranks first), the text at weight D, and the year marker.
 */
export function speechSearchVector(
  title: string,
  speaker: string,
  text: string,
  date: string | null,
): string {
  return searchVectorLiteral(
    [
      { text: title, weight: "A" },
      { text: speaker, weight: "A" },
      { text, weight: "D" },
    ],
    [yearMarker(date)],
  );
}

/** Characters of a snippet around the first match. */
const SNIPPET = 120;

/**
 * Speeches and narrative notes of PUBLISHED transcripts, for the search module. A candidate set of
 * at most `cap` matches is ranked: tier 1 when every term matches the transcript's title or the
 * speaker's name (weight A in the speech's vector), then `ts_rank`, then the newest date.
 *
 * When there are more than `cap` matches, the candidates are the newest ones. GIN indexes have no
 * order and PostgreSQL underestimates phrase matches, so "newest first" is built from the year
 * marker in each vector: one index condition per year, newest year first, under one LIMIT — the
 * executor stops pulling from older years once the cap is reached, so a frequent term costs about
 * `cap` row visits instead of one per match.
 */
export const speechSearchSource: SearchSource = {
  type: "speech",

  async search(db: Queryable, q: SourceQuery): Promise<SourceAnswer> {
    const f = q.filters;
    const conds: SQL[] = [
      sql`s.search_vector @@ (to_tsquery('simple', ${q.query.tsquery}) && ('#y' || y.year)::tsquery)`,
      sql`t.state = 'published'`,
    ];
    if (f.speakerId) conds.push(sql`s.speaker_id = ${f.speakerId}::uuid`);
    if (f.from) conds.push(sql`s.date >= ${f.from}::date`);
    if (f.to) conds.push(sql`s.date <= ${f.to}::date`);
    if (f.kind) conds.push(sql`t.kind = ${f.kind}`);
    if (f.language) conds.push(sql`t.language = ${f.language}`);

    let after: SQL = sql`true`;
    const a = q.after;
    if (a) {
      // Keyset: strictly after (tier, rank, date, type, id) in the order of compareKeys.
      const sameTypeOrder =
        a.type === this.type
          ? sql`(r.transcript_id::text || '/' || r.id::text) collate "C" > ${a.id}`
          : this.type > a.type
            ? sql`true`
            : sql`false`;
      const dateAfter = a.date === null ? sql`false` : sql`(r.date < ${a.date}::date or r.date is null)`;
      const dateSame = a.date === null ? sql`r.date is null` : sql`r.date = ${a.date}::date`;
      after = sql`(r.tier < ${a.tier} or (r.tier = ${a.tier} and (r.rank < ${a.rank}::real
        or (r.rank = ${a.rank}::real and (${dateAfter} or (${dateSame} and ${sameTypeOrder}))))))`;
    }

    const rows = await db.execute<
      {
        id: string;
        transcript_id: string;
        date: string | null;
        tier: number;
        rank: number;
        total: number;
      } & LoadedRow
    >(sql`
      with r as materialized (
        select m.* from
          (select to_char(d, 'YYYY') as year
             from generate_series(
               date_trunc('year', (select max(date) from transcripts)),
               date_trunc('year', (select min(date) from transcripts)),
               interval '-1 year') d
           union all select 'none') y
          cross join lateral (
            -- Tier and rank are computed where the row is read, so no vector is copied onward.
            select s.transcript_id, s.id, s.date,
              (s.search_vector @@ to_tsquery('simple', ${q.query.tsqueryA}))::int as tier,
              ts_rank(s.search_vector, to_tsquery('simple', ${q.query.tsquery})) as rank
            from speeches s join transcripts t on t.id = s.transcript_id
            where ${sql.join(conds, sql` and `)}) m
        limit ${q.cap + 1}
      )
      , page as (
        select * from r
        where ${after}
        order by r.tier desc, r.rank desc, r.date desc nulls last,
          (r.transcript_id::text || '/' || r.id::text) collate "C"
        limit ${q.limit}
      )
      -- The page's rows come loaded (text, transcript, speaker): no second round trip.
      select p.id, p.transcript_id, p.date::text as date, p.tier, p.rank,
        (select count(*)::int from r) as total,
        s.text, t.slug, t.title, sp.name as speaker_name, sp.slug as speaker_slug
      from page p
      join speeches s on s.transcript_id = p.transcript_id and s.id = p.id
      join transcripts t on t.id = p.transcript_id
      left join speakers sp on sp.id = s.speaker_id
      order by p.tier desc, p.rank desc, p.date desc nulls last,
        (p.transcript_id::text || '/' || p.id::text) collate "C"`);
    const total = rows.rows[0]?.total ?? 0;
    return {
      keys: rows.rows.map((r) => ({
        type: this.type,
        id: `${r.transcript_id}/${r.id}`,
        tier: r.tier,
        rank: r.rank,
        date: r.date,
      })),
      results: rows.rows.map((r) => present(r, q.query.terms)),
      total: Math.min(total, q.cap),
      capped: total > q.cap,
    };
  },
};

/** A speech row with what a result shows. */
type LoadedRow = {
  transcript_id: string;
  id: string;
  text: string;
  date: string | null;
  slug: string;
  title: string;
  speaker_name: string | null;
  speaker_slug: string | null;
};

function present(r: LoadedRow, terms: string[]): SearchResult {
  const h = highlight(r.text, terms, { maxLength: SNIPPET });
  return {
    type: "speech",
    id: `${r.transcript_id}/${r.id}`,
    url: `/speeches/${r.id}`,
    title: r.title,
    snippet: h.before + h.match + h.after,
    segments: h.segments,
    speaker:
      r.speaker_name !== null && r.speaker_slug !== null
        ? { name: r.speaker_name, slug: r.speaker_slug }
        : null,
    date: r.date,
    transcript: { slug: r.slug, title: r.title },
  };
}
