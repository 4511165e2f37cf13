// Public surface of the directory module: other modules import only from here.
import type { Queryable } from "../../platform/db/database.ts";
import * as repo from "./repository.ts";
import { presentAuthorisation } from "./presenter.ts";

export * from "./actor.ts";
export type { AppEnv, AppVariables } from "./http-env.ts";
export { requirePerson } from "./http-env.ts";
export type { DirectoryDeps } from "./use-cases/deps.ts";
export {
  orgs,
  people,
  memberships,
  poInvitations,
  rosters,
  authorisationTables,
  resources,
} from "./tables.ts";
export type { LocaleText } from "./tables.ts";
export { can } from "./policy.ts";
export { listAgencies } from "./use-cases/list-agencies.ts";
export { getAgency } from "./use-cases/get-agency.ts";
export { getPerson } from "./use-cases/get-person.ts";
export { listPeople } from "./use-cases/list-people.ts";
export { createPerson } from "./use-cases/create-person.ts";
export { invitePo } from "./use-cases/invite-po.ts";
export { respondToInvitation } from "./use-cases/respond-to-invitation.ts";
export { listInvitations } from "./use-cases/list-invitations.ts";
export { seedDirectory } from "./use-cases/seed-directory.ts";
export { createOrg } from "./use-cases/create-org.ts";
export { updateOrg } from "./use-cases/update-org.ts";
export { updatePerson } from "./use-cases/update-person.ts";
export { setAuthorisationTable } from "./use-cases/set-authorisation-table.ts";
export { fileRoster, listRosters } from "./use-cases/file-roster.ts";
export { addMembership, endMembership } from "./use-cases/manage-membership.ts";
export { listResources, createResource } from "./use-cases/resources.ts";
export { coordinationWeight, defaultAuthorisation, suggestedPoCount } from "./weight.ts";
export { poTags, membershipRoles, resourceCategories } from "./schema.ts";
export { directoryRoutes } from "./routes.ts";

/** Finds a person by id. */
export const findPerson = (db: Queryable, id: string) => repo.findPerson(db, id);
/** Finds a person by e-mail, case-insensitively. */
export const findPersonByEmail = (db: Queryable, email: string) => repo.findPersonByEmail(db, email);
/** The active grants of a person. */
export const grantsOf = (db: Queryable, personId: string) => repo.grantsOf(db, personId);
/** Inserts a bare person record inside a caller's transaction (the caller audits it). */
export const createPersonRecord = (db: Queryable, v: { email: string; name: string }) =>
  repo.insertPerson(db, { email: v.email.toLowerCase(), name: v.name });
export { exportDirectoryCsv, importDirectoryCsv } from "./use-cases/directory-csv.ts";
export { updatePersonAdmin } from "./use-cases/promote-admin.ts";
export { invitationMail } from "./invitation-mail.ts";
/** Short labels of orgs by id, in one query. */
export const orgLabels = (db: Queryable, ids: string[]) => repo.orgLabels(db, ids);
/** Names of people by id (never their e-mail), in one query. */
export const personLabels = (db: Queryable, ids: string[]) => repo.personLabels(db, ids);
/** Active members of an org with a role (e.g. the POs of an agency, the staff of a unit). */
export const membersOf = (db: Queryable, orgId: string, role: "unit-staff" | "po" | "supervisor" | "pdis") =>
  repo.listMemberships(db, { orgId, role });
/** One org by id or slug. */
export const findOrg = (db: Queryable, idOrSlug: string) => repo.findOrg(db, idOrSlug);
/** Active PDIS staff (members with the pdis role anywhere). */
export const pdisStaff = (db: Queryable) => repo.listMembershipsByRole(db, "pdis");
/** Administrators. */
export const admins = (db: Queryable) => repo.listAdmins(db);
/** One resource of the resource directory by id. */
export const findResource = (db: Queryable, id: string) => repo.findResource(db, id);
/** The authorisation table in force for an agency: its supervisor's, or the size-based default. */
export async function authorisationFor(db: Queryable, agencyId: string) {
  const row = await repo.findAuthorisation(db, agencyId);
  const sizes = await repo.agencySizes(db, [agencyId]);
  return presentAuthorisation(row, sizes.get(agencyId) ?? { subAgencies: 0, units: 0 });
}
export type { OrgRef } from "./repository.ts";
/** Orgs by id or slug, in one query. */
export const orgsByRef = (db: Queryable, refs: string[]) => repo.orgsByRef(db, refs);
/** True when the string is a UUID (ids are UUIDs; anything else is a slug or a reference). */
export const isUuid = (s: string) => repo.isUuid(s);
