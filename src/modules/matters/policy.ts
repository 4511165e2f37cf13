import { isPdis, type Actor } from "../directory/index.ts";
import type { MatterState, MatterVisibility, RefusalLevel } from "./tables.ts";

/** What the policy needs to know about a matter. */
export interface MatterAccess {
  visibility: MatterVisibility;
  state: MatterState;
  /** Every agency of the matter (lead, co-organisers, related): their POs coordinate it. */
  agencyIds: readonly string[];
  /** People currently in the case working group. */
  memberIds: readonly string[];
}

/** A unit as the refusal rules see it. */
export interface UnitRef {
  unitId: string;
  agencyId: string;
}

/** Actions on matters. */
export type MatterAction =
  | { do: "create" }
  | { do: "read"; matter: MatterAccess }
  | { do: "manage"; matter: MatterAccess }
  | { do: "speak-for-unit"; unit: UnitRef }
  | { do: "decide-refusal"; level: RefusalLevel; matter: MatterAccess }
  | { do: "manage-members"; matter: MatterAccess };

/** True when the actor holds any network role (staff, PO, supervisor, PDIS) or is an admin. */
export const hasNetworkRole = (actor: Actor) => actor.isAdmin || actor.grants.length > 0;

/** True when the actor is a PO of one of the matter's agencies: a coordinating PO of the matter. */
export const isCoordinatingPo = (actor: Actor, matter: MatterAccess) =>
  actor.grants.some((g) => g.role === "po" && matter.agencyIds.includes(g.agencyId));

/** True when the actor is in the matter's working group while the matter is open. */
export const isActiveMember = (actor: Actor, matter: MatterAccess) =>
  matter.state === "open" && actor.personId !== null && matter.memberIds.includes(actor.personId);

/** Pure rule: may this actor do this? */
export function can(actor: Actor, action: MatterAction): boolean {
  switch (action.do) {
    case "read":
      // Network matters are never shown to the public: callers answer 404, not 403.
      return (
        action.matter.visibility === "public" || hasNetworkRole(actor) || isActiveMember(actor, action.matter)
      );
    case "create":
      return hasNetworkRole(actor);
    case "manage":
      return actor.isAdmin || isPdis(actor) || isCoordinatingPo(actor, action.matter);
    case "speak-for-unit":
      // The refusing unit's side: its staff, its agency's PO, or an admin.
      return (
        actor.isAdmin ||
        actor.grants.some(
          (g) =>
            (g.role === "unit-staff" && g.orgId === action.unit.unitId) ||
            (g.role === "po" && g.agencyId === action.unit.agencyId),
        )
      );
    case "decide-refusal":
      if (actor.isAdmin) return true; // the operator acts for the supervising minister's office
      if (action.level === "po") return isCoordinatingPo(actor, action.matter);
      if (action.level === "pdis") return isPdis(actor);
      return false;
    case "manage-members":
      return actor.isAdmin || isCoordinatingPo(actor, action.matter);
  }
}
