// The frame of every change a speaker makes through their review link: resolve the link, lock the
// transcript, check the window is open and the speech is theirs, write, audit — in one transaction.
import { fail } from "../../../platform/http/errors.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { writeAudited } from "../../audit/index.ts";
import { isUuid } from "../../directory/index.ts";
import { reviewError } from "../review-errors.ts";
import * as repo from "../review-repository.ts";
import type { ReviewDeps } from "./review-deps.ts";
import { resolveLink, reviewOpen } from "./review-shared.ts";

/** A personal review link as presented: the token from the address and the client (for rate limits). */
export interface ReviewLink {
  token: string;
  clientKey?: string;
}

/** What a change to one's own speech sees. */
export interface OwnSpeechContext {
  tx: Tx;
  now: Date;
  transcript: repo.TranscriptRow;
  participant: repo.ParticipantRow;
  speech: repo.SpeechRow;
  /** The pseudonym speaker this participant took in this transcript, if any. */
  pseudonymId: string | null;
}

/**
 * Runs a change to a speech through a review link. 404 for an unknown link or speech; 409 once the
 * window closed or the transcript published; 403 `not_your_speech` unless the speech is the
 * participant's own (their speaker, or the pseudonym they took).
 */
export async function changeOwnSpeech<T>(
  deps: ReviewDeps,
  link: ReviewLink,
  speechId: string,
  action: string,
  fn: (ctx: OwnSpeechContext) => Promise<{ value: T; after: Record<string, unknown> }>,
): Promise<T> {
  const p0 = await resolveLink(deps, link);
  const now = deps.clock.now();
  return writeAudited(deps.db, { personId: p0.personId }, async (tx) => {
    const transcript = await repo.findTranscriptById(tx, p0.transcriptId, true);
    const participant = await repo.findParticipant(tx, p0.transcriptId, p0.id);
    // The link may have been replaced since it was read.
    if (!transcript || !participant || participant.tokenDigest !== p0.tokenDigest) throw fail.notFound();
    if (!reviewOpen(transcript, now)) throw reviewError("review_closed");
    const speech = isUuid(speechId) ? await repo.findSpeech(tx, transcript.id, speechId, true) : null;
    if (!speech) throw fail.notFound();
    const pseudonymId = await repo.pseudonymOf(tx, transcript.id, participant.id);
    const own =
      speech.kind === "speech" &&
      speech.speakerId !== null &&
      (speech.speakerId === participant.speakerId || speech.speakerId === pseudonymId);
    if (!own) throw reviewError("not_your_speech");
    const r = await fn({ tx, now, transcript, participant, speech, pseudonymId });
    return {
      value: r.value,
      audit: [
        {
          action,
          entityType: "transcript",
          entityId: transcript.id,
          subjectIds: participant.personId ? [participant.personId] : [],
          after: { participantId: participant.id, speechId: speech.id, ...r.after },
        },
      ],
    };
  });
}

/** The name of a speaker by id (for search vectors and answers). */
export async function speakerName(tx: Tx, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await repo.speakersById(tx, [id]))[0]?.name ?? null;
}
