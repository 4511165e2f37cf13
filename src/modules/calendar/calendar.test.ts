import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "../../platform/testing/app.ts";
import { createPerson, systemActor } from "../directory/index.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let admin: string;
before(async () => {
  t = await createTestApp();
  await createPerson({ db: t.db, clock: t.rt.clock }, systemActor, {
    email: "cal-admin@example.org",
    name: "示範管理員",
    isAdmin: true,
  });
  admin = await t.tokenFor("cal-admin@example.org");
});
after(() => t.close());

const addDays = (from: string, days: number) =>
  t.api("GET", `/api/v1/calendar/add-working-days?from=${encodeURIComponent(from)}&days=${days}`);

test("add-working-days uses the shipped 2026 calendar: Lunar New Year is skipped", async () => {
  const res = await addDays("2026-02-13T09:00:00+08:00", 1);
  assert.equal(res.status, 200);
  assert.equal(res.body.localDate, "2026-02-23");
  assert.equal(res.body.date, "2026-02-23T15:59:59.999Z");
  const bad = await addDays("yesterday", 1);
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, "from");
  const neg = await addDays("2026-02-13T09:00:00+08:00", -2);
  assert.equal(neg.status, 400);
  assert.equal(neg.body.error.field, "days");
});

test("a typhoon closure added by an admin moves deadlines, and can be removed", async () => {
  const before = await addDays("2026-08-11T09:00:00+08:00", 1);
  assert.equal(before.body.localDate, "2026-08-12");
  const body = { day: "2026-08-12", name: "颱風停止上班" };
  assert.equal((await t.api("POST", "/api/v1/calendar/closures", { body })).status, 401);
  const po = await t.tokenFor("po-moi-lead@example.org");
  assert.equal((await t.api("POST", "/api/v1/calendar/closures", { token: po, body })).status, 403);
  const added = await t.api("POST", "/api/v1/calendar/closures", { token: admin, body });
  assert.equal(added.status, 201);
  assert.equal(added.body.kind, "closure");
  assert.equal((await addDays("2026-08-11T09:00:00+08:00", 1)).body.localDate, "2026-08-13");
  const badDay = await t.api("POST", "/api/v1/calendar/closures", {
    token: admin,
    body: { day: "2026-02-30", name: "x" },
  });
  assert.equal(badDay.status, 400);
  assert.equal(badDay.body.error.field, "day");
  assert.equal((await t.api("DELETE", "/api/v1/calendar/closures/2026-08-12", { token: admin })).status, 204);
  assert.equal((await addDays("2026-08-11T09:00:00+08:00", 1)).body.localDate, "2026-08-12");
});

test("importing the official CSV: idempotent, keeps closures, all-or-nothing on errors", async () => {
  await t.api("POST", "/api/v1/calendar/closures", {
    token: admin,
    body: { day: "2025-07-07", name: "颱風" },
  });
  const csv =
    "西元日期,星期,是否放假,備註\n" +
    "20250127,一,2,調整放假\n" +
    "20250207,五,0,\n" +
    "20250208,六,0,補行上班\n" +
    "20250707,一,0,\n";
  const send = (text: string) =>
    t.app.request("/api/v1/calendar/import", {
      method: "POST",
      headers: { authorization: `Bearer ${admin}`, "content-type": "text/csv" },
      body: text,
    });
  const first = await send(csv);
  assert.equal(first.status, 200);
  const r1 = (await first.json()) as any;
  assert.equal(r1.days, 4);
  assert.equal(r1.makeupDays, 1);
  assert.equal(r1.holidays, 1);
  assert.equal(r1.keptClosures, 1, "the admin's typhoon day is not overwritten");
  const again = (await (await send(csv)).json()) as any;
  assert.equal(again.written, 0, "re-import changes nothing");
  // The make-up Saturday is now a working day.
  assert.equal((await addDays("2025-02-07T10:00:00+08:00", 1)).body.localDate, "2025-02-08");
  const broken = await send("西元日期,星期,是否放假,備註\n20250301,六,2,\n20250332,一,0,\n");
  assert.equal(broken.status, 400);
  assert.match(((await broken.json()) as any).error.message, /line 3/);
  const days = await t.api("GET", "/api/v1/calendar/days?year=2025");
  assert.ok(!days.body.items.some((d: any) => d.day === "2025-03-01" && d.kind === "holiday"));
  assert.ok(days.body.items.some((d: any) => d.day === "2025-02-08" && d.kind === "makeup-workday"));
});

test("a Big5-encoded official file is read too", async () => {
  const big5 = new Uint8Array([
    // "20250501,四,2,勞動節\n" with the Chinese in Big5: 四 = A5 7C, 勞動節 = B3 D2 B0 CA B8 60
    ...Buffer.from("20250501,"),
    0xa5,
    0x7c,
    ...Buffer.from(",2,"),
    0xb3,
    0xd2,
    0xb0,
    0xca,
    0xb8,
    0x60,
    0x0a,
  ]);
  const { parseOfficialCalendar } = await import("../../platform/calendar/index.ts");
  const r = parseOfficialCalendar(big5);
  assert.deepEqual(r.problems, []);
  assert.equal(r.rows[0]!.name, "勞動節");
});
