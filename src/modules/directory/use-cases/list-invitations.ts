import * as repo from "../repository.ts";
import { presentInvitation } from "../presenter.ts";
import type { Actor } from "../actor.ts";
import { can } from "../policy.ts";
import { fail } from "../../../platform/http/errors.ts";
import type { DirectoryDeps } from "./deps.ts";

/** Invitations of the signed-in person, or of an agency for those who may invite there. */
export async function listInvitations(
  deps: DirectoryDeps,
  actor: Actor,
  by: { mine?: boolean; agencyId?: string; state?: "pending" | "accepted" | "declined" | "withdrawn" },
) {
  if (by.agencyId) {
    const agency = await repo.findOrg(deps.db, by.agencyId);
    if (!agency) throw fail.notFound();
    if (!can(actor, { do: "invite-po", agencyId: agency.id })) throw fail.forbidden();
    by = { ...by, agencyId: agency.id };
  } else {
    if (!actor.personId) throw fail.unauthenticated();
  }
  const rows = await repo.listInvitations(deps.db, {
    personId: by.agencyId ? undefined : (actor.personId ?? undefined),
    agencyId: by.agencyId,
    state: by.state,
  });
  const [agencies, names] = await Promise.all([
    repo.orgsByIds(
      deps.db,
      rows.map((r) => r.agencyId),
    ),
    repo.personLabels(
      deps.db,
      rows.map((r) => r.personId),
    ),
  ]);
  return rows.map((r) => presentInvitation(r, agencies.get(r.agencyId)!, names.get(r.personId)!.name));
}
