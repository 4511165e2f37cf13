import type { Queryable } from "../../../platform/db/database.ts";
import { presentCommitmentSummary, presentDecision } from "../presenter.ts";
import * as repo from "../repository.ts";
import { labelsFor } from "./shared.ts";

/** A case's commitments by due date and the chair's latest decision on it (the case's page and API). */
export async function commitmentsOfCase(db: Queryable, caseId: string) {
  const rows = await repo.listCommitments(db, { caseId, limit: 500 });
  const labels = await labelsFor(db, rows);
  const decision = await repo.latestDecisionOfCase(db, caseId);
  return {
    items: rows.map((c) => presentCommitmentSummary(c, labels)),
    decision: decision ? presentDecision(decision) : null,
  };
}

/** A petition's commitments by due date (the petition's page and API). */
export async function commitmentsOfPetition(db: Queryable, petitionId: string) {
  const rows = await repo.listCommitments(db, { petitionId, limit: 500 });
  const labels = await labelsFor(db, rows);
  return rows.map((c) => presentCommitmentSummary(c, labels));
}
