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

/** Days before the collaborative meeting that the issue handbook is published (product brief: 2–3). */
export const HANDBOOK_LEAD_DAYS = { min: 2, max: 3 } as const;

/**
 * How publishing the handbook on `today` fits the meeting on `meetingOn` (both Taipei dates): the days
 * between them and whether that is the 2–3 days asked for. Unknown when the meeting has no date yet.
 * A warning, not a refusal: meetings move, and a late handbook is better than none.
 */
export function handbookTiming(
  today: string,
  meetingOn: string | null,
): { daysBefore: number | null; onTime: boolean | null } {
  if (!meetingOn) return { daysBefore: null, onTime: null };
  const days = Math.round(
    (Date.parse(`${meetingOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  return { daysBefore: days, onTime: days >= HANDBOOK_LEAD_DAYS.min && days <= HANDBOOK_LEAD_DAYS.max };
}

/** May the actor read the issue handbook: everyone once it is published, its organisers before (a preview). */
export function mayReadHandbook(actor: Actor, roles: RoleRow[], publishedAt: Date | null): boolean {
  return !!publishedAt || isCaseOrganiser(actor, roles);
}

/** Would the mind-map node `id` move under one of its own descendants (or itself)? */
export function makesCycle(
  nodes: Array<{ id: string; parentId: string | null }>,
  id: string,
  newParentId: string | null,
): boolean {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  for (let at = newParentId, steps = 0; at && steps <= nodes.length; at = parentOf.get(at) ?? null, steps++)
    if (at === id) return true;
  return false;
}
