import type { Db } from "../../../platform/db/database.ts";
import type { Clock } from "../../../platform/clock/index.ts";

/** What the review-then-publish use cases need. */
export interface ReviewDeps {
  db: Db;
  clock: Clock;
  /** The site's address, for the personal review links e-mailed to speakers. */
  publicUrl: string;
  /** SESSION_SECRET: keys the digests of review-link tokens (as for sign-in links). */
  secret: string;
}
