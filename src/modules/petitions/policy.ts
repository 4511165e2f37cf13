import { holds, isPdis, type Actor } from "../directory/index.ts";

/** What the policy needs to know about a petition: its agencies by role. */
export interface PetitionAccess {
  lead: readonly string[];
  co: readonly string[];
  related: readonly string[];
  named: readonly string[];
}

/** Actions on petitions. */
export type PetitionAction =
  | { do: "manage" }
  | { do: "see-internal"; petition: PetitionAccess }
  | { do: "answer"; petition: PetitionAccess }
  | { do: "update"; petition: PetitionAccess }
  | { do: "follow" };

/**
 * Pure rule: may this actor do this?
 * - manage (enter, import, record endorsements, assign agencies, settings): PDIS and admins;
 * - answer (handling plan, response, extension): the lead agency's POs, PDIS, admins;
 * - update (follow-up updates): the lead and co-organising agencies' POs, PDIS, admins;
 * - see-internal (escalations, draft responses, internal timeline entries): POs of any agency, PDIS,
 *   admins, and supervisors of an agency on the petition;
 * - follow: anyone signed in.
 */
export function can(actor: Actor, action: PetitionAction): boolean {
  const staff = actor.isAdmin || isPdis(actor);
  switch (action.do) {
    case "manage":
      return staff;
    case "answer":
      return staff || action.petition.lead.some((a) => holds(actor, "po", a));
    case "update":
      return staff || [...action.petition.lead, ...action.petition.co].some((a) => holds(actor, "po", a));
    case "see-internal": {
      if (staff || holds(actor, "po")) return true;
      const p = action.petition;
      return [...p.lead, ...p.co, ...p.related, ...p.named].some((a) => holds(actor, "supervisor", a));
    }
    case "follow":
      return actor.personId !== null;
  }
}
