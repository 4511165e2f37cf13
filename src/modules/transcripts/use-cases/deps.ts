import type { Db } from "../../../platform/db/database.ts";
import type { Clock } from "../../../platform/clock/index.ts";

/** What the transcripts module's use cases need. */
export interface TranscriptsDeps {
  db: Db;
  clock: Clock;
}
