import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import {
  matterAgencies,
  matterEvents,
  matterMembers,
  matterOwners,
  matterReferenceCounters,
  matterRefusalDecisions,
  matterRefusals,
  matters,
  type MatterAgencyRole,
  type MatterRoute,
  type MatterState,
} from "./tables.ts";

/** A row of the matters table. */
export type MatterRow = typeof matters.$inferSelect;
/** A row of the matter_owners table. */
export type OwnerRow = typeof matterOwners.$inferSelect;
/** A row of the matter_agencies table. */
export type MatterAgencyRow = typeof matterAgencies.$inferSelect;
/** A row of the matter_refusals table. */
export type RefusalRow = typeof matterRefusals.$inferSelect;
/** A row of the matter_refusal_decisions table. */
export type DecisionRow = typeof matterRefusalDecisions.$inferSelect;
/** A row of the matter_members table. */
export type MemberRow = typeof matterMembers.$inferSelect;
/** A row of the matter_events table. */
export type EventRow = typeof matterEvents.$inferSelect;

import { isUuid } from "../directory/index.ts";
export { isUuid, orgsByRef, type OrgRef } from "../directory/index.ts";

/** Takes the next reference number of a year; the row lock makes concurrent creators wait their turn. */
export async function nextReferenceNumber(db: Queryable, year: number): Promise<number> {
  const [row] = await db
    .insert(matterReferenceCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: matterReferenceCounters.year,
      set: { lastNumber: sql`${matterReferenceCounters.lastNumber} + 1` },
    })
    .returning({ n: matterReferenceCounters.lastNumber });
  return row!.n;
}

/** Inserts a matter. */
export async function insertMatter(db: Queryable, values: typeof matters.$inferInsert): Promise<MatterRow> {
  const [row] = await db.insert(matters).values(values).returning();
  return row!;
}

/** Updates a matter. */
export async function updateMatter(
  db: Queryable,
  id: string,
  values: Partial<typeof matters.$inferInsert>,
): Promise<MatterRow> {
  const [row] = await db.update(matters).set(values).where(eq(matters.id, id)).returning();
  return row!;
}

/** One matter by id or reference number, locked for update when asked (inside a transaction). */
export async function findMatter(
  db: Queryable,
  idOrReference: string,
  forUpdate = false,
): Promise<MatterRow | null> {
  const cond = isUuid(idOrReference)
    ? eq(matters.id, idOrReference)
    : eq(matters.reference, idOrReference.trim().toUpperCase());
  const q = db.select().from(matters).where(cond).limit(1);
  const [row] = forUpdate ? await q.for("update") : await q;
  return row ?? null;
}

/** Current owning units of a matter, in order. */
export async function listOwners(db: Queryable, matterId: string): Promise<OwnerRow[]> {
  return db
    .select()
    .from(matterOwners)
    .where(eq(matterOwners.matterId, matterId))
    .orderBy(asc(matterOwners.position));
}

/** Agencies of a matter, in triage order. */
export async function listMatterAgencies(db: Queryable, matterId: string): Promise<MatterAgencyRow[]> {
  return db
    .select()
    .from(matterAgencies)
    .where(eq(matterAgencies.matterId, matterId))
    .orderBy(asc(matterAgencies.position));
}

/** Replaces the owners of a matter, keeping when each unit that stays was added. */
export async function replaceOwners(
  db: Queryable,
  matterId: string,
  units: ReadonlyArray<{ unitId: string; agencyId: string }>,
  at: Date,
  by: string | null,
): Promise<void> {
  const before = await listOwners(db, matterId);
  const since = new Map(before.map((o) => [o.unitId, o]));
  await db.delete(matterOwners).where(eq(matterOwners.matterId, matterId));
  if (!units.length) return;
  await db.insert(matterOwners).values(
    units.map(({ unitId, agencyId }, position) => ({
      matterId,
      unitId,
      agencyId,
      position,
      addedAt: since.get(unitId)?.addedAt ?? at,
      addedBy: since.has(unitId) ? since.get(unitId)!.addedBy : by,
    })),
  );
}

/** Replaces the agencies of a matter with their roles. */
export async function replaceAgencies(
  db: Queryable,
  matterId: string,
  rows: Array<{ agencyId: string; role: MatterAgencyRole; named: boolean }>,
): Promise<void> {
  await db.delete(matterAgencies).where(eq(matterAgencies.matterId, matterId));
  if (!rows.length) return;
  await db.insert(matterAgencies).values(rows.map((r, position) => ({ matterId, ...r, position })));
}

/** Filters of the matter list. */
export interface MatterListFilter {
  agencyId?: string;
  route?: MatterRoute;
  state?: MatterState;
  /** Only matters one of these agencies takes part in (a PO's coordinating agencies). */
  coordinatingAgencyIds?: string[];
  /** Who may see what: everything, public only, or public plus open matters of this working-group member. */
  visibleTo: { all: true } | { all: false; memberId: string | null };
  /** Keyset cursor: matters created before this (created_at, id), newest first. */
  after?: { createdAt: Date; id: string };
  limit: number;
}

/** Matters newest first with keyset pagination; visibility is applied in SQL. */
export async function listMatters(db: Queryable, f: MatterListFilter): Promise<MatterRow[]> {
  const conds: SQL[] = [];
  if (!f.visibleTo.all) {
    const member = f.visibleTo.memberId;
    conds.push(
      member
        ? or(
            eq(matters.visibility, "public"),
            and(
              eq(matters.state, "open"),
              sql`exists (select 1 from ${matterMembers} mm
                           where mm.matter_id = ${matters.id} and mm.person_id = ${member}
                             and mm.removed_at is null)`,
            ),
          )!
        : eq(matters.visibility, "public"),
    );
  }
  if (f.agencyId) {
    conds.push(
      sql`exists (select 1 from ${matterAgencies} ma
                   where ma.matter_id = ${matters.id} and ma.agency_id = ${f.agencyId})`,
    );
  }
  if (f.coordinatingAgencyIds) {
    if (!f.coordinatingAgencyIds.length) return [];
    conds.push(
      sql`exists (select 1 from ${matterAgencies} ma
                   where ma.matter_id = ${matters.id}
                     and ma.agency_id in (${sql.join(
                       f.coordinatingAgencyIds.map((id) => sql`${id}::uuid`),
                       sql`, `,
                     )}))`,
    );
  }
  if (f.route) conds.push(eq(matters.route, f.route));
  if (f.state) conds.push(eq(matters.state, f.state));
  if (f.after) {
    conds.push(
      sql`(${matters.createdAt}, ${matters.id}) < (${f.after.createdAt.toISOString()}::timestamptz, ${f.after.id}::uuid)`,
    );
  }
  return db
    .select()
    .from(matters)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(matters.createdAt), desc(matters.id))
    .limit(f.limit);
}

/** Appends to a matter's history. */
export async function insertEvent(
  db: Queryable,
  values: { matterId: string; kind: string; actorId: string | null; at: Date; data: Record<string, unknown> },
): Promise<EventRow> {
  const [row] = await db.insert(matterEvents).values(values).returning();
  return row!;
}

/** A matter's history, oldest first. */
export async function listEvents(db: Queryable, matterId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(matterEvents)
    .where(eq(matterEvents.matterId, matterId))
    .orderBy(asc(matterEvents.id));
}

/** Files a refusal. */
export async function insertRefusal(
  db: Queryable,
  values: typeof matterRefusals.$inferInsert,
): Promise<RefusalRow> {
  const [row] = await db.insert(matterRefusals).values(values).returning();
  return row!;
}

/** One refusal of a matter, locked for update when asked. */
export async function findRefusal(
  db: Queryable,
  matterId: string,
  refusalId: string,
  forUpdate = false,
): Promise<RefusalRow | null> {
  if (!isUuid(refusalId)) return null;
  const q = db
    .select()
    .from(matterRefusals)
    .where(and(eq(matterRefusals.id, refusalId), eq(matterRefusals.matterId, matterId)))
    .limit(1);
  const [row] = forUpdate ? await q.for("update") : await q;
  return row ?? null;
}

/** The live (pending or rejected) refusal of a unit on a matter, if any. */
export async function findLiveRefusal(
  db: Queryable,
  matterId: string,
  unitId: string,
): Promise<RefusalRow | null> {
  const [row] = await db
    .select()
    .from(matterRefusals)
    .where(
      and(
        eq(matterRefusals.matterId, matterId),
        eq(matterRefusals.unitId, unitId),
        sql`${matterRefusals.state} <> 'accepted'`,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Updates a refusal. */
export async function updateRefusal(
  db: Queryable,
  id: string,
  values: Partial<typeof matterRefusals.$inferInsert>,
): Promise<RefusalRow> {
  const [row] = await db.update(matterRefusals).set(values).where(eq(matterRefusals.id, id)).returning();
  return row!;
}

/** Refusals of a matter, oldest first. */
export async function listRefusals(db: Queryable, matterId: string): Promise<RefusalRow[]> {
  return db
    .select()
    .from(matterRefusals)
    .where(eq(matterRefusals.matterId, matterId))
    .orderBy(asc(matterRefusals.createdAt), asc(matterRefusals.id));
}

/** Records a decision on a refusal. */
export async function insertDecision(
  db: Queryable,
  values: typeof matterRefusalDecisions.$inferInsert,
): Promise<DecisionRow> {
  const [row] = await db.insert(matterRefusalDecisions).values(values).returning();
  return row!;
}

/** Records the contest of a refusal's decision at a level. */
export async function contestDecision(
  db: Queryable,
  refusalId: string,
  level: DecisionRow["level"],
  values: { contestReason: string; contestedBy: string | null; contestedAt: Date },
): Promise<DecisionRow | null> {
  const [row] = await db
    .update(matterRefusalDecisions)
    .set(values)
    .where(
      and(
        eq(matterRefusalDecisions.refusalId, refusalId),
        eq(matterRefusalDecisions.level, level),
        isNull(matterRefusalDecisions.contestedAt),
      ),
    )
    .returning();
  return row ?? null;
}

/** Decisions on refusals, oldest first. */
export async function listDecisions(db: Queryable, refusalIds: string[]): Promise<DecisionRow[]> {
  if (!refusalIds.length) return [];
  return db
    .select()
    .from(matterRefusalDecisions)
    .where(inArray(matterRefusalDecisions.refusalId, refusalIds))
    .orderBy(asc(matterRefusalDecisions.decidedAt), asc(matterRefusalDecisions.id));
}

/** Members of a matter's working group (current, or with those who left). */
export async function listMembers(
  db: Queryable,
  matterId: string,
  includeRemoved = false,
): Promise<MemberRow[]> {
  const conds = [eq(matterMembers.matterId, matterId)];
  if (!includeRemoved) conds.push(isNull(matterMembers.removedAt));
  return db
    .select()
    .from(matterMembers)
    .where(and(...conds))
    .orderBy(asc(matterMembers.addedAt), asc(matterMembers.id));
}

/** Adds a person to a matter's working group. */
export async function insertMember(
  db: Queryable,
  values: typeof matterMembers.$inferInsert,
): Promise<MemberRow> {
  const [row] = await db.insert(matterMembers).values(values).returning();
  return row!;
}

/** Removes current members (one person, or everyone when the working group dissolves). */
export async function removeMembers(
  db: Queryable,
  matterId: string,
  at: Date,
  by: string | null,
  personId?: string,
): Promise<MemberRow[]> {
  const conds = [eq(matterMembers.matterId, matterId), isNull(matterMembers.removedAt)];
  if (personId) conds.push(eq(matterMembers.personId, personId));
  return db
    .update(matterMembers)
    .set({ removedAt: at, removedBy: by })
    .where(and(...conds))
    .returning();
}
