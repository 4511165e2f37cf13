import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { isUuid, type Actor } from "../../directory/index.ts";
import { reviewError } from "../review-errors.ts";
import * as repo from "../review-repository.ts";
import type { ReviewDeps } from "./review-deps.ts";
import { speakerName } from "./own-speech.ts";
import { contentSearch, recordVersion, requireReviewManager } from "./review-shared.ts";

/**
 * PDIS restores a row to one of its versions, while the transcript is a draft or in review: the text
 * and speaker come back (a deleted speech is put back at its position), recorded as a new `restore`
 * version. PDIS and administrators only.
 */
export async function restoreSpeechVersion(
  deps: ReviewDeps,
  actor: Actor,
  slug: string,
  speechId: string,
  version: number,
) {
  requireReviewManager(actor);
  if (!isUuid(speechId)) throw fail.notFound();
  const now = deps.clock.now();
  return writeAudited(deps.db, actor, async (tx) => {
    const t = await repo.findTranscriptBySlug(tx, slug, true);
    if (!t) throw fail.notFound();
    const v = await repo.findVersion(tx, t.id, speechId, version);
    if (!v) throw fail.notFound();
    if (t.state === "published") throw reviewError("wrong_state", { state: t.state });
    const current = await repo.findSpeech(tx, t.id, speechId, true);
    const name = await speakerName(tx, v.speakerId);
    const kind = current?.kind ?? "speech";
    const values = {
      text: v.text,
      speakerId: kind === "heading" ? null : v.speakerId,
      ...contentSearch(kind, t, name, v.text),
      date: t.date,
    };
    if (current) {
      await repo.updateSpeech(tx, t.id, speechId, { ...values, paragraphs: null });
    } else {
      const taken = await repo.speechAtPosition(tx, t.id, v.position);
      if (taken) throw fail.conflict("another row holds this speech's position");
      await repo.insertSpeechRows(tx, [
        {
          transcriptId: t.id,
          id: speechId,
          position: v.position,
          kind: "speech",
          colon: t.language === "en" ? ":" : "：",
          ...values,
        },
      ]);
    }
    const next = await recordVersion(tx, {
      transcriptId: t.id,
      speechId,
      action: "restore",
      position: v.position,
      speakerId: values.speakerId,
      text: v.text,
      personId: actor.personId,
      now,
    });
    return {
      value: { id: speechId, text: v.text, speaker: name, version: next, restoredFrom: version },
      audit: [
        {
          action: "transcript.review.restore",
          entityType: "transcript",
          entityId: t.id,
          after: { speechId, restoredFrom: version, version: next, reinserted: !current },
        },
      ],
    };
  });
}
