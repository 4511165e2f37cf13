import type { Db, Queryable } from "../../../platform/db/database.ts";
import type { Clock } from "../../../platform/clock/index.ts";

/** What the petition use cases need. */
export interface PetitionsDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  /**
   * The collaborative meeting cases that link a petition (composed by the app from the cases
   * module, which depends on this one): the petition's page links back to them. Read through the
   * handle given (the caller's transaction, where there is one).
   */
  linkedCases?: (
    db: Queryable,
    petitionId: string,
  ) => Promise<Array<{ number: number; title: string; stage: string }>>;
}
