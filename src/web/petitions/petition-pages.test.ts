// The petition pages as the public and the network use them: the index and its filters, a petition
// with its timeline, deadlines and response, following it, and the lead agency's PO answering it
// through the forms. Internal material (drafts, escalations, warnings) never reaches the public page.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { runDueJobs } from "../../runtime.ts";
import { pageClient, pageSection as section, pageText as text } from "../test-client.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
const client = pageClient(() => t);
const { get, post } = client;
const clock = () => t.rt.clock as FixedClock;
let pdis: string;
let petitionId: string;
let otherId: string;
const sessions = new Map<string, { cookie: string; csrf: string }>();
async function signIn(email: string) {
  let s = sessions.get(email);
  if (!s) sessions.set(email, (s = await client.signIn(email)));
  return s;
}

/** Checks that no petitions key was left untranslated. */
function assertPetitionsTranslated(html: string) {
  const leaked = html
    .match(/\bpetitions\.[a-zA-Z][\w-]*(\.[\w-]+)*/g)
    ?.filter((k) => !k.endsWith(".csv") && !k.endsWith(".json"));
  assert.deepEqual(leaked ?? [], [], "untranslated keys");
}

before(async () => {
  t = await createTestApp();
  clock().set(new Date("2026-03-02T02:00:00Z"));
  pdis = await t.tokenFor("pdis-project-manager@example.org");
  const a = await t.api("POST", "/api/v1/petitions", {
    token: pdis,
    body: {
      externalId: "PAGE-1",
      url: "https://join.gov.tw/idea/detail/page-1",
      title: "開放戶籍統計資料",
      text: "請開放去識別化的戶籍統計。",
      proposer: "王小明",
      agencies: ["moi"],
      endorsements: 5200,
    },
  });
  petitionId = a.body.id;
  await t.api("POST", `/api/v1/petitions/${petitionId}/assignment`, { token: pdis, body: { lead: "moi" } });
  const b = await t.api("POST", "/api/v1/petitions", {
    token: pdis,
    body: { title: "路燈維修", text: "請加快路燈維修。", agencies: ["moea"], endorsements: 12 },
  });
  otherId = b.body.id;
});
after(() => t.close());

describe("petition pages", () => {
  test("the index lists petitions with their state and filters them, in both languages", async () => {
    const all = await get("/petitions");
    assert.equal(all.status, 200);
    assertPetitionsTranslated(all.html);
    assert.ok(all.html.includes(`/petitions/${petitionId}`));
    assert.ok(all.html.includes(`/petitions/${otherId}`));
    assert.match(text(all.html), /已分案/);
    assert.ok(all.html.includes('href="/api/v1/petitions/export.csv"'));
    const moea = await get("/petitions?agency=moea");
    assert.ok(!moea.html.includes(`/petitions/${petitionId}`));
    assert.ok(moea.html.includes(`/petitions/${otherId}`));
    const open = await get("/petitions?state=open&lang=en");
    assertPetitionsTranslated(open.html);
    assert.ok(open.html.includes(`/petitions/${otherId}`));
    assert.ok(!open.html.includes(`/petitions/${petitionId}`));
    assert.match(text(open.html), /12 of 5,000 endorsements/);
  });

  test("the lead agency's PO answers through the forms; the public sees only what is published", async () => {
    const po = await signIn("po-moi-lead@example.org");
    const page = await get(`/petitions/${petitionId}`, { cookie: po.cookie });
    assert.ok(page.html.includes('id="response-form"'));
    const missing = await post(
      `/petitions/${petitionId}/response`,
      {
        _csrf: po.csrf,
        analysis: "分析",
        suggestion: "",
        plan: "規劃",
        evaluatedBy: "戶政司",
        evaluationMethod: "工作會議",
      },
      { cookie: po.cookie },
    );
    assert.equal(missing.status, 400);
    assert.match(section(missing.html, "response-form"), /field-invalid/);
    const badCite = await post(
      `/petitions/${petitionId}/response`,
      {
        _csrf: po.csrf,
        analysis: "分析",
        suggestion: "建議",
        plan: "規劃",
        citations: "/speeches/00000000-0000-4000-8000-000000000000",
        evaluatedBy: "戶政司",
        evaluationMethod: "工作會議",
      },
      { cookie: po.cookie },
    );
    assert.equal(badCite.status, 400);
    assert.match(text(badCite.html), /no such public speech|沒有|public speech/);
    const saved = await post(
      `/petitions/${petitionId}/response`,
      {
        _csrf: po.csrf,
        analysis: "現行法規允許開放。",
        suggestion: "開放鄉鎮層級。",
        plan: "三個月內上架。",
        references: "戶籍法 | https://law.moj.gov.tw/",
        evaluatedBy: "內政部戶政司",
        evaluationMethod: "召開工作會議",
      },
      { cookie: po.cookie },
    );
    assert.equal(saved.status, 303);
    const publicDraft = await get(`/petitions/${petitionId}`);
    assert.ok(!publicDraft.html.includes("現行法規允許開放。"), "a draft is not public");
    assert.ok(!publicDraft.html.includes('id="internal-title"'));
    assert.ok(!publicDraft.html.includes('id="response-form"'));
    const published = await post(
      `/petitions/${petitionId}/publish`,
      { _csrf: po.csrf },
      { cookie: po.cookie },
    );
    assert.equal(published.status, 303);
    const pub = await get(`/petitions/${petitionId}?lang=en`);
    assertPetitionsTranslated(pub.html);
    const body = text(pub.html);
    assert.match(body, /現行法規允許開放。/);
    assert.match(body, /Evaluated by 內政部戶政司; how: 召開工作會議/);
    assert.match(body, /Last updated/);
    assert.ok(pub.html.includes('href="https://law.moj.gov.tw/"'));
    assert.match(text(section(pub.html, "timeline-title")), /Response published/);
    assert.ok(
      !/draft saved/.test(text(section(pub.html, "timeline-title"))),
      "internal entries are not public",
    );
  });

  test("PDIS records endorsements and assigns agencies through the forms; errors come back on the form", async () => {
    const s = await signIn("pdis-project-manager@example.org");
    const c = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: { title: "表單分案", text: "內容", agencies: ["moi"] },
    });
    const id = c.body.id;
    const open = await get(`/petitions/${id}`, { cookie: s.cookie });
    assert.ok(open.html.includes('id="endorsements-form"'));
    assert.ok(!open.html.includes('id="assignment-form"'), "an open petition is not assigned yet");
    const bad = await post(
      `/petitions/${id}/endorsements`,
      { _csrf: s.csrf, count: "-5" },
      { cookie: s.cookie },
    );
    assert.equal(bad.status, 400);
    assert.match(section(bad.html, "endorsements-form"), /field-invalid/);
    const rec = await post(
      `/petitions/${id}/endorsements`,
      { _csrf: s.csrf, count: "5000" },
      { cookie: s.cookie },
    );
    assert.equal(rec.status, 303);
    const qualified = await get(`/petitions/${id}`, { cookie: s.cookie });
    assert.match(text(qualified.html), /已成案/);
    const wrong = await post(
      `/petitions/${id}/assignment`,
      { _csrf: s.csrf, lead: "moi", co: "moea, atlantis" },
      { cookie: s.cookie },
    );
    assert.equal(wrong.status, 400);
    assert.match(section(wrong.html, "assignment-form"), /atlantis/);
    const ok = await post(
      `/petitions/${id}/assignment`,
      { _csrf: s.csrf, lead: "moi", co: "moea" },
      { cookie: s.cookie },
    );
    assert.equal(ok.status, 303);
    const assigned = await t.api("GET", `/api/v1/petitions/${id}`);
    assert.equal(assigned.body.agencies.lead.slug, "moi");
    assert.deepEqual(
      assigned.body.agencies.co.map((a: any) => a.slug),
      ["moea"],
    );
    // The public and other POs get no such forms.
    const anon = await get(`/petitions/${id}`);
    assert.ok(!anon.html.includes('id="assignment-form"'));
    assert.ok(!anon.html.includes('id="endorsements-form"'));
  });

  test("overdue deadlines are said in words; escalations are shown to the network only", async () => {
    clock().set(new Date("2026-05-20T02:00:00Z"));
    await runDueJobs(t.rt);
    const sup = await signIn("sup-moea@example.org");
    const pdisPage = await get(`/petitions/${otherId}`, { cookie: sup.cookie });
    assert.equal(pdisPage.status, 200);
    // The other petition never qualified: its window closed.
    assert.match(text(pdisPage.html), /未成案/);
    const extra = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: { title: "逾期測試", text: "x", agencies: ["moea"], endorsements: 6000 },
    });
    clock().set(new Date("2026-09-01T02:00:00Z"));
    await runDueJobs(t.rt);
    // Signed in now (a session started months ago would have expired).
    const po = await client.signIn("po-moea-lead@example.org");
    const seen = await get(`/petitions/${extra.body.id}`, { cookie: po.cookie });
    assert.match(text(section(seen.html, "internal-title")), /第 1 級通報給PDIS/);
    const anon = await get(`/petitions/${extra.body.id}`);
    assert.match(text(section(anon.html, "deadlines-title")), /已逾期/);
    assert.ok(!anon.html.includes("internal-title"));
    assert.ok(!anon.html.includes("/early-warnings/"));
  });

  test("following needs a sign-in; a signed-in person follows and stops following", async () => {
    const anon = await get(`/petitions/${petitionId}`);
    assert.match(section(anon.html, "follow-title"), /sign-in\?redirectTo=/);
    const s = await signIn("staff-moi-civil-affairs@example.org");
    const followed = await post(`/petitions/${petitionId}/follow`, { _csrf: s.csrf }, { cookie: s.cookie });
    assert.equal(followed.status, 303);
    const page = await get(`/petitions/${petitionId}`, { cookie: s.cookie });
    assert.match(text(section(page.html, "follow-title")), /追蹤人數：1/);
    assert.ok(page.html.includes(`/petitions/${petitionId}/unfollow`));
    await post(`/petitions/${petitionId}/unfollow`, { _csrf: s.csrf }, { cookie: s.cookie });
    const after = await get(`/petitions/${petitionId}`, { cookie: s.cookie });
    assert.match(text(section(after.html, "follow-title")), /追蹤人數：0/);
    assert.equal((await get("/petitions/not-an-id")).status, 404);
  });
});
