// Public surface of the notifications module: one place every other module notifies through.
import { and, asc, desc, eq, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../platform/db/database.ts";
import type { Clock } from "../../platform/clock/index.ts";
import { enqueueMail, enqueueMails } from "../../platform/mail/outbox.ts";
import { taipeiDate, startOfTaipeiDay } from "../../platform/calendar/index.ts";
import { notificationPrefs, notifications } from "./tables.ts";
import { people } from "../directory/index.ts";

export { notifications, notificationPrefs } from "./tables.ts";
export { notificationRoutes } from "./routes.ts";
export { webhooks, webhookDeliveries } from "./webhook-tables.ts";
export { deliverWebhooks, signWebhook, type HttpPost } from "./webhooks.ts";

/** A bilingual text. */
export type LocaleText = { "zh-TW": string; en: string };

/** One event to tell people about. */
export interface NotificationInput {
  /** People to tell; the actor is always left out (nobody is notified of their own action). */
  recipientIds: string[];
  actorId: string | null;
  kind: string;
  title: LocaleText;
  body?: LocaleText;
  /** Path inside the site, e.g. /help-requests/… */
  url?: string;
  /** Lapsed clocks: e-mailed at once whatever the person's preference. */
  urgent?: boolean;
  /** Repeats with the same key merge into one unread item. */
  mergeKey?: string;
}

/** Context for e-mail links. */
export interface NotifyContext {
  now: Date;
  publicUrl: string;
}

/**
 * Records the event in each recipient's inbox, inside the caller's transaction, and queues e-mail for
 * those who want it at once (or for urgent items). Repeats of an unread item merge into it.
 */
export async function notify(tx: Queryable, ctx: NotifyContext, input: NotificationInput): Promise<number> {
  const recipients = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  if (!recipients.length) return 0;
  const prefs = await tx
    .select({ personId: notificationPrefs.personId, email: notificationPrefs.email })
    .from(notificationPrefs)
    .where(inArray(notificationPrefs.personId, recipients));
  const modeOf = new Map(prefs.map((p) => [p.personId, p.email]));
  const emails = await tx
    .select({ id: people.id, email: people.email, locale: people.locale })
    .from(people)
    .where(inArray(people.id, recipients));
  const contact = new Map(emails.map((e) => [e.id, e]));
  // Repeats of an unread item merge into it (one statement for all recipients).
  let merged = new Set<string>();
  if (input.mergeKey) {
    const rows = await tx
      .update(notifications)
      .set({
        count: sql`${notifications.count} + 1`,
        updatedAt: ctx.now,
        title: input.title,
        body: input.body ?? null,
      })
      .where(
        and(
          inArray(notifications.personId, recipients),
          eq(notifications.mergeKey, input.mergeKey),
          isNull(notifications.readAt),
        ),
      )
      .returning({ personId: notifications.personId });
    merged = new Set(rows.map((r) => r.personId));
  }
  const fresh = recipients.filter((id) => !merged.has(id));
  const mailNow = (id: string) => (input.urgent ?? false) || modeOf.get(id) === "immediate";
  if (fresh.length) {
    await tx.insert(notifications).values(
      fresh.map((personId) => ({
        personId,
        kind: input.kind,
        title: input.title,
        body: input.body ?? null,
        url: input.url ?? null,
        urgent: input.urgent ?? false,
        mergeKey: input.mergeKey ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        // Already mailed (or never to be mailed): the daily digest skips it.
        emailedAt: mailNow(personId) || modeOf.get(personId) === "none" ? ctx.now : null,
      })),
    );
  }
  const link = input.url ? `${ctx.publicUrl}${input.url}` : `${ctx.publicUrl}/inbox`;
  const mails = fresh
    .filter(mailNow)
    .map((id) => contact.get(id))
    .filter((c) => c !== undefined)
    .map((to) => {
      const zh = (to.locale ?? "zh-TW") === "zh-TW";
      return {
        to: to.email,
        subject: `${input.urgent ? (zh ? "【緊急】" : "[Urgent] ") : ""}${zh ? input.title["zh-TW"] : input.title.en}`,
        text: `${zh ? (input.body?.["zh-TW"] ?? input.title["zh-TW"]) : (input.body?.en ?? input.title.en)}\n\n${link}\n`,
      };
    });
  await enqueueMails(tx, mails, ctx.now);
  const delivered = recipients.length;
  return delivered;
}

/** A person's inbox, newest first, with keyset pagination. */
export async function listInbox(
  db: Db,
  personId: string,
  opts: { unreadOnly?: boolean; before?: string; limit: number },
) {
  const conds = [eq(notifications.personId, personId)];
  if (opts.unreadOnly) conds.push(isNull(notifications.readAt));
  if (opts.before) conds.push(lt(notifications.updatedAt, new Date(opts.before)));
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...conds))
    .orderBy(desc(notifications.updatedAt), desc(notifications.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  return {
    items: page.map(present),
    next: rows.length > opts.limit ? page[page.length - 1]!.updatedAt.toISOString() : null,
  };
}

/** Number of unread items (shown in the page header). */
export async function unreadCount(db: Queryable, personId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks items read (all when ids is empty). */
export async function markRead(db: Queryable, personId: string, ids: string[], now: Date): Promise<number> {
  const conds = [eq(notifications.personId, personId), isNull(notifications.readAt)];
  if (ids.length) conds.push(inArray(notifications.id, ids));
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(...conds))
    .returning({ id: notifications.id });
  return rows.length;
}

/** The person's e-mail preference. */
export async function getPreference(db: Queryable, personId: string) {
  const [row] = await db.select().from(notificationPrefs).where(eq(notificationPrefs.personId, personId));
  return { email: row?.email ?? ("daily" as const) };
}

/** Sets the person's e-mail preference. */
export async function setPreference(
  db: Queryable,
  personId: string,
  email: "immediate" | "daily" | "none",
  now: Date,
) {
  await db
    .insert(notificationPrefs)
    .values({ personId, email, updatedAt: now })
    .onConflictDoUpdate({ target: notificationPrefs.personId, set: { email, updatedAt: now } });
  return { email };
}

/** Hour of the day (Asia/Taipei) at which daily digests go out. */
export const DIGEST_HOUR = 8;

/**
 * Sends the daily digest: from 08:00 Taipei, one e-mail per person with the items not yet e-mailed.
 * Each person is claimed with FOR UPDATE SKIP LOCKED, so parallel sweeps never send one digest twice.
 */
export async function sendDailyDigests(
  db: Db,
  clock: Clock,
  publicUrl: string,
): Promise<{ digests: number }> {
  const now = clock.now();
  const digestTime = new Date(startOfTaipeiDay(taipeiDate(now)).getTime() + DIGEST_HOUR * 3600_000);
  if (now < digestTime) return { digests: 0 };
  const candidates = await db.execute<{ person_id: string }>(sql`
    select n.person_id from notifications n
      left join notification_prefs p on p.person_id = n.person_id
     where n.emailed_at is null and n.created_at <= ${now}
       and coalesce(p.email, 'daily') = 'daily'
       and (p.last_digest_at is null or p.last_digest_at < ${digestTime})
     group by n.person_id order by n.person_id limit 500`);
  let digests = 0;
  for (const { person_id: personId } of candidates.rows) {
    const sent = await db.transaction(async (tx) => {
      await tx
        .insert(notificationPrefs)
        .values({ personId, email: "daily", updatedAt: now })
        .onConflictDoNothing();
      const locked = await tx.execute<{ last: Date | null }>(
        sql`select last_digest_at as last from notification_prefs where person_id = ${personId} for update skip locked`,
      );
      const row = locked.rows[0];
      // Another sweep holds this person, or already sent today's digest.
      if (!row || (row.last && new Date(row.last) >= digestTime)) return false;
      const items = await tx
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.personId, personId),
            isNull(notifications.emailedAt),
            lte(notifications.createdAt, now),
          ),
        )
        .orderBy(asc(notifications.createdAt));
      const [person] = await tx.select().from(people).where(eq(people.id, personId));
      if (!person || !items.length) return false;
      const zh = (person.locale ?? "zh-TW") === "zh-TW";
      const lines = items.map(
        (n) =>
          `- ${zh ? n.title["zh-TW"] : n.title.en}${n.count > 1 ? ` (×${n.count})` : ""}${n.url ? `\n  ${publicUrl}${n.url}` : ""}`,
      );
      await enqueueMail(
        tx,
        {
          to: person.email,
          subject: zh
            ? `PO Network 每日摘要：${items.length} 則通知`
            : `PO Network daily digest: ${items.length} notifications`,
          text: `${lines.join("\n")}\n\n${publicUrl}/inbox\n`,
        },
        now,
      );
      await tx
        .update(notifications)
        .set({ emailedAt: now })
        .where(
          and(
            eq(notifications.personId, personId),
            isNull(notifications.emailedAt),
            lte(notifications.createdAt, now),
          ),
        );
      await tx
        .update(notificationPrefs)
        .set({ lastDigestAt: now })
        .where(eq(notificationPrefs.personId, personId));
      return true;
    });
    if (sent) digests++;
  }
  return { digests };
}

function present(n: typeof notifications.$inferSelect) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body ?? null,
    url: n.url,
    urgent: n.urgent,
    count: n.count,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}
