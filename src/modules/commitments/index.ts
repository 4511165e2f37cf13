// Public surface of the commitments module: other modules import only from here.
import type { Sweep } from "../../platform/jobs/index.ts";
import type { CommitmentsDeps } from "./use-cases/deps.ts";
import { sweepOverdueCommitments } from "./use-cases/sweep-overdue.ts";

export {
  commitments,
  commitmentUpdates,
  commitmentRevisions,
  trackingDecisionRows,
  commitmentStatuses,
  trackingDecisions,
} from "./tables.ts";
export type { CommitmentStatus, TrackingDecision } from "./tables.ts";
export type { CommitmentsDeps, MeetingRef } from "./use-cases/deps.ts";
export { commitmentErrors } from "./errors.ts";
export { nextStatuses } from "./policy.ts";
export { createCommitment, type CreateCommitmentInput } from "./use-cases/create-commitment.ts";
export { getCommitment } from "./use-cases/get-commitment.ts";
export { listCommitments } from "./use-cases/list-commitments.ts";
export { updateCommitment, type StatusUpdateInput } from "./use-cases/update-commitment.ts";
export { reviseCommitment, type ReviseCommitmentInput } from "./use-cases/revise-commitment.ts";
export { exportCommitments, commitmentsCsv } from "./use-cases/export-commitments.ts";
export { recentCommitmentUpdates } from "./use-cases/recent-updates.ts";
export { recordDecision, type DecisionInput } from "./use-cases/record-decision.ts";
export { trackingList } from "./use-cases/tracking-list.ts";
export { commitmentsOfCase, commitmentsOfPetition } from "./use-cases/commitments-of.ts";
export { sweepOverdueCommitments } from "./use-cases/sweep-overdue.ts";
export { commitmentRoutes } from "./routes.ts";

/** The sweep that flags commitments past their due date and tells their agencies (urgent). */
export function commitmentOverdueSweep(deps: Omit<CommitmentsDeps, "clock" | "meetingOf">): Sweep {
  return {
    name: "commitments",
    run: async (now) => sweepOverdueCommitments({ ...deps, clock: { now: () => now } }),
  };
}
