import type { Db } from "../../../platform/db/database.ts";
import type { Clock } from "../../../platform/clock/index.ts";

/** What the help-request use cases need. */
export interface HelpDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
}
