import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/database.ts";
import { currentRequestId } from "../../platform/context.ts";
import { auditLog } from "./tables.ts";

export { auditLog } from "./tables.ts";

/** One audit entry a write produces. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  /** People this entry is about (they see it in their own audit list). */
  subjectIds?: string[];
  before?: unknown;
  after?: unknown;
}

/** At least one entry: a write without an audit entry does not type-check. */
export type AuditTrail = [AuditEntry, ...AuditEntry[]];

/** Who acted; null personId for the system (CLI, sweeps). */
export interface AuditActor {
  personId: string | null;
}

/**
 * Runs a write in one transaction and records its audit entries in the same transaction.
 * The callback returns the value and the entries; either everything commits or nothing does.
 */
export async function writeAudited<T>(
  db: Db,
  actor: AuditActor,
  fn: (tx: Tx) => Promise<{ value: T; audit: AuditTrail }>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const { value, audit } = await fn(tx);
    await appendAudit(tx, actor, audit);
    return value;
  });
}

/** Appends entries inside an open transaction. */
export async function appendAudit(tx: Tx | Db, actor: AuditActor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const requestId = currentRequestId();
  await tx.insert(auditLog).values(
    entries.map((e) => ({
      actorId: actor.personId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      subjectIds: [...new Set([...(e.subjectIds ?? []), ...(actor.personId ? [actor.personId] : [])])],
      before: e.before ?? null,
      after: e.after ?? null,
      requestId,
    })),
  );
}

/** Records that someone read a restricted record. */
export async function recordRead(
  db: Db | Tx,
  actor: AuditActor,
  entityType: string,
  entityId: string,
  subjectIds: string[] = [],
): Promise<void> {
  await appendAudit(db, actor, [{ action: "read", entityType, entityId, subjectIds }]);
}

/** An audit entry as the API shows it. */
export interface AuditView {
  id: number;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** Filters for browsing the log. */
export interface AuditQuery {
  /** Entries by or about this person. */
  aboutPersonId?: string;
  entityType?: string;
  entityId?: string;
  /** Keyset cursor: entries with a smaller id. */
  before?: number;
  limit: number;
}

/** Lists entries newest first with keyset pagination. */
export async function listAudit(db: Db, q: AuditQuery): Promise<{ items: AuditView[]; next: number | null }> {
  const conds: SQL[] = [];
  if (q.aboutPersonId) {
    conds.push(
      or(
        eq(auditLog.actorId, q.aboutPersonId),
        sql`${auditLog.subjectIds} @> array[${q.aboutPersonId}]::uuid[]`,
      )!,
    );
  }
  if (q.entityType) conds.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
  if (q.before) conds.push(lt(auditLog.id, q.before));
  const rows = await db
    .select()
    .from(auditLog)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      requestId: r.requestId,
    })),
    next: rows.length > q.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
