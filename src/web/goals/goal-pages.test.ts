import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "../../platform/testing/app.ts";
import { findOrg } from "../../modules/directory/index.ts";
import { assertTranslated, pageClient, pageText } from "../test-client.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
const { get, post, signIn } = pageClient(() => t);

/** No key of this namespace leaks untranslated. */
function assertTranslatedHere(html: string) {
  assertTranslated(html);
  const leaked = html.match(
    /\bgoals\.(index|goal|status|visibility|visibleTo|checklist|item|verdict|contributions)\.[\w.-]+/g,
  );
  assert.equal(leaked, null, `untranslated keys: ${leaked?.join(", ")}`);
}

before(async () => {
  t = await createTestApp();
  const moi = (await findOrg(t.db, "moi"))!.id;
  const res = await t.api("POST", "/api/v1/cases", {
    token: await t.tokenFor("po-moi-lead@example.org"),
    body: { title: "戶籍謄本線上申請", leadAgencyId: moi },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
});
after(async () => t?.close());

describe("goal pages", () => {
  test("a person sets a private goal, writes progress, and nobody else finds it", async () => {
    assert.equal((await get("/goals")).status, 303);
    const me = await signIn("po-moi-lead@example.org");
    const index = await get("/goals", { cookie: me.cookie });
    assert.equal(index.status, 200);
    assertTranslatedHere(index.html);
    assert.doesNotMatch(pageText(index.html), /\b(rank|ranking|score|leaderboard|KPI)\b/i);
    const bad = await post(
      "/goals",
      { _csrf: me.csrf, title: "", visibility: "private" },
      { cookie: me.cookie },
    );
    assert.equal(bad.status, 400);
    const impossible = await post(
      "/goals",
      { _csrf: me.csrf, title: "x", visibility: "private", targetOn: "2026-02-30" },
      { cookie: me.cookie },
    );
    assert.equal(impossible.status, 400);
    assert.match(impossible.html, /targetOn/);
    const made = await post(
      "/goals",
      { _csrf: me.csrf, title: "每月聯繫一位提案人", visibility: "private", targetOn: "2027-03-31" },
      { cookie: me.cookie },
    );
    assert.equal(made.status, 303);
    const path = made.res.headers.get("location")!;
    assert.match(path, /^\/goals\/[0-9a-f-]{36}$/);
    const own = await get(path, { cookie: me.cookie });
    assert.equal(own.status, 200);
    assert.equal(own.res.headers.get("cache-control"), "no-store", "a private goal is not cached");
    const noted = await post(
      `${path}/notes`,
      { _csrf: me.csrf, body: "聯繫了第一位", status: "achieved" },
      { cookie: me.cookie },
    );
    assert.equal(noted.status, 200);
    const text = pageText(noted.html);
    assert.match(text, /只有擁有者/);
    assert.match(text, /聯繫了第一位/);
    assert.match(text, /狀態：已達成/);
    assertTranslatedHere(noted.html);
    const other = await signIn("po-moea-lead@example.org");
    assert.equal((await get(path, { cookie: other.cookie })).status, 404);
    assert.equal(
      (await post(`${path}/notes`, { _csrf: other.csrf, body: "x" }, { cookie: other.cookie })).status,
      404,
    );
    assert.doesNotMatch((await get("/goals", { cookie: other.cookie })).html, /每月聯繫一位提案人/);
  });

  test("the checklist page shows who can see it; organisers tick, others are refused", async () => {
    const anon = await get("/cases/1/checklist");
    assert.equal(anon.status, 200);
    assertTranslatedHere(anon.html);
    assert.match(pageText(anon.html), /誰可以看見：所有人/);
    assert.doesNotMatch(anon.html, /<form method="post"/);
    const lead = await signIn("po-moi-press@example.org");
    const ticked = await post(
      "/cases/1/checklist/data-disclosed",
      { _csrf: lead.csrf, done: "yes", note: "資料已上架" },
      { cookie: lead.cookie },
    );
    assert.equal(ticked.status, 200);
    assert.match(pageText(ticked.html), /已更新檢核表/);
    assert.match(pageText(ticked.html), /資料已上架/);
    const other = await signIn("po-motc-lead@example.org");
    const refused = await post(
      "/cases/1/checklist/proposer-contacted",
      { _csrf: other.csrf, done: "yes" },
      { cookie: other.cookie },
    );
    assert.equal(refused.status, 403);
    const casePage = await get("/cases/1");
    assert.match(casePage.html, /href="\/cases\/1\/checklist"/);
  });

  test("the contribution record is one's own, printable, with its downloads", async () => {
    assert.equal((await get("/me/contributions")).status, 401);
    const me = await signIn("po-moi-lead@example.org");
    const page = await get("/me/contributions", { cookie: me.cookie });
    assert.equal(page.status, 200);
    assertTranslatedHere(page.html);
    const text = pageText(page.html);
    assert.match(text, /誰可以看見：只有您/);
    assert.match(text, /案件 1 · 戶籍謄本線上申請/);
    assert.match(page.html, /href="\/api\/v1\/me\/contributions.csv"/);
    const csv = await get("/api/v1/me/contributions.csv", { cookie: me.cookie });
    assert.equal(csv.status, 200);
    // One's own record is not kept in shared caches, nor are the other downloads of it.
    assert.equal(page.res.headers.get("cache-control"), "no-store");
    assert.equal(csv.res.headers.get("cache-control"), "no-store");
    for (const path of ["/api/v1/me/contributions", "/api/v1/me/contributions.json"]) {
      const res = await get(path, { cookie: me.cookie });
      assert.equal(res.status, 200, path);
      assert.equal(res.res.headers.get("cache-control"), "no-store", path);
    }
    assert.match(csv.html, /"case-organised"/);
    for (const path of ["/me/contributions?lang=en", "/goals?lang=en", "/cases/1/checklist?lang=en"]) {
      const en = await get(path, { cookie: me.cookie });
      assert.equal(en.status, 200);
      assertTranslatedHere(en.html);
      assert.match(
        pageText(en.html),
        path.startsWith("/goals") ? /Private: only the owners/ : /Who can see this:/,
      );
    }
    const work = await get("/work", { cookie: me.cookie });
    assert.match(work.html, /href="\/goals"/);
  });
});
