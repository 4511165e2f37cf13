import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { findOrg, membersOf, type Actor } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
import { goalError } from "../errors.ts";
import * as repo from "../repository.ts";
import { bodies } from "../schema.ts";
import type { GoalsDeps } from "./deps.ts";
import { checklistOf } from "./get-checklist.ts";
import { loadCaseRef, parseInput } from "./shared.ts";

/**
 * Asks another agency to peer-review a case's checklist (organisers). The agency must not organise
 * the case; its POs are told in their inbox.
 */
export async function requestChecklistReview(
  deps: GoalsDeps,
  actor: Actor,
  rawNumber: string | number,
  raw: unknown,
) {
  const input = parseInput(bodies.reviewRequest, raw);
  const agency = await findOrg(deps.db, input.agencyId);
  if (!agency || agency.kind !== "agency") throw fail.invalid("agencyId", "must be an agency");
  const now = deps.clock.now();
  return writeAudited(deps.db, actor, async (tx) => {
    const c = await loadCaseRef(tx, actor, rawNumber);
    if (!c.organiser) throw fail.forbidden();
    if ((await repo.organiserAgencyIds(tx, c.id)).includes(agency.id))
      throw goalError("reviewer_is_organiser", "agencyId");
    const request = await repo.insertReviewRequest(tx, {
      caseId: c.id,
      reviewerAgencyId: agency.id,
      note: input.note || null,
      requestedBy: actor.personId,
      requestedAt: now,
    });
    if (!request) throw goalError("review_exists", "agencyId");
    const pos = await membersOf(tx, agency.id, "po");
    await notify(
      tx,
      { now, publicUrl: deps.publicUrl },
      {
        recipientIds: pos.map((m) => m.personId),
        actorId: actor.personId,
        kind: "case.checklist-review-requested",
        title: {
          "zh-TW": `請檢視案件 ${c.number} 的實踐檢核表：${c.title}`,
          en: `Please review the practice checklist of case ${c.number}: ${c.title}`,
        },
        url: `/cases/${c.number}/checklist`,
      },
    );
    return {
      value: await checklistOf(tx, actor, c.number),
      audit: [
        { action: "case.checklist-review-request", entityType: "case", entityId: c.id, after: request },
      ],
    };
  });
}
