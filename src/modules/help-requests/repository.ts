import { and, asc, desc, eq, inArray, isNotNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import { helpClockSettings, helpEscalations, helpEvents, helpRequests, type TargetKind } from "./tables.ts";

/** A row of help_requests. */
export type HelpRow = typeof helpRequests.$inferSelect;
/** A row of help_escalations. */
export type EscalationRow = typeof helpEscalations.$inferSelect;

/** Inserts a request. */
export async function insertRequest(db: Queryable, v: typeof helpRequests.$inferInsert): Promise<HelpRow> {
  const [row] = await db.insert(helpRequests).values(v).returning();
  return row!;
}

/** One request, optionally locked for the transaction that will change it. */
export async function findRequest(db: Queryable, id: string, forUpdate = false): Promise<HelpRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const q = db.select().from(helpRequests).where(eq(helpRequests.id, id)).limit(1);
  const [row] = forUpdate ? await q.for("update") : await q;
  return row ?? null;
}

/** Updates a request. */
export async function updateRequest(db: Queryable, id: string, v: Partial<typeof helpRequests.$inferInsert>) {
  const [row] = await db.update(helpRequests).set(v).where(eq(helpRequests.id, id)).returning();
  return row!;
}

/** Appends to a request's trail. */
export async function addEvent(
  db: Queryable,
  v: { requestId: string; at: Date; actorId: string | null; kind: string; data?: unknown },
) {
  await db.insert(helpEvents).values({ ...v, data: v.data ?? null });
}

/** The trail of a request, oldest first. */
export async function listEvents(db: Queryable, requestId: string) {
  return db.select().from(helpEvents).where(eq(helpEvents.requestId, requestId)).orderBy(asc(helpEvents.id));
}

/** Records an escalation step; returns false when that level was already recorded (never twice). */
export async function insertEscalation(db: Queryable, v: EscalationRow): Promise<boolean> {
  const rows = await db.insert(helpEscalations).values(v).onConflictDoNothing().returning();
  return rows.length === 1;
}

/** Escalations of requests, by level. */
export async function listEscalations(db: Queryable, requestIds: string[]): Promise<EscalationRow[]> {
  if (!requestIds.length) return [];
  return db
    .select()
    .from(helpEscalations)
    .where(inArray(helpEscalations.requestId, requestIds))
    .orderBy(asc(helpEscalations.requestId), asc(helpEscalations.level));
}

/**
 * Claims up to `limit` requests whose earliest clock has lapsed. FOR UPDATE SKIP LOCKED: a request
 * being escalated by another sweep (another process) is skipped, never handled twice.
 */
export async function claimDue(db: Queryable, now: Date, limit: number): Promise<HelpRow[]> {
  return db
    .select()
    .from(helpRequests)
    .where(and(isNotNull(helpRequests.nextDueAt), lte(helpRequests.nextDueAt, now)))
    .orderBy(asc(helpRequests.nextDueAt))
    .limit(limit)
    .for("update", { skipLocked: true });
}

/** Filters for listing requests. */
export interface ListFilter {
  visibleTo: { personId: string; agencyIds: string[]; unitIds: string[]; pdis: boolean; all: boolean };
  requesterId?: string;
  targetKind?: TargetKind;
  targetIds?: string[];
  state?: string;
  matterId?: string;
  before?: { createdAt: Date; id: string };
  limit: number;
}

/** Lists requests the reader may see, newest first (keyset on created_at, id). */
export async function listRequests(db: Queryable, f: ListFilter): Promise<HelpRow[]> {
  const conds: SQL[] = [];
  if (!f.visibleTo.all) {
    const v = f.visibleTo;
    const ors: SQL[] = [eq(helpRequests.requesterId, v.personId)];
    if (v.unitIds.length)
      ors.push(and(eq(helpRequests.targetKind, "unit"), inArray(helpRequests.targetId, v.unitIds))!);
    if (v.agencyIds.length) {
      ors.push(
        and(eq(helpRequests.targetKind, "agency-po"), inArray(helpRequests.targetId, v.agencyIds))!,
        inArray(helpRequests.requesterAgencyId, v.agencyIds),
        sql`${helpRequests.targetId} in (select id from orgs where parent_id in (${sql.join(
          v.agencyIds.map((a) => sql`${a}::uuid`),
          sql`, `,
        )}))`,
        sql`exists (select 1 from help_escalations e where e.request_id = ${helpRequests.id} and e.target_id in (${sql.join(
          v.agencyIds.map((a) => sql`${a}::uuid`),
          sql`, `,
        )}))`,
      );
    }
    if (v.pdis) ors.push(sql`true`);
    conds.push(or(...ors)!);
  }
  if (f.requesterId) conds.push(eq(helpRequests.requesterId, f.requesterId));
  if (f.targetKind) conds.push(eq(helpRequests.targetKind, f.targetKind));
  if (f.targetIds) conds.push(f.targetIds.length ? inArray(helpRequests.targetId, f.targetIds) : sql`false`);
  if (f.state) conds.push(eq(helpRequests.state, f.state as HelpRow["state"]));
  if (f.matterId) conds.push(eq(helpRequests.matterId, f.matterId));
  if (f.before) {
    conds.push(
      or(
        lt(helpRequests.createdAt, f.before.createdAt),
        and(eq(helpRequests.createdAt, f.before.createdAt), lt(helpRequests.id, f.before.id)),
      )!,
    );
  }
  return db
    .select()
    .from(helpRequests)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(helpRequests.createdAt), desc(helpRequests.id))
    .limit(f.limit);
}

/** Clock lengths per target kind as set by an admin. */
export async function clockSettings(db: Queryable) {
  return db.select().from(helpClockSettings);
}

/** Sets the clock lengths of one target kind. */
export async function upsertClockSetting(
  db: Queryable,
  v: { targetKind: TargetKind; acknowledgeDays: number; respondDays: number; updatedAt: Date },
) {
  const [row] = await db
    .insert(helpClockSettings)
    .values(v)
    .onConflictDoUpdate({
      target: helpClockSettings.targetKind,
      set: { acknowledgeDays: v.acknowledgeDays, respondDays: v.respondDays, updatedAt: v.updatedAt },
    })
    .returning();
  return row!;
}
