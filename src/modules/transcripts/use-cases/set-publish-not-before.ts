import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { reviewError } from "../review-errors.ts";
import * as repo from "../review-repository.ts";
import { getDraft } from "./get-draft.ts";
import type { ReviewDeps } from "./review-deps.ts";
import { requireReviewManager } from "./review-shared.ts";

/**
 * Sets (or clears, with null) the earliest time a draft or a transcript in review may publish: a
 * prep-meeting transcript publishes at the later of its window's end and its collaborative meeting.
 * Set by hand until meetings exist as records. PDIS and administrators only.
 */
export async function setPublishNotBefore(deps: ReviewDeps, actor: Actor, slug: string, at: Date | null) {
  requireReviewManager(actor);
  if (at && Number.isNaN(at.getTime())) throw fail.invalid("publishNotBefore", "must be an ISO date-time");
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const t = await repo.findTranscriptBySlug(tx, slug, true);
    if (!t) throw fail.notFound();
    if (t.state === "published") throw reviewError("wrong_state", { state: t.state });
    await repo.updateTranscript(tx, t.id, { publishNotBefore: at, updatedAt: now });
    return {
      value: null,
      audit: [
        {
          action: "transcript.review.publish-not-before",
          entityType: "transcript",
          entityId: t.id,
          before: { publishNotBefore: t.publishNotBefore?.toISOString() ?? null },
          after: { publishNotBefore: at?.toISOString() ?? null },
        },
      ],
    };
  });
  return getDraft(deps, actor, slug);
}
