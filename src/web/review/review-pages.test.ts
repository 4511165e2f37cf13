import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { recentMail } from "../../platform/mail/outbox.ts";
import { assertTranslated, pageClient, pageText } from "../test-client.ts";

// Fixtures written for these tests (not corpus text).
type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
const { get, post, signIn } = pageClient(() => t);

before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t?.close();
});

/** No review key may leak into a page untranslated. */
function assertReviewTranslated(html: string) {
  assertTranslated(html);
  const leaked = html.match(/\breview\.(desk|new|draft|versions|link|state|kind)\.[\w.-]+/g);
  assert.equal(leaked, null, `untranslated keys: ${leaked?.join(", ")}`);
}

const md = `# 2026-03-20 開放政府 PO 協作會議

## 開場

### 陳主持：

歡迎大家，今天討論開放資料。

### 林代表：

我們的資料集會在下個月上架。

### 陳主持：

謝謝，下一位。
`;

async function reviewTokenFor(email: string): Promise<string> {
  const mail = (await recentMail(t.db, 100)).find((m) => m.to === email && m.text.includes("/review/"));
  assert.ok(mail, `a review link was mailed to ${email}`);
  return /\/review\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
}

describe("the review desk and the speakers' page", () => {
  let pdis: { cookie: string; csrf: string };
  let path: string;
  let tokenChen: string;

  test("the desk is for PDIS: signed-out visitors sign in first, a PO is refused", async () => {
    const out = await get("/drafts");
    assert.equal(out.status, 303);
    assert.match(out.res.headers.get("location") ?? "", /^\/sign-in\?redirectTo=%2Fdrafts/);
    const po = await signIn("po-moi-lead@example.org");
    assert.equal((await get("/drafts", { cookie: po.cookie })).status, 403);
    assert.equal((await get("/drafts/new", { cookie: po.cookie })).status, 403);
    assert.ok(!(await get("/work", { cookie: po.cookie })).html.includes('href="/drafts"'));
    pdis = await signIn("pdis-project-manager@example.org");
    assert.match(
      (await get("/work", { cookie: pdis.cookie })).html,
      /href="\/drafts"/,
      "linked from My work",
    );
    const desk = await get("/drafts", { cookie: pdis.cookie });
    assert.equal(desk.status, 200);
    assertReviewTranslated(desk.html);
    const form = await get("/drafts/new", { cookie: pdis.cookie });
    assert.match(form.html, /enctype="multipart\/form-data"/);
    assert.match(form.html, /name="_csrf"/);
    assert.match(pageText(form.html), /絕不會用來評核或懲處任何人/, "the notice");
    assertReviewTranslated(form.html);
  });

  test("a draft from an uploaded file; bad input is explained next to the field", async () => {
    const empty = await post("/drafts", { _csrf: pdis.csrf }, { cookie: pdis.cookie });
    assert.equal(empty.status, 400);
    assert.match(empty.html, /id="draft-form-file-error"/);
    const broken = await post("/drafts", { _csrf: pdis.csrf, markdown: "no title" }, { cookie: pdis.cookie });
    assert.equal(broken.status, 400);
    assert.match(broken.html, /id="draft-form-markdown-error"/);

    const body = new FormData();
    body.append("_csrf", pdis.csrf);
    body.append("file", new File([md], "2026-03-20-po-collaborative.md", { type: "text/markdown" }));
    body.append("kind", "collaborative");
    const res = await t.app.request("/drafts", {
      method: "POST",
      headers: { accept: "text/html", cookie: pdis.cookie },
      body,
    });
    assert.equal(res.status, 303, await res.text());
    assert.equal(res.headers.get("location"), "/drafts/2026-03-20-po-collaborative?done=created");
    path = "/drafts/2026-03-20-po-collaborative";
    const page = await get(`${path}?done=created`, { cookie: pdis.cookie });
    assert.equal(page.status, 200);
    const text = pageText(page.html);
    assert.match(text, /草稿已儲存/);
    assert.match(text, /絕不會用來評核或懲處任何人/);
    assert.match(text, /尚未填寫聯絡方式：林代表、陳主持/);
    assert.match(page.html, /name="contact\.0"/);
    assertReviewTranslated(page.html);
    // Not public.
    assert.equal((await get("/transcripts/2026-03-20-po-collaborative")).status, 404);
  });

  test("speakers are mapped, the review opens, and each speaker gets a link", async () => {
    const unmapped = await post(`${path}/open`, { _csrf: pdis.csrf }, { cookie: pdis.cookie });
    assert.equal(unmapped.status, 409);
    assert.match(pageText(unmapped.html), /林代表, 陳主持|林代表、陳主持/);
    const bad = await post(
      `${path}/participants`,
      {
        _csrf: pdis.csrf,
        "speaker.0": "林代表",
        "contact.0": "not-an-address",
        "speaker.1": "陳主持",
        "contact.1": "chen@example.com",
      },
      { cookie: pdis.cookie },
    );
    assert.equal(bad.status, 400);
    assert.match(bad.html, /id="speakers-form-contact-0-error"/);
    const ok = await post(
      `${path}/participants`,
      {
        _csrf: pdis.csrf,
        "speaker.0": "林代表",
        "contact.0": "lin@example.com",
        "speaker.1": "陳主持",
        "contact.1": "chen@example.com",
      },
      { cookie: pdis.cookie },
    );
    assert.equal(ok.status, 303);
    const opened = await post(`${path}/open`, { _csrf: pdis.csrf }, { cookie: pdis.cookie });
    assert.equal(opened.status, 303);
    const page = await get(path, { cookie: pdis.cookie });
    assert.match(pageText(page.html), /審閱中/);
    assert.match(page.html, /重寄新連結/);
    tokenChen = await reviewTokenFor("chen@example.com");
  });

  test("the speaker's page: the notice, their speeches editable, the others read-only", async () => {
    const page = await get(`/review/${tokenChen}`);
    assert.equal(page.status, 200);
    assert.match(page.html, /<meta name="robots" content="noindex"/);
    const text = pageText(page.html);
    assert.match(text, /這份紀錄由發言者共同編修/);
    assert.equal(
      (page.html.match(/<textarea/g) ?? []).length,
      2,
      "a textarea for each of Chen's two speeches",
    );
    assert.match(page.html, /我們的資料集會在下個月上架。/, "Lin's speech is shown");
    assert.ok(!/<textarea[^>]*>我們的資料集/.test(page.html), "but not editable");
    assert.ok(!page.html.includes('name="_csrf"'), "no session, no CSRF field: the token is the credential");
    assertReviewTranslated(page.html);
    const en = await get(`/review/${tokenChen}?lang=en`);
    assert.match(pageText(en.html), /never used to evaluate or punish anyone/);
    assertReviewTranslated(en.html);
  });

  test("the speaker edits, pseudonymises and deletes their own speeches and marks done", async () => {
    const page = await get(`/review/${tokenChen}`);
    const ids = [...page.html.matchAll(/action="\/review\/[^/]+\/speeches\/([0-9a-f-]{36})#edit-/g)].map(
      (m) => m[1]!,
    );
    assert.equal(ids.length, 2);
    const edited = await post(`/review/${tokenChen}/speeches/${ids[0]}`, {
      text: "歡迎大家，今天討論開放資料與共筆。",
    });
    assert.equal(edited.status, 303);
    const after = await get(`/review/${tokenChen}?done=saved`);
    assert.match(pageText(after.html), /您的修改已儲存/);
    assert.match(after.html, /今天討論開放資料與共筆。/);
    const empty = await post(`/review/${tokenChen}/speeches/${ids[0]}`, { text: "" });
    assert.equal(empty.status, 400);
    assert.match(empty.html, new RegExp(`id="edit-${ids[0]}-text-error"`));

    // Lin's speech, by its id from the PDIS page.
    const draft = await get(path, { cookie: pdis.cookie });
    const all = [...draft.html.matchAll(/id="s-([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    const lin = all.find((id) => !ids.includes(id) && draft.html.includes(`id="s-${id}"`))!;
    const theirs = await post(`/review/${tokenChen}/speeches/${lin}`, { text: "改掉別人的話" });
    assert.equal(theirs.status, 403);
    assert.match(pageText(theirs.html), /您只能修改自己的發言/);

    const pseudo = await post(`/review/${tokenChen}/speeches/${ids[0]}/pseudonymise`, {});
    assert.equal(pseudo.status, 303);
    assert.match(pageText((await get(`/review/${tokenChen}`)).html), /您的化名 與會者 A/);
    const deleted = await post(`/review/${tokenChen}/speeches/${ids[1]}/delete`, {});
    assert.equal(deleted.status, 303);
    const done = await post(`/review/${tokenChen}/done`, {});
    assert.equal(done.status, 303);
    assert.match(done.res.headers.get("location") ?? "", /done=finished/);
    const final = await get(`/review/${tokenChen}`);
    assert.match(pageText(final.html), /您已於 .* 完成審閱/);
  });

  test("a signed-in visitor's forms on the link page need the session's CSRF token", async () => {
    const page = await get(`/review/${tokenChen}`, { cookie: pdis.cookie });
    assert.ok(page.html.includes(`name="_csrf" value="${pdis.csrf}"`));
    const id = /action="\/review\/[^/]+\/speeches\/([0-9a-f-]{36})#edit-/.exec(page.html)![1]!;
    const without = await post(`/review/${tokenChen}/speeches/${id}`, { text: "x" }, { cookie: pdis.cookie });
    assert.equal(without.status, 403);
  });

  test("PDIS sees versions, restores a deleted speech, and sets the earliest publication", async () => {
    const draft = await get(path, { cookie: pdis.cookie });
    assert.match(pageText(draft.html), /審閱期間刪除的發言/);
    const restore = /action="(\/drafts\/[^"]+\/speeches\/([0-9a-f-]{36})\/versions\/(\d+)\/restore)"/.exec(
      draft.html,
    )!;
    const versions = await get(`${path}/speeches/${restore[2]}/versions`, { cookie: pdis.cookie });
    assert.equal(versions.status, 200);
    assert.match(pageText(versions.html), /刪除/);
    assertReviewTranslated(versions.html);
    const restored = await post(restore[1]!, { _csrf: pdis.csrf }, { cookie: pdis.cookie });
    assert.equal(restored.status, 303);
    assert.match(
      pageText((await get(restored.res.headers.get("location")!, { cookie: pdis.cookie })).html),
      /已還原這個版本/,
    );

    const bad = await post(`${path}/schedule`, { _csrf: pdis.csrf, at: "soon" }, { cookie: pdis.cookie });
    assert.equal(bad.status, 400);
    assert.match(bad.html, /id="schedule-form-at-error"/);
    const ok = await post(
      `${path}/schedule`,
      { _csrf: pdis.csrf, at: "2026-05-01T14:00" },
      { cookie: pdis.cookie },
    );
    assert.equal(ok.status, 303);
    const page = await get(path, { cookie: pdis.cookie });
    assert.match(page.html, /value="2026-05-01T14:00"/);
  });

  test("after the window the link page is read-only", async () => {
    const page = await get(path, { cookie: pdis.cookie });
    const ends = /<time datetime="([^"]+)"/.exec(page.html.slice(page.html.indexOf("審閱期限")))![1]!;
    (t.rt.clock as FixedClock).set(new Date(new Date(ends).getTime() + 1000));
    const link = await get(`/review/${tokenChen}`);
    assert.equal(link.status, 200);
    assert.match(pageText(link.html), /審閱期間已結束，本頁只能閱讀/);
    assert.ok(!link.html.includes("<textarea"));
    const late = await post(`/review/${tokenChen}/done`, {});
    assert.equal(late.status, 409);
    assert.equal((await get("/review/not-a-real-token-at-all-not-a-real-token")).status, 404);
  });
});
