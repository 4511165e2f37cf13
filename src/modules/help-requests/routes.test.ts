import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { createPerson, systemActor } from "../directory/index.ts";
import { escalateDueHelpRequests } from "./index.ts";
import { runDueJobs } from "../../runtime.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let staff: string; // unit staff of the MOI's civil affairs department
let requester: string; // MOEA lead PO
let moiLead: string;
let moiSup: string;
let unitId: string;

const clock = () => t.rt.clock as FixedClock;

before(async () => {
  t = await createTestApp();
  staff = await t.tokenFor("staff-moi-civil-affairs@example.org");
  requester = await t.tokenFor("po-moea-lead@example.org");
  moiLead = await t.tokenFor("po-moi-lead@example.org");
  moiSup = await t.tokenFor("sup-moi@example.org");
  const units = await t.api("GET", "/api/v1/agencies?kind=unit&parent=moi");
  unitId = units.body.items.find((u: any) => u.slug === "moi-dept-civil-affairs").id;
});
after(() => t.close());

async function ask(body: Record<string, unknown> = {}) {
  const res = await t.api("POST", "/api/v1/help-requests", {
    token: requester,
    body: {
      title: "跨部會資料介接",
      body: "需要民政司協助確認戶籍資料欄位。",
      target: { kind: "unit", id: unitId },
      ...body,
    },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

describe("asking", () => {
  test("clocks are computed with the working-day calendar", async () => {
    // Friday 13 February 2026, 10:00 Taipei, just before the Lunar New Year holiday.
    clock().set(new Date("2026-02-13T02:00:00Z"));
    const r = await ask();
    assert.equal(r.state, "open");
    assert.equal(r.acknowledgeDueAt, "2026-02-23T15:59:59.999Z"); // end of Mon 23 Feb
    assert.equal(r.respondDueAt, "2026-03-02T15:59:59.999Z"); // 5 working days: 23, 24, 25, 26, 2 Mar
    assert.deepEqual(r.escalations, []);
  });

  test("bad input names the field; PDIS needs a support kind", async () => {
    const bad = await t.api("POST", "/api/v1/help-requests", {
      token: requester,
      body: { title: "x", body: "y", target: { kind: "unit", id: "00000000-0000-4000-8000-000000000000" } },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, "target.id");
    const kind = await t.api("POST", "/api/v1/help-requests", {
      token: requester,
      body: { title: "x", body: "y", target: { kind: "somewhere" } },
    });
    assert.equal(kind.status, 400);
    assert.equal(kind.body.error.field, "target.kind");
    const pdis = await t.api("POST", "/api/v1/help-requests", {
      token: requester,
      body: { title: "x", body: "y", target: { kind: "pdis" } },
    });
    assert.equal(pdis.status, 400);
    assert.equal(pdis.body.error.field, "supportKind");
    const ok = await t.api("POST", "/api/v1/help-requests", {
      token: requester,
      body: { title: "x", body: "y", target: { kind: "pdis" }, supportKind: "process" },
    });
    assert.equal(ok.status, 201);
  });

  test("a request can belong to a matter, and the matter's requests can be listed", async () => {
    const m = await t.api("POST", "/api/v1/matters", {
      token: requester,
      body: { title: "資料介接議題", agencyIds: ["moea", "moi"] },
    });
    assert.equal(m.status, 201, JSON.stringify(m.body));
    const r = await ask({ matterId: m.body.reference });
    assert.equal(r.matterId, m.body.id);
    const list = await t.api("GET", `/api/v1/help-requests?matter=${m.body.id}`, { token: requester });
    assert.deepEqual(
      list.body.items.map((x: any) => x.id),
      [r.id],
    );
    const bad = await t.api("POST", "/api/v1/help-requests", {
      token: requester,
      body: { title: "x", body: "y", target: { kind: "unit", id: unitId }, matterId: "M-1999-0001" },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, "matterId");
  });

  test("a participant with no network role cannot ask; strangers cannot read", async () => {
    await createPerson({ db: t.db, clock: t.rt.clock }, systemActor, {
      email: "citizen@example.net",
      name: "民眾",
    });
    const citizen = await t.tokenFor("citizen@example.net");
    const res = await t.api("POST", "/api/v1/help-requests", {
      token: citizen,
      body: { title: "x", body: "y", target: { kind: "unit", id: unitId } },
    });
    assert.equal(res.status, 403);
    const r = await ask();
    assert.equal((await t.api("GET", `/api/v1/help-requests/${r.id}`, { token: citizen })).status, 404);
    const otherPo = await t.tokenFor("po-motc-lead@example.org");
    assert.equal((await t.api("GET", `/api/v1/help-requests/${r.id}`, { token: otherPo })).status, 404);
    assert.equal((await t.api("GET", `/api/v1/help-requests/${r.id}`, { token: staff })).status, 200);
  });
});

describe("clocks and escalation", () => {
  test("a lapsed acknowledge clock escalates once, however often the sweep runs", async () => {
    clock().set(new Date("2026-03-02T01:00:00Z"));
    const r = await ask();
    // The CLI form of the sweep, as an operator runs it, with --now after the acknowledge deadline.
    const after = new Date(new Date(r.acknowledgeDueAt).getTime() + 60_000).toISOString();
    clock().set(new Date(after));
    await escalateDueHelpRequests({ db: t.db, clock: t.rt.clock, publicUrl: "http://po.test" });
    await escalateDueHelpRequests({ db: t.db, clock: t.rt.clock, publicUrl: "http://po.test" });
    await runDueJobs(t.rt);
    const got = await t.api("GET", `/api/v1/help-requests/${r.id}`, { token: requester });
    assert.equal(got.body.escalations.length, 1, JSON.stringify(got.body.escalations));
    const e = got.body.escalations[0];
    assert.equal(e.level, 1);
    assert.equal(e.clock, "acknowledge");
    assert.equal(e.targetKind, "agency-po");
    assert.ok(e.targetId && e.at);
    // The new target (the MOI POs) was told at once, as was the requester.
    const inbox = await t.api("GET", "/api/v1/me/notifications", { token: moiLead });
    assert.ok(inbox.body.items.some((n: any) => n.kind === "help-request.escalated" && n.urgent));
    // The acknowledge clock restarted for the new target.
    assert.ok(new Date(got.body.acknowledgeDueAt) > new Date(after));
  });

  test("acknowledge stops only the first clock; respond answers; requester can reopen", async () => {
    clock().set(new Date("2026-03-02T01:00:00Z"));
    const r = await ask();
    assert.equal(
      (
        await t.api("POST", `/api/v1/help-requests/${r.id}/respond`, {
          token: requester,
          body: { body: "x" },
        })
      ).status,
      403,
    );
    const ack = await t.api("POST", `/api/v1/help-requests/${r.id}/acknowledge`, { token: staff });
    assert.equal(ack.status, 200);
    assert.equal(ack.body.state, "acknowledged");
    assert.equal(ack.body.clocks.acknowledge.stoppedAt, clock().now().toISOString());
    assert.equal(ack.body.clocks.respond.stoppedAt, null);
    assert.equal(
      (await t.api("POST", `/api/v1/help-requests/${r.id}/acknowledge`, { token: staff })).status,
      409,
    );
    const empty = await t.api("POST", `/api/v1/help-requests/${r.id}/respond`, {
      token: staff,
      body: { body: " " },
    });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.field, "body");
    const answered = await t.api("POST", `/api/v1/help-requests/${r.id}/respond`, {
      token: staff,
      body: { body: "欄位定義如附件，已提供。" },
    });
    assert.equal(answered.status, 200);
    assert.equal(answered.body.state, "answered");
    assert.equal(answered.body.answer, "欄位定義如附件，已提供。");
    // No clock runs on an answered request: the sweep leaves it alone.
    clock().advance(30 * 86_400_000);
    await escalateDueHelpRequests({ db: t.db, clock: t.rt.clock, publicUrl: "http://po.test" });
    assert.equal(
      (await t.api("GET", `/api/v1/help-requests/${r.id}`, { token: requester })).body.escalations.length,
      0,
    );
    const noReason = await t.api("POST", `/api/v1/help-requests/${r.id}/reopen`, {
      token: requester,
      body: {},
    });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.error.field, "reason");
    const reopened = await t.api("POST", `/api/v1/help-requests/${r.id}/reopen`, {
      token: requester,
      body: { reason: "附件缺少欄位說明" },
    });
    assert.equal(reopened.body.state, "acknowledged");
    assert.ok(new Date(reopened.body.respondDueAt) > clock().now());
    assert.deepEqual(
      reopened.body.history.map((h: any) => h.kind),
      ["created", "acknowledged", "responded", "reopened"],
    );
  });

  test("the whole chain: PO → supervisor → PDIS → minister's office, then it stops", async () => {
    clock().set(new Date("2026-03-02T01:00:00Z"));
    const r = await ask();
    const levels: string[] = [];
    for (let i = 0; i < 8; i++) {
      clock().advance(7 * 86_400_000);
      await escalateDueHelpRequests({ db: t.db, clock: t.rt.clock, publicUrl: "http://po.test" });
    }
    const got = await t.api("GET", `/api/v1/help-requests/${r.id}`, { token: requester });
    for (const e of got.body.escalations) levels.push(e.targetKind);
    assert.deepEqual(levels, ["agency-po", "supervisor", "pdis", "minister-office"]);
    assert.equal(got.body.escalationsLeft, 0);
    assert.ok(got.body.history.some((h: any) => h.kind === "chain-exhausted"));
    // The supervisor, reached by escalation, may now answer.
    const ans = await t.api("POST", `/api/v1/help-requests/${r.id}/respond`, {
      token: moiSup,
      body: { body: "督導回覆" },
    });
    assert.equal(ans.status, 200);
  });

  test("the requester withdraws; lists show my requests and those to me", async () => {
    clock().set(new Date("2026-03-02T01:00:00Z"));
    const r = await ask({ title: "撤回測試" });
    const w = await t.api("POST", `/api/v1/help-requests/${r.id}/withdraw`, { token: requester, body: {} });
    assert.equal(w.body.state, "withdrawn");
    assert.equal(
      (await t.api("POST", `/api/v1/help-requests/${r.id}/acknowledge`, { token: staff })).status,
      409,
    );
    const mine = await t.api("GET", "/api/v1/help-requests?box=mine&limit=100", { token: requester });
    assert.ok(mine.body.items.some((x: any) => x.id === r.id));
    const toMe = await t.api("GET", "/api/v1/help-requests?box=to-me&limit=100", { token: staff });
    assert.ok(toMe.body.items.length > 0);
    assert.ok(
      toMe.body.items.every((x: any) => x.can.respond || x.state === "answered" || x.state === "withdrawn"),
    );
  });

  test("jobs run-due --now escalates once from the command line too", async () => {
    if (process.env.TEST_DATABASE_URL) return; // the CLI child opens the embedded directory
    clock().set(new Date("2026-03-02T01:00:00Z"));
    const r = await ask({ title: "CLI" });
    // Free the embedded directory for the CLI process (the test app's close removes it later).
    await t.rt.database.close();
    const run = (now: string) =>
      spawnSync(process.execPath, ["bin/po-network.js", "jobs", "run-due", "--now", now], {
        env: { ...process.env, DATA_DIR: t.rt.config.dataDir, LOG_LEVEL: "silent" },
        encoding: "utf8",
      });
    const now = new Date(new Date(r.acknowledgeDueAt).getTime() + 1000).toISOString();
    const first = run(now);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(JSON.parse(first.stdout)["help-requests"].escalated, 1);
    const second = run(now);
    assert.equal(JSON.parse(second.stdout)["help-requests"].escalated, 0);
  });
});
