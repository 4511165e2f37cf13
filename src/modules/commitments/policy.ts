import { holds, isPdis, type Actor } from "../directory/index.ts";

/** PDIS and admins: they run the network's meetings and may act on any commitment. */
export const isStaff = (actor: Actor) => actor.isAdmin || isPdis(actor);

/**
 * May the actor post a status update on a commitment: the owner agency's POs, the organisers of the
 * case it comes from (its lead and co-organising agencies' POs), PDIS and admins.
 */
export function mayUpdate(actor: Actor, c: { ownerAgencyId: string; caseOrganiser: boolean }): boolean {
  return isStaff(actor) || c.caseOrganiser || holds(actor, "po", c.ownerAgencyId);
}

/**
 * May the actor move a commitment's due date, once they answer for its sources: not when they are a
 * PO of the agency that owns it (before or after the revision) — unless they are PDIS or an admin. An
 * owner agency does not set its own deadline; it posts status updates instead.
 */
export function mayMoveDueDate(actor: Actor, ownerAgencyIds: string[]): boolean {
  return isStaff(actor) || !ownerAgencyIds.some((a) => holds(actor, "po", a));
}

/** May the actor record the chair's decision on a tracked case: whoever runs the meeting (PDIS, admins). */
export const mayDecide = (actor: Actor) => isStaff(actor);

/** Statuses a commitment may move to from its current one (the same status is a progress note). */
export function nextStatuses(status: string): string[] {
  switch (status) {
    case "open":
      return ["open", "in-progress", "done", "dropped"];
    case "in-progress":
      return ["in-progress", "done", "dropped"];
    default:
      return [];
  }
}
