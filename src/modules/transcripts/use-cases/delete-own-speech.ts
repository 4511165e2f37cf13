import * as repo from "../review-repository.ts";
import type { ReviewDeps } from "./review-deps.ts";
import { changeOwnSpeech, type ReviewLink } from "./own-speech.ts";
import { recordVersion } from "./review-shared.ts";

/**
 * A speaker deletes one of their own speeches through their review link. The row goes; its last
 * version (`delete`) keeps its text, speaker and position, so PDIS can restore it.
 */
export async function deleteOwnSpeech(deps: ReviewDeps, link: ReviewLink, speechId: string) {
  return changeOwnSpeech(deps, link, speechId, "transcript.review.delete", async (c) => {
    const version = await recordVersion(c.tx, {
      transcriptId: c.transcript.id,
      speechId: c.speech.id,
      action: "delete",
      position: c.speech.position,
      speakerId: c.speech.speakerId,
      text: c.speech.text,
      participantId: c.participant.id,
      personId: c.participant.personId,
      now: c.now,
    });
    await repo.deleteSpeech(c.tx, c.transcript.id, c.speech.id);
    return { value: { id: c.speech.id, deleted: true as const, version }, after: { version } };
  });
}
