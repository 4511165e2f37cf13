import type { Db } from "../../platform/db/database.ts";
import type { Clock } from "../../platform/clock/index.ts";
import { fail } from "../../platform/http/errors.ts";
import { hashSecret, newSecret } from "../../platform/http/tokens.ts";
import { enqueueMail } from "../../platform/mail/outbox.ts";
import { writeAudited } from "../audit/index.ts";
import {
  createPersonRecord,
  findPerson,
  findPersonByEmail,
  grantsOf,
  type Actor,
  publicActor,
} from "../directory/index.ts";
import * as repo from "./repository.ts";

export { apiTokens, sessions, signInLinks, rateLimitHits } from "./tables.ts";

/** What sign-in needs. */
export interface AuthDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  /** SESSION_SECRET: keys the digests of tokens. */
  secret: string;
}

/** A sign-in link lives 15 minutes; a session 30 days from its last use. */
export const LINK_TTL_MS = 15 * 60_000;
export const SESSION_TTL_MS = 30 * 24 * 3600_000;
const LIMIT_WINDOW_MS = 15 * 60_000;
const LIMIT_PER_EMAIL = 5;
const LIMIT_PER_CLIENT = 20;

/**
 * Sends a one-time sign-in link to an e-mail address. The answer is the same whether or not the
 * address is known, so the form reveals nothing; too many requests get 429.
 */
export async function requestSignInLink(
  deps: AuthDeps,
  input: { email: string; redirectTo?: string; locale: "zh-TW" | "en" },
  clientKey: string,
): Promise<void> {
  const now = deps.clock.now();
  const email = input.email.trim().toLowerCase();
  const windowStart = new Date(now.getTime() - LIMIT_WINDOW_MS);
  const [byEmail, byClient] = await Promise.all([
    repo.hitRateLimit(deps.db, `sign-in:email:${email}`, windowStart, now),
    repo.hitRateLimit(deps.db, `sign-in:client:${clientKey}`, windowStart, now),
  ]);
  if (byEmail >= LIMIT_PER_EMAIL || byClient >= LIMIT_PER_CLIENT) throw fail.rateLimited();
  const token = newSecret();
  const redirectTo = safeRedirect(input.redirectTo);
  const url = `${deps.publicUrl}/sign-in/${token}`;
  const zh = input.locale === "zh-TW";
  await deps.db.transaction(async (tx) => {
    await repo.insertSignInLink(tx, {
      tokenHash: hashSecret(token, deps.secret),
      email,
      redirectTo,
      createdAt: now,
      expiresAt: new Date(now.getTime() + LINK_TTL_MS),
    });
    await enqueueMail(
      tx,
      {
        to: email,
        subject: zh ? "PO Network 登入連結" : "Your PO Network sign-in link",
        text: zh
          ? `請在 15 分鐘內開啟以下連結登入（只能使用一次）：\n\n${url}\n\n如果您沒有要求登入，請忽略這封信。\n`
          : `Open this link within 15 minutes to sign in (it works once):\n\n${url}\n\nIf you did not ask to sign in, ignore this message.\n`,
      },
      now,
    );
  });
}

/** A new browser session. */
export interface NewSession {
  token: string;
  csrfToken: string;
  personId: string;
  redirectTo: string | null;
  expiresAt: Date;
}

/**
 * Uses a sign-in link once and opens a session. A first sign-in of an unknown address creates a
 * participant account for it (the e-mail proves who they are).
 */
export async function consumeSignInLink(
  deps: AuthDeps,
  token: string,
  userAgent: string | null,
): Promise<NewSession> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const link = await repo.useSignInLink(tx, hashSecret(token, deps.secret), now);
    if (!link) throw fail.invalid("token", "this sign-in link is expired or was already used");
    let person = await findPersonByEmail(tx, link.email);
    if (!person)
      person = await createPersonRecord(tx, { email: link.email, name: link.email.split("@")[0]! });
    const sessionToken = newSecret("s_");
    const csrfToken = newSecret("", 24);
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    const session = await repo.insertSession(tx, {
      tokenHash: hashSecret(sessionToken, deps.secret),
      personId: person.id,
      csrfToken,
      userAgent: userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    });
    const { appendAudit } = await import("../audit/index.ts");
    await appendAudit(tx, { personId: person.id }, [
      { action: "session.start", entityType: "session", entityId: session.id, subjectIds: [person.id] },
    ]);
    return { token: sessionToken, csrfToken, personId: person.id, redirectTo: link.redirectTo, expiresAt };
  });
}

/** Builds the actor of a person: their grants and admin flag. */
export async function actorFor(db: Db, personId: string): Promise<Actor> {
  const person = await findPerson(db, personId);
  if (!person) return publicActor;
  return {
    personId: person.id,
    name: person.name,
    email: person.email,
    isAdmin: person.isAdmin,
    grants: await grantsOf(db, person.id),
  };
}

/** Resolves a session cookie to its actor and CSRF token. */
export async function actorFromSession(
  deps: AuthDeps,
  token: string,
): Promise<{ actor: Actor; csrfToken: string; sessionId: string } | null> {
  const now = deps.clock.now();
  const session = await repo.findLiveSession(deps.db, hashSecret(token, deps.secret), now);
  if (!session) return null;
  await repo.touchSession(deps.db, session.id, now, new Date(now.getTime() + SESSION_TTL_MS));
  return {
    actor: await actorFor(deps.db, session.personId),
    csrfToken: session.csrfToken,
    sessionId: session.id,
  };
}

/** Resolves a bearer token to its actor. */
export async function actorFromToken(deps: AuthDeps, token: string): Promise<Actor | null> {
  const row = await repo.findLiveToken(deps.db, hashSecret(token, deps.secret));
  if (!row) return null;
  await repo.touchToken(deps.db, row.id, deps.clock.now());
  return actorFor(deps.db, row.personId);
}

/** Creates a personal access token; the secret is returned once and only its hash is kept. */
export async function createApiToken(
  deps: AuthDeps,
  actor: { personId: string | null },
  personId: string,
  name: string,
): Promise<{ id: string; token: string; name: string; prefix: string; createdAt: string }> {
  const token = newSecret("pon_");
  const prefix = token.slice(0, 10);
  const row = await writeAudited(deps.db, actor, async (tx) => {
    const created = await repo.insertToken(tx, {
      personId,
      name,
      prefix,
      tokenHash: hashSecret(token, deps.secret),
      createdAt: deps.clock.now(),
    });
    return {
      value: created,
      audit: [
        {
          action: "token.create",
          entityType: "api-token",
          entityId: created.id,
          subjectIds: [personId],
          after: { name, prefix },
        },
      ],
    };
  });
  return { id: row.id, token, name: row.name, prefix: row.prefix, createdAt: row.createdAt.toISOString() };
}

/** The person's live tokens (without secrets). */
export async function listApiTokens(deps: AuthDeps, personId: string) {
  return (await repo.listTokens(deps.db, personId)).map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  }));
}

/** Revokes one of the person's tokens. */
export async function revokeApiToken(deps: AuthDeps, actor: Actor & { personId: string }, id: string) {
  await writeAudited(deps.db, actor, async (tx) => {
    const row = await repo.revokeToken(tx, actor.personId, id, deps.clock.now());
    if (!row) throw fail.notFound();
    return { value: row, audit: [{ action: "token.revoke", entityType: "api-token", entityId: id }] };
  });
}

/** The person's live sessions. */
export async function listSessions(deps: AuthDeps, personId: string) {
  return (await repo.listSessions(deps.db, personId, deps.clock.now())).map((s) => ({
    id: s.id,
    userAgent: s.userAgent,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
  }));
}

/** Ends one of the person's sessions (sign out, or "sign out that device"). */
export async function revokeSession(deps: AuthDeps, actor: Actor & { personId: string }, id: string) {
  await writeAudited(deps.db, actor, async (tx) => {
    const row = await repo.revokeSession(tx, actor.personId, id, deps.clock.now());
    if (!row) throw fail.notFound();
    return { value: row, audit: [{ action: "session.end", entityType: "session", entityId: id }] };
  });
}

/**
 * A limit on failed look-ups of a secret link (e.g. a review link) per client: `blocked` checks it
 * without counting, `failed` records one failure. Shared by all instances through the database.
 */
export function failedLookupLimit(db: Db, bucket: string, now: Date, limit = LIMIT_PER_CLIENT) {
  const windowStart = new Date(now.getTime() - LIMIT_WINDOW_MS);
  return {
    blocked: async () => (await repo.countRateLimitHits(db, bucket, windowStart)) >= limit,
    failed: async () => {
      await repo.hitRateLimit(db, bucket, windowStart, now);
    },
  };
}

/** A same-site path to go to after sign-in, or null: "//host" and "/\\host" lead elsewhere in browsers. */
export function safeRedirect(target: string | undefined | null): string | null {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.includes("\\")) return null;
  if ([...target].some((ch) => ch.charCodeAt(0) < 0x20)) return null;
  return target;
}
