import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import { createPerson, findOrg, findPersonByEmail, systemActor } from "../directory/index.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let moiLead: string; // PO of the MOI: lead agency of case 1
let moiPress: string; // another MOI PO
let moeaLead: string; // PO of the MOEA: asked to review
let motcLead: string; // PO of the MOTC: not asked
let moiStaff: string; // unit staff of the MOI's civil affairs department
let admin: string;
const agency: Record<string, string> = {};
let unitId: string;

before(async () => {
  t = await createTestApp();
  await createPerson({ db: t.db, clock: t.rt.clock }, systemActor, {
    email: "admin@example.org",
    name: "示範管理員",
    isAdmin: true,
  });
  admin = await t.tokenFor("admin@example.org");
  moiLead = await t.tokenFor("po-moi-lead@example.org");
  moiPress = await t.tokenFor("po-moi-press@example.org");
  moeaLead = await t.tokenFor("po-moea-lead@example.org");
  motcLead = await t.tokenFor("po-motc-lead@example.org");
  moiStaff = await t.tokenFor("staff-moi-civil-affairs@example.org");
  for (const slug of ["moi", "moea", "motc"]) agency[slug] = (await findOrg(t.db, slug))!.id;
  unitId = (await findOrg(t.db, "moi-dept-civil-affairs"))!.id;
  const res = await t.api("POST", "/api/v1/cases", {
    token: moiLead,
    body: { title: "戶籍謄本線上申請", leadAgencyId: agency.moi, summary: "摘要" },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
});
after(() => t.close());

async function goal(token: string, body: Record<string, unknown>) {
  const res = await t.api("POST", "/api/v1/goals", { token, body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

describe("goals", () => {
  test("a private goal is invisible to everyone but its owner, administrators included", async () => {
    const g = await goal(moiLead, { title: "每月聯繫一位提案人", targetOn: "2027-03-31" });
    assert.equal(g.visibility, "private");
    assert.equal(g.visibleTo, "owners");
    assert.equal(g.owner.kind, "person");
    assert.equal(g.can.edit, true);
    for (const token of [moiPress, moeaLead, admin]) {
      const read = await t.api("GET", `/api/v1/goals/${g.id}`, { token });
      assert.equal(read.status, 404, "a private goal's existence does not leak");
      const edit = await t.api("PATCH", `/api/v1/goals/${g.id}`, { token, body: { title: "改" } });
      assert.equal(edit.status, 404);
      const list = await t.api("GET", "/api/v1/goals", { token });
      assert.ok(!list.body.items.some((x: any) => x.id === g.id));
    }
    assert.equal((await t.api("GET", `/api/v1/goals/${g.id}`)).status, 401);
    // Nor through the audit log, which administrators read: it keeps the change, not the words.
    await t.api("PATCH", `/api/v1/goals/${g.id}`, { token: moiLead, body: { description: "私人的想法" } });
    await t.api("POST", `/api/v1/goals/${g.id}/notes`, { token: moiLead, body: { body: "私人的進度" } });
    const audit = await t.api("GET", `/api/v1/audit?entityType=goal&entityId=${g.id}`, { token: admin });
    assert.equal(audit.status, 200, JSON.stringify(audit.body));
    assert.ok(audit.body.items.length >= 3, JSON.stringify(audit.body));
    assert.doesNotMatch(JSON.stringify(audit.body), /每月聯繫一位提案人|私人的想法|私人的進度/);
    const mine = await t.api("GET", "/api/v1/goals?scope=mine", { token: moiLead });
    assert.deepEqual(
      mine.body.items.map((x: any) => x.id),
      [g.id],
    );
  });

  test("a shared goal is read by the network but edited only by its owner", async () => {
    const g = await goal(moiLead, { title: "公開回應都用白話文", visibility: "shared" });
    assert.equal(g.visibleTo, "network");
    const read = await t.api("GET", `/api/v1/goals/${g.id}`, { token: moeaLead });
    assert.equal(read.status, 200);
    assert.equal(read.body.can.edit, false);
    const edit = await t.api("PATCH", `/api/v1/goals/${g.id}`, {
      token: moeaLead,
      body: { status: "achieved" },
    });
    assert.equal(edit.status, 403);
    const shared = await t.api("GET", "/api/v1/goals?scope=shared", { token: moeaLead });
    assert.ok(shared.body.items.some((x: any) => x.id === g.id));
  });

  test("a team goal is edited by a member of the team and refused to an outsider", async () => {
    // The MOI as a team: its POs, its supervisor and the staff of its units.
    const g = await goal(moiLead, { title: "內政部每季辦一場參與工作坊", teamId: agency.moi });
    assert.equal(g.owner.kind, "team");
    assert.equal(g.owner.team.slug, "moi");
    const note = await t.api("POST", `/api/v1/goals/${g.id}/notes`, {
      token: moiStaff,
      body: { body: "第一季工作坊已辦理", status: "achieved" },
    });
    assert.equal(note.status, 200, JSON.stringify(note.body));
    assert.equal(note.body.status, "achieved");
    assert.equal(note.body.notes.length, 1);
    assert.equal(note.body.notes[0].status, "achieved");
    assert.equal(note.body.notes[0].body, "第一季工作坊已辦理");
    assert.equal(note.body.notes[0].author.name, "示範李建宏");
    const byPo = await t.api("PATCH", `/api/v1/goals/${g.id}`, {
      token: moiPress,
      body: { title: "內政部每季辦一場公民參與工作坊", visibility: "shared" },
    });
    assert.equal(byPo.status, 200);
    assert.equal(byPo.body.title, "內政部每季辦一場公民參與工作坊");
    // An outsider can now read it (shared) but cannot change it.
    const outsider = await t.api("PATCH", `/api/v1/goals/${g.id}`, {
      token: moeaLead,
      body: { status: "active" },
    });
    assert.equal(outsider.status, 403);
    const outsiderNote = await t.api("POST", `/api/v1/goals/${g.id}/notes`, {
      token: moeaLead,
      body: { body: "我也來寫" },
    });
    assert.equal(outsiderNote.status, 403);
    // Nobody sets a goal for a team they are not in.
    const notMember = await t.api("POST", "/api/v1/goals", {
      token: moeaLead,
      body: { title: "替內政部設目標", teamId: agency.moi },
    });
    assert.equal(notMember.status, 403);
    assert.equal(notMember.body.error.code, "not_a_member");
    assert.equal(notMember.body.error.field, "teamId");
    const teams = await t.api("GET", "/api/v1/goals?scope=teams", { token: moiStaff });
    assert.ok(teams.body.items.some((x: any) => x.id === g.id));
    // A unit is a team of its own staff: the agency's PO is not in it, so a private unit goal is hidden.
    const unitGoal = await goal(moiStaff, { title: "民政司資料開放清單", teamId: unitId });
    assert.equal((await t.api("GET", `/api/v1/goals/${unitGoal.id}`, { token: moiLead })).status, 404);
  });

  test("bad input is refused with the field named, and nothing is half-written", async () => {
    const before = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from goals`);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: "" }, "title"],
      [{ title: "x", targetOn: "next year" }, "targetOn"],
      [{ title: "x", targetOn: "2026-02-30" }, "targetOn"],
      [{ title: "x", targetOn: "0000-01-01" }, "targetOn"],
      [{ title: "x", visibility: "public" }, "visibility"],
      [{ title: "x", teamId: "moi" }, "teamId"],
    ];
    for (const [body, field] of cases) {
      const res = await t.api("POST", "/api/v1/goals", { token: moiLead, body });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.field, field);
    }
    const after = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from goals`);
    assert.equal(after.rows[0]!.n, before.rows[0]!.n);
    const g = await goal(moiLead, { title: "狀態測試" });
    const badStatus = await t.api("PATCH", `/api/v1/goals/${g.id}`, {
      token: moiLead,
      body: { status: "done" },
    });
    assert.equal(badStatus.status, 400);
    assert.equal(badStatus.body.error.field, "status");
    const badDay = await t.api("PATCH", `/api/v1/goals/${g.id}`, {
      token: moiLead,
      body: { targetOn: "2026-13-45" },
    });
    assert.equal(badDay.status, 400, JSON.stringify(badDay.body));
    assert.equal(badDay.body.error.field, "targetOn");
    assert.equal(
      (await t.api("GET", "/api/v1/goals/00000000-0000-4000-8000-000000000000", { token: moiLead })).status,
      404,
    );
    assert.equal((await t.api("GET", "/api/v1/goals/not-an-id", { token: moiLead })).status, 404);
  });
});

describe("case checklists", () => {
  test("the organisers tick items; anyone else gets 403; everyone may read it", async () => {
    const empty = await t.api("GET", "/api/v1/cases/1/checklist");
    assert.equal(empty.status, 200);
    assert.equal(empty.body.visibleTo, "public");
    assert.deepEqual(
      empty.body.items.map((i: any) => [i.item, i.done]),
      [
        ["proposer-contacted", false],
        ["agency-agenda-linked", false],
        ["data-disclosed", false],
        ["plain-language-response", false],
      ],
    );
    const ticked = await t.api("PUT", "/api/v1/cases/1/checklist/proposer-contacted", {
      token: moiPress,
      body: { done: true, note: "3 月 2 日電話聯繫", evidenceUrl: "https://example.org/call-log" },
    });
    assert.equal(ticked.status, 200, JSON.stringify(ticked.body));
    const item = ticked.body.items[0];
    assert.equal(item.done, true);
    assert.equal(item.updatedBy.name, "示範林美華");
    assert.equal(item.updatedAt, t.rt.clock.now().toISOString());
    for (const token of [moeaLead, moiStaff]) {
      const refused = await t.api("PUT", "/api/v1/cases/1/checklist/data-disclosed", {
        token,
        body: { done: true },
      });
      assert.equal(refused.status, 403);
    }
    assert.equal(
      (await t.api("PUT", "/api/v1/cases/1/checklist/data-disclosed", { body: { done: true } })).status,
      401,
    );
    const badItem = await t.api("PUT", "/api/v1/cases/1/checklist/kpi", {
      token: moiLead,
      body: { done: true },
    });
    assert.equal(badItem.status, 400);
    assert.equal(badItem.body.error.field, "item");
    const badUrl = await t.api("PUT", "/api/v1/cases/1/checklist/data-disclosed", {
      token: moiLead,
      body: { done: true, evidenceUrl: "javascript:alert(1)" },
    });
    assert.equal(badUrl.status, 400);
    assert.equal(badUrl.body.error.field, "evidenceUrl");
    assert.equal((await t.api("GET", "/api/v1/cases/999/checklist")).status, 404);
    const still = await t.api("GET", "/api/v1/cases/1/checklist");
    assert.equal(still.body.items[2].done, false, "a refused change wrote nothing");
  });

  test("a peer review is written only by the POs of the agency the organisers asked", async () => {
    const self = await t.api("POST", "/api/v1/cases/1/checklist/reviews", {
      token: moiLead,
      body: { agencyId: agency.moi },
    });
    assert.equal(self.status, 409);
    assert.equal(self.body.error.code, "reviewer_is_organiser");
    const byOutsider = await t.api("POST", "/api/v1/cases/1/checklist/reviews", {
      token: moeaLead,
      body: { agencyId: agency.moea },
    });
    assert.equal(byOutsider.status, 403);
    const asked = await t.api("POST", "/api/v1/cases/1/checklist/reviews", {
      token: moiLead,
      body: { agencyId: agency.moea, note: "請協助檢視" },
    });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    assert.equal(asked.body.reviews[0].agency.slug, "moea");
    const told = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from notifications where kind = 'case.checklist-review-requested' and url = '/cases/1/checklist'`,
    );
    assert.equal(told.rows[0]!.n, 3, "every MOEA PO is told");
    const again = await t.api("POST", "/api/v1/cases/1/checklist/reviews", {
      token: moiLead,
      body: { agencyId: agency.moea },
    });
    assert.equal(again.status, 409);
    const path = `/api/v1/cases/1/checklist/reviews/${agency.moea}/proposer-contacted`;
    for (const token of [motcLead, moiLead]) {
      const refused = await t.api("PUT", path, { token, body: { verdict: "agree" } });
      assert.equal(refused.status, 403);
    }
    const notAsked = await t.api(
      "PUT",
      `/api/v1/cases/1/checklist/reviews/${agency.motc}/proposer-contacted`,
      {
        token: motcLead,
        body: { verdict: "agree" },
      },
    );
    assert.equal(notAsked.status, 404);
    const noComment = await t.api("PUT", path, { token: moeaLead, body: { verdict: "concerns" } });
    assert.equal(noComment.status, 400);
    assert.equal(noComment.body.error.field, "comment");
    const reviewed = await t.api("PUT", path, {
      token: moeaLead,
      body: { verdict: "concerns", comment: "未見聯繫紀錄的日期" },
    });
    assert.equal(reviewed.status, 200, JSON.stringify(reviewed.body));
    const moea = await findPersonByEmail(t.db, "po-moea-lead@example.org");
    assert.deepEqual(
      reviewed.body.reviews[0].items.map((i: any) => [i.item, i.verdict, i.comment, i.reviewer.id]),
      [["proposer-contacted", "concerns", "未見聯繫紀錄的日期", moea!.id]],
    );
    assert.deepEqual(reviewed.body.can.reviewFor, [agency.moea]);
  });
});

describe("contribution record", () => {
  test("reflects a facilitated table and a help request answered; only its person sees it", async () => {
    const staff = await findPersonByEmail(t.db, "staff-moi-civil-affairs@example.org");
    const role = await t.api("POST", "/api/v1/cases/1/roles", {
      token: moiLead,
      body: { kind: "table-facilitator", personId: staff!.id, label: "第 2 桌" },
    });
    assert.equal(role.status, 200, JSON.stringify(role.body));
    const asked = await t.api("POST", "/api/v1/help-requests", {
      token: moeaLead,
      body: {
        title: "跨部會資料介接",
        body: "需要民政司協助確認欄位。",
        target: { kind: "unit", id: unitId },
      },
    });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    const answered = await t.api("POST", `/api/v1/help-requests/${asked.body.id}/respond`, {
      token: moiStaff,
      body: { body: "欄位定義如附件。" },
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));

    const mine = await t.api("GET", "/api/v1/me/contributions", { token: moiStaff });
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    assert.equal(mine.body.visibleTo, "self");
    assert.deepEqual(
      mine.body.tablesFacilitated.map((x: any) => [x.number, x.role, x.table, x.url]),
      [[1, "table-facilitator", "第 2 桌", "/cases/1"]],
    );
    assert.deepEqual(
      mine.body.helpGiven.map((x: any) => [x.title, x.part, x.url]),
      [["跨部會資料介接", "answered", `/help-requests/${asked.body.id}`]],
    );
    assert.deepEqual(mine.body.helpReceived, []);

    const theirs = await t.api("GET", "/api/v1/me/contributions", { token: moeaLead });
    assert.deepEqual(
      theirs.body.helpReceived.map((x: any) => [x.title, x.state]),
      [["跨部會資料介接", "answered"]],
    );
    assert.deepEqual(theirs.body.tablesFacilitated, [], "someone else's record shows nothing of the staff's");
    const lead = await t.api("GET", "/api/v1/me/contributions", { token: moiLead });
    assert.deepEqual(
      lead.body.casesOrganised.map((x: any) => [x.number, x.parts]),
      [[1, ["created"]]],
    );

    const csv = await t.api("GET", "/api/v1/me/contributions.csv", { token: moiStaff });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get("content-type")!, /text\/csv/);
    assert.match(csv.headers.get("content-disposition")!, /attachment/);
    assert.match(
      String(csv.body),
      /"table-facilitated",".*","table-facilitator \(第 2 桌\)","1","戶籍謄本線上申請"/,
    );
    assert.match(String(csv.body), /"help-given",".*","answered"/);
    const json = await t.api("GET", "/api/v1/me/contributions.json", { token: moiStaff });
    assert.equal(json.status, 200);
    assert.match(json.headers.get("content-disposition")!, /contributions\.json/);
    assert.equal(json.body.person.name, "示範李建宏");

    for (const path of [
      "/api/v1/me/contributions",
      "/api/v1/me/contributions.csv",
      "/api/v1/me/contributions.json",
    ])
      assert.equal((await t.api("GET", path)).status, 401);
    // Nobody else, an administrator included, has an address for someone's record.
    assert.equal(
      (await t.api("GET", `/api/v1/people/${staff!.id}/contributions`, { token: admin })).status,
      404,
    );
    assert.equal((await t.api("GET", "/me/contributions", { headers: { accept: "text/html" } })).status, 401);
    const audited = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity_type = 'contribution-record' and entity_id = ${staff!.id}`,
    );
    assert.ok(audited.rows[0]!.n >= 3, "reads of the record are audited");
  });
});

describe("no ranking", () => {
  test("no path, parameter or field of the API ranks or scores people", async () => {
    const res = await t.api("GET", "/api/openapi.json");
    assert.equal(res.status, 200);
    const banned = /rank|score|leaderboard|kpi|percentile|points/i;
    // Search ranks speeches (text relevance), not people: its own schema is the one exception.
    const allowed = (path: string) => path.startsWith("/search");
    const offending: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${where}[${i}]`));
      if (!node || typeof node !== "object") return;
      for (const [k, v] of Object.entries(node)) {
        if (banned.test(k)) offending.push(`${where}.${k}`);
        if (k === "name" && typeof v === "string" && banned.test(v)) offending.push(`${where}.name=${v}`);
        walk(v, `${where}.${k}`);
      }
    };
    for (const [path, item] of Object.entries(res.body.paths as Record<string, unknown>)) {
      if (allowed(path)) continue;
      if (banned.test(path)) offending.push(path);
      walk(item, path);
    }
    const searchSchemas = new Set(["SearchResult", "SearchResults", "SearchHit"]);
    for (const [name, schema] of Object.entries(
      (res.body.components?.schemas ?? {}) as Record<string, unknown>,
    ))
      if (!searchSchemas.has(name)) walk(schema, `#/components/schemas/${name}`);
    assert.deepEqual(offending, []);
    // The walk does find a ranking where there is one.
    const probe: string[] = [];
    const before = offending.length;
    walk({ properties: { peopleRanking: {} } }, "probe");
    assert.equal(offending.length, before + 1);
    probe.push(...offending);
  });
});
