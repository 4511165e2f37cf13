import { holds, isPdis, type Actor } from "./actor.ts";

/** Actions on the directory that need more than the public's rights. */
export type DirectoryAction =
  | { do: "manage-orgs" }
  | { do: "manage-people" }
  | { do: "manage-memberships"; agencyId: string }
  | { do: "invite-po"; agencyId: string }
  | { do: "set-authorisation"; agencyId: string }
  | { do: "file-roster"; agencyId: string }
  | { do: "manage-resources"; agencyId: string | null }
  | { do: "see-private-person"; personId: string }
  | { do: "browse-audit" };

/** Pure rule: may this actor do this? */
export function can(actor: Actor, action: DirectoryAction): boolean {
  if (actor.isAdmin) return true;
  switch (action.do) {
    case "manage-orgs":
    case "browse-audit":
      return false;
    case "manage-people":
      return isPdis(actor);
    case "manage-memberships":
      return isPdis(actor) || holds(actor, "supervisor", action.agencyId);
    case "invite-po":
      return isPdis(actor) || holds(actor, "supervisor", action.agencyId);
    case "set-authorisation":
      return holds(actor, "supervisor", action.agencyId);
    case "file-roster":
      return (
        isPdis(actor) ||
        holds(actor, "supervisor", action.agencyId) ||
        actor.grants.some(
          (g) => g.role === "po" && g.agencyId === action.agencyId && g.tags.includes("lead-po"),
        )
      );
    case "manage-resources":
      return isPdis(actor) || (action.agencyId !== null && holds(actor, "po", action.agencyId));
    case "see-private-person":
      return actor.personId === action.personId || isPdis(actor);
  }
}
