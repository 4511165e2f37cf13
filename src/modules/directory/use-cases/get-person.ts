import * as repo from "../repository.ts";
import { presentAuthorisation, presentOrgRef, presentPersonBase } from "../presenter.ts";
import { can } from "../policy.ts";
import type { Actor } from "../actor.ts";
import { fail } from "../../../platform/http/errors.ts";
import { recordRead } from "../../audit/index.ts";
import type { DirectoryDeps } from "./deps.ts";

/**
 * A person with their roles. People holding a network role are public (the contact directory);
 * anyone else is visible only to themselves, PDIS and admins, and such reads are audited.
 */
export async function getPerson(deps: DirectoryDeps, actor: Actor, personId: string) {
  const person = await repo.findPerson(deps.db, personId);
  if (!person) throw fail.notFound();
  const memberships = await repo.listMemberships(deps.db, { personId: person.id, includeEnded: true });
  const active = memberships.filter((m) => !m.endedAt);
  const isSelf = actor.personId === person.id;
  const privileged = can(actor, { do: "see-private-person", personId: person.id }) || actor.isAdmin;
  const isPublic = active.length > 0;
  if (!isPublic && !privileged) throw fail.notFound();
  if (!isPublic && !isSelf) await recordRead(deps.db, actor, "person", person.id, [person.id]);
  // Contact details are public for POs, supervisors and PDIS; staff contacts only for the network.
  const contactRole = active.some((m) => m.role !== "unit-staff");
  const inNetwork = actor.isAdmin || actor.grants.length > 0;
  const showContact = isSelf || privileged || contactRole || inNetwork;
  // Every org of the roles and the agencies above their units, in two queries.
  const orgsById = await repo.orgsByIds(
    deps.db,
    memberships.map((m) => m.orgId),
  );
  const parents = await repo.orgsByIds(
    deps.db,
    [...orgsById.values()].filter((o) => o.kind === "unit" && o.parentId).map((o) => o.parentId!),
  );
  const roles = [];
  for (const m of memberships) {
    // Ended roles are history: shown to the person and privileged readers only.
    if (m.endedAt && !(isSelf || privileged)) continue;
    const org = orgsById.get(m.orgId)!;
    const agency = org.kind === "unit" && org.parentId ? parents.get(org.parentId) : org;
    roles.push({
      membershipId: m.id,
      role: m.role,
      tags: m.tags,
      org: presentOrgRef(org),
      agency: presentOrgRef(agency ?? org),
      since: m.startedAt.toISOString(),
      endedAt: m.endedAt?.toISOString() ?? null,
    });
  }
  const poAgencyIds = [...new Set(active.filter((m) => m.role === "po").map((m) => m.orgId))];
  const sizes = await repo.agencySizes(deps.db, poAgencyIds);
  const authorisation = [];
  for (const agencyId of poAgencyIds) {
    const org = orgsById.get(agencyId)!;
    const table = await repo.findAuthorisation(deps.db, agencyId);
    authorisation.push({
      agency: presentOrgRef(org),
      table: presentAuthorisation(table, sizes.get(agencyId) ?? { subAgencies: 0, units: 0 }),
    });
  }
  return { ...presentPersonBase(person, showContact), roles, authorisation };
}
