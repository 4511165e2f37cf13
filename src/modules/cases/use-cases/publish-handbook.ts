import { taipeiDate } from "../../../platform/calendar/working-days.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { enqueueMails } from "../../../platform/mail/outbox.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
import { caseError } from "../errors.ts";
import { handbookTiming } from "../policy.ts";
import * as repo from "../repository.ts";
import type { CaseMeeting, CasesDeps } from "./deps.ts";
import { collaborativeMeeting, getHandbook } from "./get-handbook.ts";
import { loadForOrganiser, parseCaseNumber } from "./shared.ts";

/**
 * Publishes the issue handbook (organisers): records the time, makes the handbook page the artefact of
 * the `handbook-published` stage, moves a case at its prep meeting on to that stage, and tells the
 * confirmed attendees (see `tellAttendees`). Publishing outside the 2–3 days before the collaborative
 * meeting's date (the linked meeting's own date, or else the stage's due date) is allowed — meetings
 * move — and answered with a warning in `timing`. It needs a challenge statement; it is done once.
 */
export async function publishHandbook(deps: CasesDeps, actor: Actor, rawNumber: string) {
  const number = parseCaseNumber(rawNumber);
  const now = deps.clock.now();
  const timing = await writeAudited(deps.db, actor, async (tx) => {
    const { c } = await loadForOrganiser(tx, actor, number);
    if (c.handbookPublishedAt)
      throw caseError("handbook_published", { at: taipeiDate(c.handbookPublishedAt) });
    if (!(await repo.listChallengeVersions(tx, c.id)).length)
      throw caseError("handbook_needs_challenge", {}, "challenge");
    const collaborative = await collaborativeMeeting(deps, tx, c.id);
    const meetingOn = collaborative.meeting?.date ?? collaborative.stage?.dueOn ?? null;
    const url = `${deps.publicUrl}/cases/${c.number}/handbook`;
    const moves = c.stage === "prep-meeting";
    if (moves) await repo.updateStage(tx, c.id, "prep-meeting", { completedAt: now });
    await repo.updateStage(tx, c.id, "handbook-published", {
      artefactUrl: url,
      ...(moves ? { startedAt: now } : {}),
    });
    await repo.updateCase(tx, c.id, {
      handbookPublishedAt: now,
      updatedAt: now,
      ...(moves ? { stage: "handbook-published" as const } : {}),
    });
    await repo.addEvent(tx, {
      caseId: c.id,
      at: now,
      actorId: actor.personId,
      kind: "handbook",
      data: { url },
    });
    if (moves)
      await repo.addEvent(tx, {
        caseId: c.id,
        at: now,
        actorId: actor.personId,
        kind: "stage",
        data: { from: "prep-meeting", to: "handbook-published" },
      });
    const told = await tellAttendees(
      tx,
      { now, publicUrl: deps.publicUrl },
      {
        actorId: actor.personId,
        caseId: c.id,
        number: c.number,
        title: c.title,
        meeting: collaborative.meeting,
        meetingOn,
      },
    );
    const timing = { meetingOn, ...handbookTiming(taipeiDate(now), meetingOn) };
    return {
      value: timing,
      audit: [
        {
          action: "case.handbook-publish",
          entityType: "case",
          entityId: c.id,
          before: { handbookPublishedAt: null, stage: c.stage },
          after: {
            handbookPublishedAt: now.toISOString(),
            stage: moves ? "handbook-published" : c.stage,
            timing,
            told,
          },
        },
      ],
    };
  });
  return { handbook: await getHandbook(deps, actor, number), timing };
}

/**
 * Tells the confirmed attendees of the collaborative meeting that the handbook is out, in the
 * publishing transaction: those in the directory by a notification (not urgent), those known only by
 * e-mail by a bilingual mail with the public link. The waiting list and withdrawn seats are not told,
 * a seat with neither a person nor an address gets nothing, nobody is told twice (by person, and by
 * address ignoring case — an address that belongs to a seat with a person is that person's), and the
 * publisher is not told of their own action. Returns how many were told, for the audit entry.
 */
async function tellAttendees(
  tx: Queryable,
  ctx: { now: Date; publicUrl: string },
  input: {
    actorId: string | null;
    caseId: string;
    number: number;
    title: string;
    meeting: CaseMeeting | null;
    meetingOn: string | null;
  },
): Promise<{ notified: number; mailed: number }> {
  const seats = (await repo.listSeats(tx, input.caseId)).filter((s) => s.state === "confirmed");
  const people = [...new Set(seats.flatMap((s) => (s.personId ? [s.personId] : [])))].filter(
    (id) => id !== input.actorId,
  );
  const path = `/cases/${input.number}/handbook`;
  if (people.length)
    await notify(tx, ctx, {
      recipientIds: people,
      actorId: input.actorId,
      kind: "case.handbook-published",
      title: {
        "zh-TW": `議題手冊已發布：序號 ${input.number} ${input.title}`,
        en: `Issue handbook published: case ${input.number}, ${input.title}`,
      },
      body: {
        "zh-TW": "請在協作會議前閱讀議題手冊。",
        en: "Please read the issue handbook before the collaborative meeting.",
      },
      url: path,
    });
  const fold = (e: string) => e.trim().toLowerCase();
  const known = new Set(seats.flatMap((s) => (s.personId && s.email ? [fold(s.email)] : [])));
  const mailed = new Map<string, { to: string; name: string }>();
  for (const s of seats) {
    if (s.personId || !s.email?.trim()) continue;
    const key = fold(s.email);
    if (known.has(key) || mailed.has(key)) continue;
    mailed.set(key, { to: s.email.trim(), name: s.name });
  }
  const link = `${ctx.publicUrl}${path}`;
  // When and where, as far as it is known: the meeting's date, time and place, or the planned date.
  const at = input.meeting;
  const when = {
    "zh-TW": at
      ? `協作會議：${at.date} ${at.startTime}（臺北時間）${at.location ? `，${at.location}` : ""}\n\n`
      : input.meetingOn
        ? `協作會議預定日期：${input.meetingOn}\n\n`
        : "",
    en: at
      ? `The collaborative meeting: ${at.date} at ${at.startTime} (Taipei time)${at.location ? `, ${at.location}` : ""}\n\n`
      : input.meetingOn
        ? `The collaborative meeting is planned for ${input.meetingOn}\n\n`
        : "",
  };
  await enqueueMails(
    tx,
    [...mailed.values()].map((m) => ({
      to: m.to,
      subject: `議題手冊已發布：序號 ${input.number} ${input.title} / Issue handbook published: case ${input.number}`,
      text:
        `${m.name} 您好：\n\n` +
        `您有席次的協作會議「${input.title}」（序號 ${input.number}）的議題手冊已經發布，請在會議前閱讀：\n\n` +
        `${link}\n\n` +
        when["zh-TW"] +
        `議題手冊整理了議題的背景、利害關係人與挑戰陳述，會前閱讀能讓討論更順利。\n\n` +
        `---\n\n` +
        `Dear ${m.name},\n\n` +
        `The issue handbook for the collaborative meeting "${input.title}" (case ${input.number}), where you have a seat, is published. Please read it before the meeting:\n\n` +
        `${link}\n\n` +
        when.en +
        `It sets out the topic's background, its stakeholders and the challenge statement; reading it beforehand makes the discussion go better.\n`,
    })),
    ctx.now,
  );
  return { notified: people.length, mailed: mailed.size };
}
