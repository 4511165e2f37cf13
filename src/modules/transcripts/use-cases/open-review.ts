import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { dueAfterWorkingDays } from "../../calendar/index.ts";
import type { Actor } from "../../directory/index.ts";
import { reviewError } from "../review-errors.ts";
import * as repo from "../review-repository.ts";
import { getDraft } from "./get-draft.ts";
import type { ReviewDeps } from "./review-deps.ts";
import {
  REVIEW_WINDOW_WORKING_DAYS,
  issueReviewLink,
  requireReviewManager,
  unmappedSpeakers,
} from "./review-shared.ts";

/**
 * Opens a draft's review: every speaker must be mapped (else 409 naming those who are not). The window
 * ends at the end (Asia/Taipei) of the 10th working day after today on the working-day calendar; each
 * speaker is e-mailed a personal link that needs no account. PDIS and administrators only.
 */
export async function openReview(deps: ReviewDeps, actor: Actor, slug: string) {
  requireReviewManager(actor);
  const now = deps.clock.now();
  const due = await dueAfterWorkingDays({ db: deps.db, clock: deps.clock }, now, REVIEW_WINDOW_WORKING_DAYS);
  const reviewEndsAt = new Date(due.date);
  await writeAudited(deps.db, actor, async (tx) => {
    const t = await repo.findTranscriptBySlug(tx, slug, true);
    if (!t) throw fail.notFound();
    if (t.state !== "draft") throw reviewError("wrong_state", { state: t.state });
    const unmapped = await unmappedSpeakers(tx, t.id);
    if (unmapped.length)
      throw reviewError("speakers_unmapped", { names: unmapped.join(", ") }, "participants");
    const opened = await repo.updateTranscript(tx, t.id, {
      state: "in-review",
      reviewOpenedAt: now,
      reviewEndsAt,
      updatedAt: now,
    });
    const participants = await repo.listParticipants(tx, t.id);
    for (const p of participants) {
      await issueReviewLink(tx, deps, opened, p, now);
    }
    return {
      value: opened,
      audit: [
        {
          action: "transcript.review.open",
          entityType: "transcript",
          entityId: t.id,
          subjectIds: participants.flatMap((p) => (p.personId ? [p.personId] : [])),
          before: { state: "draft" },
          after: {
            state: "in-review",
            reviewEndsAt: reviewEndsAt.toISOString(),
            links: participants.length,
          },
        },
      ],
    };
  });
  return getDraft(deps, actor, slug);
}
