import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { holds, isUuid, type Actor } from "../../directory/index.ts";
import * as repo from "../repository.ts";
import { bodies } from "../schema.ts";
import type { GoalsDeps } from "./deps.ts";
import { checklistOf } from "./get-checklist.ts";
import { parseChecklistItem } from "./set-checklist-item.ts";
import { loadCaseRef, parseInput } from "./shared.ts";

/**
 * The reviewing agency's word on one item: agree, or concerns with a comment. Only the POs of an
 * agency the organisers asked may write it (403 for anyone else, 404 when that agency was not asked).
 */
export async function reviewChecklistItem(
  deps: GoalsDeps,
  actor: Actor,
  rawNumber: string | number,
  agencyId: string,
  rawItem: string,
  raw: unknown,
) {
  const item = parseChecklistItem(rawItem);
  const input = parseInput(bodies.review, raw);
  if (!isUuid(agencyId)) throw fail.invalid("agencyId", "must be an agency id");
  if (input.verdict === "concerns" && !input.comment)
    throw fail.invalid("comment", "say what the concern is");
  const now = deps.clock.now();
  return writeAudited(deps.db, actor, async (tx) => {
    const c = await loadCaseRef(tx, actor, rawNumber);
    const request = await repo.findReviewRequest(tx, c.id, agencyId);
    if (!request) throw fail.notFound();
    if (!holds(actor, "po", agencyId)) throw fail.forbidden();
    const review = await repo.upsertReview(tx, {
      requestId: request.id,
      item,
      verdict: input.verdict,
      comment: input.comment || null,
      reviewerId: actor.personId,
      at: now,
    });
    return {
      value: await checklistOf(tx, actor, c.number),
      audit: [{ action: "case.checklist-review", entityType: "case", entityId: c.id, after: review }],
    };
  });
}
