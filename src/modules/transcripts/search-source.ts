import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import {
  transcriptKinds,
  transcriptLanguages,
  type TranscriptKind,
  type TranscriptLanguage,
} from "./tables.ts";
import {
  highlight,
  searchDocument,
  SECTION_SEPARATOR,
  yearCode,
  markerCode,
  type SearchDocument,
  type SearchResult,
  type SearchSource,
  type SourceAnswer,
  type SourceQuery,
} from "../search/index.ts";

/** What a speech's search data takes from its transcript. */
export interface TranscriptSearchMeta {
  title: string;
  date: string | null;
  kind: TranscriptKind;
  language: TranscriptLanguage;
}

/** The marker code of a transcript kind: a kind filter narrows in the index. */
export const kindCode = (kind: TranscriptKind): number => markerCode(transcriptKinds.indexOf(kind));
/** The marker code of a transcript language. */
export const languageCode = (language: TranscriptLanguage): number =>
  markerCode(100 + transcriptLanguages.indexOf(language));

/**
 * The search data of a speech or note: the transcript's title and the speaker's name as primary parts
 * (a match there ranks first), the text as the body, and marker codes: the year (candidates are taken
 * newest year first), the transcript's kind and language (filters narrow in the index). Without
 * `kind`, the caller adds `kindCode` itself (the importer knows it only when it writes).
 */
export function speechSearchDocument(
  t: Omit<TranscriptSearchMeta, "kind"> & { kind?: TranscriptKind },
  speaker: string,
  text: string,
): SearchDocument {
  const markers = [yearCode(t.date ? Number(t.date.slice(0, 4)) : null), languageCode(t.language)];
  if (t.kind) markers.push(kindCode(t.kind));
  return searchDocument([t.title, speaker], text, markers);
}

/** Characters of a snippet around the first match. */
const SNIPPET = 120;

/**
 * Speeches and narrative notes of PUBLISHED transcripts, for the search module. A candidate set of
 * at most `cap` matches is ranked: tier 1 when every term matches the transcript's title or the
 * speaker's name (the primary section of the search text), then the number of times the terms occur,
 * then the newest date.
 *
 * A match holds every code of the query (GIN index on `search_codes`) and contains every term's
 * phrase in its search text (`LIKE`, the exact test). When there are more than `cap` matches, the
 * candidates are the newest ones. GIN indexes have no order, so "newest first" is built from the year
 * marker in each row's codes: one index condition per year, newest year first, under one LIMIT — the
 * executor stops pulling from older years once the cap is reached, so a frequent term costs about
 * `cap` row visits instead of one per match. A query of single characters only, without a kind or
 * language filter, has no code: its candidates are read newest first through the date index,
 * testing each row's search text.
 */
export const speechSearchSource: SearchSource = {
  type: "speech",

  async search(db: Queryable, q: SourceQuery): Promise<SourceAnswer> {
    const f = q.filters;
    const { codes, phrases, excluded } = q.query;
    // The plan is fixed by the statement's shape, not left to estimates: speeches are read in a
    // subquery the planner cannot merge (`offset 0`) — through the codes' index year by year, or
    // newest first through the date index — and each row then looks up its transcript (a lateral
    // subquery, so the stream stays the outer side) and is tested against the phrases. Left free,
    // the planner trades the ordered read for a plan that suits its guess of a LIKE's or a kind
    // filter's selectivity, and reads every match.
    const speechConds: SQL[] = [];
    if (f.speakerId) speechConds.push(sql`s.speaker_id = ${f.speakerId}::uuid`);
    if (f.from) speechConds.push(sql`s.date >= ${f.from}::date`);
    if (f.to) speechConds.push(sql`s.date <= ${f.to}::date`);
    const contains = (p: string) => sql`c.search_text like ${`%${p}%`}`;
    const conds: SQL[] = [
      sql`t.state = 'published'`,
      ...phrases.map(contains),
      ...excluded.map((p) => sql`not ${contains(p)}`),
    ];
    if (f.kind) conds.push(sql`t.kind = ${f.kind}`);
    if (f.language) conds.push(sql`t.language = ${f.language}`);
    // Kind and language filters narrow in the index too (their marker codes).
    const indexCodes = [...codes];
    if (f.kind && (transcriptKinds as readonly string[]).includes(f.kind))
      indexCodes.push(kindCode(f.kind as TranscriptKind));
    if (f.language === "zh-TW" || f.language === "en") indexCodes.push(languageCode(f.language));

    // Tier and rank are computed where the row is read, so the search text is not copied onward.
    const primary = sql`split_part(c.search_text, ${SECTION_SEPARATOR}, 1)`;
    const tier = sql`(${sql.join(
      phrases.map((p) => sql`${primary} like ${`%${p}%`}`),
      sql` and `,
    )})::int`;
    const rank = sql`(${sql.join(
      phrases.map(
        (p) =>
          sql`(octet_length(c.search_text) - octet_length(replace(c.search_text, ${p}, ''))) / octet_length(${p}::text)`,
      ),
      sql` + `,
    )})::real`;
    // `|| ''` detoasts a long search text once, here, instead of once per test below.
    const read = (where: SQL[]) =>
      sql`select s.transcript_id, s.id, s.date, s.search_text || '' as search_text from speeches s
        where ${sql.join([...where, ...speechConds], sql` and `)}`;
    const limit = q.cap + 1;

    // Year codes never collide with token codes (see tokenCode), so each row is read in one year.
    // Years outside the date filter are not visited.
    const newest = f.to ? sql`least(max(date), ${f.to}::date)` : sql`max(date)`;
    const oldest = f.from ? sql`greatest(min(date), ${f.from}::date)` : sql`min(date)`;
    const stream =
      indexCodes.length > 0
        ? sql`(select -extract(year from d)::int as code
               from generate_series(
                 date_trunc('year', (select ${newest} from transcripts)),
                 date_trunc('year', (select ${oldest} from transcripts)),
                 interval '-1 year') d
             union all select ${yearCode(null)}) y
            cross join lateral (${read([
              sql`s.search_codes @> (${`{${indexCodes.join(",")}}`}::int[] || y.code)`,
            ])} offset 0) c`
        : sql`(
            (${read([sql`s.date is not null`])} order by s.date desc offset 0)
            union all
            (${read([sql`s.date is null`])} offset 0)) c`;
    const candidates = sql`select c.transcript_id, c.id, c.date, ${tier} as tier, ${rank} as rank
      from (select c.* from ${stream} offset 0) c
      cross join lateral (select t.state, t.kind, t.language from transcripts t
        where t.id = c.transcript_id offset 0) t
      where ${sql.join(conds, sql` and `)} limit ${limit}`;

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
      with r as materialized (${candidates})
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
