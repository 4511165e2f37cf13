import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import { runDueInChild } from "../../platform/testing/cli.ts";
import { askForHelp } from "./index.ts";
import { findPersonByEmail, grantsOf, findOrg } from "../directory/index.ts";
import type { FixedClock } from "../../platform/clock/index.ts";

// Two sweeps in two processes against one PostgreSQL server must never escalate a request twice.
const serverRun = !!process.env.TEST_DATABASE_URL;
type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;

before(async () => {
  if (serverRun) t = await createTestApp();
});
after(async () => {
  if (serverRun) await t.close();
});

test(
  "two sweeps racing in two processes escalate each request exactly once",
  { skip: !serverRun },
  async () => {
    const clock = t.rt.clock as FixedClock;
    clock.set(new Date("2026-03-02T01:00:00Z"));
    const person = (await findPersonByEmail(t.db, "po-moea-lead@example.org"))!;
    const actor = {
      personId: person.id,
      name: person.name,
      email: person.email,
      isAdmin: false,
      grants: await grantsOf(t.db, person.id),
    };
    const unit = (await findOrg(t.db, "moi-dept-civil-affairs"))!;
    const deps = { db: t.db, clock, publicUrl: "http://po.test" };
    const N = 300;
    for (let i = 0; i < N; i++) {
      await askForHelp(deps, actor, { title: `race ${i}`, body: "b", target: { kind: "unit", id: unit.id } });
    }
    const now = "2026-03-04T00:00:00Z"; // after every acknowledge deadline (end of 3 March)
    const [a, b] = await Promise.all([
      runDueInChild(t.rt.config.databaseUrl!, now),
      runDueInChild(t.rt.config.databaseUrl!, now),
    ]);
    assert.equal(a.code, 0, a.err);
    assert.equal(b.code, 0, b.err);
    const ea = JSON.parse(a.out)["help-requests"].escalated as number;
    const eb = JSON.parse(b.out)["help-requests"].escalated as number;
    assert.equal(ea + eb, N, `escalated ${ea} + ${eb}`);
    const { rows } = await t.db.execute<{ n: number; levels: number }>(
      sql`select count(*)::int as n, count(distinct (request_id, level))::int as levels from help_escalations`,
    );
    assert.equal(rows[0]!.n, N);
    assert.equal(rows[0]!.levels, N);
    const { rows: notes } = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from notifications where person_id = ${person.id} and kind = 'help-request.escalated'`,
    );
    assert.equal(notes[0]!.n, N, "the requester is told once per escalation");
    // A third run at the same time finds nothing left to do.
    const c = await runDueInChild(t.rt.config.databaseUrl!, now);
    assert.equal(JSON.parse(c.out)["help-requests"].escalated, 0);
  },
);
