import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { recentMail } from "../../platform/mail/outbox.ts";
import { findOrg } from "../directory/index.ts";
import { runDueJobs } from "../../runtime.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let pdis: string;
const clock = () => t.rt.clock as FixedClock;
const yes = { "public-interest": true, "cross-agency": true, "open-to-input": true };

before(async () => {
  t = await createTestApp();
  pdis = await t.tokenFor("pdis-project-manager@example.org");
});
after(() => t.close());

const linkIn = (text: string) => /\/ballot\/([A-Za-z0-9_-]+)/.exec(text)![1]!;

test("a day before the ballot closes, voters who have not voted get one reminder with a link to the same ballot", async () => {
  clock().set(new Date("2026-04-01T02:00:00Z"));
  const m = await t.api("POST", "/api/v1/meetings", {
    token: pdis,
    body: { kind: "monthly", month: "2026-04" },
  });
  assert.equal(m.status, 201, JSON.stringify(m.body));
  const id = m.body.id as string;
  const moi = (await findOrg(t.db, "moi"))!.id;
  for (const title of ["議題甲", "議題乙"]) {
    const c = await t.api("POST", `/api/v1/meetings/${id}/candidates`, {
      token: pdis,
      body: { source: "pdis", title, proposedLeadAgencyId: moi, criteria: yes },
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
  }
  const candidates = (await t.api("GET", `/api/v1/meetings/${id}`)).body.candidates;
  // Open three days, closing Saturday 4 April 02:00 UTC.
  const issued = await t.api("POST", `/api/v1/meetings/${id}/ballots`, {
    token: pdis,
    body: { closesAt: "2026-04-04T02:00:00Z" },
  });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  const first = new Map(
    (await recentMail(t.db, 500))
      .filter((x) => x.subject.startsWith("議題票選"))
      .map((x) => [x.to, linkIn(x.text)]),
  );
  assert.equal(first.size, issued.body.issued);
  const voted = "po-moi-lead@example.org";
  const cast = await t.api("POST", `/api/v1/ballot/${first.get(voted)}`, {
    body: { choices: [candidates[0].id] },
  });
  assert.equal(cast.status, 201, JSON.stringify(cast.body));

  const reminders = async () => (await recentMail(t.db, 1000)).filter((x) => x.subject.startsWith("提醒"));
  // 25 hours before closing: too early.
  clock().set(new Date("2026-04-03T01:00:00Z"));
  await runDueJobs(t.rt);
  assert.equal((await reminders()).length, 0);
  // 23 hours before: every voter who has not voted, once; the one who voted hears nothing.
  clock().set(new Date("2026-04-03T03:00:00Z"));
  await runDueJobs(t.rt);
  await runDueJobs(t.rt);
  const sent = await reminders();
  assert.equal(sent.length, issued.body.issued - 1);
  assert.ok(!sent.some((x) => x.to === voted));
  assert.match(sent[0]!.text, /2026\/4\/4\s10:00（台北時間）/);
  assert.match(sent[0]!.text, /4\sApr\s2026,\s10:00 \(Taipei time\)/);

  // The reminder's link and the first link are one ballot: either casts it, the other is then used.
  const voter = "po-moea-lead@example.org";
  const fresh = linkIn(sent.find((x) => x.to === voter)!.text);
  assert.notEqual(fresh, first.get(voter));
  const view = await t.api("GET", `/api/v1/ballot/${fresh}`);
  assert.equal(view.status, 200, JSON.stringify(view.body));
  assert.equal(
    (await t.api("POST", `/api/v1/ballot/${fresh}`, { body: { choices: [candidates[1].id] } })).status,
    201,
  );
  const old = await t.api("POST", `/api/v1/ballot/${first.get(voter)}`, {
    body: { choices: [candidates[1].id] },
  });
  assert.equal(old.status, 409);
  assert.equal(old.body.error.code, "ballot_link_used");
  const cast2 = await t.db.execute<{ n: number }>(
    sql`select ballots_cast::int as n from meeting_rounds where meeting_id = ${id}::uuid`,
  );
  assert.equal(cast2.rows[0]!.n, 2);
  // Only digests are stored, for both links.
  const stored = await t.db.execute<{ d: string | null }>(
    sql`select reminder_digest as d from meeting_voters where meeting_id = ${id}::uuid`,
  );
  assert.ok(!stored.rows.some((r) => r.d === fresh));
  const audit = await t.db.execute<{ n: number }>(
    sql`select count(*)::int as n from audit_log where action = 'meeting.ballots-remind' and entity_id = ${id}`,
  );
  assert.equal(audit.rows[0]!.n, 1);
});
