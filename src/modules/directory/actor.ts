/** What a person holds in the network, as used by every policy. */
export interface Grant {
  role: "unit-staff" | "po" | "supervisor" | "pdis";
  orgId: string;
  /** The agency the grant belongs to (a unit's agency for unit staff). */
  agencyId: string;
  tags: string[];
}

/** Who is acting: a signed-in person with their grants, or the public. */
export interface Actor {
  personId: string | null;
  name: string | null;
  email: string | null;
  isAdmin: boolean;
  grants: Grant[];
}

/** The anonymous public. */
export const publicActor: Actor = { personId: null, name: null, email: null, isAdmin: false, grants: [] };

/** A system actor for CLI and sweeps: acts as admin, recorded with no person. */
export const systemActor: Actor = { personId: null, name: "system", email: null, isAdmin: true, grants: [] };

/** True when the actor holds the role (optionally for one agency). */
export function holds(actor: Actor, role: Grant["role"], agencyId?: string): boolean {
  return actor.grants.some((g) => g.role === role && (!agencyId || g.agencyId === agencyId));
}

/** True for PDIS staff. */
export const isPdis = (actor: Actor) => holds(actor, "pdis");

/** The product's role names the actor holds, for display: public, participant, staff, po, supervisor, pdis, admin. */
export function roleNames(actor: Actor): string[] {
  if (!actor.personId && !actor.isAdmin) return ["public"];
  const names = new Set<string>();
  for (const g of actor.grants) names.add(g.role === "unit-staff" ? "staff" : g.role);
  if (actor.isAdmin) names.add("admin");
  if (names.size === 0) names.add("participant");
  return [...names];
}
