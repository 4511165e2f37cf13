import type { Db } from "../../../platform/db/database.ts";
import type { Clock } from "../../../platform/clock/index.ts";

/** What the petition use cases need. */
export interface PetitionsDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
}
