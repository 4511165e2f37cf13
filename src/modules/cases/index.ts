// Public surface of the cases module.
import type { Queryable } from "../../platform/db/database.ts";
import type { Actor } from "../directory/index.ts";
import * as repo from "./repository.ts";
import { isCaseOrganiser } from "./policy.ts";
import type { CaseStage } from "./tables.ts";

export {
  cases,
  caseStageRows,
  caseRoles,
  caseSeats,
  caseEvidence,
  caseEvents,
  caseNumberCounter,
  caseStages,
  caseRoleKinds,
  seatCategories,
  livestreamConsents,
  evidenceAudiences,
  caseAnalysisRows,
  caseStakeholders,
  caseInterviews,
  caseMindMapNodes,
  caseChallengeVersions,
  claimKinds,
  stakeholderKinds,
  influenceLevels,
} from "./tables.ts";
export type { CaseStage, CaseRoleKind, SeatCategory, LivestreamConsent } from "./tables.ts";
export type { CasesDeps, CaseCommitments, CaseMeeting } from "./use-cases/deps.ts";
export { SEAT_CAPS, LEAD_COOLDOWN_DAYS } from "./use-cases/deps.ts";
export { caseErrors } from "./errors.ts";
export { openCase, type OpenCaseInput } from "./use-cases/open-case.ts";
export { createSelfProposedCase } from "./use-cases/create-self-proposed-case.ts";
export { getCase } from "./use-cases/get-case.ts";
export { listCases } from "./use-cases/list-cases.ts";
export { advanceStage } from "./use-cases/advance-stage.ts";
export { updateStage } from "./use-cases/update-stage.ts";
export { updateCase } from "./use-cases/update-case.ts";
export { addRole, removeRole } from "./use-cases/manage-roles.ts";
export { addSeat, withdrawSeat, setSeatConsent, listSeats } from "./use-cases/manage-seats.ts";
export { recordEvidence, releaseCase } from "./use-cases/release-case.ts";
export { getResearch } from "./use-cases/get-research.ts";
export { addResearchEntry, removeResearchEntry, updateResearchEntry } from "./use-cases/manage-research.ts";
export { setChallengeStatement } from "./use-cases/set-challenge-statement.ts";
export { getHandbook } from "./use-cases/get-handbook.ts";
export { publishHandbook } from "./use-cases/publish-handbook.ts";
export { handbookTimingWarning } from "./presenter.ts";
export type { ResearchKind } from "./repository.ts";
export { effectiveLivestream } from "./policy.ts";
export { caseRoutes } from "./routes.ts";

/** Cases created from these candidates, by candidate (for the meetings module). */
export const casesOfCandidates = (db: Queryable, candidateIds: string[]) =>
  repo.casesOfCandidates(db, candidateIds);
/** Self-proposed cases selected in [from, to) (a monthly meeting's agenda). */
export const selfProposedBetween = (db: Queryable, from: Date, to: Date) =>
  repo.selfProposedBetween(db, from, to);
/** Cases that link a petition, by number (the petition's page links back to them). */
export const casesOfPetition = (db: Queryable, petitionId: string) => repo.casesOfPetition(db, petitionId);
/** The cases whose meeting record is this transcript (the transcript's page links back to them). */
export const casesOfTranscript = (db: Queryable, slug: string) => repo.casesOfTranscript(db, slug);
/** Tracked cases by number (a monthly meeting's agenda). */
export const trackedCases = (db: Queryable) => repo.trackedCases(db);

/** A case as another module links to it: id, number, and whether the actor organises it. */
export async function caseForLink(db: Queryable, actor: Actor, number: number) {
  const c = await repo.findCaseByNumber(db, number);
  if (!c) return null;
  const roles = await repo.listRoles(db, [c.id]);
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    stage: c.stage,
    organiser: isCaseOrganiser(actor, roles),
  };
}
/** Records the meeting held for one of a case's stages (the meetings module, in its transaction). */
export const linkStageMeeting = (db: Queryable, caseId: string, stage: CaseStage, meetingId: string) =>
  repo.updateStage(db, caseId, stage, { meetingId });
/** Case numbers by id, for links back from meetings. */
export const caseNumbers = (db: Queryable, ids: string[]) => repo.caseNumbers(db, ids);
/** Cases by id as other modules show them: number, title, stage and lead agency id, by number. */
export const caseRefs = (db: Queryable, ids: string[]) => repo.caseRefs(db, ids);
export { caseSearchPart, ensureCaseSearch } from "./search-source.ts";
