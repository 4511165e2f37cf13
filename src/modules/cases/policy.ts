import { holds, isPdis, type Actor } from "../directory/index.ts";
import type { RoleRow } from "./repository.ts";

/** May the actor organise the case: PDIS, admins, and the POs of its lead and co-organising agencies. */
export function isCaseOrganiser(actor: Actor, roles: RoleRow[]): boolean {
  if (actor.isAdmin || isPdis(actor)) return true;
  return roles.some(
    (r) => (r.kind === "lead" || r.kind === "co-organiser") && !!r.agencyId && holds(actor, "po", r.agencyId),
  );
}

/** May the actor invite stakeholders for this agency: the case's organisers or that agency's POs. */
export function mayInviteFor(actor: Actor, roles: RoleRow[], agencyId: string): boolean {
  return isCaseOrganiser(actor, roles) || holds(actor, "po", agencyId);
}

/** Livestream levels, lowest first: the effective mode is the lowest anyone allows. */
export const livestreamOrder = ["none", "record", "live"] as const;

/** The livestream actually allowed: the organisers' request, capped by every attendee's consent. */
export function effectiveLivestream(
  requested: (typeof livestreamOrder)[number],
  consents: Array<(typeof livestreamOrder)[number]>,
): (typeof livestreamOrder)[number] {
  let level = livestreamOrder.indexOf(requested);
  for (const c of consents) level = Math.min(level, livestreamOrder.indexOf(c));
  return livestreamOrder[level]!;
}
