import { and, asc, eq, inArray, isNull, sql, desc, or, ilike } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import {
  authorisationTables,
  memberships,
  orgs,
  people,
  poInvitations,
  resources,
  rosters,
} from "./tables.ts";
import type { Grant } from "./actor.ts";
import type { LocaleText } from "./tables.ts";

/** A row of the orgs table. */
export type OrgRow = typeof orgs.$inferSelect;
/** A row of the people table. */
export type PersonRow = typeof people.$inferSelect;
/** A row of the memberships table. */
export type MembershipRow = typeof memberships.$inferSelect;
/** A row of the po_invitations table. */
export type InvitationRow = typeof poInvitations.$inferSelect;
/** A row of the resources table. */
export type ResourceRow = typeof resources.$inferSelect;
/** A row of the rosters table. */
export type RosterRow = typeof rosters.$inferSelect;
/** A row of the authorisation_tables table. */
export type AuthorisationRow = typeof authorisationTables.$inferSelect;

/** Size counts for many agencies in one query: direct level-3 children and all units below. */
export async function agencySizes(
  db: Queryable,
  agencyIds: string[],
): Promise<Map<string, { subAgencies: number; units: number }>> {
  const out = new Map<string, { subAgencies: number; units: number }>();
  for (const id of agencyIds) out.set(id, { subAgencies: 0, units: 0 });
  if (agencyIds.length === 0) return out;
  const result = await db.execute<{ root: string; sub_agencies: number; units: number }>(sql`
    with recursive tree(root, id, kind, depth) as (
      select o.id, o.id, o.kind, 0 from orgs o where o.id in (${sql.join(
        agencyIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      union all
      select t.root, c.id, c.kind, t.depth + 1 from orgs c join tree t on c.parent_id = t.id
    )
    select root,
           count(*) filter (where depth > 0 and kind = 'agency')::int as sub_agencies,
           count(*) filter (where depth > 0 and kind = 'unit')::int as units
      from tree group by root`);
  for (const r of result.rows) out.set(r.root, { subAgencies: r.sub_agencies, units: r.units });
  return out;
}

/** Lists orgs with optional filters, ordered by level then slug. */
export async function listOrgs(
  db: Queryable,
  filter: { level?: number; kind?: OrgRow["kind"]; parentId?: string; q?: string },
): Promise<OrgRow[]> {
  const conds = [];
  if (filter.level !== undefined) conds.push(eq(orgs.level, filter.level));
  if (filter.kind) conds.push(eq(orgs.kind, filter.kind));
  if (filter.parentId) conds.push(eq(orgs.parentId, filter.parentId));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(
      or(
        sql`${orgs.name}->>'zh-TW' ilike ${like}`,
        sql`${orgs.name}->>'en' ilike ${like}`,
        ilike(orgs.slug, like),
        sql`coalesce(${orgs.abbreviation}->>'zh-TW', '') ilike ${like}`,
        sql`coalesce(${orgs.abbreviation}->>'en', '') ilike ${like}`,
      )!,
    );
  }
  return db
    .select()
    .from(orgs)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(orgs.level), asc(orgs.slug));
}

/** One org by id or slug. */
export async function findOrg(db: Queryable, idOrSlug: string): Promise<OrgRow | null> {
  const cond = isUuid(idOrSlug) ? eq(orgs.id, idOrSlug) : eq(orgs.slug, idOrSlug);
  const [row] = await db.select().from(orgs).where(cond).limit(1);
  return row ?? null;
}

/** Direct children of an org. */
export async function childOrgs(db: Queryable, parentId: string): Promise<OrgRow[]> {
  return db.select().from(orgs).where(eq(orgs.parentId, parentId)).orderBy(asc(orgs.kind), asc(orgs.slug));
}

/** The chain from an org up to the root, nearest first. */
export async function orgAncestors(db: Queryable, orgId: string): Promise<OrgRow[]> {
  const result = await db.execute<{ id: string }>(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from orgs where id = ${orgId}
      union all
      select o.id, o.parent_id, up.depth + 1 from orgs o join up on o.id = up.parent_id
    ) select id from up where depth > 0 order by depth`);
  const ids = result.rows.map((r) => r.id);
  if (!ids.length) return [];
  const rows = await db.select().from(orgs).where(inArray(orgs.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean);
}

/** Inserts an org. */
export async function insertOrg(db: Queryable, values: typeof orgs.$inferInsert): Promise<OrgRow> {
  const [row] = await db.insert(orgs).values(values).returning();
  return row!;
}

/** Updates an org. */
export async function updateOrg(
  db: Queryable,
  id: string,
  values: Partial<typeof orgs.$inferInsert>,
): Promise<OrgRow> {
  const [row] = await db
    .update(orgs)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(orgs.id, id))
    .returning();
  return row!;
}

/** One person by id. */
export async function findPerson(db: Queryable, id: string): Promise<PersonRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(people).where(eq(people.id, id)).limit(1);
  return row ?? null;
}

/** One person by e-mail, case-insensitively. */
export async function findPersonByEmail(db: Queryable, email: string): Promise<PersonRow | null> {
  const [row] = await db
    .select()
    .from(people)
    .where(sql`lower(${people.email}) = lower(${email})`)
    .limit(1);
  return row ?? null;
}

/** Inserts a person. */
export async function insertPerson(db: Queryable, values: typeof people.$inferInsert): Promise<PersonRow> {
  const [row] = await db.insert(people).values(values).returning();
  return row!;
}

/** Updates a person. */
export async function updatePerson(
  db: Queryable,
  id: string,
  values: Partial<typeof people.$inferInsert>,
): Promise<PersonRow> {
  const [row] = await db
    .update(people)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(people.id, id))
    .returning();
  return row!;
}

/** Lists people, optionally only those with an active network role. */
export async function listPeople(
  db: Queryable,
  opts: { q?: string; withRoleOnly: boolean; limit: number; after?: string },
): Promise<PersonRow[]> {
  const conds = [];
  if (opts.withRoleOnly) {
    conds.push(
      sql`exists (select 1 from memberships m where m.person_id = ${people.id} and m.ended_at is null)`,
    );
  }
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(or(ilike(people.name, like), ilike(people.nameEn, like), ilike(people.email, like))!);
  }
  if (opts.after) conds.push(sql`${people.id} > ${opts.after}`);
  return db
    .select()
    .from(people)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(people.id))
    .limit(opts.limit);
}

/** Active memberships of a person, with the agency each belongs to. */
export async function grantsOf(db: Queryable, personId: string): Promise<Grant[]> {
  const result = await db.execute<{
    role: Grant["role"];
    org_id: string;
    agency_id: string;
    tags: string[];
  }>(sql`
    select m.role, m.org_id, m.tags,
           case when o.kind = 'unit' then coalesce(o.parent_id, o.id) else o.id end as agency_id
      from memberships m join orgs o on o.id = m.org_id
     where m.person_id = ${personId} and m.ended_at is null
     order by m.started_at`);
  return result.rows.map((r) => ({ role: r.role, orgId: r.org_id, agencyId: r.agency_id, tags: r.tags }));
}

/** Memberships (active, or all with history) of a person or an org. */
export async function listMemberships(
  db: Queryable,
  by: { personId?: string; orgId?: string; role?: MembershipRow["role"]; includeEnded?: boolean },
): Promise<Array<MembershipRow & { personName: string; personNameEn: string | null; personEmail: string }>> {
  const conds = [];
  if (by.personId) conds.push(eq(memberships.personId, by.personId));
  if (by.orgId) conds.push(eq(memberships.orgId, by.orgId));
  if (by.role) conds.push(eq(memberships.role, by.role));
  if (!by.includeEnded) conds.push(isNull(memberships.endedAt));
  const rows = await db
    .select({
      m: memberships,
      personName: people.name,
      personNameEn: people.nameEn,
      personEmail: people.email,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(...conds))
    .orderBy(asc(memberships.startedAt), asc(people.name));
  return rows.map((r) => ({
    ...r.m,
    personName: r.personName,
    personNameEn: r.personNameEn,
    personEmail: r.personEmail,
  }));
}

/** Starts a membership. */
export async function insertMembership(
  db: Queryable,
  values: typeof memberships.$inferInsert,
): Promise<MembershipRow> {
  const [row] = await db.insert(memberships).values(values).returning();
  return row!;
}

/** Ends a membership (history is kept). */
export async function endMembership(db: Queryable, id: string, at: Date): Promise<MembershipRow | null> {
  const [row] = await db
    .update(memberships)
    .set({ endedAt: at })
    .where(and(eq(memberships.id, id), isNull(memberships.endedAt)))
    .returning();
  return row ?? null;
}

/** One membership by id. */
export async function findMembership(db: Queryable, id: string): Promise<MembershipRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(memberships).where(eq(memberships.id, id)).limit(1);
  return row ?? null;
}

/** Inserts a PO invitation. */
export async function insertInvitation(
  db: Queryable,
  values: typeof poInvitations.$inferInsert,
): Promise<InvitationRow> {
  const [row] = await db.insert(poInvitations).values(values).returning();
  return row!;
}

/** One invitation by id, locked for update when inside a transaction that will change it. */
export async function findInvitation(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<InvitationRow | null> {
  if (!isUuid(id)) return null;
  const q = db.select().from(poInvitations).where(eq(poInvitations.id, id)).limit(1);
  const [row] = forUpdate ? await q.for("update") : await q;
  return row ?? null;
}

/** Pending invitation of a person to an agency, if any. */
export async function findPendingInvitation(
  db: Queryable,
  agencyId: string,
  personId: string,
): Promise<InvitationRow | null> {
  const [row] = await db
    .select()
    .from(poInvitations)
    .where(
      and(
        eq(poInvitations.agencyId, agencyId),
        eq(poInvitations.personId, personId),
        eq(poInvitations.state, "pending"),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Sets an invitation's state. */
export async function setInvitationState(
  db: Queryable,
  id: string,
  state: InvitationRow["state"],
  at: Date,
): Promise<InvitationRow> {
  const [row] = await db
    .update(poInvitations)
    .set({ state, respondedAt: at })
    .where(eq(poInvitations.id, id))
    .returning();
  return row!;
}

/** Invitations by person or agency, newest first. */
export async function listInvitations(
  db: Queryable,
  by: { personId?: string; agencyId?: string; state?: InvitationRow["state"] },
): Promise<InvitationRow[]> {
  const conds = [];
  if (by.personId) conds.push(eq(poInvitations.personId, by.personId));
  if (by.agencyId) conds.push(eq(poInvitations.agencyId, by.agencyId));
  if (by.state) conds.push(eq(poInvitations.state, by.state));
  return db
    .select()
    .from(poInvitations)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(poInvitations.createdAt));
}

/** The stored authorisation table of an agency, if its supervisor set one. */
export async function findAuthorisation(db: Queryable, agencyId: string): Promise<AuthorisationRow | null> {
  const [row] = await db
    .select()
    .from(authorisationTables)
    .where(eq(authorisationTables.agencyId, agencyId))
    .limit(1);
  return row ?? null;
}

/** Writes an agency's authorisation table. */
export async function upsertAuthorisation(
  db: Queryable,
  values: typeof authorisationTables.$inferInsert,
): Promise<AuthorisationRow> {
  const [row] = await db
    .insert(authorisationTables)
    .values(values)
    .onConflictDoUpdate({ target: authorisationTables.agencyId, set: { ...values, updatedAt: new Date() } })
    .returning();
  return row!;
}

/** Files a roster. */
export async function insertRoster(db: Queryable, values: typeof rosters.$inferInsert): Promise<RosterRow> {
  const [row] = await db.insert(rosters).values(values).returning();
  return row!;
}

/** Roster history of an agency, newest first. */
export async function listRosters(db: Queryable, agencyId: string): Promise<RosterRow[]> {
  return db
    .select()
    .from(rosters)
    .where(eq(rosters.agencyId, agencyId))
    .orderBy(desc(rosters.year), desc(rosters.filedAt));
}

/** Resources, optionally of one org or one kind. */
export async function listResources(
  db: Queryable,
  by: { orgId?: string; kind?: ResourceRow["kind"]; category?: string },
): Promise<ResourceRow[]> {
  const conds = [];
  if (by.orgId) conds.push(eq(resources.orgId, by.orgId));
  if (by.kind) conds.push(eq(resources.kind, by.kind));
  if (by.category) conds.push(eq(resources.category, by.category));
  return db
    .select()
    .from(resources)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(resources.kind), asc(resources.slug));
}

/** Inserts a resource. */
export async function insertResource(
  db: Queryable,
  values: typeof resources.$inferInsert,
): Promise<ResourceRow> {
  const [row] = await db.insert(resources).values(values).returning();
  return row!;
}

/** Counts orgs (used to decide whether to seed). */
export async function countOrgs(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(orgs);
  return row?.n ?? 0;
}

/** True when the string is a UUID (ids are UUIDs; anything else is a slug). */
export function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}

/** Number of active POs per agency, in one query. */
export async function poCounts(db: Queryable, agencyIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>(agencyIds.map((id) => [id, 0]));
  if (!agencyIds.length) return out;
  const rows = await db
    .select({ orgId: memberships.orgId, n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(inArray(memberships.orgId, agencyIds), eq(memberships.role, "po"), isNull(memberships.endedAt)),
    )
    .groupBy(memberships.orgId);
  for (const r of rows) out.set(r.orgId, r.n);
  return out;
}

/** Orgs by id, in one query. */
export async function orgsByIds(db: Queryable, ids: string[]): Promise<Map<string, OrgRow>> {
  const unique = [...new Set(ids.filter(isUuid))];
  if (!unique.length) return new Map();
  const rows = await db.select().from(orgs).where(inArray(orgs.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Short labels of orgs by id (for sentences and links), in one query. */
export async function orgLabels(db: Queryable, ids: string[]) {
  const unique = [...new Set(ids.filter(isUuid))];
  if (!unique.length) return new Map<string, { id: string; slug: string; kind: string; name: LocaleText }>();
  const rows = await db
    .select({ id: orgs.id, slug: orgs.slug, kind: orgs.kind, name: orgs.name })
    .from(orgs)
    .where(inArray(orgs.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Names of people by id (never their e-mail), in one query. */
export async function personLabels(db: Queryable, ids: string[]) {
  const unique = [...new Set(ids.filter(isUuid))];
  if (!unique.length) return new Map<string, { id: string; name: string; nameEn: string | null }>();
  const rows = await db
    .select({ id: people.id, name: people.name, nameEn: people.nameEn })
    .from(people)
    .where(inArray(people.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Active memberships with a role, anywhere. */
export async function listMembershipsByRole(db: Queryable, role: MembershipRow["role"]) {
  return listMemberships(db, { role });
}

/** Every administrator. */
export async function listAdmins(db: Queryable): Promise<PersonRow[]> {
  return db.select().from(people).where(eq(people.isAdmin, true)).orderBy(asc(people.id));
}

/** One resource by id. */
export async function findResource(db: Queryable, id: string): Promise<ResourceRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(resources).where(eq(resources.id, id)).limit(1);
  return row ?? null;
}

/** An org as other modules reference it: what it is and whose it is. */
export interface OrgRef {
  id: string;
  slug: string;
  kind: "executive-yuan" | "agency" | "unit";
  parentId: string | null;
}

/** Orgs by id or slug, in one query. */
export async function orgsByRef(db: Queryable, refs: string[]): Promise<OrgRef[]> {
  const ids = [...new Set(refs.filter(isUuid).map((r) => r.toLowerCase()))];
  const slugs = [...new Set(refs.filter((r) => !isUuid(r)))];
  if (!ids.length && !slugs.length) return [];
  const conds = [];
  if (ids.length) conds.push(inArray(orgs.id, ids));
  if (slugs.length) conds.push(inArray(orgs.slug, slugs));
  return db
    .select({ id: orgs.id, slug: orgs.slug, kind: orgs.kind, parentId: orgs.parentId })
    .from(orgs)
    .where(or(...conds));
}
