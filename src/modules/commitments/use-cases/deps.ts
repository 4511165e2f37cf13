import type { Db } from "../../../platform/db/database.ts";
import type { Clock } from "../../../platform/clock/index.ts";

/** A meeting as the commitments module needs it (composed by the app from the meetings module). */
export interface MeetingRef {
  id: string;
  kind: string;
  title: string;
  date: string;
  /** The case of a collaborative, prep or working meeting. */
  caseId: string | null;
}

/** What the commitment use cases need. */
export interface CommitmentsDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  /**
   * Looks a meeting up by id (the meetings module depends on this one, so the app composes it):
   * the meeting a commitment was made at, the monthly meeting of a chair's decision.
   */
  meetingOf?: (id: string) => Promise<MeetingRef | null>;
}
