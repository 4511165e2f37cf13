import type { Db } from "../../../platform/db/database.ts";
import type { Clock } from "../../../platform/clock/index.ts";

/** What the directory's use cases need. */
export interface DirectoryDeps {
  db: Db;
  clock: Clock;
}
