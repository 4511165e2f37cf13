import type { Queryable } from "../../../platform/db/database.ts";
import { fail } from "../../../platform/http/errors.ts";
import { isPdis, type Actor } from "../../directory/index.ts";
import * as repo from "../repository.ts";

/** PDIS runs the network's meetings (monthly and quarterly); admins act for it. */
export function runsNetworkMeetings(actor: Actor): boolean {
  return actor.isAdmin || isPdis(actor);
}

/** Loads a meeting (404 otherwise), optionally locked. */
export async function loadMeeting(db: Queryable, id: string, lock: "update" | "share" | null = null) {
  const m = await repo.findMeeting(db, id, lock);
  if (!m) throw fail.notFound();
  return m;
}

/** Loads a meeting the actor organises, locked for update (403/404 otherwise). */
export async function loadForOrganiser(db: Queryable, actor: Actor, id: string) {
  const m = await loadMeeting(db, id, "update");
  if (!runsNetworkMeetings(actor)) throw fail.forbidden();
  return m;
}

/** Candidates that take part in the vote of a meeting (not withdrawn). */
export const inVote = (c: { state: string }) => c.state !== "withdrawn";
