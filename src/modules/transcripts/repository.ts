import { asc, eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import { speakers, speeches, transcripts } from "./tables.ts";

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

/** Inserts speeches in multi-row batches. */
export async function insertSpeeches(db: Queryable, rows: NewSpeech[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.insert(speeches).values(rows.slice(i, i + BATCH));
  }
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
