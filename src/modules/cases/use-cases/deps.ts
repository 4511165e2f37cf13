import type { Db } from "../../../platform/db/database.ts";
import type { Clock } from "../../../platform/clock/index.ts";

/** What the case use cases need. */
export interface CasesDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
}

/** Seat caps at a collaborative meeting (product brief, "Numbers at a glance"). */
export const SEAT_CAPS = { perInvitingAgency: 5, coSigners: 5, otherStakeholders: 10 } as const;
/** Days an agency that led a collaborative meeting is not made lead again without its consent. */
export const LEAD_COOLDOWN_DAYS = 45;
