import { asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import { speechSearchDocument } from "./search-source.ts";
import { speakers, speeches, transcripts, type TranscriptKind, type TranscriptLanguage } from "./tables.ts";

/** A row of the transcripts table. */
export type TranscriptRow = typeof transcripts.$inferSelect;
/** A row of the speakers table. */
export type SpeakerRow = typeof speakers.$inferSelect;
/** A speech row to insert. */
export type NewSpeech = typeof speeches.$inferInsert;

/** Rows per multi-row INSERT of speeches (11 columns: far below the 65,535-parameter limit). */
const BATCH = 400;

/** slug → id and source hash of every transcript (to skip unchanged files without a query each). */
export async function transcriptHashes(
  db: Queryable,
): Promise<Map<string, { id: string; sourceHash: string }>> {
  const rows = await db
    .select({ id: transcripts.id, slug: transcripts.slug, sourceHash: transcripts.sourceHash })
    .from(transcripts);
  return new Map(rows.map((r) => [r.slug, { id: r.id, sourceHash: r.sourceHash }]));
}

/** Every speaker (name, slug, id). */
export async function allSpeakers(db: Queryable): Promise<SpeakerRow[]> {
  return db.select().from(speakers);
}

/** Inserts speakers. */
export async function insertSpeakers(
  db: Queryable,
  rows: Array<typeof speakers.$inferInsert>,
): Promise<SpeakerRow[]> {
  const out: SpeakerRow[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    out.push(
      ...(await db
        .insert(speakers)
        .values(rows.slice(i, i + BATCH))
        .returning()),
    );
  }
  return out;
}

/** One transcript by slug, locked for update when asked. */
export async function findTranscript(
  db: Queryable,
  slug: string,
  forUpdate = false,
): Promise<TranscriptRow | null> {
  const q = db.select().from(transcripts).where(eq(transcripts.slug, slug)).limit(1);
  const [row] = forUpdate ? await q.for("update") : await q;
  return row ?? null;
}

/** Inserts a transcript. */
export async function insertTranscript(
  db: Queryable,
  values: typeof transcripts.$inferInsert,
): Promise<TranscriptRow> {
  const [row] = await db.insert(transcripts).values(values).returning();
  return row!;
}

/** Updates a transcript. */
export async function updateTranscript(
  db: Queryable,
  id: string,
  values: Partial<typeof transcripts.$inferInsert>,
): Promise<TranscriptRow> {
  const [row] = await db.update(transcripts).set(values).where(eq(transcripts.id, id)).returning();
  return row!;
}

/** The identity of each speech of a transcript, in order: what re-import matches against. */
export async function speechKeys(
  db: Queryable,
  transcriptId: string,
): Promise<Array<{ id: string; kind: string; speakerId: string | null; text: string }>> {
  return db
    .select({ id: speeches.id, kind: speeches.kind, speakerId: speeches.speakerId, text: speeches.text })
    .from(speeches)
    .where(eq(speeches.transcriptId, transcriptId))
    .orderBy(asc(speeches.position));
}

/** Removes every speech of a transcript. */
export async function deleteSpeeches(db: Queryable, transcriptId: string): Promise<void> {
  await db.delete(speeches).where(eq(speeches.transcriptId, transcriptId));
}

/**
 * Inserts speeches, set-based: one statement per 2,000 rows with one array parameter per column
 * (`unnest`), which costs the client and the server far less than a multi-row VALUES list.
 */
export async function insertSpeeches(db: Queryable, rows: NewSpeech[]): Promise<void> {
  const CHUNK = 2000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const col = <T>(f: (r: NewSpeech) => T) => sql.param(part.map(f));
    await db.execute(sql`
      insert into speeches (transcript_id, id, position, speaker_id, kind, text, heading_level, colon,
        continued, style, paragraphs, time, search_codes, search_text, date)
      select transcript_id, id, position, speaker_id, kind, text, heading_level, colon, continued,
        style, paragraphs, time, search_codes::int[], search_text, date
      from unnest(
        ${col((r) => r.transcriptId)}::uuid[], ${col((r) => r.id ?? null)}::uuid[],
        ${col((r) => r.position)}::int[], ${col((r) => r.speakerId ?? null)}::uuid[],
        ${col((r) => r.kind)}::text[], ${col((r) => r.text)}::text[],
        ${col((r) => r.headingLevel ?? null)}::int[], ${col((r) => r.colon ?? null)}::text[],
        ${col((r) => r.continued ?? false)}::bool[], ${col((r) => r.style ?? null)}::text[],
        ${col((r) => (r.paragraphs ? JSON.stringify(r.paragraphs) : null))}::jsonb[],
        ${col((r) => r.time ?? null)}::text[],
        ${col((r) => (r.searchCodes ? `{${r.searchCodes.join(",")}}` : null))}::text[],
        ${col((r) => r.searchText ?? null)}::text[], ${col((r) => r.date ?? null)}::date[])
        as u(transcript_id, id, position, speaker_id, kind, text, heading_level, colon, continued,
          style, paragraphs, time, search_codes, search_text, date)`);
  }
}

/** How many rows the speeches table holds. */
export async function countSpeeches(db: Queryable): Promise<number> {
  const r = await db.execute<{ n: number }>(sql`select count(*)::int as n from speeches`);
  return r.rows[0]!.n;
}

/**
 * The speeches' secondary indexes, exactly as the migrations define them. A bulk load drops them and
 * builds them once at the end, which costs a fraction of maintaining them row by row.
 */
const SECONDARY_INDEXES = [
  sql`create index if not exists "speeches_search_idx" on "speeches" using gin ("search_codes")`,
  sql`create index if not exists "speeches_speaker_idx" on "speeches" using btree ("speaker_id")`,
  sql`create index if not exists "speeches_date_idx" on "speeches" using btree ("date")`,
  sql`create index if not exists "speeches_id_idx" on "speeches" using btree ("id")`,
];

/** Drops the speeches' secondary indexes before a bulk load (see `createSpeechIndexes`). */
export async function dropSpeechIndexes(db: Queryable): Promise<void> {
  await db.execute(
    sql`drop index if exists speeches_search_idx, speeches_speaker_idx, speeches_date_idx, speeches_id_idx`,
  );
}

/** (Re)builds the speeches' secondary indexes that are missing (after a bulk load or a crash in one). */
export async function createSpeechIndexes(db: Queryable): Promise<void> {
  for (const statement of SECONDARY_INDEXES) await db.execute(statement);
}

/**
 * Computes the search data of rows that have none (rows written before the search data had its
 * present form; headings never have any), a batch at a time. Returns how many rows it filled.
 */
export async function backfillSearchData(db: Queryable, batch = 2000): Promise<number> {
  let filled = 0;
  for (;;) {
    const r = await db.execute<{
      transcript_id: string;
      id: string;
      text: string;
      title: string;
      date: string | null;
      kind: TranscriptKind;
      language: TranscriptLanguage;
      speaker: string | null;
    }>(sql`
      select s.transcript_id, s.id, s.text, t.title, t.date::text as date, t.kind, t.language,
        sp.name as speaker
      from speeches s join transcripts t on t.id = s.transcript_id
      left join speakers sp on sp.id = s.speaker_id
      where s.search_codes is null and s.kind <> 'heading'
      limit ${batch}`);
    if (r.rows.length === 0) return filled;
    const docs = r.rows.map((row) => speechSearchDocument(row, row.speaker ?? "", row.text));
    await db.execute(sql`
      update speeches s set search_codes = u.codes::int[], search_text = u.text
      from unnest(${sql.param(r.rows.map((row) => row.transcript_id))}::uuid[],
        ${sql.param(r.rows.map((row) => row.id))}::uuid[],
        ${sql.param(docs.map((d) => `{${d.codes.join(",")}}`))}::text[],
        ${sql.param(docs.map((d) => d.text))}::text[]) as u(transcript_id, id, codes, text)
      where s.transcript_id = u.transcript_id and s.id = u.id`);
    filled += r.rows.length;
  }
}

/**
 * At start-up: fills the search data of rows that lack it (after an upgrade) and rebuilds the
 * speeches' secondary indexes if a bulk load was interrupted.
 */
export async function ensureSpeechSearch(db: Queryable): Promise<{ filled: number }> {
  const filled = await backfillSearchData(db);
  if (filled > 0) await db.execute(sql`analyze speeches`);
  await createSpeechIndexes(db);
  return { filled };
}

/** Refreshes the planner's statistics after an import (lexeme frequencies guide search plans). */
export async function analyzeArchive(db: Queryable): Promise<void> {
  await db.execute(sql`analyze transcripts`);
  await db.execute(sql`analyze speeches`);
}

/** A transcript's content in order, with each speaker's name and slug. */
export async function listContent(db: Queryable, transcriptId: string) {
  return db
    .select({
      id: speeches.id,
      position: speeches.position,
      kind: speeches.kind,
      text: speeches.text,
      headingLevel: speeches.headingLevel,
      colon: speeches.colon,
      continued: speeches.continued,
      style: speeches.style,
      paragraphs: speeches.paragraphs,
      speakerName: speakers.name,
      speakerSlug: speakers.slug,
    })
    .from(speeches)
    .leftJoin(speakers, eq(speakers.id, speeches.speakerId))
    .where(eq(speeches.transcriptId, transcriptId))
    .orderBy(asc(speeches.position));
}

/** A speaker's id by slug, or null. */
export async function speakerIdBySlug(db: Queryable, slug: string): Promise<string | null> {
  const [row] = await db.select({ id: speakers.id }).from(speakers).where(eq(speakers.slug, slug)).limit(1);
  return row?.id ?? null;
}
