import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { createPerson, systemActor } from "../directory/index.ts";
import { notifications } from "../notifications/index.ts";
import { importTranscriptFiles, speeches, transcripts } from "../transcripts/index.ts";
import { runDueJobs } from "../../runtime.ts";
import { sweepPetitionClocks } from "./index.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let pdis: string; // PDIS staff
let admin: string;
let moiPo: string; // lead PO of the Ministry of the Interior
let moiSup: string; // MOI's supervising official
let moeaPo: string; // a PO of another agency
let citizen: string; // a participant with no network role
let publicSpeech: string;
let draftSpeech: string;

const clock = () => t.rt.clock as FixedClock;

before(async () => {
  t = await createTestApp();
  await createPerson({ db: t.db, clock: t.rt.clock }, systemActor, {
    email: "admin@example.org",
    name: "示範管理員",
    isAdmin: true,
  });
  pdis = await t.tokenFor("pdis-project-manager@example.org");
  admin = await t.tokenFor("admin@example.org");
  moiPo = await t.tokenFor("po-moi-lead@example.org");
  moiSup = await t.tokenFor("sup-moi@example.org");
  moeaPo = await t.tokenFor("po-moea-lead@example.org");
  await createPerson({ db: t.db, clock: t.rt.clock }, systemActor, {
    email: "citizen@example.net",
    name: "民眾",
  });
  citizen = await t.tokenFor("citizen@example.net");
  // Two transcripts (fixtures written for this test): one published, one still a draft.
  const r = await importTranscriptFiles({ db: t.db, clock: t.rt.clock }, systemActor, [
    {
      name: "x/2026-01-05-測試-協作會議.md",
      text: "# 2026-01-05 測試 協作會議\n\n### 測試甲：\n\n公開的發言。\n",
    },
    { name: "x/2026-01-06-測試-草稿.md", text: "# 2026-01-06 測試 草稿\n\n### 測試乙：\n\n草稿的發言。\n" },
  ]);
  assert.equal(r.skipped.length, 0, JSON.stringify(r.skipped));
  const [draftT] = await t.db.select().from(transcripts).where(eq(transcripts.slug, "2026-01-06-測試-草稿"));
  await t.db.update(transcripts).set({ state: "draft" }).where(eq(transcripts.id, draftT!.id));
  const all = await t.db.select({ id: speeches.id, transcriptId: speeches.transcriptId }).from(speeches);
  publicSpeech = all.find((s) => s.transcriptId !== draftT!.id)!.id;
  draftSpeech = all.find((s) => s.transcriptId === draftT!.id)!.id;
});
after(() => t.close());

/** Posts a raw import body as PDIS. */
async function importRaw(body: string, type: "text/csv" | "application/json", token = pdis) {
  const res = await t.app.request("/api/v1/petitions/import", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": type, accept: "application/json" },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}

const HEADER = "external_id,url,title,text,proposer,agencies,endorsements,endorsements_at,opens_at";

async function byExternalId(externalId: string, token?: string) {
  const list = await t.api("GET", `/api/v1/petitions?q=${encodeURIComponent(externalId)}`);
  const item = list.body.items.find((p: any) => p.externalId === externalId);
  assert.ok(item, `no petition ${externalId}`);
  return (await t.api("GET", `/api/v1/petitions/${item.id}`, { token })).body;
}

describe("acceptance: qualify, respond due in two months, escalate, extend once", () => {
  test("imported with 5,000 endorsements inside its window → qualified, due on the calendar, escalated, extended once", async () => {
    clock().set(new Date("2026-03-05T02:00:00Z"));
    const csv = [
      HEADER,
      // Qualifies on Monday 2 March 2026, 10:00 Taipei: two months later is Saturday 2 May, after
      // Labour Day (Friday 1 May): the deadline runs to the end of Monday 4 May.
      `JOIN-A1,https://join.gov.tw/idea/detail/a1,戶籍資料開放,請開放去識別化的戶籍統計資料。,王小明,moi,5000,2026-03-02T02:00:00Z,2026-02-10`,
    ].join("\n");
    const imp = await importRaw(csv, "text/csv");
    assert.equal(imp.status, 200, JSON.stringify(imp.body));
    assert.deepEqual(
      { created: imp.body.created, qualified: imp.body.qualified, problems: imp.body.problems },
      { created: 1, qualified: 1, problems: [] },
    );
    const p = await byExternalId("JOIN-A1");
    assert.equal(p.state, "qualified");
    assert.equal(p.qualifiedAt, "2026-03-02T02:00:00.000Z");
    assert.equal(p.responseDueAt, "2026-05-04T15:59:59.999Z");
    assert.equal(p.planDueAt, "2026-03-09T15:59:59.999Z"); // 7 days: Monday 9 March
    assert.deepEqual(
      p.agencies.named.map((a: any) => a.slug),
      ["moi"],
    );
    assert.equal(p.internal, null, "the public sees no internal material");

    // Past the deadline with no response: the operator's `jobs run-due --now T`, run twice.
    clock().set(new Date("2026-05-05T01:00:00Z"));
    await runDueJobs(t.rt);
    await runDueJobs(t.rt);
    const late = (await t.api("GET", `/api/v1/petitions/${p.id}`, { token: pdis })).body;
    const responseEscalations = late.internal.escalations.filter((e: any) => e.clock === "response");
    assert.equal(responseEscalations.length, 1, JSON.stringify(late.internal.escalations));
    assert.equal(responseEscalations[0].level, 1);
    assert.equal(responseEscalations[0].targetKind, "pdis"); // no lead agency yet: the chain starts at PDIS
    assert.equal(late.clocks.response.lapsed, true);
    assert.equal(late.overdue, true);
    // The public sees that it is overdue, never the escalation record.
    const pub = (await t.api("GET", `/api/v1/petitions/${p.id}`)).body;
    assert.equal(pub.overdue, true);
    assert.equal(pub.internal, null);
    assert.ok(pub.timeline.every((e: any) => e.kind !== "escalated" && !e.internal));
    // PDIS was told at once, urgently.
    const inbox = await t.api("GET", "/api/v1/me/notifications", { token: pdis });
    assert.ok(inbox.body.items.some((n: any) => n.kind === "petition.escalated" && n.urgent));

    // Assigned to the MOI; its PO extends once, with a public reason.
    const assigned = await t.api("POST", `/api/v1/petitions/${p.id}/assignment`, {
      token: pdis,
      body: { lead: "moi", co: ["moea"] },
    });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    assert.equal(assigned.body.state, "assigned");
    const noReason = await t.api("POST", `/api/v1/petitions/${p.id}/extension`, { token: moiPo, body: {} });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.error.field, "reason");
    const other = await t.api("POST", `/api/v1/petitions/${p.id}/extension`, {
      token: moeaPo,
      body: { reason: "co-organiser tries" },
    });
    assert.equal(other.status, 403);
    const tooFar = await t.api("POST", `/api/v1/petitions/${p.id}/extension`, {
      token: moiPo,
      body: { reason: "需跨部會協調", until: "2026-08-31" },
    });
    assert.equal(tooFar.status, 400);
    assert.equal(tooFar.body.error.field, "until");
    const ext = await t.api("POST", `/api/v1/petitions/${p.id}/extension`, {
      token: moiPo,
      body: { reason: "需跨部會協調資料格式" },
    });
    assert.equal(ext.status, 200, JSON.stringify(ext.body));
    assert.equal(ext.body.responseDueAt, "2026-07-06T15:59:59.999Z"); // 4 July is a Saturday
    assert.equal(ext.body.originalResponseDueAt, "2026-05-04T15:59:59.999Z");
    assert.deepEqual(ext.body.extension.reason, "需跨部會協調資料格式");
    assert.equal(ext.body.clocks.response.lapsed, false);
    const again = await t.api("POST", `/api/v1/petitions/${p.id}/extension`, {
      token: moiPo,
      body: { reason: "再延一次" },
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, "petition_extension_used");
    const after = (await t.api("GET", `/api/v1/petitions/${p.id}`)).body;
    assert.equal(after.responseDueAt, "2026-07-06T15:59:59.999Z", "the second extension changed nothing");
    assert.ok(
      after.timeline.some((e: any) => e.kind === "extended" && e.data.reason === "需跨部會協調資料格式"),
    );

    // The next lapse (of the extended deadline) climbs to the next step: the lead agency's chain.
    clock().set(new Date("2026-07-07T01:00:00Z"));
    await runDueJobs(t.rt);
    const later = (await t.api("GET", `/api/v1/petitions/${p.id}`, { token: moiSup })).body;
    assert.deepEqual(
      later.internal.escalations.filter((e: any) => e.clock === "response").map((e: any) => e.level),
      [1, 2],
    );
  });
});

describe("entering, importing and qualifying", () => {
  test("writes need PDIS or an admin; bad input names the field", async () => {
    clock().set(new Date("2026-03-02T02:00:00Z"));
    const body = { title: "t", text: "x" };
    assert.equal((await t.api("POST", "/api/v1/petitions", { body })).status, 401);
    assert.equal((await t.api("POST", "/api/v1/petitions", { token: citizen, body })).status, 403);
    assert.equal((await t.api("POST", "/api/v1/petitions", { token: moiPo, body })).status, 403);
    const noTitle = await t.api("POST", "/api/v1/petitions", { token: pdis, body: { text: "x" } });
    assert.equal(noTitle.status, 400);
    assert.equal(noTitle.body.error.field, "title");
    const badAgency = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: { ...body, agencies: ["moi", "nowhere"] },
    });
    assert.equal(badAgency.status, 400);
    assert.equal(badAgency.body.error.field, "agencies.1");
    const window = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: { ...body, opensAt: "2026-03-01T00:00:00Z", closesAt: "2026-02-01T00:00:00Z" },
    });
    assert.equal(window.body.error.field, "closesAt");
    const ok = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: { ...body, externalId: "HAND-1", agencies: ["moi"] },
    });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.state, "open");
    assert.equal(ok.body.threshold, 5000);
    assert.equal(ok.body.closesAt, "2026-05-01T15:59:59.999Z"); // 60 days after 2 March
    const dup = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: { ...body, externalId: "HAND-1" },
    });
    assert.equal(dup.status, 409);
  });

  test("an import is idempotent, all or nothing, and reports bad rows by line and field", async () => {
    clock().set(new Date("2026-03-02T02:00:00Z"));
    const good = [
      HEADER,
      "JOIN-B1,,路燈維修,請加快路燈維修。,,moi;moea,120,,2026-03-01",
      'JOIN-B2,,"公園, 綠地",請增加公園。,,,0,,2026-03-01',
    ].join("\n");
    const bad = [
      HEADER,
      "JOIN-B3,,新的提議,內容,,moi,10,,2026-03-01",
      "JOIN-B4,,,沒有標題,,moi,10,,2026-03-01",
      "JOIN-B5,,標題,內容,,atlantis,10,,2026-03-01",
      "JOIN-B3,,重複,內容,,moi,10,,2026-03-01",
      "JOIN-B6,,標題,內容,,moi,-3,,2026-03-01",
    ].join("\n");
    const refused = await importRaw(bad, "text/csv");
    assert.equal(refused.status, 422);
    assert.deepEqual(
      refused.body.problems.map((p: any) => [p.line, p.field]),
      [
        [3, "title"],
        [4, "agencies"],
        [5, "external_id"],
        [6, "endorsements"],
      ],
    );
    const none = await t.api("GET", "/api/v1/petitions?q=JOIN-B3");
    assert.equal(none.body.items.length, 0, "nothing of a refused file is written");
    const first = await importRaw(good, "text/csv");
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.created, 2);
    const second = await importRaw(good, "text/csv");
    assert.deepEqual([second.body.created, second.body.updated, second.body.unchanged], [0, 0, 2]);
    const p = await byExternalId("JOIN-B2");
    assert.equal(p.title, "公園, 綠地");
    assert.equal(p.endorsements.length, 1);
    // A newer copy with more endorsements updates it and adds to the history.
    const json = JSON.stringify([
      {
        externalId: "JOIN-B2",
        title: "公園, 綠地",
        text: "請增加公園。",
        agencies: [],
        endorsements: 300,
        endorsementsAt: "2026-03-02T02:00:00Z",
        opensAt: "2026-03-01",
      },
    ]);
    const upd = await importRaw(json, "application/json");
    assert.equal(upd.body.updated, 1, JSON.stringify(upd.body));
    const p2 = await byExternalId("JOIN-B2");
    assert.equal(p2.endorsementCount, 300);
    assert.deepEqual(
      p2.endorsements.map((e: any) => e.count),
      [0, 300],
    );
    const badJson = await importRaw(
      '[\n  {"externalId": "J-X", "title": "t"},\n  {"externalId": "J-Y"}\n]',
      "application/json",
    );
    assert.equal(badJson.status, 422);
    assert.deepEqual(
      badJson.body.problems.map((p: any) => [p.line, p.field]),
      [
        [2, "text"],
        [3, "title"],
      ],
    );
    const kind = await importRaw(
      JSON.stringify([
        { externalId: "JOIN-B2", kind: "notice", title: "t", text: "x", opensAt: "2026-03-01" },
      ]),
      "application/json",
    );
    assert.equal(kind.status, 422);
    assert.deepEqual(kind.body.problems[0], {
      line: 1,
      field: "kind",
      message: "JOIN-B2 was imported as a petition",
    });
    assert.equal((await importRaw(good, "text/csv", moiPo)).status, 403);
  });

  test("the window closes without qualifying; endorsements are recorded with history", async () => {
    clock().set(new Date("2026-03-02T02:00:00Z"));
    const created = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: {
        title: "小提議",
        text: "內容",
        opensAt: "2026-03-02T02:00:00Z",
        closesAt: "2026-03-10T15:59:59.999Z",
      },
    });
    const id = created.body.id;
    const e = await t.api("POST", `/api/v1/petitions/${id}/endorsements`, {
      token: pdis,
      body: { count: 40 },
    });
    assert.equal(e.status, 200);
    assert.equal(e.body.endorsementCount, 40);
    const neg = await t.api("POST", `/api/v1/petitions/${id}/endorsements`, {
      token: pdis,
      body: { count: -1 },
    });
    assert.equal(neg.body.error.field, "count");
    clock().set(new Date("2026-03-11T00:00:00Z"));
    await sweepPetitionClocks({ db: t.db, clock: t.rt.clock, publicUrl: "http://po.test" });
    const closed = (await t.api("GET", `/api/v1/petitions/${id}`)).body;
    assert.equal(closed.state, "not-qualified");
    assert.equal(closed.responseDueAt, null);
    const list = await t.api("GET", "/api/v1/petitions?state=not-qualified");
    assert.ok(list.body.items.some((x: any) => x.id === id));
  });
});

describe("automatic early warnings", () => {
  test("reaching the configured share of the threshold raises one warning; so does no response after N days", async () => {
    clock().set(new Date("2026-03-02T02:00:00Z"));
    const bad = await t.api("PUT", "/api/v1/petition-settings", {
      token: admin,
      body: { warnAtPercent: 120, noResponseDays: 10 },
    });
    assert.equal(bad.body.error.field, "warnAtPercent");
    assert.equal(
      (
        await t.api("PUT", "/api/v1/petition-settings", {
          token: pdis,
          body: { warnAtPercent: 70, noResponseDays: 10 },
        })
      ).status,
      403,
    );
    const set = await t.api("PUT", "/api/v1/petition-settings", {
      token: admin,
      body: { warnAtPercent: 70, noResponseDays: 10 },
    });
    assert.deepEqual(set.body, { warnAtPercent: 70, noResponseDays: 10, source: "admin" });
    const created = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: { title: "接近門檻", text: "內容", agencies: ["moi"], threshold: 1000 },
    });
    const id = created.body.id;
    await t.api("POST", `/api/v1/petitions/${id}/endorsements`, { token: pdis, body: { count: 600 } });
    let p = (await t.api("GET", `/api/v1/petitions/${id}`, { token: moiPo })).body;
    assert.equal(p.internal.warnings.thresholdShare, null);
    await t.api("POST", `/api/v1/petitions/${id}/endorsements`, { token: pdis, body: { count: 700 } });
    await t.api("POST", `/api/v1/petitions/${id}/endorsements`, { token: pdis, body: { count: 800 } });
    p = (await t.api("GET", `/api/v1/petitions/${id}`, { token: moiPo })).body;
    const warningId = p.internal.warnings.thresholdShare;
    assert.ok(warningId);
    const w = await t.api("GET", `/api/v1/early-warnings/${warningId}`, { token: moiPo });
    assert.equal(w.status, 200, JSON.stringify(w.body));
    assert.equal(w.body.signalSource, "petition");
    assert.equal(w.body.raisedBy, null);
    // One warning only, and never public.
    const pub = (await t.api("GET", `/api/v1/petitions/${id}`)).body;
    assert.equal(pub.internal, null);
    assert.ok(!JSON.stringify(pub).includes(warningId));
    assert.equal((await t.api("GET", `/api/v1/early-warnings/${warningId}`)).status, 404);

    // It qualifies; ten days later without a response, the second warning.
    await t.api("POST", `/api/v1/petitions/${id}/endorsements`, { token: pdis, body: { count: 1000 } });
    clock().advance(10 * 86_400_000 + 60_000);
    await runDueJobs(t.rt);
    await runDueJobs(t.rt);
    p = (await t.api("GET", `/api/v1/petitions/${id}`, { token: pdis })).body;
    assert.equal(p.state, "qualified");
    assert.ok(p.internal.warnings.noResponse);
    assert.equal(p.timeline.filter((e: any) => e.kind === "warning-raised").length, 2);
    await t.api("PUT", "/api/v1/petition-settings", {
      token: admin,
      body: { warnAtPercent: 80, noResponseDays: 30 },
    });
  });
});

describe("the response composer, publication and follow-up", () => {
  test("a draft is internal; published it is public, cites speeches; followers hear of updates after day 60", async () => {
    clock().set(new Date("2026-03-02T02:00:00Z"));
    const created = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: { title: "回應測試", text: "內容", agencies: ["moi"], endorsements: 5000 },
    });
    const id = created.body.id;
    assert.equal(created.body.state, "qualified");
    const follow = await t.api("PUT", `/api/v1/petitions/${id}/follow`, { token: citizen });
    assert.deepEqual(follow.body, { following: true, followers: 1 });
    const response = {
      analysis: "現行法規允許開放統計資料。",
      suggestion: "開放鄉鎮層級統計。",
      plan: "三個月內上架開放資料平台。",
      references: [{ title: "戶籍法", url: "https://law.moj.gov.tw/" }],
      citations: [{ speech: `https://po.test/speeches/${publicSpeech}`, note: "協作會議的討論" }],
      evaluatedBy: "內政部戶政司、資訊中心",
      evaluationMethod: "召開兩次工作會議並諮詢外部專家",
    };
    // Only the lead agency's PO (after assignment), PDIS or an admin writes it.
    assert.equal(
      (await t.api("POST", `/api/v1/petitions/${id}/response`, { token: moiPo, body: response })).status,
      403,
    );
    await t.api("POST", `/api/v1/petitions/${id}/assignment`, { token: pdis, body: { lead: "moi" } });
    const draftCite = await t.api("POST", `/api/v1/petitions/${id}/response`, {
      token: moiPo,
      body: { ...response, citations: [{ speech: `/speeches/${draftSpeech}` }] },
    });
    assert.equal(draftCite.status, 400);
    assert.equal(draftCite.body.error.field, "citations.0.speech");
    const notSpeech = await t.api("POST", `/api/v1/petitions/${id}/response`, {
      token: moiPo,
      body: { ...response, citations: [{ speech: "https://example.org/elsewhere" }] },
    });
    assert.equal(notSpeech.body.error.field, "citations.0.speech");
    const noHow = await t.api("POST", `/api/v1/petitions/${id}/response`, {
      token: moiPo,
      body: { ...response, evaluationMethod: "" },
    });
    assert.equal(noHow.body.error.field, "evaluationMethod");
    const saved = await t.api("POST", `/api/v1/petitions/${id}/response`, { token: moiPo, body: response });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.response.status, "draft");
    assert.equal(saved.body.response.citations[0].speechId, publicSpeech);
    assert.equal(
      (await t.api("GET", `/api/v1/petitions/${id}`)).body.response,
      null,
      "a draft is not public",
    );
    const exported = await t.api("GET", "/api/v1/petitions/export.json");
    assert.equal(exported.body.items.find((x: any) => x.id === id).response, null);

    const plan = await t.api("POST", `/api/v1/petitions/${id}/plan`, {
      token: moiPo,
      body: { body: "兩週內召開工作會議。" },
    });
    assert.equal(plan.body.state, "plan-published");
    assert.equal(plan.body.clocks.plan.stoppedAt, clock().now().toISOString());

    clock().advance(86_400_000);
    const published = await t.api("POST", `/api/v1/petitions/${id}/response/publish`, { token: moiPo });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.state, "responded");
    assert.equal(published.body.clocks.response.lapsed, false);
    assert.ok(published.body.clocks.response.stoppedAt);
    assert.equal(
      (await t.api("POST", `/api/v1/petitions/${id}/response/publish`, { token: moiPo })).status,
      409,
    );
    const pub = (await t.api("GET", `/api/v1/petitions/${id}`)).body;
    assert.equal(pub.response.status, "published");
    assert.equal(pub.response.evaluatedBy, "內政部戶政司、資訊中心");
    assert.equal(pub.response.citations[0].permalink.endsWith(`/speeches/${publicSpeech}`), true);
    const inboxOf = async () =>
      (await t.api("GET", "/api/v1/me/notifications", { token: citizen })).body.items.map((n: any) => n.kind);
    assert.ok((await inboxOf()).includes("petition.responded"));

    // An update before day 60 is public but not pushed; after day 60 it is pushed.
    const early = await t.api("POST", `/api/v1/petitions/${id}/updates`, {
      token: moiPo,
      body: { body: "資料格式已確定。" },
    });
    assert.equal(early.status, 200);
    assert.equal((await inboxOf()).filter((k: string) => k === "petition.update").length, 0);
    assert.equal(
      (await t.api("POST", `/api/v1/petitions/${id}/updates`, { token: moeaPo, body: { body: "x" } })).status,
      403,
    );
    clock().set(new Date("2026-05-10T02:00:00Z"));
    await t.api("POST", `/api/v1/petitions/${id}/updates`, { token: moiPo, body: { body: "資料已上架。" } });
    assert.equal((await inboxOf()).filter((k: string) => k === "petition.update").length, 1);
    const edited = await t.api("POST", `/api/v1/petitions/${id}/response`, {
      token: moiPo,
      body: { ...response, plan: "已完成上架。" },
    });
    assert.equal(edited.body.response.lastUpdatedAt, clock().now().toISOString());
    assert.ok((await inboxOf()).includes("petition.response-edited"));
    const final = (await t.api("GET", `/api/v1/petitions/${id}`)).body;
    assert.deepEqual(
      final.updates.map((u: any) => u.body),
      ["資料格式已確定。", "資料已上架。"],
    );

    // Open data: the response is in both exports.
    const json = await t.api("GET", "/api/v1/petitions/export.json");
    const rec = json.body.items.find((x: any) => x.id === id);
    assert.equal(rec.response.plan, "已完成上架。");
    const csv = await t.app.request("/api/v1/petitions/export.csv");
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get("content-type") ?? "", /text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "a BOM for spreadsheet programs");
    const text = new TextDecoder().decode(bytes);
    assert.match(text, /^id,kind,external_id,url,title,/);
    assert.ok(text.includes("已完成上架。"));
    assert.ok(!text.includes("thresholdShare"));
    // Unfollowing is idempotent; following needs a person.
    assert.equal((await t.api("PUT", `/api/v1/petitions/${id}/follow`)).status, 401);
    const un = await t.api("DELETE", `/api/v1/petitions/${id}/follow`, { token: citizen });
    assert.deepEqual(un.body, { following: false, followers: 0 });
    const rows = await t.db.select().from(notifications).where(eq(notifications.kind, "petition.update"));
    assert.equal(rows.length, 1);
  });

  test("a draft-regulation notice: 60-day period, consolidated reply due 14 days after it closes", async () => {
    clock().set(new Date("2026-03-02T02:00:00Z"));
    const n = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: { kind: "notice", title: "草案預告", text: "條文草案", agencies: ["moi"] },
    });
    assert.equal(n.status, 201, JSON.stringify(n.body));
    assert.equal(n.body.closesAt, "2026-05-01T15:59:59.999Z");
    // 14 days after 1 May is Friday 15 May.
    assert.equal(n.body.replyDueAt, "2026-05-15T15:59:59.999Z");
    const e = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: { kind: "notice", title: "x", text: "y", endorsements: 3 },
    });
    assert.equal(e.body.error.field, "endorsements");
    await t.api("POST", `/api/v1/petitions/${n.body.id}/assignment`, { token: pdis, body: { lead: "moi" } });
    await t.api("POST", `/api/v1/petitions/${n.body.id}/response`, {
      token: moiPo,
      body: { analysis: "a", suggestion: "b", plan: "c", evaluatedBy: "d", evaluationMethod: "e" },
    });
    const early = await t.api("POST", `/api/v1/petitions/${n.body.id}/response/publish`, { token: moiPo });
    assert.equal(early.status, 409);
    clock().set(new Date("2026-05-02T00:00:00Z"));
    await runDueJobs(t.rt);
    assert.equal((await t.api("GET", `/api/v1/petitions/${n.body.id}`)).body.state, "closed");
    const ok = await t.api("POST", `/api/v1/petitions/${n.body.id}/response/publish`, { token: moiPo });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.state, "responded");
    assert.ok(ok.body.clocks.reply.stoppedAt);
  });

  test("reassignment keeps its history and needs a reason; an agency holds one role", async () => {
    clock().set(new Date("2026-03-02T02:00:00Z"));
    const c = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: { title: "分案", text: "x", endorsements: 6000 },
    });
    const id = c.body.id;
    const same = await t.api("POST", `/api/v1/petitions/${id}/assignment`, {
      token: pdis,
      body: { lead: "moi", co: ["moi"] },
    });
    assert.equal(same.body.error.field, "co.0");
    assert.equal(
      (await t.api("POST", `/api/v1/petitions/${id}/assignment`, { token: moiPo, body: { lead: "moi" } }))
        .status,
      403,
    );
    await t.api("POST", `/api/v1/petitions/${id}/assignment`, { token: pdis, body: { lead: "moi" } });
    const noReason = await t.api("POST", `/api/v1/petitions/${id}/assignment`, {
      token: pdis,
      body: { lead: "moea" },
    });
    assert.equal(noReason.body.error.field, "reason");
    const re = await t.api("POST", `/api/v1/petitions/${id}/assignment`, {
      token: pdis,
      body: { lead: "moea", related: ["moi"], reason: "業務主管機關為經濟部" },
    });
    assert.equal(re.body.agencies.lead.slug, "moea");
    const r = re.body.timeline.find((e: any) => e.kind === "reassigned");
    assert.equal(r.data.reason, "業務主管機關為經濟部");
    assert.equal(r.data.previous.lead.length, 1);
    // The MOI's PO no longer answers it; the MOEA's does.
    assert.equal(
      (await t.api("POST", `/api/v1/petitions/${id}/plan`, { token: moiPo, body: { body: "x" } })).status,
      403,
    );
    assert.equal(
      (await t.api("POST", `/api/v1/petitions/${id}/plan`, { token: moeaPo, body: { body: "x" } })).status,
      200,
    );
    const byAgency = await t.api("GET", "/api/v1/petitions?agency=moea&state=plan-published");
    assert.ok(byAgency.body.items.some((x: any) => x.id === id));
    const notOpen = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: { title: "open", text: "x" },
    });
    const refused = await t.api("POST", `/api/v1/petitions/${notOpen.body.id}/assignment`, {
      token: pdis,
      body: { lead: "moi" },
    });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, "petition_wrong_state");
  });
});
