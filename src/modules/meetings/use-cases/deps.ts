import type { Db } from "../../../platform/db/database.ts";
import type { Clock } from "../../../platform/clock/index.ts";

/** What the meeting use cases need. */
export interface MeetingsDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  /** SESSION_SECRET: keys the digests of ballot-link tokens (as for review links). */
  secret: string;
}
