import { contentSearch, checkSpeechText, recordVersion } from "./review-shared.ts";
import * as repo from "../review-repository.ts";
import type { ReviewDeps } from "./review-deps.ts";
import { changeOwnSpeech, speakerName, type ReviewLink } from "./own-speech.ts";

/**
 * A speaker corrects the text of one of their own speeches through their review link, while the window
 * is open. A new version records the text; the search vector follows. An unchanged text writes nothing.
 */
export async function editOwnSpeech(
  deps: ReviewDeps,
  link: ReviewLink,
  speechId: string,
  input: { text: string },
) {
  const text = checkSpeechText("text", input.text);
  return changeOwnSpeech(deps, link, speechId, "transcript.review.edit", async (c) => {
    const name = await speakerName(c.tx, c.speech.speakerId);
    if (text === c.speech.text) {
      const version = await repo.latestVersion(c.tx, c.transcript.id, c.speech.id);
      return {
        value: { id: c.speech.id, text, speaker: name, version },
        after: { unchanged: true, version },
      };
    }
    await repo.updateSpeech(c.tx, c.transcript.id, c.speech.id, {
      text,
      paragraphs: null,
      ...contentSearch("speech", c.transcript, name, text),
      date: c.transcript.date,
    });
    const version = await recordVersion(c.tx, {
      transcriptId: c.transcript.id,
      speechId: c.speech.id,
      action: "edit",
      position: c.speech.position,
      speakerId: c.speech.speakerId,
      text,
      participantId: c.participant.id,
      personId: c.participant.personId,
      now: c.now,
    });
    return { value: { id: c.speech.id, text, speaker: name, version }, after: { version } };
  });
}
