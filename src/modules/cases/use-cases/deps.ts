import type { Db, Queryable } from "../../../platform/db/database.ts";
import type { Clock } from "../../../platform/clock/index.ts";

/** What the case use cases need. */
export interface CasesDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  /**
   * The commitments of a case and the chair's latest decision on it at a monthly meeting (composed by
   * the app from the commitments module, which depends on this one): shown on the case.
   */
  commitmentsOf?: (caseId: string) => Promise<CaseCommitments>;
  /**
   * A meeting's date, start time and place (composed by the app from the meetings module, which
   * depends on this one); null when there is none. Reads through the handle it is given, so it is safe
   * inside a transaction. Without it the handbook shows the collaborative-meeting stage's due date.
   */
  meetingOf?: (db: Queryable, meetingId: string) => Promise<CaseMeeting | null>;
}

/** A meeting as the issue handbook shows it. */
export interface CaseMeeting {
  id: string;
  title: string;
  date: string;
  startTime: string;
  location: string | null;
}

/** A case's commitments as the case shows them (the commitments module's public summaries). */
export interface CaseCommitments {
  items: Array<{
    id: string;
    text: string;
    dueOn: string;
    status: string;
    overdue: boolean;
    url: string;
    ownerAgency: { id: string; slug: string; name: { "zh-TW": string; en: string } } | null;
  }>;
  decision: {
    decision: string;
    note: string | null;
    decidedAt: string;
    meeting: { id: string; url: string };
  } | null;
}

/** Seat caps at a collaborative meeting (product brief, "Numbers at a glance"). */
export const SEAT_CAPS = { perInvitingAgency: 5, coSigners: 5, otherStakeholders: 10 } as const;
/** Days an agency that led a collaborative meeting is not made lead again without its consent. */
export const LEAD_COOLDOWN_DAYS = 45;
