import type { Actor } from "../directory/index.ts";

/** A goal's owner: one person, or one team (an agency or a unit). */
export interface GoalOwner {
  ownerPersonId: string | null;
  ownerOrgId: string | null;
}

/**
 * Is the actor a current member of the team: any active membership in that org, or (for an agency)
 * in one of its units. Ended memberships do not count.
 */
export function isTeamMember(actor: Actor, orgId: string): boolean {
  return actor.grants.some((g) => g.orgId === orgId || g.agencyId === orgId);
}

/** Owners of a goal: its person, or the team's current members. Admins are not owners. */
export function ownsGoal(actor: Actor, goal: GoalOwner): boolean {
  if (!actor.personId) return false;
  if (goal.ownerPersonId) return goal.ownerPersonId === actor.personId;
  return !!goal.ownerOrgId && isTeamMember(actor, goal.ownerOrgId);
}

/**
 * May the actor read the goal: owners always; a shared goal every signed-in person. A private goal is
 * invisible to everyone else, administrators included (they get 404, so its existence does not leak).
 */
export function maySeeGoal(actor: Actor, goal: GoalOwner & { visibility: string }): boolean {
  if (!actor.personId) return false;
  return ownsGoal(actor, goal) || goal.visibility === "shared";
}

/** Team ids the actor belongs to (orgs and their agencies), for listing team goals. */
export function teamIdsOf(actor: Actor): string[] {
  return [...new Set(actor.grants.flatMap((g) => [g.orgId, g.agencyId]))];
}
