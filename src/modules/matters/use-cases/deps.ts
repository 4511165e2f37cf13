import type { Db } from "../../../platform/db/database.ts";
import type { Clock } from "../../../platform/clock/index.ts";

/** What the matters module's use cases need. */
export interface MattersDeps {
  db: Db;
  clock: Clock;
}
