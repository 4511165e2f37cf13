import { and, asc, desc, eq, gt, inArray, isNotNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import {
  earlyWarningAgencies,
  earlyWarningComments,
  earlyWarningEvents,
  earlyWarningEvidence,
  earlyWarnings,
  type Happened,
  type Severity,
  type SignalSource,
  type WarningState,
} from "./tables.ts";

/** A row of early_warnings. */
export type WarningRow = typeof earlyWarnings.$inferSelect;
/** A row of early_warning_agencies. */
export type WarningAgencyRow = typeof earlyWarningAgencies.$inferSelect;
/** A row of early_warning_evidence. */
export type EvidenceRow = typeof earlyWarningEvidence.$inferSelect;
/** A row of early_warning_comments. */
export type CommentRow = typeof earlyWarningComments.$inferSelect;
/** A row of early_warning_events. */
export type EventRow = typeof earlyWarningEvents.$inferSelect;

import { isUuid } from "../directory/index.ts";
export { isUuid, orgsByRef, type OrgRef } from "../directory/index.ts";

/** Inserts a warning. */
export async function insertWarning(
  db: Queryable,
  values: typeof earlyWarnings.$inferInsert,
): Promise<WarningRow> {
  const [row] = await db.insert(earlyWarnings).values(values).returning();
  return row!;
}

/** Updates a warning. */
export async function updateWarning(
  db: Queryable,
  id: string,
  values: Partial<typeof earlyWarnings.$inferInsert>,
): Promise<WarningRow> {
  const [row] = await db.update(earlyWarnings).set(values).where(eq(earlyWarnings.id, id)).returning();
  return row!;
}

/** One warning, locked for update when asked (inside a transaction). */
export async function findWarning(db: Queryable, id: string, forUpdate = false): Promise<WarningRow | null> {
  if (!isUuid(id)) return null;
  const q = db.select().from(earlyWarnings).where(eq(earlyWarnings.id, id)).limit(1);
  const [row] = forUpdate ? await q.for("update") : await q;
  return row ?? null;
}

/** Locks warnings for update in id order, so two transactions locking the same pair cannot deadlock. */
export async function lockWarnings(db: Queryable, ids: string[]): Promise<void> {
  const unique = [...new Set(ids.filter(isUuid))].sort();
  if (!unique.length) return;
  await db
    .select({ id: earlyWarnings.id })
    .from(earlyWarnings)
    .where(inArray(earlyWarnings.id, unique))
    .orderBy(asc(earlyWarnings.id))
    .for("update");
}

/** Warnings by id (any order). */
export async function findWarnings(db: Queryable, ids: string[]): Promise<WarningRow[]> {
  const unique = [...new Set(ids.filter(isUuid))];
  if (!unique.length) return [];
  return db.select().from(earlyWarnings).where(inArray(earlyWarnings.id, unique));
}

/** Warnings merged into this one, oldest merge first. */
export async function listMergedInto(db: Queryable, id: string): Promise<WarningRow[]> {
  return db
    .select()
    .from(earlyWarnings)
    .where(eq(earlyWarnings.mergedIntoId, id))
    .orderBy(asc(earlyWarnings.mergedAt), asc(earlyWarnings.id));
}

/** Affected agencies of warnings, in order. */
export async function listAgencies(db: Queryable, warningIds: string[]): Promise<WarningAgencyRow[]> {
  if (!warningIds.length) return [];
  return db
    .select()
    .from(earlyWarningAgencies)
    .where(inArray(earlyWarningAgencies.warningId, warningIds))
    .orderBy(asc(earlyWarningAgencies.warningId), asc(earlyWarningAgencies.position));
}

/** Adds affected agencies after the existing ones; those already named are skipped. Returns the added. */
export async function addAgencies(
  db: Queryable,
  warningId: string,
  agencyIds: string[],
  carriedFrom: string | null = null,
): Promise<WarningAgencyRow[]> {
  if (!agencyIds.length) return [];
  const [{ next } = { next: 0 }] = await db
    .select({ next: sql<number>`coalesce(max(${earlyWarningAgencies.position}) + 1, 0)::int` })
    .from(earlyWarningAgencies)
    .where(eq(earlyWarningAgencies.warningId, warningId));
  return db
    .insert(earlyWarningAgencies)
    .values(agencyIds.map((agencyId, i) => ({ warningId, agencyId, position: next + i, carriedFrom })))
    .onConflictDoNothing()
    .returning();
}

/** Evidence links of warnings, in order. */
export async function listEvidence(db: Queryable, warningIds: string[]): Promise<EvidenceRow[]> {
  if (!warningIds.length) return [];
  return db
    .select()
    .from(earlyWarningEvidence)
    .where(inArray(earlyWarningEvidence.warningId, warningIds))
    .orderBy(asc(earlyWarningEvidence.warningId), asc(earlyWarningEvidence.position));
}

/** Adds evidence links after the existing ones; links already there are skipped. Returns the added. */
export async function addEvidence(
  db: Queryable,
  warningId: string,
  urls: string[],
  v: { addedBy: string | null; addedAt: Date; carriedFrom?: string | null },
): Promise<EvidenceRow[]> {
  if (!urls.length) return [];
  const [{ next } = { next: 0 }] = await db
    .select({ next: sql<number>`coalesce(max(${earlyWarningEvidence.position}) + 1, 0)::int` })
    .from(earlyWarningEvidence)
    .where(eq(earlyWarningEvidence.warningId, warningId));
  return db
    .insert(earlyWarningEvidence)
    .values(
      urls.map((url, i) => ({
        warningId,
        url,
        position: next + i,
        addedBy: v.addedBy,
        addedAt: v.addedAt,
        carriedFrom: v.carriedFrom ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning();
}

/** Comments of a warning, oldest first. */
export async function listComments(db: Queryable, warningId: string): Promise<CommentRow[]> {
  return db
    .select()
    .from(earlyWarningComments)
    .where(eq(earlyWarningComments.warningId, warningId))
    .orderBy(asc(earlyWarningComments.createdAt), asc(earlyWarningComments.id));
}

/** Adds a comment. */
export async function insertComment(
  db: Queryable,
  values: typeof earlyWarningComments.$inferInsert,
): Promise<CommentRow> {
  const [row] = await db.insert(earlyWarningComments).values(values).returning();
  return row!;
}

/**
 * Copies the comments of one warning to another in one statement, keeping author and time; a comment
 * already carried there (same origin) is skipped. Returns how many were copied.
 */
export async function copyComments(db: Queryable, fromId: string, toId: string): Promise<number> {
  const res = await db.execute(sql`
    insert into early_warning_comments (warning_id, author_id, body, created_at, origin_id, carried_from)
    select ${toId}::uuid, c.author_id, c.body, c.created_at, coalesce(c.origin_id, c.id), ${fromId}::uuid
      from early_warning_comments c
     where c.warning_id = ${fromId}::uuid
       and coalesce(c.origin_id, c.id) not in (
             select id from early_warning_comments where warning_id = ${toId}::uuid)
     order by c.created_at, c.id
    on conflict (warning_id, origin_id) where origin_id is not null do nothing`);
  return res.rowCount ?? 0;
}

/** Appends to a warning's history. */
export async function insertEvent(
  db: Queryable,
  values: {
    warningId: string;
    kind: string;
    actorId: string | null;
    at: Date;
    data: Record<string, unknown>;
  },
): Promise<EventRow> {
  const [row] = await db.insert(earlyWarningEvents).values(values).returning();
  return row!;
}

/** A warning's history, oldest first. */
export async function listEvents(db: Queryable, warningId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(earlyWarningEvents)
    .where(eq(earlyWarningEvents.warningId, warningId))
    .orderBy(asc(earlyWarningEvents.id));
}

/** Who may see which warnings: everything, or their own plus those affecting agencies they supervise. */
export type WarningVisibility = { all: true } | { all: false; personId: string; agencyIds: string[] };

/** Filters of the warning list and the look-back. */
export interface WarningFilter {
  visibleTo: WarningVisibility;
  agencyId?: string;
  source?: SignalSource;
  severity?: Severity;
  state?: WarningState;
  /** Leave out merged duplicates (the look-back counts each signal once, on the survivor). */
  excludeMerged?: boolean;
  happened?: Happened;
  /** Only warnings the raiser answered (the look-back). */
  answered?: boolean;
  /** Window still running at `now` / already ended at `now`. */
  window?: { now: Date; is: "running" | "ended" };
  /** Window ends between `now` (exclusive) and `until` (inclusive). */
  windowEndsBetween?: { now: Date; until: Date };
}

function filterConds(f: WarningFilter): SQL[] {
  const conds: SQL[] = [];
  if (!f.visibleTo.all) {
    const v = f.visibleTo;
    const ors: SQL[] = [eq(earlyWarnings.raisedBy, v.personId)];
    if (v.agencyIds.length) {
      ors.push(
        sql`exists (select 1 from ${earlyWarningAgencies} wa
                     where wa.warning_id = ${earlyWarnings.id}
                       and wa.agency_id in (${sql.join(
                         v.agencyIds.map((id) => sql`${id}::uuid`),
                         sql`, `,
                       )}))`,
      );
    }
    conds.push(or(...ors)!);
  }
  if (f.agencyId) {
    conds.push(
      sql`exists (select 1 from ${earlyWarningAgencies} wa
                   where wa.warning_id = ${earlyWarnings.id} and wa.agency_id = ${f.agencyId}::uuid)`,
    );
  }
  if (f.source) conds.push(eq(earlyWarnings.signalSource, f.source));
  if (f.severity) conds.push(eq(earlyWarnings.severity, f.severity));
  if (f.state) conds.push(eq(earlyWarnings.state, f.state));
  if (f.excludeMerged) conds.push(ne(earlyWarnings.state, "merged"));
  if (f.happened) conds.push(eq(earlyWarnings.happened, f.happened));
  if (f.answered) conds.push(isNotNull(earlyWarnings.happened));
  if (f.window) {
    conds.push(
      f.window.is === "running"
        ? gt(earlyWarnings.windowEndsAt, f.window.now)
        : lte(earlyWarnings.windowEndsAt, f.window.now),
    );
  }
  if (f.windowEndsBetween) {
    conds.push(
      gt(earlyWarnings.windowEndsAt, f.windowEndsBetween.now),
      lte(earlyWarnings.windowEndsAt, f.windowEndsBetween.until),
    );
  }
  return conds;
}

/** Warnings newest first with keyset pagination; visibility is applied in SQL. */
export async function listWarnings(
  db: Queryable,
  f: WarningFilter & { after?: { createdAt: Date; id: string }; limit: number },
): Promise<WarningRow[]> {
  const conds = filterConds(f);
  if (f.after) {
    conds.push(
      sql`(${earlyWarnings.createdAt}, ${earlyWarnings.id}) < (${f.after.createdAt.toISOString()}::timestamptz, ${f.after.id}::uuid)`,
    );
  }
  return db
    .select()
    .from(earlyWarnings)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(earlyWarnings.createdAt), desc(earlyWarnings.id))
    .limit(f.limit);
}

/** Answers counted by signal source, severity and answer, over the warnings the filter selects. */
export async function countOutcomes(
  db: Queryable,
  f: WarningFilter,
): Promise<Array<{ source: SignalSource; severity: Severity; happened: Happened; n: number }>> {
  const conds = filterConds({ ...f, answered: true });
  return db
    .select({
      source: earlyWarnings.signalSource,
      severity: earlyWarnings.severity,
      happened: sql<Happened>`${earlyWarnings.happened}`,
      n: sql<number>`count(*)::int`,
    })
    .from(earlyWarnings)
    .where(and(...conds))
    .groupBy(earlyWarnings.signalSource, earlyWarnings.severity, earlyWarnings.happened);
}

/**
 * Claims up to `limit` warnings whose window has ended and whose raiser was not asked yet.
 * FOR UPDATE SKIP LOCKED: a warning another sweep (another process) is handling is skipped.
 */
export async function claimDueAsks(db: Queryable, now: Date, limit: number): Promise<WarningRow[]> {
  return db
    .select()
    .from(earlyWarnings)
    .where(and(isNotNull(earlyWarnings.askDueAt), lte(earlyWarnings.askDueAt, now)))
    .orderBy(asc(earlyWarnings.askDueAt), asc(earlyWarnings.id))
    .limit(limit)
    .for("update", { skipLocked: true });
}
