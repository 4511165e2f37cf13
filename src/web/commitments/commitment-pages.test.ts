import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import { findOrg } from "../../modules/directory/index.ts";
import { loadLocaleFiles } from "../../platform/i18n/index.ts";
import { pageClient, pageSection, pageText } from "../test-client.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
const { get, post, signIn } = pageClient(() => t);
let pdis: string;
let meetingId: string;

/** No interface key of these pages leaks untranslated. */
function assertTranslatedHere(html: string) {
  const leaked = html.match(/\bcommitments\.(page|status|decision)\.[\w.-]+/g);
  assert.equal(leaked, null, `untranslated keys: ${leaked?.join(", ")}`);
}

before(async () => {
  t = await createTestApp();
  pdis = await t.tokenFor("pdis-project-manager@example.org");
  const moiPo = await t.tokenFor("po-moi-lead@example.org");
  const moi = (await findOrg(t.db, "moi"))!.id;
  const res = await t.api("POST", "/api/v1/cases", {
    token: moiPo,
    body: { title: "戶籍謄本線上申請", leadAgencyId: moi },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  await t.db.execute(sql`update cases set stage = 'tracked' where number = 1`);
  const m = await t.api("POST", "/api/v1/meetings", {
    token: pdis,
    body: { kind: "monthly", month: "2026-04" },
  });
  assert.equal(m.status, 201, JSON.stringify(m.body));
  meetingId = m.body.id;
});
after(async () => t?.close());

describe("locales", () => {
  test("every commitments key exists in both languages", () => {
    const files = loadLocaleFiles();
    const keys = (l: "zh-TW" | "en") => Object.keys(files[l]).filter((k) => k.startsWith("commitments."));
    assert.deepEqual(keys("zh-TW").sort(), keys("en").sort());
    assert.ok(keys("en").length > 40);
  });
});

describe("pages", () => {
  test("an organiser records a commitment from the case page; the owner's PO updates it; the public reads it", async () => {
    const organiser = await signIn("po-moi-lead@example.org");
    const casePage = await get("/cases/1", { cookie: organiser.cookie });
    assert.equal(casePage.status, 200);
    const section = pageSection(casePage.html, "case-commitments");
    assert.match(section, /id="case-commitment-form"/);
    assertTranslatedHere(casePage.html);
    // The public sees the section without the form.
    const publicCase = await get("/cases/1");
    assert.doesNotMatch(pageSection(publicCase.html, "case-commitments"), /case-commitment-form/);

    const bad = await post(
      "/commitments",
      {
        _csrf: organiser.csrf,
        caseNumber: "1",
        text: "公布使用數據",
        ownerAgency: "moi",
        dueOn: "2026-02-30",
      },
      { cookie: organiser.cookie },
    );
    assert.equal(bad.status, 400);
    assert.match(bad.html, /dueOn/);
    const yearZero = await post(
      "/commitments",
      {
        _csrf: organiser.csrf,
        caseNumber: "1",
        text: "公布使用數據",
        ownerAgency: "moi",
        dueOn: "0000-01-01",
      },
      { cookie: organiser.cookie },
    );
    assert.equal(yearZero.status, 400);
    assert.match(yearZero.html, /dueOn/);
    assert.equal(
      (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from commitments`)).rows[0]!.n,
      0,
    );

    const made = await post(
      "/commitments",
      {
        _csrf: organiser.csrf,
        caseNumber: "1",
        text: "公布使用數據",
        ownerAgency: "moi",
        dueOn: "2026-03-31",
      },
      { cookie: organiser.cookie },
    );
    assert.equal(made.status, 303);
    const href = made.res.headers.get("location")!;
    assert.match(href, /^\/commitments\/[0-9a-f-]{36}$/);

    const page = await get(href, { cookie: organiser.cookie });
    assert.equal(page.status, 200);
    assert.match(page.html, /id="commitment-update"/);
    assertTranslatedHere(page.html);
    const badLink = await post(
      `${href}/updates`,
      { _csrf: organiser.csrf, status: "in-progress", body: "盤點中", evidence: "javascript:alert(1)" },
      { cookie: organiser.cookie },
    );
    assert.equal(badLink.status, 400);
    const updated = await post(
      `${href}/updates`,
      { _csrf: organiser.csrf, status: "in-progress", body: "盤點中", evidence: "https://example.org/a" },
      { cookie: organiser.cookie },
    );
    assert.equal(updated.status, 200);
    assert.match(pageText(updated.html), /盤點中/);
    assert.match(updated.html, /href="https:\/\/example.org\/a"/);

    const anon = await get(href);
    assert.equal(anon.status, 200);
    assert.doesNotMatch(anon.html, /commitment-update/);
    const index = await get("/commitments?agency=moi");
    assert.match(pageText(index.html), /公布使用數據/);
    assertTranslatedHere(index.html);
    const feed = await t.app.request("/commitments/feed.atom?agency=moi");
    assert.equal(feed.status, 200);
    assert.match(await feed.text(), /盤點中/);
    assert.equal((await get("/commitments/00000000-0000-4000-8000-000000000000")).status, 404);
  });

  test("the meeting's tracking list: PDIS records the chair's decision; the case shows it", async () => {
    const meeting = await get(`/meetings/${meetingId}`);
    assert.match(meeting.html, new RegExp(`href="/meetings/${meetingId}/tracking"`));
    const staff = await signIn("pdis-project-manager@example.org");
    const list = await get(`/meetings/${meetingId}/tracking`, { cookie: staff.cookie });
    assert.equal(list.status, 200);
    assert.match(pageText(list.html), /盤點中/);
    assert.match(list.html, /id="decision-1"/);
    assertTranslatedHere(list.html);
    const po = await signIn("po-moea-lead@example.org");
    const refused = await post(
      `/meetings/${meetingId}/tracking/decisions`,
      { _csrf: po.csrf, caseNumber: "1", decision: "release" },
      { cookie: po.cookie },
    );
    assert.equal(refused.status, 403);
    const ok = await post(
      `/meetings/${meetingId}/tracking/decisions`,
      { _csrf: staff.csrf, caseNumber: "1", decision: "release", note: "請辦理解除列管" },
      { cookie: staff.cookie },
    );
    assert.equal(ok.status, 200);
    const organiser = await signIn("po-moi-lead@example.org");
    const kase = await get("/cases/1", { cookie: organiser.cookie });
    const section = pageSection(kase.html, "case-commitments");
    assert.match(pageText(section), /解除列管/);
    assert.match(section, /href="#case-organise"/);
  });
});
