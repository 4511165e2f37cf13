import * as repo from "../review-repository.ts";
import type { ReviewDeps } from "./review-deps.ts";
import { changeOwnSpeech, speakerName, type ReviewLink } from "./own-speech.ts";
import { contentSearch, ensureSpeakers, pseudonymName, recordVersion } from "./review-shared.ts";

/**
 * A speaker replaces their name on one of their own speeches with a pseudonym (與會者 A / Participant
 * A). Each participant keeps one pseudonym per transcript, lettered in the order people chose one, so
 * their pseudonymised speeches read as one voice without naming them. Repeating it changes nothing.
 */
export async function pseudonymiseOwnSpeech(deps: ReviewDeps, link: ReviewLink, speechId: string) {
  return changeOwnSpeech(deps, link, speechId, "transcript.review.pseudonymise", async (c) => {
    if (c.pseudonymId && c.speech.speakerId === c.pseudonymId) {
      const version = await repo.latestVersion(c.tx, c.transcript.id, c.speech.id);
      const name = await speakerName(c.tx, c.pseudonymId);
      return { value: { id: c.speech.id, speaker: name, version }, after: { unchanged: true, version } };
    }
    let pseudonymId = c.pseudonymId;
    let name: string | null;
    if (pseudonymId) name = await speakerName(c.tx, pseudonymId);
    else {
      // The first letter no speaker of this transcript uses (real or pseudonym).
      const used = await repo.speakerNamesUsed(c.tx, c.transcript.id);
      let n = 0;
      while (used.has(pseudonymName(c.transcript.language, n))) n++;
      name = pseudonymName(c.transcript.language, n);
      pseudonymId = (await ensureSpeakers(c.tx, [name])).get(name)!.id;
    }
    await repo.updateSpeech(c.tx, c.transcript.id, c.speech.id, {
      speakerId: pseudonymId,
      ...contentSearch("speech", c.transcript, name, c.speech.text),
      date: c.transcript.date,
    });
    const version = await recordVersion(c.tx, {
      transcriptId: c.transcript.id,
      speechId: c.speech.id,
      action: "pseudonymise",
      position: c.speech.position,
      speakerId: pseudonymId,
      text: c.speech.text,
      participantId: c.participant.id,
      personId: c.participant.personId,
      now: c.now,
    });
    return { value: { id: c.speech.id, speaker: name, version }, after: { version } };
  });
}
