// Helpers shared by the review-then-publish use cases: policy, search data, versions, links, publishing.
import { fail } from "../../../platform/http/errors.ts";
import type { Db, Tx } from "../../../platform/db/database.ts";
import { hashSecret, newSecret } from "../../../platform/http/tokens.ts";
import { enqueueMail, enqueueMails } from "../../../platform/mail/outbox.ts";
import { taipeiDate } from "../../../platform/calendar/index.ts";
import type { AuditEntry } from "../../audit/index.ts";
import { failedLookupLimit } from "../../auth/index.ts";
import { findPerson, findPersonByEmail, isPdis, type Actor } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
import { speechSearchDocument, type TranscriptSearchMeta } from "../search-source.ts";
import { speakerSlugBase } from "../classify.ts";
import * as repo from "../review-repository.ts";
import type { SpeechKind, SpeechVersionAction, TranscriptLanguage } from "../tables.ts";
import type { ReviewDeps } from "./review-deps.ts";

/** The plain notice every co-edited record carries (product brief §10). */
export const REVIEW_NOTICE = {
  "zh-TW": "這份紀錄由發言者共同編修，之後公開；絕不會用來評核或懲處任何人。",
  en: "This record is edited together by its speakers, then published. It is never used to evaluate or punish anyone.",
} as const;

/** The review window, in government working days. */
export const REVIEW_WINDOW_WORKING_DAYS = 10;

/** Longest speech text accepted from a form or the API (characters). */
export const MAX_SPEECH_TEXT = 50_000;

/** PDIS staff and administrators create drafts, open reviews and restore versions. */
export function mayManageReview(actor: Actor): boolean {
  return actor.isAdmin || isPdis(actor);
}

/** 401 for the public, 403 for anyone else who is not PDIS or an administrator. */
export function requireReviewManager(actor: Actor): void {
  if (!actor.personId && !actor.isAdmin) throw fail.unauthenticated();
  if (!mayManageReview(actor)) throw fail.forbidden();
}

/**
 * The search data of a content row (codes and search text of the transcript's title, the speaker's
 * name and the text); none for headings. Set on every write so the row is searchable once published.
 */
export function contentSearch(
  kind: SpeechKind,
  transcript: TranscriptSearchMeta,
  speakerName: string | null,
  text: string,
): { searchCodes: number[] | null; searchText: string | null } {
  if (kind === "heading") return { searchCodes: null, searchText: null };
  const d = speechSearchDocument(transcript, speakerName ?? "", text);
  return { searchCodes: d.codes, searchText: d.text };
}

/** A speech's text as stored: LF line ends, NFC, no blank runs longer than one empty line, trimmed. */
export function normaliseSpeechText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .normalize("NFC")
    .split("\n")
    .map((l) => l.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Checks a speech's new text: present, not too long, and no line that the archive's Markdown would
 * read as a heading or a speaker's label (`# …`), which would forge structure on export.
 */
export function checkSpeechText(field: string, text: string): string {
  const s = normaliseSpeechText(text);
  if (!s) throw fail.invalid(field, "must not be empty (to remove a speech, delete it)");
  if ([...s].length > MAX_SPEECH_TEXT)
    throw fail.invalid(field, `must be at most ${MAX_SPEECH_TEXT} characters`);
  if (s.split("\n").some((l) => /^#{1,6}([ \t]|$)|^#{2,6}[^#\s]/.test(l)))
    throw fail.invalid(field, "a line may not start with # (the archive reads it as a heading)");
  return s;
}

/**
 * The pseudonym of the n-th participant (0-based) to pseudonymise in a transcript: 與會者 A, B, … in
 * Chinese transcripts, Participant A, B, … in English ones; after Z come AA, AB, …. Letters follow the
 * order in which people chose a pseudonym, never the order of the speakers, so they reveal nobody.
 */
export function pseudonymName(language: TranscriptLanguage, n: number): string {
  let letters = "";
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) letters = String.fromCharCode(65 + (i % 26)) + letters;
  return language === "en" ? `Participant ${letters}` : `與會者 ${letters}`;
}

/**
 * Speakers by name, created when missing. Speakers are global by name; a new one gets a slug unique
 * among all speakers (`name`, `name-2`, …).
 */
export async function ensureSpeakers(
  tx: Tx,
  names: string[],
): Promise<Map<string, { id: string; name: string }>> {
  const unique = [...new Set(names.filter((n) => n !== ""))];
  const found = new Map((await repo.speakersByName(tx, unique)).map((s) => [s.name, s]));
  for (const name of unique) {
    if (found.has(name)) continue;
    const base = speakerSlugBase(name);
    const taken = await repo.speakerSlugsLike(tx, base);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    await repo.insertSpeakerIfAbsent(tx, { name, slug });
  }
  const all = await repo.speakersByName(tx, unique);
  return new Map(all.map((s) => [s.name, { id: s.id, name: s.name }]));
}

/** Appends the next version of a content row; returns its number. */
export async function recordVersion(
  tx: Tx,
  v: {
    transcriptId: string;
    speechId: string;
    action: SpeechVersionAction;
    position: number;
    speakerId: string | null;
    text: string;
    participantId?: string | null;
    personId?: string | null;
    now: Date;
  },
): Promise<number> {
  const version = (await repo.latestVersion(tx, v.transcriptId, v.speechId)) + 1;
  await repo.insertVersions(tx, [
    {
      transcriptId: v.transcriptId,
      speechId: v.speechId,
      version,
      action: v.action,
      position: v.position,
      speakerId: v.speakerId,
      text: v.text,
      participantId: v.participantId ?? null,
      personId: v.personId ?? null,
      createdAt: v.now,
    },
  ]);
  return version;
}

/** Speakers who have no person or e-mail yet (pseudonyms taken during review are not speakers to map). */
export async function unmappedSpeakers(db: Db | Tx, transcriptId: string): Promise<string[]> {
  const ids = await repo.speakerIdsOf(db, transcriptId);
  const participants = await repo.listParticipants(db, transcriptId);
  const pseudonyms = await repo.pseudonymsOf(db, transcriptId);
  const mapped = new Set([...participants.map((p) => p.speakerId), ...pseudonyms.values()]);
  const missing = ids.filter((id) => !mapped.has(id));
  return (await repo.speakersById(db, missing)).map((s) => s.name).sort();
}

/**
 * Issues a participant's personal link: a new random token (only its HMAC digest is stored, so the
 * previous link stops working) and an e-mail with the link, queued in the same transaction.
 */
export async function issueReviewLink(
  tx: Tx,
  deps: ReviewDeps,
  t: { title: string; slug: string; reviewEndsAt: Date | null },
  p: { id: string; speakerName: string; email: string | null; personEmail: string | null },
  now: Date,
): Promise<void> {
  const to = p.email ?? p.personEmail;
  if (!to) throw fail.invalid("participants", `${p.speakerName} has no e-mail address`);
  const token = newSecret();
  await repo.setParticipantLink(tx, p.id, hashSecret(token, deps.secret), now);
  const link = `${deps.publicUrl}/review/${token}`;
  const until = t.reviewEndsAt ? `${taipeiDate(t.reviewEndsAt)} 23:59` : "";
  await enqueueMail(
    tx,
    {
      to,
      subject: `請審閱您在「${t.title}」的發言 / Please review your words in "${t.title}"`,
      text:
        `${p.speakerName} 您好：\n\n` +
        `「${t.title}」的逐字稿草稿開放審閱。請在 ${until}（臺北時間）前開啟以下個人連結，修改、匿名化或刪除您自己的發言，不需要帳號。完成後請按「我已完成審閱」。\n\n` +
        `${link}\n\n` +
        `${REVIEW_NOTICE["zh-TW"]}審閱期滿（或每位發言者都完成審閱）後，逐字稿會自動公開。這個連結只屬於您，請勿轉寄。\n\n` +
        `---\n\n` +
        `Dear ${p.speakerName},\n\n` +
        `The draft transcript "${t.title}" is open for review. Until ${until} (Taipei time), open your personal link below to edit, pseudonymise or delete your own speeches; no account is needed. When you are done, press "I have finished reviewing".\n\n` +
        `${link}\n\n` +
        `${REVIEW_NOTICE.en} When the review window ends (or every speaker has finished), the transcript is published. This link is yours alone; please do not forward it.\n`,
    },
    now,
  );
}

/**
 * The participant holding a review link, or 404 (whether the link never existed or was replaced);
 * too many failed look-ups from one client get 429. Reads outside any transaction.
 */
export async function resolveLink(deps: ReviewDeps, link: { token: string; clientKey?: string }) {
  const now = deps.clock.now();
  const limit = link.clientKey ? failedLookupLimit(deps.db, `review-link:${link.clientKey}`, now) : null;
  if (limit && (await limit.blocked())) throw fail.rateLimited();
  const p =
    link.token.length >= 20 && link.token.length <= 100
      ? await repo.participantByDigest(deps.db, hashSecret(link.token, deps.secret))
      : null;
  if (!p) {
    await limit?.failed();
    throw fail.notFound();
  }
  return p;
}

/** True when a transcript's review window is open for changes through links. */
export function reviewOpen(t: { state: string; reviewEndsAt: Date | null }, now: Date): boolean {
  return t.state === "in-review" && t.reviewEndsAt !== null && now < t.reviewEndsAt;
}

/**
 * Publishes a transcript in the caller's transaction and tells its creator and its speakers (a
 * notification to those in the directory, an e-mail to those known by address only); returns the
 * audit entry. `reason`: the window closed, or every speaker marked done.
 */
export async function publishTranscript(
  tx: Tx,
  ctx: { now: Date; publicUrl: string },
  t: { id: string; slug: string; title: string; createdBy: string | null },
  reason: "window-closed" | "everyone-done",
): Promise<AuditEntry> {
  await repo.updateTranscript(tx, t.id, { state: "published", publishedAt: ctx.now, updatedAt: ctx.now });
  const title = { "zh-TW": `逐字稿已公開：${t.title}`, en: `Transcript published: ${t.title}` };
  const path = `/transcripts/${encodeURIComponent(t.slug)}`;
  const participants = await repo.listParticipants(tx, t.id);
  const people = new Set(participants.flatMap((p) => (p.personId ? [p.personId] : [])));
  if (t.createdBy && !people.has(t.createdBy)) {
    await notify(tx, ctx, {
      recipientIds: [t.createdBy],
      actorId: null,
      kind: "transcript.published",
      title,
      url: `/drafts/${encodeURIComponent(t.slug)}`,
    });
  }
  if (people.size > 0)
    await notify(tx, ctx, {
      recipientIds: [...people],
      actorId: null,
      kind: "transcript.published",
      title,
      url: path,
    });
  const link = `${ctx.publicUrl}${path}`;
  const mails = participants
    .filter((p) => !p.personId && p.email)
    .map((p) => ({
      to: p.email!,
      subject: `逐字稿已公開：${t.title} / Transcript published: "${t.title}"`,
      text:
        `${p.speakerName} 您好：\n\n「${t.title}」的逐字稿已公開，您的發言可以在這裡引用：\n\n${link}\n\n` +
        `${REVIEW_NOTICE["zh-TW"]}\n\n---\n\n` +
        `Dear ${p.speakerName},\n\nThe transcript "${t.title}" is now public; your words can be cited here:\n\n${link}\n\n` +
        `${REVIEW_NOTICE.en}\n`,
    }));
  await enqueueMails(tx, mails, ctx.now);
  return {
    action: "transcript.publish",
    entityType: "transcript",
    entityId: t.id,
    before: { state: "in-review" },
    after: { state: "published", publishedAt: ctx.now.toISOString(), reason },
  };
}

/** Who a speaker is: a directory person, or an e-mail address (one of the two). */
export interface ParticipantInput {
  speaker: string;
  personId?: string;
  email?: string;
}

/**
 * Checks a speaker mapping and finds its contact: a directory person by id, or an e-mail address
 * (linked to the person who has it, when there is one). Field names follow the input's shape.
 */
export async function resolveParticipants(
  deps: Pick<ReviewDeps, "db">,
  list: ParticipantInput[],
  speakerNames: Set<string>,
): Promise<Array<{ speaker: string; personId: string | null; email: string | null }>> {
  const seen = new Set<string>();
  const out: Array<{ speaker: string; personId: string | null; email: string | null }> = [];
  for (const [i, p] of list.entries()) {
    const at = `participants.${i}`;
    const speaker = p.speaker.trim();
    if (!speakerNames.has(speaker))
      throw fail.invalid(`${at}.speaker`, "is not a speaker of this transcript");
    if (seen.has(speaker)) throw fail.invalid(`${at}.speaker`, "is mapped twice");
    seen.add(speaker);
    if (!p.personId === !p.email) throw fail.invalid(`${at}.email`, "give either personId or email");
    if (p.personId) {
      const person = await findPerson(deps.db, p.personId);
      if (!person) throw fail.invalid(`${at}.personId`, "no such person");
      out.push({ speaker, personId: person.id, email: null });
    } else {
      const email = p.email!.trim().toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)
        throw fail.invalid(`${at}.email`, "must be an e-mail address");
      const person = await findPersonByEmail(deps.db, email);
      out.push({ speaker, personId: person?.id ?? null, email });
    }
  }
  return out;
}
