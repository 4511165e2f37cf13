import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "../../platform/testing/app.ts";
import { taipeiDate, nextDay } from "../../platform/calendar/working-days.ts";
import { recentMail } from "../../platform/mail/outbox.ts";
import { findOrg } from "../directory/index.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let moiPo: string;
let pdis: string;
let staff: string;
let moi: string;
let today: string;

const STAFF_EMAIL = "staff-moi-civil-affairs@example.org";
const subjectOf = "議題手冊已發布";

before(async () => {
  t = await createTestApp();
  moiPo = await t.tokenFor("po-moi-lead@example.org");
  pdis = await t.tokenFor("pdis-project-manager@example.org");
  staff = await t.tokenFor(STAFF_EMAIL);
  moi = (await findOrg(t.db, "moi"))!.id;
  today = taipeiDate(t.rt.clock.now());
  for (const title of ["外送員職業安全", "公車動態資料開放"]) {
    const res = await t.api("POST", "/api/v1/cases", { token: moiPo, body: { title, leadAgencyId: moi } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const ch = await t.api("PUT", `/api/v1/cases/${res.body.number}/research/challenge`, {
      token: moiPo,
      body: { text: "我們可以如何？" },
    });
    assert.equal(ch.status, 200, JSON.stringify(ch.body));
  }
});
after(() => t.close());

const handbookMails = async () =>
  (await recentMail(t.db, 200)).filter((m) => m.subject.startsWith(subjectOf));
const handbookItems = async (token: string) =>
  (await t.api("GET", "/api/v1/me/notifications", { token })).body.items.filter(
    (i: any) => i.kind === "case.handbook-published",
  );
const seat = async (token: string, body: Record<string, unknown>) => {
  const res = await t.api("POST", "/api/v1/cases/1/seats", { token, body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
};

describe("the collaborative meeting in the handbook", () => {
  let meetingId: string;

  test("with a collaborative meeting: its date, start time and place, linked to its page", async () => {
    // The stage's due date differs from the meeting's date: the meeting's own date wins.
    const stage = await t.api("PATCH", "/api/v1/cases/1/stages/collaborative-meeting", {
      token: moiPo,
      body: { dueOn: nextDay(today, 10) },
    });
    assert.equal(stage.status, 200, JSON.stringify(stage.body));
    const m = await t.api("POST", "/api/v1/meetings", {
      token: moiPo,
      body: {
        kind: "collaborative",
        caseNumber: 1,
        date: nextDay(today, 2),
        startTime: "09:30",
        location: "內政部 3 樓第一會議室",
      },
    });
    assert.equal(m.status, 201, JSON.stringify(m.body));
    meetingId = m.body.id;
    const h = await t.api("GET", "/api/v1/cases/1/handbook", { token: moiPo });
    assert.equal(h.status, 200, JSON.stringify(h.body));
    assert.equal(h.body.meeting.date, nextDay(today, 2));
    assert.equal(h.body.meeting.dueOn, nextDay(today, 10));
    assert.equal(h.body.meeting.meeting.id, meetingId);
    assert.equal(h.body.meeting.meeting.url, `/meetings/${meetingId}`);
    assert.equal(h.body.meeting.meeting.date, nextDay(today, 2));
    assert.equal(h.body.meeting.meeting.startTime, "09:30");
    assert.equal(h.body.meeting.meeting.location, "內政部 3 樓第一會議室");
  });

  test("without one: the stage's due date, and no time or place", async () => {
    await t.api("PATCH", "/api/v1/cases/2/stages/collaborative-meeting", {
      token: moiPo,
      body: { dueOn: nextDay(today, 5) },
    });
    const h = await t.api("GET", "/api/v1/cases/2/handbook", { token: moiPo });
    assert.equal(h.status, 200, JSON.stringify(h.body));
    assert.equal(h.body.meeting.date, nextDay(today, 5));
    assert.equal(h.body.meeting.meeting, null);
    const published = await t.api("POST", "/api/v1/cases/2/handbook", { token: moiPo });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.timing.meetingOn, nextDay(today, 5));
    assert.equal(published.body.timing.daysBefore, 5);
    for (const [path, lang] of [
      ["/cases/2/handbook", "en"],
      ["/cases/2/handbook?print=1", "zh-TW"],
    ] as const) {
      const res = await t.app.request(path, { headers: { accept: "text/html", "accept-language": lang } });
      assert.equal(res.status, 200, path);
      const html = await res.text();
      assert.ok(html.includes(nextDay(today, 5)), path);
      assert.equal(/Place|地點/.test(html), false, path);
      assert.equal(html.includes("/meetings/"), false, path);
    }
  });

  test("publishing: the timing is measured to the meeting's date, and the web and print views show it", async () => {
    await seat(staff, { category: "co-signer" });
    const published = await t.api("POST", "/api/v1/cases/1/handbook", { token: moiPo });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    // Two days before the meeting is on time; the stage's due date (10 days) would have warned.
    assert.equal(published.body.timing.meetingOn, nextDay(today, 2));
    assert.equal(published.body.timing.daysBefore, 2);
    assert.equal(published.body.timing.warning, null);
    for (const [path, lang, time, place] of [
      ["/cases/1/handbook", "en", "09:30 (Taipei time)", "Place"],
      ["/cases/1/handbook?print=1", "zh-TW", "09:30（臺北時間）", "地點"],
    ] as const) {
      const res = await t.app.request(path, { headers: { accept: "text/html", "accept-language": lang } });
      assert.equal(res.status, 200, path);
      const html = await res.text();
      assert.ok(html.includes(nextDay(today, 2)), `${path}: the meeting's date`);
      assert.equal(html.includes(nextDay(today, 10)), false, `${path}: not the due date`);
      assert.ok(html.includes(time), `${path}: the start time`);
      assert.ok(html.includes(place), `${path}: the place label`);
      assert.ok(html.includes("內政部 3 樓第一會議室"), `${path}: the place`);
      assert.ok(html.includes(`href="/meetings/${meetingId}"`), `${path}: the meeting page`);
    }
  });
});

describe("telling the attendees", () => {
  test("confirmed attendees are told once each; not the waiting list, withdrawn seats or the publisher", async () => {
    // Case 3, with a seat of each kind, published by its lead agency's PO.
    const c = await t.api("POST", "/api/v1/cases", {
      token: moiPo,
      body: { title: "路邊停車電子支付", leadAgencyId: moi },
    });
    assert.equal(c.status, 201);
    const n = c.body.number;
    await t.api("PUT", `/api/v1/cases/${n}/research/challenge`, { token: moiPo, body: { text: "如何？" } });
    const add = async (token: string, body: Record<string, unknown>) => {
      const res = await t.api("POST", `/api/v1/cases/${n}/seats`, { token, body });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body;
    };
    await add(staff, { category: "co-signer" }); // in the directory
    await add(moiPo, { category: "co-signer" }); // the publisher
    // Known only by e-mail; the same address twice, in different case.
    await add(moiPo, {
      category: "agency-stakeholder",
      invitingAgencyId: moi,
      name: "王小明",
      email: "Guest@Example.net",
    });
    await add(moiPo, {
      category: "other-stakeholder",
      groupName: "停車業者公會",
      name: "王小明",
      email: "guest@example.net",
    });
    // The directory attendee's address on an e-mail-only seat: they are told once, by notification.
    await add(moiPo, {
      category: "other-stakeholder",
      groupName: "里長聯誼會",
      name: "陳專員",
      email: STAFF_EMAIL.toUpperCase(),
    });
    // No address at all: nothing to send.
    await add(moiPo, { category: "agency-stakeholder", invitingAgencyId: moi, name: "無信箱者" });
    for (const i of [1, 2, 3])
      await add(moiPo, { category: "co-signer", name: `連署人${i}`, email: `cosigner${i}@example.net` });
    const waiting = await add(moiPo, { category: "co-signer", name: "候補者", email: "waiting@example.net" });
    assert.equal(waiting.state, "waiting");
    const gone = await add(moiPo, {
      category: "other-stakeholder",
      groupName: "機車騎士協會",
      name: "退出者",
      email: "withdrawn@example.net",
    });
    const w = await t.api("POST", `/api/v1/cases/${n}/seats/${gone.id}/withdraw`, { token: moiPo });
    assert.equal(w.status, 200, JSON.stringify(w.body));

    const m = await t.api("POST", "/api/v1/meetings", {
      token: moiPo,
      body: {
        kind: "collaborative",
        caseNumber: n,
        date: nextDay(today, 3),
        startTime: "14:30",
        location: "市府禮堂",
      },
    });
    assert.equal(m.status, 201, JSON.stringify(m.body));
    const mailsBefore = (await handbookMails()).length;
    const staffBefore = (await handbookItems(staff)).length;
    const published = await t.api("POST", `/api/v1/cases/${n}/handbook`, { token: moiPo });
    assert.equal(published.status, 200, JSON.stringify(published.body));

    const items = (await handbookItems(staff)).filter((i: any) => i.url.endsWith(`/cases/${n}/handbook`));
    assert.equal(items.length, 1);
    assert.equal((await handbookItems(staff)).length, staffBefore + 1);
    assert.match(items[0].title["zh-TW"], /議題手冊已發布/);
    assert.equal(items[0].urgent ?? false, false);
    assert.deepEqual(await handbookItems(moiPo), [], "the publisher is not told");
    assert.deepEqual(await handbookItems(pdis), [], "an organiser without a seat is not told");

    const mails = (await handbookMails()).filter((m) => m.text.includes(`/cases/${n}/handbook`));
    assert.equal((await handbookMails()).length, mailsBefore + mails.length);
    assert.deepEqual(mails.map((m) => m.to.toLowerCase()).sort(), [
      "cosigner1@example.net",
      "cosigner2@example.net",
      "cosigner3@example.net",
      "guest@example.net",
    ]);
    for (const m of mails) {
      assert.ok(m.text.includes(`/cases/${n}/handbook`), "the public handbook link");
      assert.match(m.text, /您好/);
      assert.match(m.text, /Dear /);
      assert.ok(m.text.includes(`${nextDay(today, 3)} 14:30（臺北時間），市府禮堂`), "when and where");
    }
  });
});
