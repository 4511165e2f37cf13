import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "../../platform/testing/app.ts";
import { nextDay, taipeiDate } from "../../platform/calendar/working-days.ts";
import { findOrg } from "../../modules/directory/index.ts";
import { pageClient, pageSection, pageText } from "../test-client.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
const client = pageClient(() => t);
const { get, post } = client;
// One session per person for the whole file: sign-in links are rate-limited per address.
const sessions = new Map<string, Promise<{ cookie: string; csrf: string }>>();
const signIn = (email: string) => {
  if (!sessions.has(email)) sessions.set(email, client.signIn(email));
  return sessions.get(email)!;
};
let moiPo: string;
let moi: string;
let moea: string;

/** No interface key of the case pages leaks untranslated. */
function assertTranslated(html: string) {
  const leaked = html.match(/\bcases\.[a-zA-Z-]+\.[\w.-]+/g);
  assert.equal(leaked, null, `untranslated keys: ${leaked?.join(", ")}`);
}

before(async () => {
  t = await createTestApp();
  moiPo = await t.tokenFor("po-moi-lead@example.org");
  moi = (await findOrg(t.db, "moi"))!.id;
  moea = (await findOrg(t.db, "moea"))!.id;
  const res = await t.api("POST", "/api/v1/cases", {
    token: moiPo,
    body: { title: "外送員職業安全", leadAgencyId: moi, summary: "外送員在雨天的安全。" },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
});
after(async () => t?.close());

describe("the organisers' page", () => {
  test("is for the case's organisers: sign-in first, 403 for others", async () => {
    const anon = await get("/cases/1/manage");
    assert.equal(anon.status, 303);
    assert.match(anon.res.headers.get("location") ?? "", /^\/sign-in\?redirectTo=/);
    const outsider = await signIn("po-moea-lead@example.org");
    assert.equal((await get("/cases/1/manage", { cookie: outsider.cookie })).status, 403);
    const denied = await post(
      "/cases/1/manage/livestream",
      { _csrf: outsider.csrf, livestreamRequested: "live" },
      { cookie: outsider.cookie },
    );
    assert.equal(denied.status, 403);
    const { cookie } = await signIn("po-moi-lead@example.org");
    for (const lang of ["zh-TW", "en"]) {
      const page = await get(`/cases/1/manage?lang=${lang}`, { cookie });
      assert.equal(page.status, 200);
      assertTranslated(page.html);
      for (const id of ["manage-roles", "manage-stages", "manage-seats", "manage-livestream"])
        assert.ok(page.html.includes(`id="${id}"`), id);
    }
    const casePage = await get("/cases/1?lang=en", { cookie });
    assert.match(pageSection(casePage.html, "case-organise"), /href="\/cases\/1\/manage"/);
  });

  test("roles: add an agency and a note taker by e-mail, remove one; unknown people are named on the form", async () => {
    const { cookie, csrf } = await signIn("po-moi-lead@example.org");
    const withoutCsrf = await post(
      "/cases/1/manage/roles",
      { kind: "co-organiser", agencyId: moea },
      { cookie },
    );
    assert.equal(withoutCsrf.status, 403);
    const added = await post(
      "/cases/1/manage/roles",
      { _csrf: csrf, kind: "co-organiser", agencyId: moea },
      { cookie },
    );
    assert.equal(added.status, 303);
    assert.equal(added.res.headers.get("location"), "/cases/1/manage?done=role-added#manage-roles");
    const page = await get("/cases/1/manage?done=role-added&lang=en", { cookie });
    assert.match(pageText(page.html), /The role was added/);
    assert.match(
      pageText(pageSection(page.html, "manage-roles")),
      /Co-organiser：Ministry of Economic Affairs/,
    );

    const taker = await post(
      "/cases/1/manage/roles?lang=en",
      { _csrf: csrf, kind: "note-taker", personEmail: "pdis-designer@example.org", agencyId: "" },
      { cookie },
    );
    assert.equal(taker.status, 303);
    const unknown = await post(
      "/cases/1/manage/roles?lang=en",
      { _csrf: csrf, kind: "note-taker", personEmail: "nobody@example.org" },
      { cookie },
    );
    assert.equal(unknown.status, 400);
    assert.match(pageText(unknown.html), /No one signs in with this e-mail address/);

    const roles = (await t.api("GET", "/api/v1/cases/1")).body.roles;
    assert.deepEqual(roles.map((r: any) => r.kind).sort(), ["co-organiser", "lead", "note-taker"]);
    const note = roles.find((r: any) => r.kind === "note-taker");
    const removed = await post(`/cases/1/manage/roles/${note.id}/remove`, { _csrf: csrf }, { cookie });
    assert.equal(removed.status, 303);
    assert.equal((await t.api("GET", "/api/v1/cases/1")).body.roles.length, 2);
  });

  test("stages: owners and due dates; a bad date is named", async () => {
    const { cookie, csrf } = await signIn("po-moi-lead@example.org");
    const saved = await post(
      "/cases/1/manage/stages/collaborative-meeting",
      { _csrf: csrf, ownerAgencyId: moi, ownerEmail: "po-moi-lead@example.org", dueOn: "2026-04-20" },
      { cookie },
    );
    assert.equal(saved.status, 303);
    const stage = (await t.api("GET", "/api/v1/cases/1")).body.stages.find(
      (s: any) => s.stage === "collaborative-meeting",
    );
    assert.equal(stage.dueOn, "2026-04-20");
    assert.equal(stage.ownerAgency.slug, "moi");
    assert.ok(stage.ownerPerson);
    const page = await get("/cases/1/manage", { cookie });
    assert.match(pageSection(page.html, "manage-stages"), /value="2026-04-20"/);
    const bad = await post(
      "/cases/1/manage/stages/collaborative-meeting?lang=en",
      { _csrf: csrf, ownerAgencyId: moi, dueOn: "20/4" },
      { cookie },
    );
    assert.equal(bad.status, 400);
    assert.match(pageText(bad.html), /Enter a date as YYYY-MM-DD/);
    const impossible = await post(
      "/cases/1/manage/stages/working-meeting?lang=en",
      { _csrf: csrf, ownerAgencyId: moi, dueOn: "2026-02-30" },
      { cookie },
    );
    assert.equal(impossible.status, 400);
    assert.match(pageText(impossible.html), /Enter a date as YYYY-MM-DD/);
  });

  test("seats: the sixth stakeholder of an agency is refused on the page; withdraw; consent; livestream request", async () => {
    const { cookie, csrf } = await signIn("po-moi-lead@example.org");
    for (let i = 1; i <= 5; i++) {
      const res = await post(
        "/cases/1/manage/seats",
        {
          _csrf: csrf,
          category: "agency-stakeholder",
          invitingAgencyId: moi,
          name: `關係人${i}`,
          livestreamConsent: "live",
        },
        { cookie },
      );
      assert.equal(res.status, 303, pageText(res.html).slice(0, 300));
    }
    const full = await post(
      "/cases/1/manage/seats?lang=en",
      {
        _csrf: csrf,
        category: "agency-stakeholder",
        invitingAgencyId: moi,
        name: "關係人6",
        livestreamConsent: "none",
      },
      { cookie },
    );
    assert.equal(full.status, 409);
    assert.match(pageText(full.html), /An inviting agency may bring at most 5 stakeholders/);
    const zh = await post(
      "/cases/1/manage/seats?lang=zh-TW",
      {
        _csrf: csrf,
        category: "agency-stakeholder",
        invitingAgencyId: moi,
        name: "關係人6",
        livestreamConsent: "none",
      },
      { cookie },
    );
    assert.match(pageText(zh.html), /每個邀請機關最多邀請 5 位利害關係人/);

    const page = await get("/cases/1/manage?lang=en", { cookie });
    const seats = pageSection(page.html, "manage-seats");
    assert.match(seats, /關係人5/);
    const seatId = /\/seats\/([0-9a-f-]{36})\/withdraw/.exec(seats)![1]!;
    const consent = await post(
      `/cases/1/manage/seats/${seatId}/consent`,
      { _csrf: csrf, livestreamConsent: "record" },
      { cookie },
    );
    assert.equal(consent.status, 303);
    const withdrawn = await post(`/cases/1/manage/seats/${seatId}/withdraw`, { _csrf: csrf }, { cookie });
    assert.equal(withdrawn.status, 303);
    const after = await get("/cases/1/manage?lang=en", { cookie });
    assert.equal((pageSection(after.html, "manage-seats").match(/\/withdraw/g) ?? []).length, 4);
    // A freed seat: the sixth stakeholder now fits.
    const sixth = await post(
      "/cases/1/manage/seats",
      {
        _csrf: csrf,
        category: "agency-stakeholder",
        invitingAgencyId: moi,
        name: "關係人6",
        livestreamConsent: "live",
      },
      { cookie },
    );
    assert.equal(sixth.status, 303);

    const live = await post(
      "/cases/1/manage/livestream",
      { _csrf: csrf, livestreamRequested: "live" },
      { cookie },
    );
    assert.equal(live.status, 303);
    const c = (await t.api("GET", "/api/v1/cases/1")).body;
    assert.equal(c.livestream.requested, "live");
    assert.equal(c.livestream.effective, "live");
    assert.equal(c.seats.agencyStakeholders.byAgency[0].count, 5);
  });
});

describe("the issue handbook's pages", () => {
  test("a preview for the organisers, published from the page, then public; the print view has no navigation", async () => {
    await t.api("PUT", "/api/v1/cases/1/research/challenge", {
      token: moiPo,
      body: { text: "我們可以如何讓外送員在雨天安全送餐？" },
    });
    await t.api("POST", "/api/v1/cases/1/research/stakeholders", {
      token: moiPo,
      body: { name: "外送員職業工會", kind: "citizen-group", contact: "0912-000-111" },
    });
    await t.api("POST", "/api/v1/cases/1/research/analysis", {
      token: moiPo,
      body: { kind: "problem", claim: "雨天事故增加", evidence: "https://example.org/stats\n勞動部統計" },
    });
    await t.api("PATCH", "/api/v1/cases/1/stages/collaborative-meeting", {
      token: moiPo,
      body: { dueOn: nextDay(taipeiDate(t.rt.clock.now()), 10) },
    });
    assert.equal((await get("/cases/1/handbook")).status, 404);
    const casePage = await get("/cases/1?lang=en");
    assert.match(pageText(casePage.html), /published 2–3 days before the collaborative meeting/);

    const { cookie, csrf } = await signIn("po-moi-lead@example.org");
    const preview = await get("/cases/1/handbook?lang=en", { cookie });
    assert.equal(preview.status, 200);
    assert.equal(preview.res.headers.get("cache-control"), "no-store", "a preview is not cached");
    assertTranslated(preview.html);
    assert.match(pageText(preview.html), /Preview: only the case's organisers/);
    assert.match(preview.html, /action="\/cases\/1\/handbook\/publish"/);
    assert.match(preview.html, /我們可以如何讓外送員在雨天安全送餐？/);

    const published = await post("/cases/1/handbook/publish?lang=en", { _csrf: csrf }, { cookie });
    assert.equal(published.status, 200);
    assert.match(pageText(published.html), /The issue handbook is published/);
    assert.match(pageText(published.html), /10 days before the collaborative meeting/);
    const again = await post("/cases/1/handbook/publish?lang=en", { _csrf: csrf }, { cookie });
    assert.equal(again.status, 409);
    assert.match(pageText(again.html), /already published/);

    const pub = await get("/cases/1/handbook?lang=en");
    assert.equal(pub.status, 200);
    assert.doesNotMatch(pub.html, /0912-000-111/);
    assert.doesNotMatch(pub.html, /handbook\/publish/);
    assert.match(pub.html, /<a href="https:\/\/example\.org\/stats">/);
    assert.match(pub.html, /class="main-nav"/);
    const print = await get("/cases/1/handbook?print=1&lang=zh-TW");
    assert.equal(print.status, 200);
    assertTranslated(print.html);
    assert.doesNotMatch(print.html, /class="main-nav"|class="site-header"|class="site-footer"/);
    assert.match(print.html, /class="print-view"/);
    assert.match(print.html, /議題分析表/);
    assert.match(print.html, /外送員職業工會/);
    const caseAfter = await get("/cases/1?lang=en");
    assert.match(caseAfter.html, /<a href="\/cases\/1\/handbook">Issue handbook<\/a>/);
  });
});

describe("the research page", () => {
  test("organisers add, edit and remove research entries through forms; the handbook shows only public parts", async () => {
    assert.equal((await get("/cases/1/research")).status, 303);
    const outsider = await signIn("po-moea-lead@example.org");
    // MOEA co-organises case 1 since the roles test; a PO of an agency with no role is refused.
    const stranger = await signIn("po-motc-lead@example.org");
    assert.equal((await get("/cases/1/research", { cookie: stranger.cookie })).status, 403);
    const denied = await post(
      "/cases/1/research/challenge",
      { _csrf: stranger.csrf, text: "不該寫入" },
      { cookie: stranger.cookie },
    );
    assert.equal(denied.status, 403);
    assert.equal((await get("/cases/1/research", { cookie: outsider.cookie })).status, 200);

    const { cookie, csrf } = await signIn("po-moi-lead@example.org");
    for (const lang of ["zh-TW", "en"]) {
      const page = await get(`/cases/1/research?lang=${lang}`, { cookie });
      assert.equal(page.status, 200);
      assert.equal(page.res.headers.get("cache-control"), "no-store");
      assertTranslated(page.html);
    }
    const challenge = await post(
      "/cases/1/research/challenge",
      { _csrf: csrf, text: "我們可以如何讓外送員在任何天候都安全？" },
      { cookie },
    );
    assert.equal(challenge.status, 303);
    assert.equal(
      challenge.res.headers.get("location"),
      "/cases/1/research?done=challenge#research-challenge",
    );

    const sh = await post(
      "/cases/1/research/stakeholders",
      {
        _csrf: csrf,
        name: "機車行公會",
        kind: "business",
        influence: "low",
        contact: "公會祕書 02-0000-0000",
      },
      { cookie },
    );
    assert.equal(sh.status, 303);
    const research = (await t.api("GET", "/api/v1/cases/1/research", { token: moiPo })).body;
    const guild = research.stakeholders.find((s: any) => s.name === "機車行公會");
    assert.equal(guild.contact, "公會祕書 02-0000-0000");

    const empty = await post(
      "/cases/1/research/analysis?lang=en",
      { _csrf: csrf, kind: "solution", claim: " " },
      { cookie },
    );
    assert.equal(empty.status, 400);
    assert.match(pageSection(empty.html, "research-analysis"), /field-invalid/);
    const row = await post(
      "/cases/1/research/analysis",
      { _csrf: csrf, kind: "solution", claim: "設置雨天待命點", stakeholderIds: [guild.id], evidence: "" },
      { cookie },
    );
    assert.equal(row.status, 303);

    const interview = await post(
      "/cases/1/research/interviews",
      { _csrf: csrf, interviewee: "外送員丙", summary: "希望有避雨處", heldOn: "2026-03-11" },
      { cookie },
    );
    assert.equal(interview.status, 303);
    const badDate = await post(
      "/cases/1/research/interviews?lang=en",
      { _csrf: csrf, interviewee: "x", heldOn: "3/11" },
      { cookie },
    );
    assert.equal(badDate.status, 400);
    assert.match(pageText(badDate.html), /Enter a date as YYYY-MM-DD/);
    for (const heldOn of ["2026-02-30", "0000-01-01"]) {
      const impossible = await post(
        "/cases/1/research/interviews?lang=en",
        { _csrf: csrf, interviewee: "x", heldOn },
        { cookie },
      );
      assert.equal(impossible.status, 400, heldOn);
      assert.match(pageText(impossible.html), /Enter a date as YYYY-MM-DD/);
    }

    const root = await post("/cases/1/research/mind-map", { _csrf: csrf, label: "待命點" }, { cookie });
    assert.equal(root.status, 303);
    const after1 = (await t.api("GET", "/api/v1/cases/1/research", { token: moiPo })).body;
    const rootId = after1.mindMap.find((n: any) => n.label === "待命點").id;
    await post(
      "/cases/1/research/mind-map",
      { _csrf: csrf, label: "便利商店", parentId: rootId },
      { cookie },
    );
    const page = await get("/cases/1/research?lang=en", { cookie });
    assert.match(pageSection(page.html, "research-mind-map"), /待命點[\s\S]*<ul>[\s\S]*便利商店/);
    assert.match(pageSection(page.html, "research-stakeholders"), /公會祕書 02-0000-0000/);

    // The interview was kept internal; the edit form publishes it.
    const hidden = await get("/cases/1/handbook");
    assert.doesNotMatch(hidden.html, /希望有避雨處/);
    const iv = after1.interviews.find((i: any) => i.interviewee === "外送員丙");
    const edited = await post(
      `/cases/1/research/interviews/${iv.id}`,
      {
        _csrf: csrf,
        interviewee: "外送員丙",
        summary: "希望有避雨處",
        heldOn: "2026-03-11",
        consentToPublish: "yes",
      },
      { cookie },
    );
    assert.equal(edited.status, 303);
    const shown = await get("/cases/1/handbook");
    assert.match(shown.html, /希望有避雨處/);
    assert.match(shown.html, /設置雨天待命點/);
    assert.match(shown.html, /便利商店/);
    assert.doesNotMatch(shown.html, /公會祕書/);

    const removed = await post(`/cases/1/research/mind-map/${rootId}/remove`, { _csrf: csrf }, { cookie });
    assert.equal(removed.status, 303);
    const after2 = (await t.api("GET", "/api/v1/cases/1/research", { token: moiPo })).body;
    assert.equal(
      after2.mindMap.some((n: any) => n.label === "待命點"),
      false,
    );
  });
});
