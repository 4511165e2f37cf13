import { and, count, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import { apiTokens, rateLimitHits, sessions, signInLinks } from "./tables.ts";

/** Stores a sign-in link. */
export async function insertSignInLink(db: Queryable, v: typeof signInLinks.$inferInsert) {
  const [row] = await db.insert(signInLinks).values(v).returning();
  return row!;
}

/** Marks a link used if it is unused and unexpired; returns it, or null. Atomic: one use only. */
export async function useSignInLink(db: Queryable, tokenHash: string, now: Date) {
  const [row] = await db
    .update(signInLinks)
    .set({ usedAt: now })
    .where(
      and(eq(signInLinks.tokenHash, tokenHash), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, now)),
    )
    .returning();
  return row ?? null;
}

/** Stores a session. */
export async function insertSession(db: Queryable, v: typeof sessions.$inferInsert) {
  const [row] = await db.insert(sessions).values(v).returning();
  return row!;
}

/** A live session by token hash. */
export async function findLiveSession(db: Queryable, tokenHash: string, now: Date) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** Extends a session's life on use (at most once a minute, to spare writes). */
export async function touchSession(db: Queryable, id: string, now: Date, expiresAt: Date) {
  await db
    .update(sessions)
    .set({ lastSeenAt: now, expiresAt })
    .where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, new Date(now.getTime() - 60_000))));
}

/** Revokes a session of a person. */
export async function revokeSession(db: Queryable, personId: string, id: string, now: Date) {
  const [row] = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, id), eq(sessions.personId, personId), isNull(sessions.revokedAt)))
    .returning();
  return row ?? null;
}

/** Live sessions of a person. */
export async function listSessions(db: Queryable, personId: string, now: Date) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Stores an access token. */
export async function insertToken(db: Queryable, v: typeof apiTokens.$inferInsert) {
  const [row] = await db.insert(apiTokens).values(v).returning();
  return row!;
}

/** A live access token by hash. */
export async function findLiveToken(db: Queryable, tokenHash: string) {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
  return row ?? null;
}

/** Records a token's use (at most once a minute). */
export async function touchToken(db: Queryable, id: string, now: Date) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, id),
        sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < ${new Date(now.getTime() - 60_000)})`,
      ),
    );
}

/** Live tokens of a person. */
export async function listTokens(db: Queryable, personId: string) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.personId, personId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes a token of a person. */
export async function revokeToken(db: Queryable, personId: string, id: string, now: Date) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.personId, personId), isNull(apiTokens.revokedAt)))
    .returning();
  return row ?? null;
}

/** Counts recent hits in a rate-limit bucket and records one more; shared by all instances. */
export async function hitRateLimit(db: Queryable, bucket: string, windowStart: Date, now: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(rateLimitHits)
    .where(and(eq(rateLimitHits.bucket, bucket), gt(rateLimitHits.at, windowStart)));
  await db.insert(rateLimitHits).values({ bucket, at: now });
  await db.delete(rateLimitHits).where(lt(rateLimitHits.at, new Date(now.getTime() - 24 * 3600_000)));
  return row?.n ?? 0;
}

/** Counts recent hits in a rate-limit bucket without recording one. */
export async function countRateLimitHits(db: Queryable, bucket: string, windowStart: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(rateLimitHits)
    .where(and(eq(rateLimitHits.bucket, bucket), gt(rateLimitHits.at, windowStart)));
  return row?.n ?? 0;
}
