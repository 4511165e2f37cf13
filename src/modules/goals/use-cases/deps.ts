import type { Db } from "../../../platform/db/database.ts";
import type { Clock } from "../../../platform/clock/index.ts";

/** What the goals use cases need. */
export interface GoalsDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
}
