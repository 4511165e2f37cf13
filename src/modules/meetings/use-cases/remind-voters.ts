import { enqueueMails } from "../../../platform/mail/outbox.ts";
import { hashSecret, newSecret } from "../../../platform/http/tokens.ts";
import { appendAudit } from "../../audit/index.ts";
import * as repo from "../repository.ts";
import type { MeetingsDeps } from "./deps.ts";

/** Taipei date and time of a moment, for the reminder's text. */
const taipei = (at: Date, locale: "zh-TW" | "en-GB") =>
  new Intl.DateTimeFormat(locale, {
    timeZone: "Asia/Taipei",
    dateStyle: "medium",
    timeStyle: "short",
    hour12: false,
  }).format(at);

/**
 * The reminder before a ballot closes (the ballot sweep): each eligible voter who has not voted yet is
 * mailed once per round, 24 hours before the closing time (half-way through a shorter ballot), with a
 * fresh personal link. Both their links reach the same one ballot, so the reminder helps a voter who
 * lost the first mail without giving anyone a second vote; voters who have voted hear nothing. Each
 * meeting is claimed with `FOR UPDATE SKIP LOCKED` and marked reminded in the same transaction, so
 * concurrent or repeated runs remind once.
 */
export async function remindDueVoters(deps: Pick<MeetingsDeps, "db" | "clock" | "publicUrl" | "secret">) {
  const now = deps.clock.now();
  let reminded = 0;
  for (;;) {
    const done = await deps.db.transaction(async (tx) => {
      const [m] = await repo.claimDueReminders(tx, now, 1);
      if (!m) return false;
      const voters = await repo.unusedVoters(tx, m.id, m.ballotRound);
      const mails = [];
      for (const v of voters) {
        const token = newSecret();
        const key = { meetingId: m.id, round: m.ballotRound, personId: v.personId };
        if (!(await repo.setReminderDigest(tx, key, hashSecret(token, deps.secret)))) continue;
        const link = `${deps.publicUrl}/ballot/${token}`;
        const closes = taipei(m.ballotClosesAt!, "zh-TW");
        mails.push({
          to: v.email,
          subject: `提醒：議題票選即將截止：${m.title} / Reminder: the topic vote closes soon: ${m.title}`,
          text:
            `${v.name} 您好：\n\n「${m.title}」的議題票選將於 ${closes}（台北時間）截止，您尚未投票。` +
            `可以使用先前寄出的連結，或下面這個新的個人連結；兩個連結都只算同一張票，請勿轉寄。\n\n${link}\n\n---\n\n` +
            `Dear ${v.nameEn ?? v.name},\n\nThe topic vote of "${m.title}" closes ${taipei(m.ballotClosesAt!, "en-GB")} (Taipei time) and you have not voted yet. ` +
            `Use the link sent earlier or this new personal link; both cast the same single ballot. Please do not forward it.\n\n${link}\n`,
        });
      }
      await enqueueMails(tx, mails, now);
      await repo.updateMeeting(tx, m.id, { ballotRemindedRound: m.ballotRound, updatedAt: now });
      await appendAudit(tx, { personId: null }, [
        {
          action: "meeting.ballots-remind",
          entityType: "meeting",
          entityId: m.id,
          after: { round: m.ballotRound, reminded: mails.length },
        },
      ]);
      reminded += mails.length;
      return true;
    });
    if (!done) return reminded;
  }
}
