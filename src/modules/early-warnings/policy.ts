import { holds, isPdis, type Actor } from "../directory/index.ts";

/** What the policy needs to know about a warning. */
export interface WarningAccess {
  /** Null when the system raised it. */
  raisedBy: string | null;
  /** The affected agencies: their supervisors see the warning. */
  agencyIds: readonly string[];
}

/** Actions on early warnings. */
export type WarningAction =
  | { do: "raise" }
  | { do: "browse" }
  | { do: "read"; warning: WarningAccess }
  | { do: "comment"; warning: WarningAccess }
  | { do: "manage"; warning: WarningAccess }
  | { do: "answer"; warning: WarningAccess };

/** Admins, PDIS and POs of any agency see every warning. */
export const seesAllWarnings = (actor: Actor) => actor.isAdmin || isPdis(actor) || holds(actor, "po");

/** The agencies the actor supervises (督導). */
export const supervisedAgencyIds = (actor: Actor) => [
  ...new Set(actor.grants.filter((g) => g.role === "supervisor").map((g) => g.agencyId)),
];

const isRaiser = (actor: Actor, w: WarningAccess) => actor.personId !== null && actor.personId === w.raisedBy;
const affects = (actor: Actor, role: "po" | "supervisor", w: WarningAccess) =>
  actor.grants.some((g) => g.role === role && w.agencyIds.includes(g.agencyId));

/** Pure rule: may this actor do this? Callers answer 404 (never 403) when `read` is refused. */
export function can(actor: Actor, action: WarningAction): boolean {
  switch (action.do) {
    case "raise":
    case "browse":
      return seesAllWarnings(actor) || holds(actor, "supervisor");
    case "read":
    case "comment":
      // The raiser keeps sight of their own warning (e.g. a supervisor raising one about another agency).
      return (
        seesAllWarnings(actor) ||
        isRaiser(actor, action.warning) ||
        affects(actor, "supervisor", action.warning)
      );
    case "manage":
      // Merge and convert: the raiser, POs and supervisors of an affected agency, PDIS, admins.
      return (
        actor.isAdmin ||
        isPdis(actor) ||
        isRaiser(actor, action.warning) ||
        affects(actor, "po", action.warning) ||
        affects(actor, "supervisor", action.warning)
      );
    case "answer":
      return actor.isAdmin || isPdis(actor) || isRaiser(actor, action.warning);
  }
}
