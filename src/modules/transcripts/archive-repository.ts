// SQL of the public archive: published transcripts, speakers and their speeches, one speech with its
// neighbours, language twins and renamed slugs. Only `state = 'published'` reaches the public here.
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import { people } from "../directory/index.ts";
import {
  speakers,
  speeches,
  transcriptAlternates,
  transcriptRedirects,
  transcripts,
  type TranscriptKind,
  type TranscriptLanguage,
} from "./tables.ts";

/**
 * Undated transcripts (a few old files) sort after every dated one: newest first means "date desc,
 * undated last", and one comparable key keeps the keyset condition a plain row comparison.
 */
export const NO_DATE = "0001-01-01";
const sortDate = sql<string>`coalesce(${transcripts.date}, date '0001-01-01')`;
const published = eq(transcripts.state, "published");

/** A position in the archive list: the last row's (date or NO_DATE, id). */
export interface TranscriptKey {
  date: string;
  id: string;
}

/** Filters of the archive list. */
export interface ArchiveFilter {
  kind?: TranscriptKind;
  language?: TranscriptLanguage;
  /** Inclusive dates (YYYY-MM-DD); undated transcripts are left out when either is set. */
  from?: string;
  to?: string;
  after?: TranscriptKey;
  limit: number;
}

/** Published transcripts, newest first (date desc, id desc), keyset-paged. */
export async function listPublishedTranscripts(db: Queryable, f: ArchiveFilter) {
  const where: SQL[] = [published];
  if (f.kind) where.push(eq(transcripts.kind, f.kind));
  if (f.language) where.push(eq(transcripts.language, f.language));
  if (f.from) where.push(gte(transcripts.date, f.from));
  if (f.to) where.push(lte(transcripts.date, f.to));
  if (f.after)
    where.push(sql`(${sortDate}, ${transcripts.id}) < (${f.after.date}::date, ${f.after.id}::uuid)`);
  return db
    .select({
      id: transcripts.id,
      slug: transcripts.slug,
      title: transcripts.title,
      date: transcripts.date,
      kind: transcripts.kind,
      language: transcripts.language,
      publishedAt: transcripts.publishedAt,
      updatedAt: transcripts.updatedAt,
    })
    .from(transcripts)
    .where(and(...where))
    .orderBy(desc(sortDate), desc(transcripts.id))
    .limit(f.limit);
}

/** The years that have published transcripts, newest first (for the archive's year filter). */
export async function publishedYears(db: Queryable): Promise<number[]> {
  const year = sql<number>`extract(year from ${transcripts.date})::int`;
  const rows = await db
    .selectDistinct({ year })
    .from(transcripts)
    .where(and(published, sql`${transcripts.date} is not null`))
    .orderBy(desc(year));
  return rows.map((r) => r.year);
}

/** A speaker by slug, with their directory person; null unless they have a published speech. */
export async function findPublicSpeaker(db: Queryable, slug: string) {
  const [row] = await db
    .select({
      id: speakers.id,
      slug: speakers.slug,
      name: speakers.name,
      personId: speakers.personId,
      personName: people.name,
      personNameEn: people.nameEn,
    })
    .from(speakers)
    .leftJoin(people, eq(people.id, speakers.personId))
    .where(
      and(
        eq(speakers.slug, slug),
        sql`exists (select 1 from ${speeches} join ${transcripts} on ${transcripts.id} = ${speeches.transcriptId}
          where ${speeches.speakerId} = ${speakers.id} and ${speeches.kind} = 'speech' and ${published})`,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** A position in a speaker's list: the last row's transcript (date or NO_DATE, id) and position. */
export interface SpeakerSpeechKey {
  date: string;
  transcriptId: string;
  position: number;
}

/**
 * A speaker's speeches in published transcripts: newest transcript first (date desc, id desc), and
 * in reading order (position asc) within one transcript; keyset-paged.
 */
export async function listSpeakerSpeeches(
  db: Queryable,
  speakerId: string,
  f: { after?: SpeakerSpeechKey; limit: number },
) {
  const where: SQL[] = [eq(speeches.speakerId, speakerId), eq(speeches.kind, "speech"), published];
  if (f.after) {
    const { date, transcriptId, position } = f.after;
    where.push(
      or(
        sql`${sortDate} < ${date}::date`,
        and(sql`${sortDate} = ${date}::date`, sql`${transcripts.id} < ${transcriptId}::uuid`),
        and(
          sql`${sortDate} = ${date}::date`,
          sql`${transcripts.id} = ${transcriptId}::uuid`,
          sql`${speeches.position} > ${position}`,
        ),
      )!,
    );
  }
  return db
    .select({
      id: speeches.id,
      text: speeches.text,
      position: speeches.position,
      transcriptId: transcripts.id,
      slug: transcripts.slug,
      title: transcripts.title,
      date: transcripts.date,
      language: transcripts.language,
      updatedAt: transcripts.updatedAt,
    })
    .from(speeches)
    .innerJoin(transcripts, eq(transcripts.id, speeches.transcriptId))
    .where(and(...where))
    .orderBy(desc(sortDate), desc(transcripts.id), asc(speeches.position))
    .limit(f.limit);
}

/**
 * One speech (a speaker's turn, not a note or heading) of a published transcript, with its speaker,
 * its transcript and the ids of the speeches before and after it in that transcript.
 */
export async function findPublishedSpeech(db: Queryable, id: string) {
  const neighbour = (dir: "prev" | "next") => {
    const s2 = sql.raw("s2");
    const cmp =
      dir === "prev"
        ? sql`${s2}.position < ${speeches.position}`
        : sql`${s2}.position > ${speeches.position}`;
    const order = dir === "prev" ? sql`${s2}.position desc` : sql`${s2}.position asc`;
    return sql<string | null>`(select ${s2}.id::text from ${speeches} ${s2}
      where ${s2}.transcript_id = ${speeches.transcriptId} and ${s2}.kind = 'speech' and ${cmp}
      order by ${order} limit 1)`;
  };
  const [row] = await db
    .select({
      id: speeches.id,
      text: speeches.text,
      position: speeches.position,
      speakerName: speakers.name,
      speakerSlug: speakers.slug,
      transcriptId: transcripts.id,
      slug: transcripts.slug,
      title: transcripts.title,
      date: transcripts.date,
      kind: transcripts.kind,
      language: transcripts.language,
      previous: neighbour("prev"),
      next: neighbour("next"),
    })
    .from(speeches)
    .innerJoin(transcripts, eq(transcripts.id, speeches.transcriptId))
    .leftJoin(speakers, eq(speakers.id, speeches.speakerId))
    .where(and(eq(speeches.id, id), eq(speeches.kind, "speech"), published))
    .limit(1);
  return row ?? null;
}

/** The published language twins of a transcript (the other side of each `transcript_alternates` pair). */
export async function publishedTwins(db: Queryable, slug: string) {
  const other = sql`case when ${transcriptAlternates.slugA} = ${slug} then ${transcriptAlternates.slugB} else ${transcriptAlternates.slugA} end`;
  return db
    .select({ slug: transcripts.slug, title: transcripts.title, language: transcripts.language })
    .from(transcriptAlternates)
    .innerJoin(transcripts, eq(transcripts.slug, other))
    .where(
      and(
        or(eq(transcriptAlternates.slugA, slug), eq(transcriptAlternates.slugB, slug)),
        published,
        sql`${transcripts.slug} <> ${slug}`,
      ),
    )
    .orderBy(asc(transcripts.language), asc(transcripts.slug));
}

/** The new slug an old slug was renamed to (one step), or null. */
export async function redirectOf(db: Queryable, oldSlug: string): Promise<string | null> {
  const [row] = await db
    .select({ newSlug: transcriptRedirects.newSlug })
    .from(transcriptRedirects)
    .where(eq(transcriptRedirects.oldSlug, oldSlug))
    .limit(1);
  return row?.newSlug ?? null;
}

/** A transcript's id and state by slug (any state), or null. */
export async function transcriptState(db: Queryable, slug: string) {
  const [row] = await db
    .select({ id: transcripts.id, state: transcripts.state })
    .from(transcripts)
    .where(eq(transcripts.slug, slug))
    .limit(1);
  return row ?? null;
}

// ── Link import (alternates.tsv, redirects.tsv) ─────────────────────────────────────────────────

/** Every redirect: old slug → new slug. */
export async function allRedirects(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.select().from(transcriptRedirects);
  return new Map(rows.map((r) => [r.oldSlug, r.newSlug]));
}

/** Every language pair, as stored (slug_a < slug_b in the database's collation). */
export async function allAlternates(db: Queryable): Promise<Array<{ slugA: string; slugB: string }>> {
  return db
    .select({ slugA: transcriptAlternates.slugA, slugB: transcriptAlternates.slugB })
    .from(transcriptAlternates);
}

/** Which of these slugs are transcripts (in any state). */
export async function existingSlugs(db: Queryable, slugs: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const unique = [...new Set(slugs)];
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await db
      .select({ slug: transcripts.slug })
      .from(transcripts)
      .where(inArray(transcripts.slug, unique.slice(i, i + 1000)));
    for (const r of rows) out.add(r.slug);
  }
  return out;
}

/** Inserts or repoints a redirect. */
export async function upsertRedirect(db: Queryable, oldSlug: string, newSlug: string): Promise<void> {
  await db
    .insert(transcriptRedirects)
    .values({ oldSlug, newSlug })
    .onConflictDoUpdate({ target: transcriptRedirects.oldSlug, set: { newSlug } });
}

/** Inserts a language pair (ordered by the database, as its check constraint compares), if new. */
export async function insertAlternate(db: Queryable, a: string, b: string): Promise<void> {
  await db.execute(
    sql`insert into ${transcriptAlternates} (slug_a, slug_b)
        values (least(${a}::text, ${b}::text), greatest(${a}::text, ${b}::text))
        on conflict do nothing`,
  );
}

/**
 * Links speakers without a directory person to the person whose name (or English name) they carry,
 * among the given speaker names; returns the links made. Used for the fictional demo people only.
 */
export async function linkSpeakersByName(db: Queryable, names: string[]) {
  if (!names.length) return [];
  const matches = await db
    .select({ speakerId: speakers.id, name: speakers.name, personId: people.id })
    .from(speakers)
    .innerJoin(people, or(eq(people.name, speakers.name), eq(people.nameEn, speakers.name)))
    .where(and(inArray(speakers.name, names), isNull(speakers.personId)));
  for (const m of matches) {
    await db.update(speakers).set({ personId: m.personId }).where(eq(speakers.id, m.speakerId));
  }
  return matches;
}
