// The early-warning pages (先期警報) as the network uses them: raising a warning through the form,
// the radar and its filters, the detail with comments, merging, converting into a matter and "did it
// happen?", the look-back, and the 404 page for everyone outside the network. Also: the matter page
// lists the help requests asked on the matter.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "../platform/testing/app.ts";
import type { FixedClock } from "../platform/clock/index.ts";
import { askDueOutcomes } from "../modules/early-warnings/index.ts";
import { assertTranslated, pageClient, pageSection as section, pageText as text } from "./test-client.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

let t: TestApp;
const client = pageClient(() => t);
const { get, post } = client;
const sessions = new Map<string, { cookie: string; csrf: string }>();

/** Signs a person in once per file (sign-in links are rate-limited per address). */
async function signIn(email: string) {
  let s = sessions.get(email);
  if (!s) sessions.set(email, (s = await client.signIn(email)));
  return s;
}
const clock = () => t.rt.clock as FixedClock;

const PO_MOI = "po-moi-lead@example.org";
const PO_MOEA = "po-moea-lead@example.org";
const SUP_MOI = "sup-moi@example.org";
const SUP_MOEA = "sup-moea@example.org";
const STAFF = "staff-moi-civil-affairs@example.org";

/** Monday 2 March 2026, 09:00 in Taipei. */
const MONDAY_9AM = new Date("2026-03-02T01:00:00Z");

before(async () => {
  t = await createTestApp();
  clock().set(MONDAY_9AM);
});
after(async () => {
  await t?.close();
});

/** The main navigation. */
function nav(html: string): string {
  return html.slice(
    html.indexOf('<nav class="main-nav"'),
    html.indexOf("</nav>", html.indexOf('class="main-nav"')),
  );
}

/** The cards of the radar, one string per warning. */
function cards(html: string): string[] {
  return section(html, "warnings")
    .split('<li class="card warning-card">')
    .slice(1)
    .map((c) => text(c));
}

/** Raises a warning through the form; returns its id (from the redirect). */
async function raiseByForm(who: { cookie: string; csrf: string }, fields: Record<string, string | string[]>) {
  const res = await post(
    "/early-warnings",
    {
      _csrf: who.csrf,
      description: "在地方說明會上聽到強烈反對。",
      signalSource: "legislator",
      evidence: "",
      agencyIds: ["moi"],
      flareUpWithinDays: "30",
      severity: "medium",
      ...fields,
    },
    { cookie: who.cookie },
  );
  assert.equal(res.status, 303, text(res.html).slice(0, 800));
  const m = /^\/early-warnings\/([0-9a-f-]{36})\?done=raised$/.exec(res.res.headers.get("location") ?? "");
  assert.ok(m, `redirected to the new warning: ${res.res.headers.get("location")}`);
  return m[1]!;
}

/** Raises a warning through the JSON API. */
async function raiseByApi(email: string, body: Record<string, unknown>): Promise<string> {
  const res = await t.api("POST", "/api/v1/early-warnings", {
    token: await t.tokenFor(email),
    body: { evidence: [], flareUpWithinDays: 30, severity: "low", ...body },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

let firstId = "";
const FIRST_TITLE = "立法院將質詢戶籍資料外洩";

describe("the radar", () => {
  test("a PO raises a warning through the form; another agency's PO sees it on the radar with its source and window", async () => {
    const moi = await signIn(PO_MOI);
    const form = await get("/early-warnings/new?lang=en", { cookie: moi.cookie });
    assert.equal(form.status, 200);
    assertTranslated(form.html);
    assert.match(form.html, /name="agencyIds" value="moi"/, "agencies are checkboxes");
    assert.match(form.html, /name="agencyIds" value="moi-npa"|name="agencyIds" value="moi-[a-z-]+"/);
    assert.match(text(form.html), /30, 60 or 90 days/);

    firstId = await raiseByForm(moi, {
      title: FIRST_TITLE,
      signalSource: "legislator",
      evidence: "https://news.example.org/ly/2026/03/household\r\n\r\nhttps://ly.example.org/q/123",
      agencyIds: ["moi"],
      flareUpWithinDays: "30",
      severity: "high",
    });
    const raised = await get(`/early-warnings/${firstId}?done=raised&lang=en`, { cookie: moi.cookie });
    assert.equal(raised.status, 200);
    assert.match(text(raised.html), /The warning is raised\./);
    assert.match(raised.html, /href="https:\/\/ly.example.org\/q\/123"/);

    const moea = await signIn(PO_MOEA);
    const en = await get("/early-warnings?lang=en", { cookie: moea.cookie });
    assert.equal(en.status, 200);
    assertTranslated(en.html);
    assert.match(nav(en.html), /href="\/early-warnings"[^>]*aria-current="page"[^>]*>Early warnings</);
    const card = cards(en.html).find((c) => c.includes(FIRST_TITLE));
    assert.ok(card, "the warning is on the radar");
    assert.match(card, /Signal source Legislator/);
    assert.match(card, /High severity/, "severity in words");
    assert.match(card, /Affected agencies Ministry of the Interior/);
    // Raised on 2 March 09:00 Taipei (+ the seconds of signing in) with a 30-day window.
    assert.match(card, /Flare-up expected by 1 April 2026\./);
    assert.match(section(en.html, "warnings"), /<time datetime="2026-04-01T01:00:\d\d.\d{3}Z">/);

    const zh = await get("/early-warnings?lang=zh-TW", { cookie: moea.cookie });
    assertTranslated(zh.html);
    assert.match(nav(zh.html), />先期警報</);
    const zhCard = cards(zh.html).find((c) => c.includes(FIRST_TITLE))!;
    assert.match(zhCard, /訊號來源 立法委員/);
    assert.match(zhCard, /嚴重程度：高/);
    assert.match(zhCard, /預計 2026年4月1日 前可能發酵。/);
  });

  test("unit staff, the public and a supervisor of another agency get the 404 page; the nav hides the link", async () => {
    const staff = await signIn(STAFF);
    for (const path of [
      "/early-warnings",
      "/early-warnings/new",
      "/early-warnings/look-back",
      `/early-warnings/${firstId}`,
    ]) {
      const page = await get(`${path}?lang=en`, { cookie: staff.cookie });
      assert.equal(page.status, 404, `staff: ${path}`);
      assert.match(page.html, /Page not found/);
      assert.doesNotMatch(page.html, new RegExp(FIRST_TITLE));
      assert.equal((await get(path)).status, 404, `public: ${path}`);
    }
    const work = await get("/work?lang=en", { cookie: staff.cookie });
    assert.doesNotMatch(nav(work.html), /\/early-warnings/);
    assert.doesNotMatch(nav((await get("/?lang=en")).html), /\/early-warnings/);
    const comment = await post(
      `/early-warnings/${firstId}/comments`,
      { _csrf: staff.csrf, body: "我也聽說了。" },
      { cookie: staff.cookie },
    );
    assert.equal(comment.status, 404);
    const raise = await post(
      "/early-warnings",
      { _csrf: staff.csrf, title: "單位同仁的警報", signalSource: "internal", agencyIds: "moi" },
      { cookie: staff.cookie },
    );
    assert.equal(raise.status, 404);

    // The supervisor of an affected agency sees it; a supervisor of another agency does not.
    const supMoi = await signIn(SUP_MOI);
    assert.equal((await get(`/early-warnings/${firstId}`, { cookie: supMoi.cookie })).status, 200);
    assert.match(nav((await get("/work", { cookie: supMoi.cookie })).html), /href="\/early-warnings"/);
    const supMoea = await signIn(SUP_MOEA);
    assert.equal((await get(`/early-warnings/${firstId}`, { cookie: supMoea.cookie })).status, 404);
    const radar = await get("/early-warnings", { cookie: supMoea.cookie });
    assert.equal(radar.status, 200);
    assert.doesNotMatch(radar.html, new RegExp(FIRST_TITLE));
  });

  test("filtering by source narrows the list; a bad filter is named next to its field", async () => {
    await raiseByApi(PO_MOEA, {
      title: "網路論壇熱議電價調整",
      signalSource: "online",
      agencyIds: ["moea"],
      evidence: ["https://forum.example.org/t/1"],
    });
    const moea = await signIn(PO_MOEA);
    const all = await get("/early-warnings?lang=en", { cookie: moea.cookie });
    assert.ok(cards(all.html).some((c) => c.includes("網路論壇熱議電價調整")));
    assert.ok(cards(all.html).some((c) => c.includes(FIRST_TITLE)));

    const online = await get("/early-warnings?source=online&lang=en", { cookie: moea.cookie });
    assert.equal(online.status, 200);
    const onlineCards = cards(online.html);
    assert.ok(onlineCards.length >= 1);
    assert.ok(onlineCards.every((c) => /Signal source Online forum/.test(c)));
    assert.ok(!onlineCards.some((c) => c.includes(FIRST_TITLE)));
    assert.match(online.html, /<option value="online" selected="">Online forum<\/option>/);

    const byAgency = await get("/early-warnings?agency=moi&lang=en", { cookie: moea.cookie });
    assert.ok(cards(byAgency.html).some((c) => c.includes(FIRST_TITLE)));
    assert.ok(!cards(byAgency.html).some((c) => c.includes("網路論壇熱議電價調整")));

    const ending = await get("/early-warnings?window=ending&days=0&lang=en", { cookie: moea.cookie });
    assert.equal(ending.status, 400);
    assert.match(ending.html, /id="radar-filters-days-error"/);
    assert.match(text(ending.html), /Enter a whole number from 1 to 365\./);
    const soon = await get("/early-warnings?window=ending&days=31&lang=en", { cookie: moea.cookie });
    assert.ok(cards(soon.html).some((c) => c.includes(FIRST_TITLE)));
    const tooSoon = await get("/early-warnings?window=ending&days=7&lang=en", { cookie: moea.cookie });
    assert.ok(!cards(tooSoon.html).some((c) => c.includes(FIRST_TITLE)));
  });

  test("the radar pages with a keyset link to older warnings", async () => {
    const po = await signIn(PO_MOI);
    for (let i = 0; i < 31; i++) {
      clock().advance(1000);
      await raiseByApi(PO_MOI, { title: `分頁測試警報 ${i}`, signalSource: "media", agencyIds: ["moi"] });
    }
    const first = await get("/early-warnings?source=media&lang=en", { cookie: po.cookie });
    assert.equal(cards(first.html).length, 30);
    const m = /href="(\/early-warnings\?source=media&amp;lang=en&amp;after=[^"#]+)#warnings"/.exec(
      first.html,
    );
    assert.ok(m, "a link to the next page keeps the filters");
    const next = await get(m[1]!.replace(/&amp;/g, "&"), { cookie: po.cookie });
    assert.equal(next.status, 200);
    const rest = cards(next.html);
    assert.equal(rest.length, 1);
    assert.match(rest[0]!, /分頁測試警報 0/);
    assert.match(
      next.html,
      /href="\/early-warnings\?source=media&amp;lang=en#warnings"/,
      "back to the newest",
    );
  });
});

describe("raising, reading and acting on one warning", () => {
  test("a bad evidence link re-renders the form with the error next to the field", async () => {
    const moi = await signIn(PO_MOI);
    const res = await post(
      "/early-warnings?lang=en",
      {
        _csrf: moi.csrf,
        title: "證據連結有誤的警報",
        signalSource: "media",
        evidence: "https://ok.example.org/a\nnews.example.org/no-scheme",
        agencyIds: ["moi"],
        flareUpWithinDays: "60",
        severity: "low",
      },
      { cookie: moi.cookie },
    );
    assert.equal(res.status, 400);
    assertTranslated(res.html);
    const field = res.html.slice(
      res.html.indexOf('<label for="warning-form-evidence"'),
      res.html.indexOf("</textarea>", res.html.indexOf('id="warning-form-evidence"')),
    );
    assert.match(field, /class="field-error" id="warning-form-evidence-error"/);
    assert.match(
      text(field),
      /Line 2 is not a link starting with http:\/\/ or https:\/\/: news.example.org\/no-scheme/,
    );
    assert.match(field, /aria-invalid="true"/);
    assert.match(field, /news.example.org\/no-scheme/, "what was typed is kept");
    assert.match(res.html, /href="#warning-form-evidence"/, "the summary links to the field");
    assert.match(res.html, /name="agencyIds" value="moi" checked=""/, "the ticked agencies stay ticked");

    const none = await post(
      "/early-warnings?lang=en",
      { _csrf: moi.csrf, title: "沒有機關", signalSource: "media", flareUpWithinDays: "30", severity: "low" },
      { cookie: moi.cookie },
    );
    assert.equal(none.status, 400);
    assert.match(text(none.html), /Tick at least one affected agency\./);
  });

  test("a comment appears on the warning", async () => {
    const moea = await signIn(PO_MOEA);
    const page = await get(`/early-warnings/${firstId}?lang=en`, { cookie: moea.cookie });
    assert.match(page.html, /id="comment-form"/);
    const empty = await post(
      `/early-warnings/${firstId}/comments?lang=en`,
      { _csrf: moea.csrf, body: " " },
      { cookie: moea.cookie },
    );
    assert.equal(empty.status, 400);
    assert.match(empty.html, /id="comment-form-body-error"/);
    const res = await post(
      `/early-warnings/${firstId}/comments`,
      { _csrf: moea.csrf, body: "經濟部也接到立委辦公室詢問。" },
      { cookie: moea.cookie },
    );
    assert.equal(res.status, 303);
    assert.equal(res.res.headers.get("location"), `/early-warnings/${firstId}?done=commented#comments`);
    const after = await get(`/early-warnings/${firstId}?lang=en`, { cookie: moea.cookie });
    const comments = text(section(after.html, "comments"));
    assert.match(comments, /經濟部也接到立委辦公室詢問。/);
    assert.match(comments, /You,/);
    const raiser = await signIn(PO_MOI);
    const seen = await get(`/early-warnings/${firstId}?lang=en`, { cookie: raiser.cookie });
    assert.match(text(section(seen.html, "comments")), /Demo Wu Chia-hao/);
  });

  test("a duplicate is merged into the warning picked from the select; it links to its survivor", async () => {
    const moi = await signIn(PO_MOI);
    const dup = await raiseByForm(moi, {
      title: "戶籍資料外洩（重複）",
      evidence: "https://news.example.org/dup",
      agencyIds: ["moi", "moea"],
    });
    const page = await get(`/early-warnings/${dup}?lang=en`, { cookie: moi.cookie });
    const merge = page.html.slice(
      page.html.indexOf('id="merge-form"'),
      page.html.indexOf("</form>", page.html.indexOf('id="merge-form"')),
    );
    assert.match(merge, new RegExp(`<option value="${firstId}">${FIRST_TITLE}`), "the survivor is offered");
    assert.doesNotMatch(merge, new RegExp(`value="${dup}"`), "never itself");
    assert.match(merge, /<optgroup label="About the same agencies">/);

    const res = await post(
      `/early-warnings/${dup}/merge`,
      { _csrf: moi.csrf, intoId: firstId },
      { cookie: moi.cookie },
    );
    assert.equal(res.status, 303);
    const merged = await get(`/early-warnings/${dup}?lang=en`, { cookie: moi.cookie });
    assert.match(
      merged.html,
      new RegExp(`This warning was merged into <a href="/early-warnings/${firstId}">${FIRST_TITLE}</a>`),
    );
    assert.doesNotMatch(merged.html, /id="comment-form"|id="merge-form"|id="convert-form"/);
    const survivor = await get(`/early-warnings/${firstId}?lang=en`, { cookie: moi.cookie });
    assert.match(
      survivor.html,
      new RegExp(`href="/early-warnings/${dup}"`),
      "the survivor lists the duplicate",
    );
    assert.match(survivor.html, /href="https:\/\/news.example.org\/dup"/, "evidence is carried over");
    assert.match(
      text(section(survivor.html, "history")),
      /merged the duplicate “戶籍資料外洩（重複）” into this warning/,
    );

    // Merging it again is refused in words on the page (409), not with a broken form.
    const again = await post(
      `/early-warnings/${dup}/merge?lang=en`,
      { _csrf: moi.csrf, intoId: firstId },
      { cookie: moi.cookie },
    );
    assert.equal(again.status, 409);
    assert.match(text(again.html), /This warning is merged; it cannot be merged\./);
  });

  test("converting creates a matter and redirects to its page", async () => {
    const moi = await signIn(PO_MOI);
    const id = await raiseByForm(moi, {
      title: "長照據點收費爭議",
      evidence: "https://news.example.org/ltc",
      agencyIds: ["moi", "moea"],
      signalSource: "media",
    });
    const res = await post(
      `/early-warnings/${id}/convert`,
      { _csrf: moi.csrf, title: "" },
      { cookie: moi.cookie },
    );
    assert.equal(res.status, 303, text(res.html).slice(0, 500));
    const m = /^\/matters\/(M-\d{4}-\d{4})\?done=from-warning$/.exec(res.res.headers.get("location") ?? "");
    assert.ok(m, `redirected to the matter: ${res.res.headers.get("location")}`);
    const matter = await get(`/matters/${m[1]}?done=from-warning&lang=en`, { cookie: moi.cookie });
    assert.equal(matter.status, 200);
    assertTranslated(matter.html);
    assert.match(text(matter.html), /長照據點收費爭議/);
    assert.match(text(matter.html), /The early warning is now this matter/);
    assert.match(matter.html, /https:\/\/news.example.org\/ltc/);
    const warning = await get(`/early-warnings/${id}?lang=en`, { cookie: moi.cookie });
    assert.match(warning.html, new RegExp(`into matter <a href="/matters/${m[1]}">${m[1]}</a>`));
    assert.match(text(warning.html), /Turned into a matter/);
    assert.doesNotMatch(warning.html, /id="convert-form"/);
  });

  test("after the window ends and the sweep asks, the raiser answers; the look-back shows it", async () => {
    const moi = await signIn(PO_MOI);
    const moea = await signIn(PO_MOEA);
    const id = await raiseByForm(moi, {
      title: "地方說明會可能爆發抗議",
      signalSource: "local-office",
      agencyIds: ["moi"],
      flareUpWithinDays: "3",
      severity: "medium",
    });
    const before = await get(`/early-warnings/${id}?lang=en`, { cookie: moi.cookie });
    assert.match(
      text(section(before.html, "outcome")),
      /The window ends on 5 March 2026; the question will be asked then\./,
    );
    // Another PO reads it but may not answer for the raiser.
    const other = await get(`/early-warnings/${id}?lang=en`, { cookie: moea.cookie });
    assert.doesNotMatch(other.html, /id="outcome-form"/);

    clock().advance(4 * 24 * 3600_000);
    const swept = await askDueOutcomes({ db: t.db, clock: t.rt.clock, publicUrl: t.rt.config.publicUrl });
    assert.ok(swept.asked >= 1);
    const asked = await get(`/early-warnings/${id}?lang=en`, { cookie: moi.cookie });
    assert.match(
      text(section(asked.html, "outcome")),
      /The question was asked on .+; there is no answer yet\./,
    );
    assert.match(text(asked.html), /Window ended 5 March 2026\./);

    const bad = await post(
      `/early-warnings/${id}/outcome?lang=en`,
      { _csrf: moi.csrf, happened: "maybe" },
      { cookie: moi.cookie },
    );
    assert.equal(bad.status, 400);
    assert.match(bad.html, /id="outcome-form-happened-error"/);
    const res = await post(
      `/early-warnings/${id}/outcome`,
      { _csrf: moi.csrf, happened: "partly", note: "有零星抗議，但未擴大。" },
      { cookie: moi.cookie },
    );
    assert.equal(res.status, 303);
    const answered = await get(`/early-warnings/${id}?lang=en`, { cookie: moi.cookie });
    const outcome = text(section(answered.html, "outcome"));
    assert.match(outcome, /Answer: Partly/);
    assert.match(outcome, /有零星抗議，但未擴大。/);
    assert.match(outcome, /Answered by You/);
    assert.match(
      answered.html,
      /name="happened" value="partly" checked=""/,
      "the earlier answer is shown in the form",
    );
    assert.match(text(answered.html), /Closed: answered/);

    const look = await get("/early-warnings/look-back?lang=en", { cookie: moea.cookie });
    assert.equal(look.status, 200);
    assertTranslated(look.html);
    const answeredSection = section(look.html, "answered");
    const group = answeredSection.slice(answeredSection.indexOf('id="source-local-office"'));
    assert.match(text(group), /Local office/);
    assert.match(text(group), /地方說明會可能爆發抗議/);
    assert.match(text(group), /Did it happen\? Partly/);
    const summary = text(section(look.html, "summary"));
    assert.match(summary, /Answered: 1\. It happened: 0; partly: 1; it did not happen: 0\./);
    assert.match(summary, /Local office 1 0 1 0/);
    assert.doesNotMatch(look.html, /Demo Wang Hsiao-ming/, "no names of people in the look-back");

    const filtered = await get("/early-warnings/look-back?source=media&lang=en", { cookie: moea.cookie });
    assert.doesNotMatch(filtered.html, /地方說明會可能爆發抗議/);
  });

  test("a POST without _csrf is refused and changes nothing", async () => {
    const moi = await signIn(PO_MOI);
    const refused = await post(
      "/early-warnings",
      {
        title: "沒有權杖的警報",
        signalSource: "internal",
        agencyIds: "moi",
        flareUpWithinDays: "30",
        severity: "low",
      },
      { cookie: moi.cookie },
    );
    assert.equal(refused.status, 403);
    const comment = await post(
      `/early-warnings/${firstId}/comments`,
      { body: "沒有權杖的留言" },
      { cookie: moi.cookie },
    );
    assert.equal(comment.status, 403);
    const list = await t.api("GET", "/api/v1/early-warnings?limit=200", { token: await t.tokenFor(PO_MOI) });
    assert.ok(!list.body.items.some((w: { title: string }) => w.title === "沒有權杖的警報"));
    const one = await t.api("GET", `/api/v1/early-warnings/${firstId}`, { token: await t.tokenFor(PO_MOI) });
    assert.ok(!one.body.comments.some((c: { body: string }) => c.body === "沒有權杖的留言"));
  });
});

describe("help requests on a matter", () => {
  test("the matter page lists a help request asked with that matter", async () => {
    const moi = await signIn(PO_MOI);
    const created = await post(
      "/matters",
      {
        _csrf: moi.csrf,
        title: "跨部會資料交換",
        description: "需要經濟部協助。",
        visibility: "network",
        "agency.1": "moi",
      },
      { cookie: moi.cookie },
    );
    assert.equal(created.status, 303);
    const ref = /^\/matters\/(M-\d{4}-\d{4})/.exec(created.res.headers.get("location") ?? "")![1]!;

    const matter = await get(`/matters/${ref}?lang=en`, { cookie: moi.cookie });
    const helpPart = section(matter.html, "help-requests");
    assert.match(text(helpPart), /No help request has been asked on this matter yet\./);
    assert.match(helpPart, new RegExp(`href="/help-requests/new\\?matter=${ref}"`));

    // Step one carries the matter through the GET form; step two carries it in a hidden field.
    const step1 = await get(`/help-requests/new?matter=${ref}&lang=en`, { cookie: moi.cookie });
    assert.equal(step1.status, 200);
    assert.match(step1.html, new RegExp(`<input type="hidden" name="matter" value="${ref}"/>`));
    assert.match(text(step1.html), new RegExp(`This request is asked on matter ${ref} 跨部會資料交換\\.`));
    const step2 = await get(`/help-requests/new?matter=${ref}&kind=agency-po&lang=en`, {
      cookie: moi.cookie,
    });
    assert.match(step2.html, new RegExp(`<input type="hidden" name="matterId" value="${ref}"/>`));
    assert.match(
      step2.html,
      new RegExp(`href="/help-requests/new\\?matter=${ref}"`),
      "asking someone else keeps the matter",
    );
    const missing = await post(
      "/help-requests?lang=en",
      { _csrf: moi.csrf, targetKind: "agency-po", target: "moea", title: "", body: "", matterId: ref },
      { cookie: moi.cookie },
    );
    assert.equal(missing.status, 400);
    assert.match(
      missing.html,
      new RegExp(`name="matterId" value="${ref}"`),
      "a failed form keeps the matter",
    );

    const asked = await post(
      "/help-requests",
      {
        _csrf: moi.csrf,
        targetKind: "agency-po",
        target: "moea",
        title: "請經濟部 PO 協助資料交換",
        body: "請協助確認欄位。",
        matterId: ref,
      },
      { cookie: moi.cookie },
    );
    assert.equal(asked.status, 303, text(asked.html).slice(0, 500));
    const requestPath = asked.res.headers.get("location")!.replace(/\?.*$/, "");
    const request = await get(`${requestPath}?lang=en`, { cookie: moi.cookie });
    assert.match(request.html, new RegExp(`<a href="/matters/${ref}">${ref} 跨部會資料交換</a>`));

    const after = await get(`/matters/${ref}?lang=en`, { cookie: moi.cookie });
    const listed = section(after.html, "help-requests");
    assert.match(listed, new RegExp(`href="${requestPath}"`));
    assert.match(text(listed), /請經濟部 PO 協助資料交換/);
    assert.match(text(listed), /to the PO team of Ministry of Economic Affairs/);

    // A matter that cannot be seen (or does not exist) is the 404 page, not a form.
    const unrelated = await get(`/help-requests/new?matter=M-1999-0001`, { cookie: moi.cookie });
    assert.equal(unrelated.status, 404);
  });
});
