import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import { taipeiDate, nextDay } from "../../platform/calendar/working-days.ts";
import { findOrg } from "../directory/index.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let pdis: string;
let moiPo: string;
let moeaPo: string;
let moi: string;

const SECRET_CONTACT = "0912-345-678 林理事長";
const SECRET_INTERVIEW = "受訪者私下提到的內部情況";

before(async () => {
  t = await createTestApp();
  pdis = await t.tokenFor("pdis-project-manager@example.org");
  moiPo = await t.tokenFor("po-moi-lead@example.org");
  moeaPo = await t.tokenFor("po-moea-lead@example.org");
  moi = (await findOrg(t.db, "moi"))!.id;
  for (const title of ["外送員職業安全", "公車動態資料開放", "路邊停車電子支付"]) {
    const res = await t.api("POST", "/api/v1/cases", { token: moiPo, body: { title, leadAgencyId: moi } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  }
});
after(() => t.close());

const auditCount = async (action: string) =>
  (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = ${action}`))
    .rows[0]!.n;
const rowCount = async (table: string) =>
  (await t.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`))).rows[0]!.n;

describe("research artefacts", () => {
  let stakeholderId: string;
  let rootId: string;
  let childId: string;

  test("the organisers write each artefact, and every write is audited", async () => {
    const first = await t.api("PUT", "/api/v1/cases/1/research/challenge", {
      token: moiPo,
      body: { text: "我們可以如何讓外送員在雨天安全送餐？" },
    });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const second = await t.api("PUT", "/api/v1/cases/1/research/challenge", {
      token: pdis,
      body: { text: "我們可以如何讓外送員在任何天候都能安全送餐？" },
    });
    assert.equal(second.body.challenge.text, "我們可以如何讓外送員在任何天候都能安全送餐？");
    assert.equal(second.body.challenge.versions, 2);
    assert.equal(second.body.challengeHistory[1].text, "我們可以如何讓外送員在雨天安全送餐？");
    // The same wording again adds no version.
    const same = await t.api("PUT", "/api/v1/cases/1/research/challenge", {
      token: pdis,
      body: { text: "我們可以如何讓外送員在任何天候都能安全送餐？" },
    });
    assert.equal(same.body.challenge.versions, 2);

    const sh = await t.api("POST", "/api/v1/cases/1/research/stakeholders", {
      token: moiPo,
      body: {
        name: "外送員職業工會",
        kind: "citizen-group",
        interest: "希望平台負擔保險",
        influence: "high",
        contact: SECRET_CONTACT,
      },
    });
    assert.equal(sh.status, 201, JSON.stringify(sh.body));
    stakeholderId = sh.body.id;
    assert.equal(sh.body.research.stakeholders[0].contact, SECRET_CONTACT);

    const row = await t.api("POST", "/api/v1/cases/1/research/analysis", {
      token: moiPo,
      body: {
        kind: "problem",
        claim: "雨天接單量增加，事故也增加",
        aspect: "勞動安全",
        stakeholderIds: [stakeholderId],
        currentResponse: "勞動部已公告外送作業安全指引",
        possibleResponse: "要求平台於雨天調整派單",
        evidence: "https://example.org/report",
      },
    });
    assert.equal(row.status, 201, JSON.stringify(row.body));
    const solution = await t.api("POST", "/api/v1/cases/1/research/analysis", {
      token: moiPo,
      body: { kind: "solution", claim: "雨天加給由平台負擔" },
    });
    assert.deepEqual(
      solution.body.research.analysis.map((r: any) => [r.position, r.kind]),
      [
        [1, "problem"],
        [2, "solution"],
      ],
    );
    // Reordered: the solution goes first.
    const moved = await t.api("PATCH", `/api/v1/cases/1/research/analysis/${solution.body.id}`, {
      token: moiPo,
      body: { position: 0 + 1, aspect: "薪資" },
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.analysis.find((r: any) => r.id === solution.body.id).aspect, "薪資");

    for (const [interviewee, consent, summary] of [
      ["外送員甲", true, "雨天最怕路面濕滑"],
      ["平台業者乙", false, SECRET_INTERVIEW],
    ] as const) {
      const res = await t.api("POST", "/api/v1/cases/1/research/interviews", {
        token: moiPo,
        body: {
          heldOn: "2026-03-10",
          interviewee,
          interviewer: "內政部 PO",
          summary,
          consentToPublish: consent,
        },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }

    const root = await t.api("POST", "/api/v1/cases/1/research/mind-map", {
      token: moiPo,
      body: { label: "外送安全" },
    });
    rootId = root.body.id;
    const child = await t.api("POST", "/api/v1/cases/1/research/mind-map", {
      token: moiPo,
      body: { label: "天候", parentId: rootId },
    });
    childId = child.body.id;
    const grandchild = await t.api("POST", "/api/v1/cases/1/research/mind-map", {
      token: moiPo,
      body: { label: "雨天", parentId: childId },
    });
    assert.deepEqual(
      grandchild.body.research.mindMap.map((n: any) => [
        n.label,
        n.children.map((c: any) => [c.label, c.children.length]),
      ]),
      [["外送安全", [["天候", 1]]]],
    );

    const research = await t.api("GET", "/api/v1/cases/1/research", { token: moiPo });
    assert.equal(research.status, 200);
    assert.equal(research.body.interviews.length, 2);
    assert.equal(research.body.handbook.publishedAt, null);
    assert.equal(await auditCount("case.research.challenge"), 3);
    assert.equal(await auditCount("case.research.stakeholders.add"), 1);
    assert.equal(await auditCount("case.research.analysis.add"), 2);
    assert.equal(await auditCount("case.research.analysis.update"), 1);
    assert.equal(await auditCount("case.research.interviews.add"), 2);
    assert.equal(await auditCount("case.research.mind-map.add"), 3);
    // The audit log (which admins read) records the changes without the working material itself.
    const logged = await t.db.execute<{ j: string }>(
      sql`select coalesce(before::text, '') || coalesce(after::text, '') as j from audit_log where action like 'case.research.%'`,
    );
    const all = logged.rows.map((r) => r.j).join("\n");
    assert.doesNotMatch(all, new RegExp(SECRET_CONTACT));
    assert.doesNotMatch(all, new RegExp(SECRET_INTERVIEW));
    assert.doesNotMatch(all, /雨天安全送餐/, "earlier challenge wordings stay out of the log");
    // Reading the research is a read of restricted material: it is on the record.
    const reads = async () =>
      (
        await t.db.execute<{ n: number }>(
          sql`select count(*)::int as n from audit_log where action = 'read' and entity_type = 'case-research'`,
        )
      ).rows[0]!.n;
    const before = await reads();
    await t.api("GET", "/api/v1/cases/1/research", { token: pdis });
    assert.equal(await reads(), before + 1);
  });

  test("bad input is a 400 naming the field, and nothing is written", async () => {
    const before = await rowCount("case_analysis_rows");
    const kind = await t.api("POST", "/api/v1/cases/1/research/analysis", {
      token: moiPo,
      body: { kind: "opinion", claim: "x" },
    });
    assert.equal(kind.status, 400);
    assert.equal(kind.body.error.field, "kind");
    const empty = await t.api("POST", "/api/v1/cases/1/research/stakeholders", {
      token: moiPo,
      body: { name: " ", kind: "expert" },
    });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.field, "name");
    // A stakeholder of another case (or none) cannot be linked.
    const other = await t.api("POST", "/api/v1/cases/2/research/stakeholders", {
      token: moiPo,
      body: { name: "公車業者", kind: "business" },
    });
    const foreign = await t.api("POST", "/api/v1/cases/1/research/analysis", {
      token: moiPo,
      body: { kind: "problem", claim: "x", stakeholderIds: [other.body.id] },
    });
    assert.equal(foreign.status, 400);
    assert.equal(foreign.body.error.field, "stakeholderIds");
    assert.equal(await rowCount("case_analysis_rows"), before);
    const date = await t.api("POST", "/api/v1/cases/1/research/interviews", {
      token: moiPo,
      body: { interviewee: "x", heldOn: "10/3" },
    });
    assert.equal(date.body.error.field, "heldOn");
    for (const heldOn of ["2026-02-30", "0000-01-01"]) {
      const impossible = await t.api("POST", "/api/v1/cases/1/research/interviews", {
        token: moiPo,
        body: { interviewee: "x", heldOn },
      });
      assert.equal(impossible.status, 400, JSON.stringify(impossible.body));
      assert.equal(impossible.body.error.field, "heldOn");
    }
  });

  test("a mind-map node cannot move under its own branch; removing it removes the branch", async () => {
    const cycle = await t.api("PATCH", `/api/v1/cases/1/research/mind-map/${rootId}`, {
      token: moiPo,
      body: { parentId: childId },
    });
    assert.equal(cycle.status, 409);
    assert.equal(cycle.body.error.code, "mind_map_cycle");
    const removed = await t.api("DELETE", `/api/v1/cases/1/research/mind-map/${childId}`, { token: moiPo });
    assert.equal(removed.status, 200);
    assert.deepEqual(
      removed.body.mindMap.map((n: any) => [n.label, n.children.length]),
      [["外送安全", 0]],
    );
    assert.equal(await auditCount("case.research.mind-map.remove"), 1);
  });

  test("removing a stakeholder unlinks it from the analysis rows", async () => {
    const extra = await t.api("POST", "/api/v1/cases/1/research/stakeholders", {
      token: moiPo,
      body: { name: "暫時的團體", kind: "other" },
    });
    const row = await t.api("POST", "/api/v1/cases/1/research/analysis", {
      token: moiPo,
      body: { kind: "problem", claim: "暫時", stakeholderIds: [extra.body.id, stakeholderId] },
    });
    const gone = await t.api("DELETE", `/api/v1/cases/1/research/stakeholders/${extra.body.id}`, {
      token: moiPo,
    });
    assert.deepEqual(gone.body.analysis.find((r: any) => r.id === row.body.id).stakeholderIds, [
      stakeholderId,
    ]);
    await t.api("DELETE", `/api/v1/cases/1/research/analysis/${row.body.id}`, { token: moiPo });
  });

  test("only the case's organisers see or change the research; unknown cases and entries are 404", async () => {
    assert.equal((await t.api("GET", "/api/v1/cases/1/research")).status, 401);
    assert.equal((await t.api("GET", "/api/v1/cases/1/research", { token: moeaPo })).status, 403);
    const read = await t.api("GET", "/api/v1/cases/1/research", { token: moiPo });
    assert.equal(read.status, 200);
    assert.equal(read.headers.get("cache-control"), "no-store", "working material is not cached");
    const write = await t.api("POST", "/api/v1/cases/1/research/analysis", {
      token: moeaPo,
      body: { kind: "problem", claim: "不該寫入" },
    });
    assert.equal(write.status, 403);
    const challenge = await t.api("PUT", "/api/v1/cases/1/research/challenge", {
      token: moeaPo,
      body: { text: "不該寫入" },
    });
    assert.equal(challenge.status, 403);
    const patch = await t.api("PATCH", `/api/v1/cases/1/research/stakeholders/${stakeholderId}`, {
      token: moeaPo,
      body: { contact: "x" },
    });
    assert.equal(patch.status, 403);
    assert.equal((await t.api("GET", "/api/v1/cases/99/research", { token: pdis })).status, 404);
    const missing = await t.api(
      "PATCH",
      "/api/v1/cases/1/research/interviews/00000000-0000-4000-8000-000000000000",
      {
        token: pdis,
        body: { summary: "x" },
      },
    );
    assert.equal(missing.status, 404);
    // An entry of case 2 is not reachable through case 1.
    const research2 = await t.api("GET", "/api/v1/cases/2/research", { token: pdis });
    const foreign = await t.api(
      "DELETE",
      `/api/v1/cases/1/research/stakeholders/${research2.body.stakeholders[0].id}`,
      { token: pdis },
    );
    assert.equal(foreign.status, 404);
  });
});

describe("issue handbook", () => {
  test("before publishing, only the organisers see it (a preview); publishing needs a challenge statement", async () => {
    assert.equal((await t.api("GET", "/api/v1/cases/1/handbook")).status, 404);
    assert.equal((await t.api("GET", "/api/v1/cases/1/handbook", { token: moeaPo })).status, 404);
    const preview = await t.api("GET", "/api/v1/cases/1/handbook", { token: moiPo });
    assert.equal(preview.status, 200);
    assert.equal(preview.body.publishedAt, null);
    assert.equal(preview.body.can.organise, true);
    const none = await t.api("POST", "/api/v1/cases/3/handbook", { token: moiPo });
    assert.equal(none.status, 409);
    assert.equal(none.body.error.code, "handbook_needs_challenge");
    assert.equal((await t.api("POST", "/api/v1/cases/1/handbook", { token: moeaPo })).status, 403);
    assert.equal((await t.api("POST", "/api/v1/cases/1/handbook")).status, 401);
  });

  test("published 2 days before the meeting: public, no warning, the stage's artefact is the handbook", async () => {
    const today = taipeiDate(t.rt.clock.now());
    const stage = await t.api("PATCH", "/api/v1/cases/1/stages/collaborative-meeting", {
      token: moiPo,
      body: { dueOn: nextDay(today, 2) },
    });
    assert.equal(stage.status, 200, JSON.stringify(stage.body));
    const published = await t.api("POST", "/api/v1/cases/1/handbook", { token: moiPo });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.timing.daysBefore, 2);
    assert.equal(published.body.timing.onTime, true);
    assert.equal(published.body.timing.warning, null);
    assert.ok(published.body.handbook.publishedAt);
    const again = await t.api("POST", "/api/v1/cases/1/handbook", { token: moiPo });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, "handbook_published");

    const c = await t.api("GET", "/api/v1/cases/1");
    const book = c.body.stages.find((s: any) => s.stage === "handbook-published");
    assert.match(book.artefactUrl, /\/cases\/1\/handbook$/);
    assert.ok(c.body.history.some((h: any) => h.kind === "handbook"));
    assert.equal(await auditCount("case.handbook-publish"), 1);
  });

  test("the public handbook and every public output leave out the working material", async () => {
    const res = await t.api("GET", "/api/v1/cases/1/handbook");
    assert.equal(res.status, 200);
    assert.equal(res.body.challenge.text, "我們可以如何讓外送員在任何天候都能安全送餐？");
    assert.equal(res.body.stakeholders[0].name, "外送員職業工會");
    assert.equal("contact" in res.body.stakeholders[0], false);
    assert.deepEqual(
      res.body.interviews.map((i: any) => i.interviewee),
      ["外送員甲"],
    );
    assert.equal(res.body.analysis.length, 2);
    assert.equal(res.body.can.organise, false);
    for (const path of [
      "/api/v1/cases/1/handbook",
      "/api/v1/cases/1",
      "/api/v1/cases/export.json",
      "/api/v1/cases/export.csv",
      "/cases/1/feed.atom",
      "/cases/1/handbook",
      "/cases/1/handbook?print=1",
      "/cases/1",
    ]) {
      const r = await t.app.request(path, {
        headers: { accept: path.startsWith("/api") ? "application/json" : "text/html" },
      });
      assert.equal(r.status, 200, path);
      const body = await r.text();
      for (const secret of [
        SECRET_CONTACT,
        SECRET_INTERVIEW,
        "平台業者乙",
        "我們可以如何讓外送員在雨天安全送餐？",
      ])
        assert.equal(body.includes(secret), false, `${path} shows ${secret}`);
    }
  });

  test("published a week before the meeting, or with no date: published with a warning", async () => {
    await t.api("PUT", "/api/v1/cases/2/research/challenge", {
      token: moiPo,
      body: { text: "我們可以如何？" },
    });
    const today = taipeiDate(t.rt.clock.now());
    await t.api("PATCH", "/api/v1/cases/2/stages/collaborative-meeting", {
      token: moiPo,
      body: { dueOn: nextDay(today, 7) },
    });
    const early = await t.api("POST", "/api/v1/cases/2/handbook", {
      token: moiPo,
      headers: { "accept-language": "en" },
    });
    assert.equal(early.status, 200, JSON.stringify(early.body));
    assert.equal(early.body.timing.onTime, false);
    assert.match(early.body.timing.warning, /7 days before/);
    await t.api("PUT", "/api/v1/cases/3/research/challenge", {
      token: moiPo,
      body: { text: "我們可以如何？" },
    });
    const undated = await t.api("POST", "/api/v1/cases/3/handbook", { token: moiPo });
    assert.equal(undated.body.timing.daysBefore, null);
    assert.match(undated.body.timing.warning, /還沒有日期/);
  });
});
