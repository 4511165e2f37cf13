import { fail } from "../../../platform/http/errors.ts";
import { writeAudited, type AuditEntry } from "../../audit/index.ts";
import { reviewError } from "../review-errors.ts";
import * as repo from "../review-repository.ts";
import type { ReviewDeps } from "./review-deps.ts";
import type { ReviewLink } from "./own-speech.ts";
import { publishTranscript, resolveLink, reviewOpen } from "./review-shared.ts";

/**
 * A speaker marks their review done. When that makes every speaker done and no `publish_not_before`
 * lies ahead, the transcript publishes at once, in the same transaction (early publication).
 */
export async function markReviewDone(deps: ReviewDeps, link: ReviewLink) {
  const p0 = await resolveLink(deps, link);
  const now = deps.clock.now();
  return writeAudited(deps.db, { personId: p0.personId }, async (tx) => {
    const t = await repo.findTranscriptById(tx, p0.transcriptId, true);
    const p = await repo.findParticipant(tx, p0.transcriptId, p0.id);
    if (!t || !p || p.tokenDigest !== p0.tokenDigest) throw fail.notFound();
    if (!reviewOpen(t, now)) throw reviewError("review_closed");
    await repo.markParticipantDone(tx, p.id, now);
    const audit: [AuditEntry, ...AuditEntry[]] = [
      {
        action: "transcript.review.done",
        entityType: "transcript",
        entityId: t.id,
        subjectIds: p.personId ? [p.personId] : [],
        after: { participantId: p.id, doneAt: (p.doneAt ?? now).toISOString() },
      },
    ];
    let published = false;
    const mayPublish = !t.publishNotBefore || t.publishNotBefore <= now;
    if (mayPublish && (await repo.everyoneDone(tx, t.id))) {
      audit.push(await publishTranscript(tx, { now, publicUrl: deps.publicUrl }, t, "everyone-done"));
      published = true;
    }
    return { value: { done: true as const, doneAt: (p.doneAt ?? now).toISOString(), published }, audit };
  });
}
