// Public surface of the meetings module.
import type { Queryable } from "../../platform/db/database.ts";
import type { Sweep } from "../../platform/jobs/index.ts";
import { remindDueVoters } from "./use-cases/remind-voters.ts";
import type { MeetingsDeps } from "./use-cases/deps.ts";
import { closeDueBallots } from "./use-cases/close-ballot.ts";
import { findMeeting } from "./repository.ts";

export {
  meetings,
  meetingCandidates,
  meetingVoters,
  meetingAttendance,
  meetingBallots,
  meetingRounds,
  meetingVoteCounts,
  rotations,
  meetingKinds,
  candidateSources,
} from "./tables.ts";
export type { MeetingKind, CandidateSource, VotingRules } from "./tables.ts";
export type { MeetingsDeps } from "./use-cases/deps.ts";
export { meetingErrors } from "./errors.ts";
export { selectionCriteria, checkCriteria, petitionStanding } from "./criteria.ts";
export { countBallot, votesPerVoter, DEFAULT_RULES, type Tally } from "./tally.ts";
export { defaultMonthlyDate, defaultQuarterlyDate } from "./dates.ts";
export { createMeeting, scheduleNetworkMeeting } from "./use-cases/create-meeting.ts";
export { getMeeting } from "./use-cases/get-meeting.ts";
export { listMeetings } from "./use-cases/list-meetings.ts";
export { addCandidate, withdrawCandidate } from "./use-cases/add-candidate.ts";
export { issueBallots } from "./use-cases/issue-ballots.ts";
export { getBallot, castBallot } from "./use-cases/cast-ballot.ts";
export { recordAttendance, setRollCall } from "./use-cases/record-attendance.ts";
export { remindDueVoters } from "./use-cases/remind-voters.ts";
export { closeBallot, closeDueBallots, getTally, chooseTiedCandidate } from "./use-cases/close-ballot.ts";
export { getRotation, setRotation, takeTurn } from "./use-cases/rotations.ts";
export { meetingRoutes } from "./routes.ts";

/**
 * The ballot sweep: reminds voters who have not voted a day before a ballot closes, then closes the
 * ballots whose closing time has come.
 */
export function meetingBallotSweep(deps: Omit<MeetingsDeps, "clock">): Sweep {
  return {
    name: "meeting-ballots",
    run: async (now) => {
      const at = { ...deps, clock: { now: () => now } };
      return { reminded: await remindDueVoters(at), closed: await closeDueBallots(at) };
    },
  };
}

/** A meeting as other modules link to it (its id, kind, title and date); null when there is none. */
export async function meetingRef(db: Queryable, id: string) {
  const m = await findMeeting(db, id);
  return m ? { id: m.id, kind: m.kind, title: m.title, date: m.date, caseId: m.caseId } : null;
}

/**
 * A meeting's date, start time and place, as a case's issue handbook shows them; null when there is
 * none. Reads through the handle it is given (safe inside the caller's transaction).
 */
export async function meetingPlace(db: Queryable, id: string) {
  const m = await findMeeting(db, id);
  return m ? { id: m.id, title: m.title, date: m.date, startTime: m.startTime, location: m.location } : null;
}
