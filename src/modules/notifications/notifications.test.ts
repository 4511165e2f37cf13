import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { findPersonByEmail } from "../directory/index.ts";
import { notify, sendDailyDigests } from "./index.ts";
import { recentMail } from "../../platform/mail/outbox.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let alice: string; // person ids
let bob: string;
before(async () => {
  t = await createTestApp();
  alice = (await findPersonByEmail(t.db, "po-moi-lead@example.org"))!.id;
  bob = (await findPersonByEmail(t.db, "sup-moi@example.org"))!.id;
});
after(() => t.close());

const ctx = () => ({ now: t.rt.clock.now(), publicUrl: "http://po.test" });
const title = { "zh-TW": "測試", en: "Test" };

test("nobody is notified of their own action; repeats merge into one unread item", async () => {
  const n = await notify(t.db, ctx(), {
    recipientIds: [alice, bob],
    actorId: alice,
    kind: "k",
    title,
    mergeKey: "m1",
  });
  assert.equal(n, 1);
  await notify(t.db, ctx(), { recipientIds: [bob], actorId: null, kind: "k", title, mergeKey: "m1" });
  const bobTok = await t.tokenFor("sup-moi@example.org");
  const inbox = await t.api("GET", "/api/v1/me/notifications", { token: bobTok });
  const merged = inbox.body.items.filter((i: any) => i.kind === "k");
  assert.equal(merged.length, 1);
  assert.equal(merged[0].count, 2);
  assert.equal(inbox.body.unread, 1);
  const aliceTok = await t.tokenFor("po-moi-lead@example.org");
  assert.equal((await t.api("GET", "/api/v1/me/notifications", { token: aliceTok })).body.items.length, 0);
  const read = await t.api("POST", "/api/v1/me/notifications/read", { token: bobTok, body: { ids: [] } });
  assert.equal(read.body.marked, 1);
  // After it is read, the same event starts a new item.
  await notify(t.db, ctx(), { recipientIds: [bob], actorId: null, kind: "k", title, mergeKey: "m1" });
  assert.equal(
    (await t.api("GET", "/api/v1/me/notifications?unread=1", { token: bobTok })).body.items.length,
    1,
  );
});

test("immediate preference e-mails at once; urgent items always; the rest wait for the 08:00 digest", async () => {
  const bobTok = await t.tokenFor("sup-moi@example.org");
  const bad = await t.api("PUT", "/api/v1/me/notification-preference", {
    token: bobTok,
    body: { email: "hourly" },
  });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, "email");
  const clock = t.rt.clock as FixedClock;
  clock.set(new Date("2026-03-03T03:00:00Z")); // 11:00 Taipei
  const before = (await recentMail(t.db, 500)).length;
  await notify(t.db, ctx(), {
    recipientIds: [alice],
    actorId: null,
    kind: "digest-me",
    title: { "zh-TW": "摘要項目", en: "Digest item" },
  });
  await notify(t.db, ctx(), {
    recipientIds: [alice],
    actorId: null,
    kind: "urgent",
    title: { "zh-TW": "逾時", en: "Lapsed" },
    urgent: true,
  });
  const afterNotify = await recentMail(t.db, 500);
  assert.equal(afterNotify.length, before + 1, "only the urgent item is mailed at once");
  assert.match(afterNotify[0]!.subject, /緊急|Urgent/);
  // Before 08:00 the next day nothing goes; at 08:00 one digest with the waiting item.
  clock.set(new Date("2026-03-03T23:00:00Z")); // 07:00 Taipei, 4 March
  assert.equal((await sendDailyDigests(t.db, clock, "http://po.test")).digests, 0);
  clock.set(new Date("2026-03-04T00:30:00Z")); // 08:30 Taipei
  assert.equal(
    (await sendDailyDigests(t.db, clock, "http://po.test")).digests,
    2,
    "alice and bob (from the first test)",
  );
  const digest = (await recentMail(t.db, 5)).find((m) => m.to === "po-moi-lead@example.org")!;
  assert.match(digest.text, /摘要項目/);
  assert.doesNotMatch(digest.text, /逾時/, "the urgent item was already mailed");
  assert.equal((await sendDailyDigests(t.db, clock, "http://po.test")).digests, 0, "one digest a day");
  const aliceTok = await t.tokenFor("po-moi-lead@example.org");
  await t.api("PUT", "/api/v1/me/notification-preference", { token: aliceTok, body: { email: "immediate" } });
  const n = (await recentMail(t.db, 500)).length;
  await notify(t.db, ctx(), { recipientIds: [alice], actorId: null, kind: "now", title });
  assert.equal((await recentMail(t.db, 500)).length, n + 1);
});
