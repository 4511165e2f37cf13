import { and, asc, desc, eq, ilike, inArray, isNotNull, lt, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import {
  petitionAgencies,
  petitionClocks,
  petitionEndorsements,
  petitionEscalations,
  petitionEvents,
  petitionFollowers,
  petitionResponses,
  petitions,
  petitionSettings,
  petitionUpdates,
  type PetitionAgencyRole,
  type PetitionClock,
  type PetitionKind,
  type PetitionState,
} from "./tables.ts";
import { petitionSearchText, responseSearchText } from "./search-source.ts";

/** A row of petitions. */
export type PetitionRow = typeof petitions.$inferSelect;
/** A row of petition_clocks. */
export type ClockRow = typeof petitionClocks.$inferSelect;
/** A row of petition_responses. */
export type ResponseRow = typeof petitionResponses.$inferSelect;
/** A row of petition_agencies. */
export type AgencyRow = typeof petitionAgencies.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Inserts a petition (with its search text). */
export async function insertPetition(db: Queryable, v: typeof petitions.$inferInsert): Promise<PetitionRow> {
  const [row] = await db
    .insert(petitions)
    .values({ ...v, searchText: petitionSearchText(v) })
    .returning();
  return row!;
}

/** One petition by id, optionally locked for the transaction that changes it. */
export async function findPetition(
  db: Queryable,
  id: string,
  lock: boolean | "share" = false,
): Promise<PetitionRow | null> {
  if (!UUID.test(id)) return null;
  const q = db.select().from(petitions).where(eq(petitions.id, id)).limit(1);
  const [row] = lock === "share" ? await q.for("share") : lock ? await q.for("update") : await q;
  return row ?? null;
}

/** Petitions by external id, without locking (checks before a write). */
export async function findPetitionsByExternalIds(db: Queryable, ids: string[]): Promise<PetitionRow[]> {
  if (!ids.length) return [];
  return db.select().from(petitions).where(inArray(petitions.externalId, ids));
}

/** Petitions by id (unknown or malformed ids are left out). */
export async function petitionsByIds(db: Queryable, ids: string[]): Promise<PetitionRow[]> {
  const valid = [...new Set(ids)].filter((id) => UUID.test(id));
  if (!valid.length) return [];
  return db.select().from(petitions).where(inArray(petitions.id, valid));
}

/** Petitions by external id, locked (the import updates them). */
export async function findByExternalIds(db: Queryable, ids: string[]): Promise<PetitionRow[]> {
  if (!ids.length) return [];
  return db.select().from(petitions).where(inArray(petitions.externalId, ids)).for("update");
}

/** Updates a petition; a new title or body renews its search text in the same transaction. */
export async function updatePetition(db: Queryable, id: string, v: Partial<typeof petitions.$inferInsert>) {
  const [row] = await db.update(petitions).set(v).where(eq(petitions.id, id)).returning();
  if (("title" in v || "body" in v) && row) {
    const searchText = petitionSearchText(row);
    if (searchText !== row.searchText) {
      const [renewed] = await db
        .update(petitions)
        .set({ searchText })
        .where(eq(petitions.id, id))
        .returning();
      return renewed!;
    }
  }
  return row!;
}

/** The agencies of petitions, by role then position. */
export async function listAgencies(db: Queryable, petitionIds: string[]): Promise<AgencyRow[]> {
  if (!petitionIds.length) return [];
  return db
    .select()
    .from(petitionAgencies)
    .where(inArray(petitionAgencies.petitionId, petitionIds))
    .orderBy(asc(petitionAgencies.petitionId), asc(petitionAgencies.role), asc(petitionAgencies.position));
}

/** Replaces the agencies of the given roles. */
export async function setAgencies(
  db: Queryable,
  petitionId: string,
  roles: PetitionAgencyRole[],
  rows: Array<{ role: PetitionAgencyRole; agencyId: string }>,
) {
  await db
    .delete(petitionAgencies)
    .where(and(eq(petitionAgencies.petitionId, petitionId), inArray(petitionAgencies.role, roles)));
  if (rows.length)
    await db
      .insert(petitionAgencies)
      .values(rows.map((r, position) => ({ petitionId, role: r.role, agencyId: r.agencyId, position })));
}

/** Records an observed endorsement count. */
export async function addEndorsement(
  db: Queryable,
  v: { petitionId: string; at: Date; count: number; source: "import" | "api" },
) {
  await db.insert(petitionEndorsements).values(v);
}

/** The endorsement history of a petition, oldest first. */
export async function listEndorsements(db: Queryable, petitionId: string) {
  return db
    .select()
    .from(petitionEndorsements)
    .where(eq(petitionEndorsements.petitionId, petitionId))
    .orderBy(asc(petitionEndorsements.at), asc(petitionEndorsements.id));
}

/** Starts (or restarts) a clock. */
export async function startClock(
  db: Queryable,
  v: { petitionId: string; clock: PetitionClock; dueAt: Date; nextDueAt?: Date | null; level?: number },
) {
  const values = {
    petitionId: v.petitionId,
    clock: v.clock,
    dueAt: v.dueAt,
    nextDueAt: v.nextDueAt === undefined ? v.dueAt : v.nextDueAt,
    level: v.level ?? 0,
    stoppedAt: null,
  };
  await db
    .insert(petitionClocks)
    .values(values)
    .onConflictDoUpdate({
      target: [petitionClocks.petitionId, petitionClocks.clock],
      set: { dueAt: values.dueAt, nextDueAt: values.nextDueAt, level: values.level, stoppedAt: null },
    });
}

/** Updates a clock. */
export async function updateClock(
  db: Queryable,
  petitionId: string,
  clock: PetitionClock,
  v: Partial<typeof petitionClocks.$inferInsert>,
) {
  await db
    .update(petitionClocks)
    .set(v)
    .where(and(eq(petitionClocks.petitionId, petitionId), eq(petitionClocks.clock, clock)));
}

/** Stops clocks that are still running. */
export async function stopClocks(db: Queryable, petitionId: string, clocks: PetitionClock[], at: Date) {
  await db
    .update(petitionClocks)
    .set({ stoppedAt: at, nextDueAt: null })
    .where(
      and(
        eq(petitionClocks.petitionId, petitionId),
        inArray(petitionClocks.clock, clocks),
        sql`${petitionClocks.stoppedAt} is null`,
      ),
    );
}

/** The clocks of petitions. */
export async function listClocks(db: Queryable, petitionIds: string[]): Promise<ClockRow[]> {
  if (!petitionIds.length) return [];
  return db.select().from(petitionClocks).where(inArray(petitionClocks.petitionId, petitionIds));
}

/**
 * Claims up to `limit` petitions with a due clock, FOR UPDATE SKIP LOCKED: a petition being changed, or
 * swept by another process, is skipped and left to the next run. Locks are taken in the same order as
 * the use cases (the petition, then its clocks), so a sweep and a write never deadlock.
 */
export async function claimDuePetitions(db: Queryable, now: Date, limit: number): Promise<PetitionRow[]> {
  return db
    .select()
    .from(petitions)
    .where(
      sql`exists (select 1 from petition_clocks c where c.petition_id = ${petitions.id} and c.next_due_at is not null and c.next_due_at <= ${now.toISOString()}::timestamptz)`,
    )
    .orderBy(asc(petitions.createdAt), asc(petitions.id))
    .limit(limit)
    .for("update", { skipLocked: true });
}

/** The due clocks of a claimed petition, earliest first, locked. */
export async function dueClocksOf(db: Queryable, petitionId: string, now: Date): Promise<ClockRow[]> {
  return db
    .select()
    .from(petitionClocks)
    .where(
      and(
        eq(petitionClocks.petitionId, petitionId),
        isNotNull(petitionClocks.nextDueAt),
        lte(petitionClocks.nextDueAt, now),
      ),
    )
    .orderBy(asc(petitionClocks.nextDueAt))
    .for("update");
}

/** Records an escalation; false when that (clock, level) was recorded already. */
export async function insertEscalation(db: Queryable, v: typeof petitionEscalations.$inferInsert) {
  const rows = await db.insert(petitionEscalations).values(v).onConflictDoNothing().returning();
  return rows.length === 1;
}

/** The escalations of a petition, oldest first. */
export async function listEscalations(db: Queryable, petitionId: string) {
  return db
    .select()
    .from(petitionEscalations)
    .where(eq(petitionEscalations.petitionId, petitionId))
    .orderBy(asc(petitionEscalations.at), asc(petitionEscalations.clock), asc(petitionEscalations.level));
}

/** Appends to the timeline. */
export async function addEvent(
  db: Queryable,
  v: {
    petitionId: string;
    at: Date;
    actorId: string | null;
    kind: string;
    internal?: boolean;
    data?: unknown;
  },
) {
  await db.insert(petitionEvents).values({ ...v, internal: v.internal ?? false, data: v.data ?? null });
}

/** The timeline of a petition, oldest first; only the public entries unless asked. */
export async function listEvents(db: Queryable, petitionId: string, withInternal: boolean) {
  const conds = [eq(petitionEvents.petitionId, petitionId)];
  if (!withInternal) conds.push(eq(petitionEvents.internal, false));
  return db
    .select()
    .from(petitionEvents)
    .where(and(...conds))
    .orderBy(asc(petitionEvents.id));
}

/** The response of a petition (draft or published). */
export async function findResponse(db: Queryable, petitionId: string): Promise<ResponseRow | null> {
  const [row] = await db.select().from(petitionResponses).where(eq(petitionResponses.petitionId, petitionId));
  return row ?? null;
}

/** Published responses of petitions. */
export async function publishedResponses(db: Queryable, petitionIds: string[]): Promise<ResponseRow[]> {
  if (!petitionIds.length) return [];
  return db
    .select()
    .from(petitionResponses)
    .where(and(inArray(petitionResponses.petitionId, petitionIds), isNotNull(petitionResponses.publishedAt)));
}

/** Every published response. */
export async function allPublishedResponses(db: Queryable): Promise<ResponseRow[]> {
  return db.select().from(petitionResponses).where(isNotNull(petitionResponses.publishedAt));
}

/** Writes the response (with its search text; only a published one is ever searched). */
export async function upsertResponse(db: Queryable, input: typeof petitionResponses.$inferInsert) {
  const v = { ...input, searchText: responseSearchText(input) };
  const { petitionId, createdAt, ...rest } = v;
  void createdAt;
  const [row] = await db
    .insert(petitionResponses)
    .values(v)
    .onConflictDoUpdate({ target: petitionResponses.petitionId, set: { ...rest, petitionId } })
    .returning();
  return row!;
}

/** Adds a follow-up update. */
export async function addUpdate(
  db: Queryable,
  v: { petitionId: string; body: string; at: Date; by: string | null },
) {
  const [row] = await db.insert(petitionUpdates).values(v).returning();
  return row!;
}

/** Follow-up updates of a petition, oldest first. */
export async function listUpdates(db: Queryable, petitionId: string) {
  return db
    .select()
    .from(petitionUpdates)
    .where(eq(petitionUpdates.petitionId, petitionId))
    .orderBy(asc(petitionUpdates.at), asc(petitionUpdates.id));
}

/** The follow-up updates of many petitions, oldest first. */
export async function updatesOf(db: Queryable, petitionIds: string[]) {
  if (!petitionIds.length) return [];
  return db
    .select()
    .from(petitionUpdates)
    .where(inArray(petitionUpdates.petitionId, petitionIds))
    .orderBy(asc(petitionUpdates.at), asc(petitionUpdates.id));
}

/** Follows (idempotent). */
export async function follow(db: Queryable, petitionId: string, personId: string, at: Date) {
  await db.insert(petitionFollowers).values({ petitionId, personId, at }).onConflictDoNothing();
}

/** Unfollows (idempotent). */
export async function unfollow(db: Queryable, petitionId: string, personId: string) {
  await db
    .delete(petitionFollowers)
    .where(and(eq(petitionFollowers.petitionId, petitionId), eq(petitionFollowers.personId, personId)));
}

/** The followers of a petition. */
export async function followerIds(db: Queryable, petitionId: string): Promise<string[]> {
  const rows = await db
    .select({ personId: petitionFollowers.personId })
    .from(petitionFollowers)
    .where(eq(petitionFollowers.petitionId, petitionId));
  return rows.map((r) => r.personId);
}

/** Followers count and whether a person follows. */
export async function followState(db: Queryable, petitionId: string, personId: string | null) {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      mine: personId
        ? sql<boolean>`coalesce(bool_or(${petitionFollowers.personId} = ${personId}::uuid), false)`
        : sql<boolean>`false`,
    })
    .from(petitionFollowers)
    .where(eq(petitionFollowers.petitionId, petitionId));
  return { count: row?.count ?? 0, mine: row?.mine ?? false };
}

/** Filters of the public list. */
export interface ListFilter {
  kind?: PetitionKind;
  state?: PetitionState;
  agencyId?: string;
  q?: string;
  year?: number;
  overdue?: { now: Date };
  before?: { createdAt: Date; id: string };
  limit: number;
}

/** Lists petitions, newest first (keyset on created_at, id). */
export async function listPetitions(db: Queryable, f: ListFilter): Promise<PetitionRow[]> {
  const conds: SQL[] = [];
  if (f.kind) conds.push(eq(petitions.kind, f.kind));
  // Withdrawn entries keep their public record but leave the index unless asked for by state.
  conds.push(f.state ? eq(petitions.state, f.state) : ne(petitions.state, "withdrawn"));
  if (f.agencyId)
    conds.push(
      sql`exists (select 1 from petition_agencies a where a.petition_id = ${petitions.id} and a.agency_id = ${f.agencyId}::uuid)`,
    );
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(
      or(ilike(petitions.title, like), ilike(petitions.body, like), ilike(petitions.externalId, like))!,
    );
  }
  if (f.year) {
    conds.push(sql`extract(year from ${petitions.opensAt} at time zone 'Asia/Taipei') = ${f.year}`);
  }
  if (f.overdue) {
    conds.push(
      sql`exists (select 1 from petition_clocks c where c.petition_id = ${petitions.id} and c.clock in ('plan', 'response', 'reply') and c.stopped_at is null and c.due_at <= ${f.overdue.now.toISOString()}::timestamptz)`,
    );
  }
  if (f.before) {
    conds.push(
      or(
        lt(petitions.createdAt, f.before.createdAt),
        and(eq(petitions.createdAt, f.before.createdAt), lt(petitions.id, f.before.id)),
      )!,
    );
  }
  return db
    .select()
    .from(petitions)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(petitions.createdAt), desc(petitions.id))
    .limit(f.limit);
}

/** Every petition, oldest first, for the bulk export. */
export async function allPetitions(db: Queryable): Promise<PetitionRow[]> {
  return db.select().from(petitions).orderBy(asc(petitions.createdAt), asc(petitions.id));
}

/** The settings row, if an admin set one. */
export async function findSettings(db: Queryable) {
  const [row] = await db.select().from(petitionSettings).where(eq(petitionSettings.id, 1));
  return row ?? null;
}

/** Writes the settings row. */
export async function upsertSettings(
  db: Queryable,
  v: { warnAtPercent: number; noResponseDays: number; updatedAt: Date },
) {
  const [row] = await db
    .insert(petitionSettings)
    .values({ id: 1, ...v })
    .onConflictDoUpdate({ target: petitionSettings.id, set: v })
    .returning();
  return row!;
}
