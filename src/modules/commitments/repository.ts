// Every SQL statement of the commitments module.
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import {
  commitmentRevisions,
  commitments,
  commitmentUpdates,
  trackingDecisionRows,
  type CommitmentStatus,
} from "./tables.ts";

/** A row of commitments. */
export type CommitmentRow = typeof commitments.$inferSelect;
/** A row of commitment updates. */
export type UpdateRow = typeof commitmentUpdates.$inferSelect;
/** A row of commitment revisions. */
export type RevisionRow = typeof commitmentRevisions.$inferSelect;
/** A row of tracking decisions. */
export type DecisionRow = typeof trackingDecisionRows.$inferSelect;

const unfinished = (t = commitments) => inArray(t.status, ["open", "in-progress"]);

/** Inserts a commitment. */
export async function insertCommitment(
  db: Queryable,
  v: typeof commitments.$inferInsert,
): Promise<CommitmentRow> {
  const [row] = await db.insert(commitments).values(v).returning();
  return row!;
}

/** A commitment by id, optionally locked for a change; null for an unknown or malformed id. */
export async function findCommitment(db: Queryable, id: string, forUpdate = false) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const q = db.select().from(commitments).where(eq(commitments.id, id)).limit(1);
  const [row] = forUpdate ? await q.for("update") : await q;
  return row ?? null;
}

/** Changes a commitment. */
export async function updateCommitment(
  db: Queryable,
  id: string,
  v: Partial<typeof commitments.$inferInsert>,
): Promise<CommitmentRow> {
  const [row] = await db.update(commitments).set(v).where(eq(commitments.id, id)).returning();
  return row!;
}

/** Appends a status update. */
export async function insertUpdate(db: Queryable, v: typeof commitmentUpdates.$inferInsert) {
  const [row] = await db.insert(commitmentUpdates).values(v).returning();
  return row!;
}

/** The updates of commitments, oldest first. */
export async function listUpdates(db: Queryable, commitmentIds: string[]): Promise<UpdateRow[]> {
  if (!commitmentIds.length) return [];
  return db
    .select()
    .from(commitmentUpdates)
    .where(inArray(commitmentUpdates.commitmentId, commitmentIds))
    .orderBy(asc(commitmentUpdates.id));
}

/** Records a revision. */
export async function insertRevision(db: Queryable, v: typeof commitmentRevisions.$inferInsert) {
  const [row] = await db.insert(commitmentRevisions).values(v).returning();
  return row!;
}

/** The revisions of commitments, oldest first. */
export async function listRevisions(db: Queryable, commitmentIds: string[]): Promise<RevisionRow[]> {
  if (!commitmentIds.length) return [];
  return db
    .select()
    .from(commitmentRevisions)
    .where(inArray(commitmentRevisions.commitmentId, commitmentIds))
    .orderBy(asc(commitmentRevisions.id));
}

/** Filters of the commitment index. */
export interface CommitmentFilter {
  agencyId?: string;
  caseId?: string;
  petitionId?: string;
  status?: CommitmentStatus;
  /** Only those flagged overdue and still unfinished. */
  overdue?: boolean;
  /** Taipei date today: unfinished and due before it counts as overdue even before the sweep. */
  limit: number;
  /** Keyset: the (due date, id) of the last row of the previous page. */
  after?: { dueOn: string; id: string };
}

/** Commitments by due date (earliest first), filtered. */
export async function listCommitments(db: Queryable, f: CommitmentFilter): Promise<CommitmentRow[]> {
  const conds: SQL[] = [];
  if (f.agencyId) conds.push(eq(commitments.ownerAgencyId, f.agencyId));
  if (f.caseId) conds.push(eq(commitments.caseId, f.caseId));
  if (f.petitionId) conds.push(eq(commitments.petitionId, f.petitionId));
  if (f.status) conds.push(eq(commitments.status, f.status));
  if (f.overdue === true) conds.push(and(isNotNull(commitments.overdueAt), unfinished())!);
  if (f.overdue === false)
    conds.push(or(isNull(commitments.overdueAt), inArray(commitments.status, ["done", "dropped"]))!);
  if (f.after)
    conds.push(
      or(
        sql`${commitments.dueOn} > ${f.after.dueOn}::date`,
        and(eq(commitments.dueOn, f.after.dueOn), sql`${commitments.id} > ${f.after.id}::uuid`),
      )!,
    );
  return db
    .select()
    .from(commitments)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(commitments.dueOn), asc(commitments.id))
    .limit(f.limit);
}

/** Every commitment, for the open-data export (by creation). */
export async function allCommitments(db: Queryable): Promise<CommitmentRow[]> {
  return db.select().from(commitments).orderBy(asc(commitments.createdAt), asc(commitments.id));
}

/**
 * Claims unfinished commitments due before `today` (a Taipei date) and not yet flagged, locked with
 * SKIP LOCKED: a commitment being changed, or swept elsewhere, is left to the next run.
 */
export async function claimOverdue(db: Queryable, today: string, limit: number): Promise<CommitmentRow[]> {
  return db
    .select()
    .from(commitments)
    .where(and(isNull(commitments.overdueAt), unfinished(), lt(commitments.dueOn, today)))
    .orderBy(asc(commitments.dueOn), asc(commitments.id))
    .limit(limit)
    .for("update", { skipLocked: true });
}

/** Per case: unfinished and overdue commitments, and the latest update (for the tracking list). */
export async function caseStanding(db: Queryable, caseIds: string[]) {
  if (!caseIds.length) return [];
  const rows = await db
    .select({
      caseId: commitments.caseId,
      open: sql<number>`count(*) filter (where ${commitments.status} in ('open', 'in-progress'))::int`,
      overdue: sql<number>`count(*) filter (where ${commitments.status} in ('open', 'in-progress') and ${commitments.overdueAt} is not null)::int`,
      total: sql<number>`count(*)::int`,
    })
    .from(commitments)
    .where(inArray(commitments.caseId, caseIds))
    .groupBy(commitments.caseId);
  return rows;
}

/** The latest status update on each case's commitments. */
export async function latestUpdateByCase(db: Queryable, caseIds: string[]) {
  if (!caseIds.length) return [];
  const rows = await db
    .selectDistinctOn([commitments.caseId], {
      caseId: commitments.caseId,
      commitmentId: commitments.id,
      commitmentText: commitments.text,
      ownerAgencyId: commitments.ownerAgencyId,
      update: commitmentUpdates,
    })
    .from(commitmentUpdates)
    .innerJoin(commitments, eq(commitments.id, commitmentUpdates.commitmentId))
    .where(inArray(commitments.caseId, caseIds))
    .orderBy(commitments.caseId, desc(commitmentUpdates.at), desc(commitmentUpdates.id));
  return rows;
}

/** Records (or changes) the decision on a case at a meeting. */
export async function upsertDecision(db: Queryable, v: typeof trackingDecisionRows.$inferInsert) {
  const [row] = await db
    .insert(trackingDecisionRows)
    .values(v)
    .onConflictDoUpdate({
      target: [trackingDecisionRows.meetingId, trackingDecisionRows.caseId],
      set: { decision: v.decision, note: v.note, decidedBy: v.decidedBy, decidedAt: v.decidedAt },
    })
    .returning();
  return row!;
}

/** The decision on a case at a meeting, locked (to tell a change from a first record). */
export async function findDecision(db: Queryable, meetingId: string, caseId: string, forUpdate = false) {
  const q = db
    .select()
    .from(trackingDecisionRows)
    .where(and(eq(trackingDecisionRows.meetingId, meetingId), eq(trackingDecisionRows.caseId, caseId)))
    .limit(1);
  const [row] = forUpdate ? await q.for("update") : await q;
  return row ?? null;
}

/** The decisions of a meeting. */
export async function decisionsOfMeeting(db: Queryable, meetingId: string): Promise<DecisionRow[]> {
  return db.select().from(trackingDecisionRows).where(eq(trackingDecisionRows.meetingId, meetingId));
}

/** The latest decision on each case (shown on the case). */
export async function latestDecisionOfCase(db: Queryable, caseId: string): Promise<DecisionRow | null> {
  const [row] = await db
    .select()
    .from(trackingDecisionRows)
    .where(eq(trackingDecisionRows.caseId, caseId))
    .orderBy(desc(trackingDecisionRows.decidedAt))
    .limit(1);
  return row ?? null;
}

/** Recent updates of an agency's commitments (its Atom feed), newest first. */
export async function recentUpdates(db: Queryable, agencyId: string | undefined, limit: number) {
  return db
    .select({ update: commitmentUpdates, commitment: commitments })
    .from(commitmentUpdates)
    .innerJoin(commitments, eq(commitments.id, commitmentUpdates.commitmentId))
    .where(agencyId ? eq(commitments.ownerAgencyId, agencyId) : undefined)
    .orderBy(desc(commitmentUpdates.at), desc(commitmentUpdates.id))
    .limit(limit);
}

/**
 * Recent revisions (of an agency's commitments, and of those it handed over, when given), newest
 * first: the Atom feed.
 */
export async function recentRevisions(db: Queryable, agencyId: string | undefined, limit: number) {
  return db
    .select({ revision: commitmentRevisions, commitment: commitments })
    .from(commitmentRevisions)
    .innerJoin(commitments, eq(commitments.id, commitmentRevisions.commitmentId))
    .where(
      agencyId
        ? or(eq(commitments.ownerAgencyId, agencyId), eq(commitmentRevisions.ownerAgencyBefore, agencyId))
        : undefined,
    )
    .orderBy(desc(commitmentRevisions.at), desc(commitmentRevisions.id))
    .limit(limit);
}
