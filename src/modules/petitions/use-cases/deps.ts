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
  /**
   * The public commitments made in answer to a petition (composed by the app from the commitments
   * module, which depends on this one): the petition's page lists them. Read through the handle given.
   */
  linkedCommitments?: (
    db: Queryable,
    petitionId: string,
  ) => Promise<
    Array<{
      id: string;
      text: string;
      dueOn: string;
      status: string;
      overdue: boolean;
      url: string;
      ownerAgency: { id: string; slug: string; name: { "zh-TW": string; en: string } } | null;
    }>
  >;
}
