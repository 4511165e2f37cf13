// Reading the public archive: the list of published transcripts, a transcript with its language twins
// (or the slug it was renamed to), a speaker and their speeches, one speech with its neighbours.
// Only published transcripts are ever shown here; PDIS and administrators also see drafts on the
// transcript itself (as the transcript API does).
import { fail } from "../../../platform/http/errors.ts";
import { isPdis, isUuid, type Actor } from "../../directory/index.ts";
import * as archive from "../archive-repository.ts";
import type { TranscriptKind, TranscriptLanguage } from "../tables.ts";
import type { TranscriptsDeps } from "./deps.ts";
import { getTranscript } from "./get-transcript.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_REDIRECTS = 5;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** An opaque cursor: base64url of the JSON of the last row's sort key. */
function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

function decodeCursor(s: string): unknown[] {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (Array.isArray(v)) return v;
  } catch {
    // reported below
  }
  throw fail.invalid("cursor", "is not a valid cursor");
}

function transcriptKey(s: string): archive.TranscriptKey {
  const [date, id, ...rest] = decodeCursor(s);
  if (typeof date !== "string" || !isIsoDate(date) || typeof id !== "string" || !isUuid(id) || rest.length)
    throw fail.invalid("cursor", "is not a valid cursor");
  return { date, id };
}

function speakerKey(s: string): archive.SpeakerSpeechKey {
  const [date, transcriptId, position, ...rest] = decodeCursor(s);
  if (
    typeof date !== "string" ||
    !isIsoDate(date) ||
    typeof transcriptId !== "string" ||
    !isUuid(transcriptId) ||
    typeof position !== "number" ||
    !Number.isInteger(position) ||
    rest.length
  )
    throw fail.invalid("cursor", "is not a valid cursor");
  return { date, transcriptId, position };
}

/** Filters and page of the archive list. */
export interface ListArchiveInput {
  kind?: TranscriptKind;
  language?: TranscriptLanguage;
  /** Inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** A calendar year: the same as from = YYYY-01-01 and to = YYYY-12-31. */
  year?: number;
  limit: number;
  cursor?: string;
}

/** A transcript in the archive list. */
export interface ArchiveItem {
  slug: string;
  title: string;
  date: string | null;
  kind: TranscriptKind;
  language: TranscriptLanguage;
  publishedAt: Date | null;
  updatedAt: Date;
}

/** Published transcripts, newest first, filtered by kind, language and dates; keyset-paged. */
export async function listArchive(
  deps: TranscriptsDeps,
  actor: Actor,
  input: ListArchiveInput,
): Promise<{ items: ArchiveItem[]; next: string | null }> {
  void actor; // the list is the same for everyone: published transcripts only
  let { from, to } = input;
  if (from !== undefined && !isIsoDate(from)) throw fail.invalid("from", "must be a date YYYY-MM-DD");
  if (to !== undefined && !isIsoDate(to)) throw fail.invalid("to", "must be a date YYYY-MM-DD");
  if (input.year !== undefined) {
    if (!Number.isInteger(input.year) || input.year < 1 || input.year > 9999)
      throw fail.invalid("year", "must be a year");
    const y = String(input.year).padStart(4, "0");
    from = from && from > `${y}-01-01` ? from : `${y}-01-01`;
    to = to && to < `${y}-12-31` ? to : `${y}-12-31`;
  }
  if (from && to && to < from) throw fail.invalid("to", "is before from");
  const rows = await archive.listPublishedTranscripts(deps.db, {
    kind: input.kind,
    language: input.language,
    from,
    to,
    after: input.cursor ? transcriptKey(input.cursor) : undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ id: _id, ...item }) => item),
    next: rows.length > input.limit && last ? encodeCursor([last.date ?? archive.NO_DATE, last.id]) : null,
  };
}

/** The years with published transcripts, newest first. */
export async function archiveYears(deps: TranscriptsDeps): Promise<number[]> {
  return archive.publishedYears(deps.db);
}

/**
 * Where an old slug now lives: follows `transcript_redirects` (at most 5 steps, never round a loop)
 * to a transcript the actor may read. Null when the slug is itself a transcript, or leads nowhere.
 */
export async function resolveTranscriptRedirect(
  deps: TranscriptsDeps,
  actor: Actor,
  slug: string,
): Promise<string | null> {
  if (await archive.transcriptState(deps.db, slug)) return null;
  const seen = new Set([slug]);
  let at = slug;
  for (let step = 0; step < MAX_REDIRECTS; step++) {
    const next = await archive.redirectOf(deps.db, at);
    if (!next || seen.has(next)) return null;
    seen.add(next);
    const target = await archive.transcriptState(deps.db, next);
    if (target) return target.state === "published" || actor.isAdmin || isPdis(actor) ? next : null;
    at = next;
  }
  return null;
}

/** The published language twins of a transcript. */
export async function transcriptTwins(deps: TranscriptsDeps, slug: string) {
  return archive.publishedTwins(deps.db, slug);
}

/**
 * A transcript in sections (as `getTranscript`), or, when the slug is an old one, where it now lives.
 * Drafts and transcripts in review are shown to PDIS and administrators only.
 */
export async function readTranscriptOrRedirect(
  deps: TranscriptsDeps,
  actor: Actor,
  slug: string,
): Promise<{ redirect: string } | { redirect: null; transcript: Awaited<ReturnType<typeof getTranscript>> }> {
  try {
    return { redirect: null, transcript: await getTranscript(deps, actor, slug) };
  } catch (e) {
    const notFound = (e as { code?: string }).code === "not_found";
    const moved = notFound ? await resolveTranscriptRedirect(deps, actor, slug) : null;
    if (moved) return { redirect: moved };
    throw e;
  }
}

/** A transcript page: the transcript with its published language twins, or where its old slug now lives. */
export async function readArchiveTranscript(
  deps: TranscriptsDeps,
  actor: Actor,
  slug: string,
): Promise<
  | { redirect: string }
  | {
      redirect: null;
      transcript: Awaited<ReturnType<typeof getTranscript>>;
      twins: Awaited<ReturnType<typeof transcriptTwins>>;
    }
> {
  const r = await readTranscriptOrRedirect(deps, actor, slug);
  if (r.redirect !== null) return r;
  return { ...r, twins: await transcriptTwins(deps, slug) };
}

/** A speech in a speaker's list. */
export interface SpeakerSpeech {
  id: string;
  text: string;
  transcript: { slug: string; title: string; date: string | null; language: TranscriptLanguage };
  updatedAt: Date;
}

/** A speaker with their speeches in published transcripts, newest first, keyset-paged. */
export async function getSpeaker(
  deps: TranscriptsDeps,
  actor: Actor,
  slug: string,
  input: { limit: number; cursor?: string },
) {
  void actor; // the same for everyone: only speeches in published transcripts
  const after = input.cursor ? speakerKey(input.cursor) : undefined;
  const speaker = await archive.findPublicSpeaker(deps.db, slug);
  if (!speaker) throw fail.notFound();
  const rows = await archive.listSpeakerSpeeches(deps.db, speaker.id, { after, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const items: SpeakerSpeech[] = page.map((r) => ({
    id: r.id,
    text: r.text,
    transcript: { slug: r.slug, title: r.title, date: r.date, language: r.language },
    updatedAt: r.updatedAt,
  }));
  return {
    slug: speaker.slug,
    name: speaker.name,
    person: speaker.personId
      ? { id: speaker.personId, name: speaker.personName ?? "", nameEn: speaker.personNameEn ?? null }
      : null,
    speeches: {
      items,
      next:
        rows.length > input.limit && last
          ? encodeCursor([last.date ?? archive.NO_DATE, last.transcriptId, last.position])
          : null,
    },
  };
}

/** One speech of a published transcript, with its speaker, transcript and neighbours' ids. */
export async function getSpeech(deps: TranscriptsDeps, actor: Actor, id: string) {
  void actor; // the same for everyone: only speeches in published transcripts
  if (!isUuid(id)) throw fail.notFound();
  const r = await archive.findPublishedSpeech(deps.db, id);
  if (!r) throw fail.notFound();
  return {
    id: r.id,
    text: r.text,
    speaker:
      r.speakerName !== null && r.speakerSlug !== null ? { name: r.speakerName, slug: r.speakerSlug } : null,
    transcript: { slug: r.slug, title: r.title, date: r.date, kind: r.kind, language: r.language },
    previous: r.previous,
    next: r.next,
  };
}

/** The first characters of a speech, cut at a word or character boundary, for lists and feeds. */
export function snippetOf(text: string, max = 160): string {
  const flat = Array.from(text.replace(/\s+/g, " ").trim());
  if (flat.length <= max) return flat.join("");
  const cut = flat.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
