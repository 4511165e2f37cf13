// Every SQL statement of review-then-publish: drafts, review participants, speech versions, publishing.
import { and, asc, desc, eq, inArray, isNull, lte, max, or, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import { people } from "../directory/index.ts";
import { reviewParticipants, speakers, speeches, speechVersions, transcripts } from "./tables.ts";

/** A row of the transcripts table. */
export type TranscriptRow = typeof transcripts.$inferSelect;
/** A row of the speeches table. */
export type SpeechRow = typeof speeches.$inferSelect;
/** A row of the review participants table. */
export type ParticipantRow = typeof reviewParticipants.$inferSelect;
/** A row of the speech versions table. */
export type VersionRow = typeof speechVersions.$inferSelect;

/** One transcript by slug, locked for update when asked. */
export async function findTranscriptBySlug(db: Queryable, slug: string, forUpdate = false) {
  const q = db.select().from(transcripts).where(eq(transcripts.slug, slug)).limit(1);
  const [row] = forUpdate ? await q.for("update") : await q;
  return row ?? null;
}

/** One transcript by id, locked for update when asked. */
export async function findTranscriptById(db: Queryable, id: string, forUpdate = false) {
  const q = db.select().from(transcripts).where(eq(transcripts.id, id)).limit(1);
  const [row] = forUpdate ? await q.for("update") : await q;
  return row ?? null;
}

/** The slugs among these that a transcript uses already. */
export async function takenSlugs(db: Queryable, slugs: string[]): Promise<Set<string>> {
  if (!slugs.length) return new Set();
  const rows = await db
    .select({ slug: transcripts.slug })
    .from(transcripts)
    .where(inArray(transcripts.slug, slugs));
  return new Set(rows.map((r) => r.slug));
}

/** Inserts a transcript. */
export async function insertTranscript(db: Queryable, values: typeof transcripts.$inferInsert) {
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

/** Drafts and transcripts in review, newest first (PDIS's desk). */
export async function listUnpublished(db: Queryable, limit: number) {
  return db
    .select()
    .from(transcripts)
    .where(inArray(transcripts.state, ["draft", "in-review"]))
    .orderBy(desc(transcripts.createdAt), desc(transcripts.id))
    .limit(limit);
}

/** Speakers by exact name. */
export async function speakersByName(db: Queryable, names: string[]) {
  if (!names.length) return [];
  return db.select().from(speakers).where(inArray(speakers.name, names));
}

/** Speakers by id. */
export async function speakersById(db: Queryable, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(speakers).where(inArray(speakers.id, ids));
}

/** Speaker slugs in use that start with this base (`base`, `base-2`, …). */
export async function speakerSlugsLike(db: Queryable, base: string): Promise<Set<string>> {
  const pattern = `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select({ slug: speakers.slug })
    .from(speakers)
    .where(sql`${speakers.slug} like ${pattern}`);
  return new Set(rows.map((r) => r.slug));
}

/** Inserts a speaker unless one of that name exists (a concurrent writer may have added it). */
export async function insertSpeakerIfAbsent(db: Queryable, values: { name: string; slug: string }) {
  await db.insert(speakers).values(values).onConflictDoNothing({ target: speakers.name });
}

/** Inserts content rows of a transcript. */
export async function insertSpeechRows(db: Queryable, rows: Array<typeof speeches.$inferInsert>) {
  for (let i = 0; i < rows.length; i += 400) await db.insert(speeches).values(rows.slice(i, i + 400));
}

/** A transcript's content in order, with speaker names. */
export async function listContentRows(db: Queryable, transcriptId: string) {
  return db
    .select({
      id: speeches.id,
      position: speeches.position,
      kind: speeches.kind,
      text: speeches.text,
      headingLevel: speeches.headingLevel,
      speakerId: speeches.speakerId,
      speakerName: speakers.name,
      speakerSlug: speakers.slug,
    })
    .from(speeches)
    .leftJoin(speakers, eq(speakers.id, speeches.speakerId))
    .where(eq(speeches.transcriptId, transcriptId))
    .orderBy(asc(speeches.position));
}

/** The distinct speaker ids of a transcript's speeches. */
export async function speakerIdsOf(db: Queryable, transcriptId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: speeches.speakerId })
    .from(speeches)
    .where(and(eq(speeches.transcriptId, transcriptId), sql`${speeches.speakerId} is not null`));
  return rows.map((r) => r.id!);
}

/** One content row, locked for update when asked. */
export async function findSpeech(db: Queryable, transcriptId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(speeches)
    .where(and(eq(speeches.transcriptId, transcriptId), eq(speeches.id, id)))
    .limit(1);
  const [row] = forUpdate ? await q.for("update") : await q;
  return row ?? null;
}

/** Updates one content row. */
export async function updateSpeech(
  db: Queryable,
  transcriptId: string,
  id: string,
  values: Partial<typeof speeches.$inferInsert>,
) {
  await db
    .update(speeches)
    .set(values)
    .where(and(eq(speeches.transcriptId, transcriptId), eq(speeches.id, id)));
}

/** Removes one content row (its versions keep its text and position). */
export async function deleteSpeech(db: Queryable, transcriptId: string, id: string) {
  await db.delete(speeches).where(and(eq(speeches.transcriptId, transcriptId), eq(speeches.id, id)));
}

/** The content row holding a position, if any. */
export async function speechAtPosition(db: Queryable, transcriptId: string, position: number) {
  const [row] = await db
    .select({ id: speeches.id })
    .from(speeches)
    .where(and(eq(speeches.transcriptId, transcriptId), eq(speeches.position, position)))
    .limit(1);
  return row ?? null;
}

/** Appends versions. */
export async function insertVersions(db: Queryable, rows: Array<typeof speechVersions.$inferInsert>) {
  for (let i = 0; i < rows.length; i += 400) await db.insert(speechVersions).values(rows.slice(i, i + 400));
}

/** The latest version number of a speech (0 when it has none). */
export async function latestVersion(db: Queryable, transcriptId: string, speechId: string): Promise<number> {
  const [row] = await db
    .select({ v: max(speechVersions.version) })
    .from(speechVersions)
    .where(and(eq(speechVersions.transcriptId, transcriptId), eq(speechVersions.speechId, speechId)));
  return row?.v ?? 0;
}

/** Every version of a speech, oldest first. */
export async function listVersions(db: Queryable, transcriptId: string, speechId: string) {
  return db
    .select({
      version: speechVersions.version,
      action: speechVersions.action,
      position: speechVersions.position,
      speakerId: speechVersions.speakerId,
      speakerName: speakers.name,
      text: speechVersions.text,
      participantId: speechVersions.participantId,
      personId: speechVersions.personId,
      createdAt: speechVersions.createdAt,
    })
    .from(speechVersions)
    .leftJoin(speakers, eq(speakers.id, speechVersions.speakerId))
    .where(and(eq(speechVersions.transcriptId, transcriptId), eq(speechVersions.speechId, speechId)))
    .orderBy(asc(speechVersions.version));
}

/** One version of a speech. */
export async function findVersion(db: Queryable, transcriptId: string, speechId: string, version: number) {
  const [row] = await db
    .select()
    .from(speechVersions)
    .where(
      and(
        eq(speechVersions.transcriptId, transcriptId),
        eq(speechVersions.speechId, speechId),
        eq(speechVersions.version, version),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The latest version number of each speech of a transcript. */
export async function latestVersions(db: Queryable, transcriptId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ speechId: speechVersions.speechId, v: max(speechVersions.version) })
    .from(speechVersions)
    .where(eq(speechVersions.transcriptId, transcriptId))
    .groupBy(speechVersions.speechId);
  return new Map(rows.map((r) => [r.speechId, r.v ?? 0]));
}

/** Deleted content of a transcript: the last version of each row that no longer exists. */
export async function deletedSpeeches(db: Queryable, transcriptId: string) {
  const rows = await db.execute<{
    speech_id: string;
    version: number;
    position: number;
    text: string;
    speaker_name: string | null;
  }>(sql`
    select distinct on (v.speech_id) v.speech_id, v.version, v.position, v.text, s.name as speaker_name
      from speech_versions v
      left join speakers s on s.id = v.speaker_id
     where v.transcript_id = ${transcriptId}
       and not exists (select 1 from speeches x where x.transcript_id = v.transcript_id and x.id = v.speech_id)
     order by v.speech_id, v.version desc`);
  return rows.rows
    .map((r) => ({
      id: r.speech_id,
      version: Number(r.version),
      position: Number(r.position),
      text: r.text,
      speakerName: r.speaker_name,
    }))
    .sort((a, b) => a.position - b.position);
}

/** The pseudonym speaker a participant took in a transcript, if they pseudonymised a speech. */
export async function pseudonymOf(
  db: Queryable,
  transcriptId: string,
  participantId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ speakerId: speechVersions.speakerId })
    .from(speechVersions)
    .where(
      and(
        eq(speechVersions.transcriptId, transcriptId),
        eq(speechVersions.participantId, participantId),
        eq(speechVersions.action, "pseudonymise"),
      ),
    )
    .orderBy(asc(speechVersions.createdAt))
    .limit(1);
  return row?.speakerId ?? null;
}

/** Each participant's pseudonym speaker in a transcript (participant id → speaker id). */
export async function pseudonymsOf(db: Queryable, transcriptId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectDistinct({ participantId: speechVersions.participantId, speakerId: speechVersions.speakerId })
    .from(speechVersions)
    .where(and(eq(speechVersions.transcriptId, transcriptId), eq(speechVersions.action, "pseudonymise")));
  const out = new Map<string, string>();
  for (const r of rows) if (r.participantId && r.speakerId) out.set(r.participantId, r.speakerId);
  return out;
}

/** Names of every speaker a transcript's speeches or versions ever used. */
export async function speakerNamesUsed(db: Queryable, transcriptId: string): Promise<Set<string>> {
  const rows = await db.execute<{ name: string }>(sql`
    select s.name from speakers s
     where s.id in (select speaker_id from speeches where transcript_id = ${transcriptId})
        or s.id in (select speaker_id from speech_versions where transcript_id = ${transcriptId})`);
  return new Set(rows.rows.map((r) => r.name));
}

/** The review participants of a transcript with their speaker and person. */
export async function listParticipants(db: Queryable, transcriptId: string) {
  return db
    .select({
      id: reviewParticipants.id,
      speakerId: reviewParticipants.speakerId,
      speakerName: speakers.name,
      speakerSlug: speakers.slug,
      personId: reviewParticipants.personId,
      personName: people.name,
      personEmail: people.email,
      personLocale: people.locale,
      email: reviewParticipants.email,
      linkSentAt: reviewParticipants.linkSentAt,
      doneAt: reviewParticipants.doneAt,
    })
    .from(reviewParticipants)
    .innerJoin(speakers, eq(speakers.id, reviewParticipants.speakerId))
    .leftJoin(people, eq(people.id, reviewParticipants.personId))
    .where(eq(reviewParticipants.transcriptId, transcriptId))
    .orderBy(asc(speakers.name));
}

/** Sets (or replaces) the person or e-mail a speaker of a transcript is mapped to. */
export async function upsertParticipant(
  db: Queryable,
  v: { transcriptId: string; speakerId: string; personId: string | null; email: string | null; now: Date },
) {
  const [row] = await db
    .insert(reviewParticipants)
    .values({
      transcriptId: v.transcriptId,
      speakerId: v.speakerId,
      personId: v.personId,
      email: v.email,
      createdAt: v.now,
    })
    .onConflictDoUpdate({
      target: [reviewParticipants.transcriptId, reviewParticipants.speakerId],
      set: { personId: v.personId, email: v.email },
    })
    .returning();
  return row!;
}

/** One participant of a transcript. */
export async function findParticipant(db: Queryable, transcriptId: string, id: string) {
  const [row] = await db
    .select()
    .from(reviewParticipants)
    .where(and(eq(reviewParticipants.transcriptId, transcriptId), eq(reviewParticipants.id, id)))
    .limit(1);
  return row ?? null;
}

/** The participant holding a link, by the digest of its token. */
export async function participantByDigest(db: Queryable, digest: string) {
  const [row] = await db
    .select()
    .from(reviewParticipants)
    .where(eq(reviewParticipants.tokenDigest, digest))
    .limit(1);
  return row ?? null;
}

/** Stores a new link for a participant (the old one stops working). */
export async function setParticipantLink(db: Queryable, id: string, digest: string, now: Date) {
  await db
    .update(reviewParticipants)
    .set({ tokenDigest: digest, linkSentAt: now })
    .where(eq(reviewParticipants.id, id));
}

/** Marks a participant done (once: a repeat keeps the first time). */
export async function markParticipantDone(db: Queryable, id: string, now: Date) {
  await db
    .update(reviewParticipants)
    .set({ doneAt: now })
    .where(and(eq(reviewParticipants.id, id), isNull(reviewParticipants.doneAt)));
}

/** True when every participant of a transcript is done (and there is at least one). */
export async function everyoneDone(db: Queryable, transcriptId: string): Promise<boolean> {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      open: sql<number>`count(*) filter (where ${reviewParticipants.doneAt} is null)::int`,
    })
    .from(reviewParticipants)
    .where(eq(reviewParticipants.transcriptId, transcriptId));
  return (row?.total ?? 0) > 0 && (row?.open ?? 1) === 0;
}

/**
 * Claims transcripts in review that may publish now: the window has closed, or every participant is
 * done; and no `publish_not_before` lies ahead. Locked with SKIP LOCKED, so parallel sweeps never
 * publish one twice.
 */
export async function claimPublishable(db: Queryable, now: Date, limit: number): Promise<TranscriptRow[]> {
  return db
    .select()
    .from(transcripts)
    .where(
      and(
        eq(transcripts.state, "in-review"),
        or(isNull(transcripts.publishNotBefore), lte(transcripts.publishNotBefore, now)),
        or(
          lte(transcripts.reviewEndsAt, now),
          sql`(exists (select 1 from transcript_review_participants p where p.transcript_id = ${transcripts.id})
               and not exists (select 1 from transcript_review_participants p
                                where p.transcript_id = ${transcripts.id} and p.done_at is null))`,
        ),
      ),
    )
    .orderBy(asc(transcripts.reviewEndsAt), asc(transcripts.id))
    .limit(limit)
    .for("update", { skipLocked: true });
}
