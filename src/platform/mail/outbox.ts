import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db, Queryable } from "../db/database.ts";
import type { Clock } from "../clock/index.ts";
import { mailOutbox } from "./tables.ts";

/** One message to send. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Queues a message in the outbox, inside the caller's transaction; it is due at `now` (the injected clock). */
export async function enqueueMail(db: Queryable, mail: OutgoingMail, now: Date): Promise<string> {
  const [row] = await db
    .insert(mailOutbox)
    .values({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      createdAt: now,
      nextAttemptAt: now,
    })
    .returning({ id: mailOutbox.id });
  return row!.id;
}

/** Queues several messages in one statement, inside the caller's transaction. */
export async function enqueueMails(db: Queryable, mails: OutgoingMail[], now: Date): Promise<void> {
  if (!mails.length) return;
  await db.insert(mailOutbox).values(
    mails.map((m) => ({
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html ?? null,
      createdAt: now,
      nextAttemptAt: now,
    })),
  );
}

/** Sends one message; implemented over SMTP, or by keeping it in the local mailbox in development. */
export type MailTransport = (mail: OutgoingMail & { from: string }) => Promise<void>;

/** An SMTP transport from an smtp:// or smtps:// URL. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return async (mail) => {
    await transporter.sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  };
}

/** Development transport: the message stays in the outbox table and is shown on /dev/mailbox. */
export const localMailboxTransport: MailTransport = async () => {};

const MAX_ATTEMPTS = 8;

/**
 * Sends due messages. Each row is claimed with FOR UPDATE SKIP LOCKED, so several processes never
 * send one message twice; failures retry with exponential back-off up to MAX_ATTEMPTS.
 */
export async function deliverDueMail(
  db: Db,
  clock: Clock,
  transport: MailTransport,
  from: string,
  limit = 50,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const done = await db.transaction(async (tx) => {
      const now = clock.now();
      const [row] = await tx
        .select()
        .from(mailOutbox)
        .where(
          and(isNull(mailOutbox.sentAt), isNull(mailOutbox.failedAt), lte(mailOutbox.nextAttemptAt, now)),
        )
        .orderBy(asc(mailOutbox.nextAttemptAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!row) return "empty" as const;
      try {
        await transport({
          from,
          to: row.to,
          subject: row.subject,
          text: row.text,
          html: row.html ?? undefined,
        });
        await tx
          .update(mailOutbox)
          .set({ sentAt: now, attempts: row.attempts + 1 })
          .where(eq(mailOutbox.id, row.id));
        return "sent" as const;
      } catch (err) {
        const attempts = row.attempts + 1;
        const delayMs = Math.min(60 * 60_000, 30_000 * 2 ** (attempts - 1));
        await tx
          .update(mailOutbox)
          .set({
            attempts,
            lastError: err instanceof Error ? err.message : String(err),
            nextAttemptAt: new Date(now.getTime() + delayMs),
            failedAt: attempts >= MAX_ATTEMPTS ? now : null,
          })
          .where(eq(mailOutbox.id, row.id));
        return "failed" as const;
      }
    });
    if (done === "empty") break;
    if (done === "sent") sent++;
    else failed++;
  }
  return { sent, failed };
}

/** Recent messages for the development mailbox page, newest first. */
export async function recentMail(db: Queryable, limit = 50) {
  return db
    .select()
    .from(mailOutbox)
    .orderBy(sql`${mailOutbox.createdAt} desc`)
    .limit(limit);
}
