import { createHmac } from "node:crypto";
import { and, asc, desc, eq, isNull, lte } from "drizzle-orm";
import type { Db } from "../../platform/db/database.ts";
import type { Clock } from "../../platform/clock/index.ts";
import { fail } from "../../platform/http/errors.ts";
import { newSecret } from "../../platform/http/tokens.ts";
import { writeAudited } from "../audit/index.ts";
import type { Actor } from "../directory/index.ts";
import { webhookDeliveries, webhooks } from "./webhook-tables.ts";

/** Sends one HTTP request for a delivery; replaceable in tests. */
export type HttpPost = (
  url: string,
  body: string,
  headers: Record<string, string>,
) => Promise<{ status: number }>;

/** POST with a 10-second timeout. */
export const fetchPost: HttpPost = async (url, body, headers) => {
  const res = await fetch(url, {
    method: "POST",
    body,
    headers,
    signal: AbortSignal.timeout(10_000),
    redirect: "manual",
  });
  await res.arrayBuffer().catch(() => undefined);
  return { status: res.status };
};

/** The signature a receiver checks: HMAC-SHA-256 of `${timestamp}.${body}` with the webhook's secret. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

const EVENT_PATTERN = /^[a-z*][a-z0-9.*-]{0,80}$/;

/** An admin registers a webhook; the secret is shown once. */
export async function createWebhook(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  input: { url: string; events: string[] },
) {
  if (!actor.isAdmin) throw fail.forbidden();
  const u = new URL(input.url);
  if (u.protocol !== "https:" && u.protocol !== "http:") throw fail.invalid("url", "must be an http(s) URL");
  const bad = input.events.find((e) => !EVENT_PATTERN.test(e));
  if (bad)
    throw fail.invalid(
      "events",
      `"${bad}" is not an event name or pattern such as matter.* or help-request.escalate`,
    );
  const secret = newSecret("whsec_");
  const row = await writeAudited(deps.db, actor, async (tx) => {
    const [created] = await tx
      .insert(webhooks)
      .values({
        url: input.url,
        secret,
        events: input.events,
        createdBy: actor.personId,
        createdAt: deps.clock.now(),
      })
      .returning();
    return {
      value: created!,
      audit: [
        {
          action: "webhook.create",
          entityType: "webhook",
          entityId: created!.id,
          after: { url: input.url, events: input.events },
        },
      ],
    };
  });
  return { ...presentWebhook(row), secret };
}

/** The registered webhooks (without secrets). */
export async function listWebhooks(deps: { db: Db }, actor: Actor) {
  if (!actor.isAdmin) throw fail.forbidden();
  return (await deps.db.select().from(webhooks).orderBy(asc(webhooks.createdAt))).map(presentWebhook);
}

/** Removes a webhook and its pending deliveries. */
export async function deleteWebhook(deps: { db: Db }, actor: Actor, id: string) {
  if (!actor.isAdmin) throw fail.forbidden();
  await writeAudited(deps.db, actor, async (tx) => {
    const [row] = await tx.delete(webhooks).where(eq(webhooks.id, id)).returning();
    if (!row) throw fail.notFound();
    return {
      value: row,
      audit: [{ action: "webhook.delete", entityType: "webhook", entityId: id, before: { url: row.url } }],
    };
  });
}

/** Recent deliveries of a webhook, newest first. */
export async function listDeliveries(deps: { db: Db }, actor: Actor, webhookId: string) {
  if (!actor.isAdmin) throw fail.forbidden();
  const rows = await deps.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.auditId))
    .limit(100);
  return rows.map((d) => ({
    id: d.id,
    event: d.event,
    payload: d.payload,
    attempts: d.attempts,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    failedAt: d.failedAt?.toISOString() ?? null,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
  }));
}

function presentWebhook(w: typeof webhooks.$inferSelect) {
  return { id: w.id, url: w.url, events: w.events, active: w.active, createdAt: w.createdAt.toISOString() };
}

const MAX_ATTEMPTS = 8;

/**
 * Delivers due webhook events, oldest first. Each delivery is claimed with FOR UPDATE SKIP LOCKED; a
 * 2xx answer marks it delivered, anything else retries with exponential back-off (30 s doubling, at most
 * an hour) up to eight attempts. Receivers should treat the delivery id as an idempotency key.
 */
export async function deliverWebhooks(db: Db, clock: Clock, post: HttpPost = fetchPost, limit = 100) {
  let delivered = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const r = await db.transaction(async (tx) => {
      const now = clock.now();
      const [d] = await tx
        .select({ d: webhookDeliveries, w: webhooks })
        .from(webhookDeliveries)
        .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
        .where(
          and(
            isNull(webhookDeliveries.deliveredAt),
            isNull(webhookDeliveries.failedAt),
            lte(webhookDeliveries.nextAttemptAt, now),
          ),
        )
        .orderBy(asc(webhookDeliveries.auditId))
        .limit(1)
        .for("update", { of: webhookDeliveries, skipLocked: true });
      if (!d) return "empty" as const;
      const body = JSON.stringify({ id: d.d.id, ...(d.d.payload as object) });
      const timestamp = String(Math.floor(now.getTime() / 1000));
      const attempts = d.d.attempts + 1;
      let status = 0;
      let error: string | null = null;
      try {
        status = (
          await post(d.w.url, body, {
            "content-type": "application/json",
            "user-agent": "PO-Network-Webhooks/1",
            "x-po-network-event": d.d.event,
            "x-po-network-delivery": d.d.id,
            "x-po-network-timestamp": timestamp,
            "x-po-network-signature": signWebhook(d.w.secret, timestamp, body),
          })
        ).status;
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
      if (status >= 200 && status < 300) {
        await tx
          .update(webhookDeliveries)
          .set({ deliveredAt: now, attempts, lastStatus: status, lastError: null })
          .where(eq(webhookDeliveries.id, d.d.id));
        return "delivered" as const;
      }
      const delay = Math.min(3600_000, 30_000 * 2 ** (attempts - 1));
      await tx
        .update(webhookDeliveries)
        .set({
          attempts,
          lastStatus: status || null,
          lastError: error ?? `HTTP ${status}`,
          nextAttemptAt: new Date(now.getTime() + delay),
          failedAt: attempts >= MAX_ATTEMPTS ? now : null,
        })
        .where(eq(webhookDeliveries.id, d.d.id));
      return "failed" as const;
    });
    if (r === "empty") break;
    if (r === "delivered") delivered++;
    else failed++;
  }
  return { delivered, failed };
}
