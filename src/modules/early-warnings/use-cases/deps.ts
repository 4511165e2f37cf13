import type { Db } from "../../../platform/db/database.ts";
import type { Clock } from "../../../platform/clock/index.ts";

/** What the early-warnings use cases need. */
export interface EarlyWarningsDeps {
  db: Db;
  clock: Clock;
  /** For links in notifications. */
  publicUrl: string;
}
