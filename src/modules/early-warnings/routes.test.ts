import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { createPerson, systemActor } from "../directory/index.ts";
import { runDueJobs } from "../../runtime.ts";
import { askDueOutcomes } from "./index.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let admin: string;
let poMoi: string; // raises most warnings
let poMoea: string; // another PO
let poMotc: string; // a PO of an agency the warnings do not affect
let supMoi: string;
let supMotc: string;
let staffCivil: string;
let pdis: string;
let participant: string;
const ids = { moi: "", moea: "", civil: "" };

const DAY = 24 * 3600_000;
const clock = () => t.rt.clock as FixedClock;
const deps = () => ({ db: t.db, clock: t.rt.clock, publicUrl: "http://po.test" });

before(async () => {
  t = await createTestApp();
  const directory = { db: t.db, clock: t.rt.clock };
  await createPerson(directory, systemActor, {
    email: "admin@example.org",
    name: "示範管理員",
    isAdmin: true,
  });
  await createPerson(directory, systemActor, { email: "participant@example.org", name: "示範參與者" });
  // One at a time: see the matters tests on the embedded engine.
  admin = await t.tokenFor("admin@example.org");
  participant = await t.tokenFor("participant@example.org");
  poMoi = await t.tokenFor("po-moi-lead@example.org");
  poMoea = await t.tokenFor("po-moea-lead@example.org");
  poMotc = await t.tokenFor("po-motc-lead@example.org");
  supMoi = await t.tokenFor("sup-moi@example.org");
  supMotc = await t.tokenFor("sup-motc@example.org");
  staffCivil = await t.tokenFor("staff-moi-civil-affairs@example.org");
  pdis = await t.tokenFor("pdis-project-manager@example.org");
  ids.moi = (await t.api("GET", "/api/v1/agencies/moi")).body.id;
  ids.moea = (await t.api("GET", "/api/v1/agencies/moea")).body.id;
  const moiUnits = (await t.api("GET", "/api/v1/agencies?kind=unit&parent=moi")).body.items;
  ids.civil = moiUnits.find((u: any) => u.slug === "moi-dept-civil-affairs").id;
});
after(() => t.close());

const sample = {
  title: "長照據點補助爭議",
  description: "立委質詢提到補助審查延宕，地方議會也開始討論。",
  signalSource: "legislator",
  evidence: ["https://ly.example.gov.tw/question/123"],
  agencyIds: ["moi"],
  flareUpWithinDays: 60,
  severity: "high",
};

async function raise(token: string, body: Record<string, unknown> = {}) {
  clock().advance(1000); // distinct creation times: lists are newest first
  const res = await t.api("POST", "/api/v1/early-warnings", { token, body: { ...sample, ...body } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

async function comment(token: string, id: string, body: string) {
  clock().advance(1000);
  return t.api("POST", `/api/v1/early-warnings/${id}/comments`, { token, body: { body } });
}

const get = (id: string, token?: string) => t.api("GET", `/api/v1/early-warnings/${id}`, { token });
const list = (query: string, token?: string) => t.api("GET", `/api/v1/early-warnings${query}`, { token });

/** Audit entries a reader left on one warning (their own audit list). */
async function readsOf(token: string, warningId: string) {
  const res = await t.api("GET", "/api/v1/me/audit?limit=200", { token });
  assert.equal(res.status, 200);
  return res.body.items.filter(
    (e: any) => e.action === "read" && e.entityType === "early-warning" && e.entityId === warningId,
  ).length;
}

describe("raising a warning (the issue's acceptance)", () => {
  test("a PO raises one → 201; another PO and an admin find it in the list; without a token → 404", async () => {
    const res = await t.api("POST", "/api/v1/early-warnings", {
      token: poMoi,
      body: {
        title: "戶政系統更新引發民怨",
        signalSource: "media",
        evidence: [
          "https://news.example.com/a",
          "HTTPS://News.Example.com:443/a",
          "http://forum.example.org/t/9",
        ],
        agencyIds: ["moi", ids.moea],
        flareUpWithinDays: 60,
        severity: "medium",
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const w = res.body;
    assert.equal(w.state, "open");
    assert.equal(w.signalSource, "media");
    assert.equal(w.severity, "medium");
    assert.equal(w.flareUpWithinDays, 60);
    assert.equal(w.createdAt, clock().now().toISOString());
    assert.equal(new Date(w.windowEndsAt).getTime() - new Date(w.createdAt).getTime(), 60 * DAY);
    assert.equal(w.windowEnded, false);
    // Evidence is normalised and kept once.
    assert.deepEqual(w.evidence, ["https://news.example.com/a", "http://forum.example.org/t/9"]);
    assert.deepEqual(
      w.agencies.map((a: any) => a.slug),
      ["moi", "moea"],
    );
    assert.equal(w.raisedBy.name.length > 0, true);
    assert.equal(w.outcome, null);
    assert.deepEqual(w.comments, []);
    assert.deepEqual(
      w.history.map((h: any) => h.kind),
      ["created"],
    );

    for (const reader of [poMoea, admin]) {
      const page = await list("", reader);
      assert.equal(page.status, 200);
      assert.ok(
        page.body.items.some((i: any) => i.id === w.id),
        "listed",
      );
    }
    assert.equal((await get(w.id)).status, 404);
    assert.equal((await list("")).status, 404);
  });

  test("POs of the affected agencies are told", async () => {
    const w = await raise(poMoea, { title: "通知測試", agencyIds: ["moi"] });
    const inbox = await t.api("GET", "/api/v1/me/notifications?limit=200", { token: poMoi });
    assert.ok(inbox.body.items.some((n: any) => n.kind === "early-warning.raised" && n.url.endsWith(w.id)));
  });

  test("bad input is a 400 naming the field", async () => {
    const post = (body: Record<string, unknown>) =>
      t.api("POST", "/api/v1/early-warnings", { token: poMoi, body: { ...sample, ...body } });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: " " }, "title"],
      [{ signalSource: "tv" }, "signalSource"],
      [{ evidence: ["https://ok.example.org", "ftp://files.example.org/x"] }, "evidence.1"],
      [{ evidence: ["javascript:alert(1)"] }, "evidence.0"],
      [{ evidence: ["not a url"] }, "evidence.0"],
      [{ agencyIds: [] }, "agencyIds"],
      [{ agencyIds: ["no-such-agency"] }, "agencyIds"],
      [{ agencyIds: [ids.civil] }, "agencyIds"], // a unit, not an agency
      [{ flareUpWithinDays: 0 }, "flareUpWithinDays"],
      [{ flareUpWithinDays: 366 }, "flareUpWithinDays"],
      [{ flareUpWithinDays: 1.5 }, "flareUpWithinDays"],
      [{ flareUpWithinDays: undefined }, "flareUpWithinDays"],
      [{ severity: "critical" }, "severity"],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      assert.equal(res.status, 400, `${JSON.stringify(body)} → ${res.status}`);
      assert.equal(res.body.error.field, field, JSON.stringify(body));
    }
  });

  test("POs, PDIS, supervisors and admins raise warnings; staff and participants get 403", async () => {
    for (const token of [pdis, supMoi, admin]) await raise(token);
    for (const token of [staffCivil, participant]) {
      const res = await t.api("POST", "/api/v1/early-warnings", { token, body: sample });
      assert.equal(res.status, 403);
    }
    assert.equal((await t.api("POST", "/api/v1/early-warnings", { body: sample })).status, 401);
  });
});

describe("who sees a warning", () => {
  test("unit staff, participants and supervisors of unaffected agencies get 404; the rest 200", async () => {
    const w = await raise(poMoea, { title: "只影響內政部", agencyIds: ["moi"] });
    for (const token of [staffCivil, participant, supMotc, undefined]) {
      const res = await get(w.id, token);
      assert.equal(res.status, 404, `${token} → ${res.status}`);
      assert.equal(res.body.error.code, "not_found");
    }
    for (const token of [supMoi, poMoi, poMotc, pdis, admin])
      assert.equal((await get(w.id, token)).status, 200);
    // The same on every route of the warning: comments, merge, convert, outcome.
    for (const path of ["comments", "merge", "convert", "outcome"]) {
      const res = await t.api("POST", `/api/v1/early-warnings/${w.id}/${path}`, {
        token: staffCivil,
        body: { body: "x", intoId: randomUUID(), kind: "matter", happened: "yes" },
      });
      assert.equal(res.status, 404, path);
    }
    // An id that does not exist is the same 404.
    assert.equal((await get(randomUUID(), poMoi)).status, 404);
  });

  test("lists: supervisors see only warnings of their agencies; staff and participants get 404", async () => {
    const moiOnly = await raise(poMoea, { title: "內政部的", agencyIds: ["moi"] });
    const moeaOnly = await raise(poMoi, { title: "經濟部的", agencyIds: ["moea"] });
    const sup = await list("?limit=200", supMoi);
    assert.equal(sup.status, 200);
    const seen = new Set(sup.body.items.map((i: any) => i.id));
    assert.ok(seen.has(moiOnly.id));
    assert.ok(!seen.has(moeaOnly.id));
    const other = await list("?limit=200", supMotc);
    assert.ok(!other.body.items.some((i: any) => i.id === moiOnly.id || i.id === moeaOnly.id));
    assert.equal((await list("", staffCivil)).status, 404);
    assert.equal((await list("", participant)).status, 404);
    assert.equal((await t.api("GET", "/api/v1/early-warnings/look-back", { token: staffCivil })).status, 404);
  });

  test("a supervisor who raises a warning about another agency still sees their own", async () => {
    const w = await raise(supMotc, { title: "督導提出", agencyIds: ["moea"] });
    assert.equal((await get(w.id, supMotc)).status, 200);
    const page = await list("?limit=200", supMotc);
    assert.ok(page.body.items.some((i: any) => i.id === w.id));
  });

  test("every read is audited: one entry per detail read and per listed warning", async () => {
    const w = await raise(poMoi, { title: "稽核讀取", agencyIds: ["moi"] });
    const before = await readsOf(poMoea, w.id);
    assert.equal((await get(w.id, poMoea)).status, 200);
    assert.equal(await readsOf(poMoea, w.id), before + 1);
    const page = await list("?limit=3", poMoea);
    assert.ok(page.body.items.some((i: any) => i.id === w.id));
    assert.equal(await readsOf(poMoea, w.id), before + 2);
    // One entry per warning returned, all in the list's request.
    const all = await t.api("GET", "/api/v1/me/audit?limit=200", { token: poMoea });
    const listed = page.body.items.map((i: any) => i.id).sort();
    const last = all.body.items.filter((e: any) => e.action === "read").slice(0, listed.length);
    assert.deepEqual(last.map((e: any) => e.entityId).sort(), listed);
    assert.equal(new Set(last.map((e: any) => e.requestId)).size, 1);
    // A supervisor's read is audited the same way; a refused read writes nothing.
    const supBefore = await readsOf(supMoi, w.id);
    await get(w.id, supMoi);
    assert.equal(await readsOf(supMoi, w.id), supBefore + 1);
    const staffBefore = await readsOf(staffCivil, w.id);
    await get(w.id, staffCivil);
    assert.equal(await readsOf(staffCivil, w.id), staffBefore);
  });
});

describe("the list", () => {
  test("filters by agency, source, severity, state and window; keyset pages", async () => {
    const a = await raise(poMoi, {
      title: "過濾 A",
      signalSource: "petition",
      severity: "low",
      agencyIds: ["moea"],
      flareUpWithinDays: 10,
    });
    const b = await raise(poMoi, {
      title: "過濾 B",
      signalSource: "petition",
      severity: "high",
      agencyIds: ["moea"],
      flareUpWithinDays: 200,
    });
    const ids_ = (r: any) => r.body.items.map((i: any) => i.id);
    const petitions = await list("?source=petition&agency=moea", poMotc);
    assert.deepEqual(ids_(petitions), [b.id, a.id]);
    assert.deepEqual(ids_(await list(`?source=petition&agency=${ids.moea}&severity=low`, poMotc)), [a.id]);
    assert.deepEqual(ids_(await list("?source=petition&endingWithinDays=30", poMotc)), [a.id]);
    assert.deepEqual(ids_(await list("?source=petition&window=running&state=open", poMotc)), [b.id, a.id]);
    assert.deepEqual(ids_(await list("?source=petition&window=ended", poMotc)), []);
    const first = await list("?source=petition&limit=1", poMotc);
    assert.deepEqual(ids_(first), [b.id]);
    assert.ok(first.body.next);
    const second = await list(
      `?source=petition&limit=1&after=${encodeURIComponent(first.body.next)}`,
      poMotc,
    );
    assert.deepEqual(ids_(second), [a.id]);
    assert.equal(second.body.next, null);
    assert.equal((await list("?agency=nowhere", poMotc)).body.error.field, "agency");
    assert.equal((await list("?source=tv", poMotc)).body.error.field, "source");
    assert.equal((await list("?after=garbage", poMotc)).body.error.field, "after");
  });
});

describe("comments", () => {
  test("readers comment; comments are listed on the detail; the raiser is told", async () => {
    const w = await raise(poMoi, { title: "留言測試" });
    const c = await t.api("POST", `/api/v1/early-warnings/${w.id}/comments`, {
      token: supMoi,
      body: { body: "地方辦公室也接到陳情。" },
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    assert.equal(c.body.body, "地方辦公室也接到陳情。");
    assert.equal(c.body.carriedFrom, null);
    const empty = await t.api("POST", `/api/v1/early-warnings/${w.id}/comments`, {
      token: supMoi,
      body: { body: "  " },
    });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.field, "body");
    const detail = await get(w.id, poMoea);
    assert.deepEqual(
      detail.body.comments.map((x: any) => x.body),
      ["地方辦公室也接到陳情。"],
    );
    assert.equal(detail.body.comments[0].author.id, c.body.author.id);
    const inbox = await t.api("GET", "/api/v1/me/notifications?limit=200", { token: poMoi });
    assert.ok(
      inbox.body.items.some((n: any) => n.kind === "early-warning.commented" && n.url.endsWith(w.id)),
    );
  });
});

describe("merging duplicates", () => {
  test("the duplicate points to the survivor; agencies, evidence and comments carry over once", async () => {
    const dup = await raise(poMoi, {
      title: "重複：補助延宕",
      evidence: ["https://a.example.org/1", "https://shared.example.org/x"],
      agencyIds: ["moi", "moea"],
    });
    const survivor = await raise(poMoea, {
      title: "補助延宕",
      evidence: ["https://shared.example.org/x", "https://b.example.org/2"],
      agencyIds: ["moea"],
    });
    await comment(poMoi, dup.id, "重複留言");
    await comment(poMoea, survivor.id, "原本的留言");

    // Only the raiser, POs and supervisors of an affected agency, PDIS and admins merge.
    const outsider = await t.api("POST", `/api/v1/early-warnings/${dup.id}/merge`, {
      token: poMotc,
      body: { intoId: survivor.id },
    });
    assert.equal(outsider.status, 403);
    const self = await t.api("POST", `/api/v1/early-warnings/${dup.id}/merge`, {
      token: poMoi,
      body: { intoId: dup.id },
    });
    assert.equal(self.status, 400);
    assert.equal(self.body.error.field, "intoId");
    const nowhere = await t.api("POST", `/api/v1/early-warnings/${dup.id}/merge`, {
      token: poMoi,
      body: { intoId: randomUUID() },
    });
    assert.equal(nowhere.status, 400);
    assert.equal(nowhere.body.error.field, "intoId");

    const res = await t.api("POST", `/api/v1/early-warnings/${dup.id}/merge`, {
      token: poMoi,
      body: { intoId: survivor.id },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.state, "merged");
    assert.equal(res.body.mergedInto.id, survivor.id);
    assert.equal(res.body.mergedInto.title, "補助延宕");
    assert.deepEqual(
      res.body.history.map((h: any) => h.kind),
      ["created", "merged"],
    );
    // The duplicate keeps its own record.
    assert.deepEqual(res.body.evidence, ["https://a.example.org/1", "https://shared.example.org/x"]);
    assert.deepEqual(
      res.body.comments.map((c: any) => c.body),
      ["重複留言"],
    );

    const s = (await get(survivor.id, poMoea)).body;
    assert.equal(s.state, "open");
    assert.deepEqual(s.evidence, [
      "https://shared.example.org/x",
      "https://b.example.org/2",
      "https://a.example.org/1",
    ]);
    assert.deepEqual(
      s.agencies.map((a: any) => a.slug),
      ["moea", "moi"],
    );
    assert.deepEqual(
      s.comments.map((c: any) => [c.body, c.carriedFrom]),
      [
        ["重複留言", dup.id],
        ["原本的留言", null],
      ],
    );
    assert.deepEqual(
      s.mergedFrom.map((m: any) => m.id),
      [dup.id],
    );
    const mergedIn = s.history.find((h: any) => h.kind === "merged-in");
    assert.deepEqual(mergedIn.data.agencyIds, [ids.moi]);
    assert.deepEqual(mergedIn.data.evidence, ["https://a.example.org/1"]);
    assert.equal(mergedIn.data.comments, 1);
    // Carried agencies widen who sees the survivor: the MOI supervisor now does.
    assert.equal((await get(survivor.id, supMoi)).status, 200);

    // A merged warning cannot be merged again, nor be merged into, nor take comments or answers.
    const again = await t.api("POST", `/api/v1/early-warnings/${dup.id}/merge`, {
      token: poMoi,
      body: { intoId: survivor.id },
    });
    assert.equal(again.status, 409);
    const third = await raise(poMoi, { title: "第三則" });
    const intoMerged = await t.api("POST", `/api/v1/early-warnings/${third.id}/merge`, {
      token: poMoi,
      body: { intoId: dup.id },
    });
    assert.equal(intoMerged.status, 409);
    assert.equal(intoMerged.body.error.field, "intoId");
    const late = await t.api("POST", `/api/v1/early-warnings/${dup.id}/comments`, {
      token: poMoi,
      body: { body: "太晚了" },
    });
    assert.equal(late.status, 409);
    const answer = await t.api("POST", `/api/v1/early-warnings/${dup.id}/outcome`, {
      token: poMoi,
      body: { happened: "yes" },
    });
    assert.equal(answer.status, 409);
    // The survivor's raiser is told (the duplicate's raiser merged it: nobody hears of their own action).
    const inbox = await t.api("GET", "/api/v1/me/notifications?limit=200", { token: poMoea });
    assert.ok(inbox.body.items.some((n: any) => n.kind === "early-warning.merged-in"));
    const own = await t.api("GET", "/api/v1/me/notifications?limit=200", { token: poMoi });
    assert.ok(!own.body.items.some((n: any) => n.kind === "early-warning.merged"));
    // The history of a warning is append-only.
    await assert.rejects(
      t.db.execute(sql`update early_warning_events set kind = 'changed' where warning_id = ${dup.id}`),
      (e: unknown) => /append-only/.test(String((e as Error).cause ?? e)),
    );
  });

  test("comments carried twice along a chain of merges arrive once", async () => {
    const a = await raise(poMoi, { title: "鏈 A" });
    const b = await raise(poMoi, { title: "鏈 B" });
    const c = await raise(poMoi, { title: "鏈 C" });
    await comment(poMoi, a.id, "來自 A");
    await t.api("POST", `/api/v1/early-warnings/${a.id}/merge`, { token: poMoi, body: { intoId: b.id } });
    await t.api("POST", `/api/v1/early-warnings/${b.id}/merge`, { token: poMoi, body: { intoId: c.id } });
    const got = (await get(c.id, poMoi)).body;
    assert.deepEqual(
      got.comments.map((x: any) => [x.body, x.carriedFrom]),
      [["來自 A", b.id]],
    );
  });
});

describe("turning a warning into a matter", () => {
  test("creates a network matter naming the warning's agencies and links it", async () => {
    const w = await raise(poMoi, {
      title: "跨部會補助爭議",
      evidence: ["https://news.example.com/z"],
      agencyIds: ["moi", "moea"],
    });
    const later = await t.api("POST", `/api/v1/early-warnings/${w.id}/convert`, {
      token: poMoi,
      body: { kind: "consultation" },
    });
    assert.equal(later.status, 400);
    assert.equal(later.body.error.field, "kind");
    assert.equal(later.body.error.code, "conversion_not_available");
    const bad = await t.api("POST", `/api/v1/early-warnings/${w.id}/convert`, {
      token: poMoi,
      body: { kind: "petition" },
    });
    assert.equal(bad.body.error.field, "kind");
    const notMine = await t.api("POST", `/api/v1/early-warnings/${w.id}/convert`, {
      token: poMotc,
      body: { kind: "matter" },
    });
    assert.equal(notMine.status, 403);

    const res = await t.api("POST", `/api/v1/early-warnings/${w.id}/convert`, {
      token: poMoea,
      body: { kind: "matter", title: "補助審查跨部會協調" },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.state, "converted");
    const to = res.body.convertedTo;
    assert.equal(to.kind, "matter");
    assert.match(to.reference, /^M-2026-\d{4}$/);
    assert.ok(res.body.history.some((h: any) => h.kind === "converted" && h.data.id === to.id));

    const m = await t.api("GET", `/api/v1/matters/${to.id}`, { token: poMoi });
    assert.equal(m.status, 200);
    assert.equal(m.body.reference, to.reference);
    assert.equal(m.body.title, "補助審查跨部會協調");
    assert.equal(m.body.visibility, "network");
    assert.deepEqual(m.body.agencies.map((a: any) => a.slug).sort(), ["moea", "moi"]);
    assert.equal(m.body.triage.route, "cross-agency");
    assert.match(m.body.description, /https:\/\/news\.example\.com\/z/);

    const again = await t.api("POST", `/api/v1/early-warnings/${w.id}/convert`, {
      token: poMoea,
      body: { kind: "matter" },
    });
    assert.equal(again.status, 409);
    // A converted warning cannot be merged away either.
    const other = await raise(poMoi);
    const merge = await t.api("POST", `/api/v1/early-warnings/${w.id}/merge`, {
      token: poMoi,
      body: { intoId: other.id },
    });
    assert.equal(merge.status, 409);
  });
});

describe("turning a warning into a matter, concurrently", () => {
  test("two people converting at once make one matter; the other gets 409", async () => {
    const w = await raise(poMoi, { title: "同時轉案只會有一件", agencyIds: ["moea"] });
    const results = await Promise.all(
      [poMoi, poMoea].map((token) =>
        t.api("POST", `/api/v1/early-warnings/${w.id}/convert`, { token, body: { kind: "matter" } }),
      ),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
    const matters = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from matters where title = ${"同時轉案只會有一件"}`,
    );
    assert.equal(matters.rows[0]!.n, 1);
  });
});

describe('"did it happen?"', () => {
  test("after the window the sweep asks the raiser exactly once; the answer is kept", async () => {
    const start = new Date("2026-03-10T02:00:00Z");
    clock().set(start);
    const w = await raise(poMoi, { title: "三十天內會發酵", flareUpWithinDays: 30, signalSource: "online" });
    const asks = async () =>
      (await t.api("GET", "/api/v1/me/notifications?limit=200", { token: poMoi })).body.items.filter(
        (n: any) => n.kind === "early-warning.did-it-happen" && n.url.endsWith(w.id),
      );

    // Not before the window ends.
    clock().set(new Date(start.getTime() + 30 * DAY - 60_000));
    await askDueOutcomes(deps());
    assert.equal((await asks()).length, 0);
    assert.equal((await get(w.id, poMoi)).body.askedAt, null);

    // After it: asked once, however often and however concurrently the sweep runs.
    clock().set(new Date(start.getTime() + 30 * DAY + 60_000));
    await Promise.all([askDueOutcomes(deps()), askDueOutcomes(deps())]);
    await askDueOutcomes(deps());
    await runDueJobs(t.rt);
    const asked = await asks();
    assert.equal(asked.length, 1);
    assert.equal(asked[0].count, 1);
    const detail = (await get(w.id, poMoi)).body;
    assert.equal(detail.windowEnded, true);
    assert.equal(detail.askedAt, clock().now().toISOString());
    assert.equal(detail.history.filter((h: any) => h.kind === "asked").length, 1);
    assert.equal(detail.can.answer, true);

    // Only the raiser (or PDIS, or an admin) answers.
    const other = await t.api("POST", `/api/v1/early-warnings/${w.id}/outcome`, {
      token: poMoea,
      body: { happened: "yes" },
    });
    assert.equal(other.status, 403);
    const bad = await t.api("POST", `/api/v1/early-warnings/${w.id}/outcome`, {
      token: poMoi,
      body: { happened: "maybe" },
    });
    assert.equal(bad.body.error.field, "happened");
    const res = await t.api("POST", `/api/v1/early-warnings/${w.id}/outcome`, {
      token: poMoi,
      body: { happened: "partly", note: "網路討論升溫，但未上新聞。" },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.state, "closed");
    assert.equal(res.body.outcome.happened, "partly");
    assert.equal(res.body.outcome.note, "網路討論升溫，但未上新聞。");
    assert.equal(res.body.outcome.answeredAt, clock().now().toISOString());

    // Kept: the next pass asks nothing more, and the look-back shows it.
    clock().advance(DAY);
    await askDueOutcomes(deps());
    assert.equal((await asks()).length, 1);
    assert.equal((await get(w.id, poMoea)).body.outcome.happened, "partly");

    const back = await t.api("GET", "/api/v1/early-warnings/look-back?source=online", { token: poMoea });
    assert.equal(back.status, 200, JSON.stringify(back.body));
    const item = back.body.items.find((i: any) => i.id === w.id);
    assert.equal(item.outcome.happened, "partly");
    assert.ok(back.body.items.every((i: any) => i.outcome && i.signalSource === "online"));
    assert.equal(back.body.summary.answered, back.body.items.length);
    const online = back.body.summary.bySource.find((s: any) => s.source === "online");
    assert.equal(online.partly, 1);
    assert.equal(back.body.summary.bySeverity.find((s: any) => s.severity === "high").partly, 1);
    assert.ok(!("byPerson" in back.body.summary));
  });

  test("converted warnings are asked too and stay converted; answering early stops the question", async () => {
    const start = clock().now();
    const converted = await raise(poMoi, { title: "轉案後仍追問", flareUpWithinDays: 5 });
    await t.api("POST", `/api/v1/early-warnings/${converted.id}/convert`, {
      token: poMoi,
      body: { kind: "matter" },
    });
    const early = await raise(poMoi, { title: "提早回答", flareUpWithinDays: 5 });
    const answered = await t.api("POST", `/api/v1/early-warnings/${early.id}/outcome`, {
      token: pdis,
      body: { happened: "yes" },
    });
    assert.equal(answered.status, 200);
    assert.equal(answered.body.outcome.answeredBy.name.length > 0, true);
    clock().set(new Date(start.getTime() + 6 * DAY));
    await askDueOutcomes(deps());
    const c = (await get(converted.id, poMoi)).body;
    assert.equal(c.state, "converted");
    assert.ok(c.askedAt);
    assert.equal((await get(early.id, poMoi)).body.askedAt, null);
    const out = await t.api("POST", `/api/v1/early-warnings/${converted.id}/outcome`, {
      token: poMoi,
      body: { happened: "no" },
    });
    assert.equal(out.body.state, "converted");
    assert.equal(out.body.outcome.happened, "no");
  });
});
