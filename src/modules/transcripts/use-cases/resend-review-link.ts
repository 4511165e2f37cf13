import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { reviewError } from "../review-errors.ts";
import * as repo from "../review-repository.ts";
import { getDraft } from "./get-draft.ts";
import type { ReviewDeps } from "./review-deps.ts";
import { issueReviewLink, requireReviewManager } from "./review-shared.ts";

/** Sends a speaker a new personal link during review; the old link stops working. PDIS and admins. */
export async function resendReviewLink(deps: ReviewDeps, actor: Actor, slug: string, participantId: string) {
  requireReviewManager(actor);
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const t = await repo.findTranscriptBySlug(tx, slug, true);
    if (!t) throw fail.notFound();
    const p = (await repo.listParticipants(tx, t.id)).find((x) => x.id === participantId);
    if (!p) throw fail.notFound();
    if (t.state !== "in-review") throw reviewError("wrong_state", { state: t.state });
    await issueReviewLink(tx, deps, t, p, now);
    return {
      value: null,
      audit: [
        {
          action: "transcript.review.resend-link",
          entityType: "transcript",
          entityId: t.id,
          subjectIds: p.personId ? [p.personId] : [],
          after: { participantId: p.id, speaker: p.speakerName },
        },
      ],
    };
  });
  return getDraft(deps, actor, slug);
}
