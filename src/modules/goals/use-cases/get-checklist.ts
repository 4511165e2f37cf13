import type { Queryable } from "../../../platform/db/database.ts";
import { holds, type Actor } from "../../directory/index.ts";
import { presentChecklist } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { GoalsDeps } from "./deps.ts";
import { labelsFor, loadCaseRef } from "./shared.ts";

/** Reads a case's checklist with its reviews (inside a transaction or not). */
export async function checklistOf(db: Queryable, actor: Actor, rawNumber: string | number) {
  const c = await loadCaseRef(db, actor, rawNumber);
  const [rows, requests] = await Promise.all([
    repo.listChecklist(db, c.id),
    repo.listReviewRequests(db, c.id),
  ]);
  const reviews = await repo.listReviews(
    db,
    requests.map((q) => q.id),
  );
  const labels = await labelsFor(
    db,
    [
      ...rows.map((r) => r.updatedBy),
      ...requests.map((q) => q.requestedBy),
      ...reviews.map((r) => r.reviewerId),
    ],
    requests.map((q) => q.reviewerAgencyId),
  );
  return presentChecklist(c, rows, requests, reviews, labels, {
    edit: c.organiser,
    reviewFor: requests.filter((q) => holds(actor, "po", q.reviewerAgencyId)).map((q) => q.reviewerAgencyId),
  });
}

/**
 * A case's practice checklist: the four items, who ticked each and when, and peer reviews. Public,
 * like the case itself: it records the organising agencies' practice, not a judgement of a person.
 */
export async function getChecklist(deps: GoalsDeps, actor: Actor, rawNumber: string | number) {
  return checklistOf(deps.db, actor, rawNumber);
}
