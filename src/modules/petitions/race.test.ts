import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import { runDueInChild } from "../../platform/testing/cli.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { systemActor } from "../directory/index.ts";
import { importPetitions } from "./index.ts";

// Two sweeps in two processes against one PostgreSQL server must never escalate a deadline twice.
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
  "two sweeps racing in two processes escalate each lapsed deadline exactly once",
  { skip: !serverRun },
  async () => {
    const clock = t.rt.clock as FixedClock;
    clock.set(new Date("2026-03-05T01:00:00Z"));
    const N = 150;
    const rows = ["external_id,title,text,agencies,endorsements,endorsements_at,opens_at"];
    for (let i = 0; i < N; i++)
      rows.push(`RACE-${i},競速 ${i},內容,moi,5000,2026-03-02T02:00:00Z,2026-02-10`);
    const r = await importPetitions(
      { db: t.db, clock, publicUrl: "http://po.test" },
      systemActor,
      rows.join("\n"),
    );
    assert.deepEqual([r.created, r.qualified, r.problems.length], [N, N, 0]);
    // After the response deadline (end of 4 May): the plan and the response of each have lapsed.
    const now = "2026-05-05T01:00:00Z";
    const [a, b] = await Promise.all([
      runDueInChild(t.rt.config.databaseUrl!, now),
      runDueInChild(t.rt.config.databaseUrl!, now),
    ]);
    assert.equal(a.code, 0, a.err);
    assert.equal(b.code, 0, b.err);
    const ea = JSON.parse(a.out).petitions.escalated as number;
    const eb = JSON.parse(b.out).petitions.escalated as number;
    assert.equal(ea + eb, 2 * N, `escalated ${ea} + ${eb}`);
    const { rows: counts } = await t.db.execute<{ n: number; keys: number }>(
      sql`select count(*)::int as n, count(distinct (petition_id, clock, level))::int as keys from petition_escalations`,
    );
    assert.deepEqual(counts[0], { n: 2 * N, keys: 2 * N });
    const c = await runDueInChild(t.rt.config.databaseUrl!, now);
    assert.equal(JSON.parse(c.out).petitions.escalated, 0);
  },
);
