import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { Hono } from "hono";
import { sql } from "drizzle-orm";
import { createTestApp } from "../platform/testing/app.ts";
import { recentMail } from "../platform/mail/outbox.ts";
import { loadLocaleFiles, translator } from "../platform/i18n/index.ts";
import type { FixedClock } from "../platform/clock/index.ts";
import {
  addMembership,
  createPerson,
  findPersonByEmail,
  poTags,
  resourceCategories,
  systemActor,
  type AppEnv,
} from "../modules/directory/index.ts";
import { apiDocsPage } from "./pages.tsx";
import { assertTranslated, pageClient } from "./test-client.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

let t: TestApp;
const { get, post, csrfOf, latestLinkFor, signIn } = pageClient(() => t);

before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t?.close();
});

describe("public pages", () => {
  test("home page in zh-TW by default, with the four principles", async () => {
    const { status, html, res } = await get("/");
    assert.equal(status, 200);
    assert.match(res.headers.get("content-type") ?? "", /text\/html/);
    assert.match(html, /^<!doctype html><html lang="zh-Hant-TW">/);
    assert.match(html, /開放政府/);
    for (const word of ["透明", "參與", "課責", "涵容"]) assert.ok(html.includes(word), word);
    assert.match(html, /<a class="skip-link" href="#main">/);
    assert.match(html, /<main id="main"/);
    assert.match(html, /href="\/\?lang=en"/, "a language switch to English");
    assert.match(html, /href="\/api\/openapi\.json"/);
    assert.match(html, /最近的公開動態/);
    assertTranslated(html);
  });

  test("?lang=en switches to English and remembers it in a cookie", async () => {
    const { html, res } = await get("/?lang=en");
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<h1 id="home-title">The Participation Officer Network<\/h1>/);
    assert.match(res.headers.get("set-cookie") ?? "", /lang=en/);
    assert.match(html, /href="\/\?lang=zh-TW"/, "a language switch back to Chinese");
    const again = await get("/", { cookie: "lang=en" });
    assert.match(again.html, /<html lang="en">/);
    assertTranslated(html);
  });

  test("the stylesheet is served with a long cache and linked with a content hash", async () => {
    const { html } = await get("/");
    const href = /<link rel="stylesheet" href="(\/static\/app\.css\?v=[0-9a-f]+)"/.exec(html)?.[1];
    assert.ok(href);
    const css = await t.app.request(href);
    assert.equal(css.status, 200);
    assert.match(css.headers.get("content-type") ?? "", /text\/css/);
    assert.match(css.headers.get("cache-control") ?? "", /max-age=31536000/);
    assert.match(await css.text(), /:focus-visible/);
  });

  test("directory lists the second-level agencies grouped, with links", async () => {
    const { status, html } = await get("/directory");
    assert.equal(status, 200);
    assert.match(html, /內政部/);
    assert.match(html, /href="\/agencies\/moi"/);
    assert.match(html, /國家發展委員會/);
    assert.match(html, /<h2 id="group-ministries">部/);
    assert.match(html, /<h2 id="group-councils">委員會/);
    assert.match(html, /3 位 PO/, "MOI's three demo POs are counted");
    assertTranslated(html);
  });

  test("directory search finds agencies by name, including subordinate ones", async () => {
    const { html } = await get(`/directory?q=${encodeURIComponent("警政")}`);
    assert.match(html, /內政部警政署/);
    assert.ok(!html.includes('href="/agencies/mofa"'), "unrelated agencies are not listed");
    assert.match(html, /value="警政"/, "the search box keeps the query");
    const none = await get(`/directory?q=${encodeURIComponent("<b>zz</b>")}`);
    assert.ok(!none.html.includes("<b>zz</b>"), "the query is escaped");
    assert.match(none.html, /沒有符合的機關/);
  });

  test("an agency page shows its POs with tags, contacts, supervisors and authorisation table", async () => {
    const { status, html } = await get("/agencies/moi");
    assert.equal(status, 200);
    assert.match(html, /<h1>內政部/);
    assert.match(html, /示範王小明/);
    assert.match(html, /大PO/);
    assert.match(html, /mailto:po-moi-lead@example\.org/);
    assert.match(html, /示範張淑芬/, "the supervisor");
    assert.match(html, /授權表/);
    assert.match(html, /督導尚未設定/);
    assert.match(html, /本機關有 3 位 PO；依機關規模，建議至少 \d+ 位。/);
    assert.match(html, /href="\/agencies\/executive-yuan"/, "the parent chain");
    assert.match(html, /內政部警政署/, "its third-level agencies");
    assert.ok(!html.includes('action="/agencies/moi/invitations'), "no forms for the public");
    assertTranslated(html);
  });

  test("an unknown agency is a 404 page in the layout", async () => {
    const { status, html } = await get("/agencies/no-such-agency");
    assert.equal(status, 404);
    assert.match(html, /<html lang="zh-Hant-TW">/);
    assert.match(html, /找不到這個頁面/);
    assert.match(html, /<a href="\/">回到首頁<\/a>/);
    const en = await get("/agencies/no-such-agency?lang=en");
    assert.match(en.html, /Page not found/);
  });

  test("a person page shows roles and the authorisation table of their agency", async () => {
    const lead = await findPersonByEmail(t.db, "po-moi-lead@example.org");
    const { status, html } = await get(`/people/${lead!.id}`);
    assert.equal(status, 200);
    assert.match(html, /<h1>示範王小明<\/h1>/);
    assert.match(html, /內政部<\/a>的開放政府聯絡人（PO）/);
    assert.match(html, /po-moi-lead@example\.org/);
    assert.match(html, /內政部的授權表/);
    const missing = await get("/people/00000000-0000-4000-8000-000000000000");
    assert.equal(missing.status, 404);
    assert.match(missing.html, /找不到這個頁面/);
  });

  test("user content is escaped: a script in a person's name stays text", async () => {
    const evil = '<script>alert("x")</script>';
    const person = await createPerson({ db: t.db, clock: t.rt.clock }, systemActor, {
      email: "evil@example.org",
      name: evil,
      nameEn: `${evil} & co`,
    });
    // A network role makes the person public.
    const unit = (await t.api<{ units: Array<{ id: string }> }>("GET", "/api/v1/agencies/moi")).body
      .units[0]!;
    await addMembership({ db: t.db, clock: t.rt.clock }, systemActor, {
      personId: person.id,
      orgId: unit.id,
      role: "unit-staff",
    });
    const { status, html } = await get(`/people/${person.id}`);
    assert.equal(status, 200);
    assert.ok(!html.includes("<script>"), "no script element");
    assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
    const en = await get(`/people/${person.id}?lang=en`);
    assert.ok(!en.html.includes("<script>"));
    assert.match(en.html, /&lt;\/script&gt; &amp; co/);
  });

  test("the resource directory groups internal resources by agency and pools by category", async () => {
    const { status, html } = await get("/resources");
    assert.equal(status, 200);
    assert.match(html, /<h2 id="internal">機關內部資源<\/h2>/);
    assert.match(html, /<h2 id="pools">外部資源<\/h2>/);
    assert.match(html, /內政部綜合規劃窗口（示範）/);
    assert.match(html, /<h3 id="pool-stenographer">速錄師<\/h3>/);
    assertTranslated(html);
  });
});

describe("sign-in, account and sign-out", () => {
  test("the sign-in form answers the same for a known and an unknown address", async () => {
    const form = await get("/sign-in");
    assert.match(form.html, /<form method="post" action="\/sign-in#sign-in-form"/);
    assert.match(form.html, /type="email"/);
    const known = await post("/sign-in", { email: "po-moi-it@example.org" });
    const unknown = await post("/sign-in", { email: "nobody-here@example.org" });
    assert.equal(known.status, 200);
    assert.equal(unknown.status, 200);
    assert.match(known.html, /如果這個地址可以登入，登入連結已經寄出。/);
    const text = (h: string) => /<main[\s\S]*<\/main>/.exec(h)![0];
    assert.equal(text(known.html), text(unknown.html));
  });

  test("a bad address re-renders the form with the error next to the field", async () => {
    const { status, html } = await post("/sign-in", { email: "not-an-address" });
    assert.equal(status, 400);
    assert.match(html, /role="alert"/);
    assert.match(html, /aria-invalid="true"/);
    assert.match(html, /請輸入有效的電子郵件地址/);
    assert.match(html, /value="not-an-address"/, "the typed value is kept");
    assert.match(html, /<title>錯誤：/);
  });

  test("too many requests are refused clearly in the form (429)", async () => {
    let last;
    for (let i = 0; i < 7; i++) {
      last = await post("/sign-in", { email: "flood@example.org" }, { clientIp: "10.9.9.9" });
      if (last.status === 429) break;
    }
    assert.equal(last!.status, 429);
    assert.match(last!.html, /role="alert"/);
    assert.match(last!.html, /嘗試次數過多/);
    assert.match(last!.html, /<form method="post" action="\/sign-in#sign-in-form"/);
  });

  test("end to end: e-mailed link → session cookie → account → sign out", async () => {
    (t.rt.clock as FixedClock).advance(1000);
    const sent = await post("/sign-in", { email: "po-moi-lead@example.org", redirectTo: "/account" });
    assert.equal(sent.status, 200);
    const link = await latestLinkFor("po-moi-lead@example.org");
    const res = await t.app.request(link, { headers: { accept: "text/html" } });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/account");
    const setCookie = res.headers.get("set-cookie") ?? "";
    assert.match(setCookie, /po_session=/);
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Lax/i);
    assert.match(setCookie, /Path=\//);
    assert.match(setCookie, /Max-Age=2592000/);
    const cookie = `po_session=${/po_session=([^;]+)/.exec(setCookie)![1]}`;

    const account = await get("/account", { cookie });
    assert.equal(account.status, 200);
    assert.match(account.html, /示範王小明/);
    assert.match(account.html, /<h1>我的帳號<\/h1>/);
    assert.match(account.html, /這個瀏覽器/, "the current session is marked");
    assert.match(account.html, /您登入了。/, "the audit entry of the sign-in, in a sentence");
    assert.match(account.html, /action="\/sign-out"/);
    const csrf = csrfOf(account.html);
    assertTranslated(account.html);

    // The link works once.
    const reused = await get(link);
    assert.equal(reused.status, 400);
    assert.match(reused.html, /這個登入連結無法使用/);
    assert.match(reused.html, /href="\/sign-in"/);

    // Signing out needs the CSRF token.
    const forged = await post("/sign-out", {}, { cookie });
    assert.equal(forged.status, 403);
    const out = await post("/sign-out", { _csrf: csrf }, { cookie });
    assert.equal(out.status, 303);
    assert.equal(out.res.headers.get("location"), "/");
    assert.match(out.res.headers.get("set-cookie") ?? "", /po_session=;/);
    const after = await get("/account", { cookie });
    assert.equal(after.status, 303, "the session is revoked");
    assert.equal(after.res.headers.get("location"), "/sign-in?redirectTo=%2Faccount");
  });

  test("personal access tokens: shown once, listed by name, revocable", async () => {
    const { cookie, csrf } = await signIn("po-moi-press@example.org");
    const empty = await post("/account/tokens", { _csrf: csrf, name: "" }, { cookie });
    assert.equal(empty.status, 400);
    assert.match(empty.html, /請填寫這個欄位/);
    const created = await post("/account/tokens", { _csrf: csrf, name: "roster sync" }, { cookie });
    assert.equal(created.status, 201);
    const token = /value="(pon_[^"]+)"/.exec(created.html)?.[1];
    assert.ok(token, "the token is shown");
    assert.equal(created.res.headers.get("cache-control"), "no-store");
    const me = await t.api("GET", "/api/v1/me", { token });
    assert.equal(me.status, 200);
    const account = await get("/account", { cookie });
    assert.match(account.html, /roster sync/);
    assert.ok(!account.html.includes(token), "the secret is not shown again");
    const id = /action="\/account\/tokens\/([0-9a-f-]+)\/revoke#tokens"/.exec(account.html)![1];
    const revoked = await post(`/account/tokens/${id}/revoke`, { _csrf: csrf }, { cookie });
    assert.equal(revoked.status, 303);
    assert.equal((await t.api("GET", "/api/v1/me", { token })).status, 401);
  });
});

describe("forms of signed-in people", () => {
  test("a supervisor invites a PO; the person accepts; the directory and home page show it", async () => {
    const sup = await signIn("sup-moi@example.org");
    const page = await get("/agencies/moi", { cookie: sup.cookie });
    assert.match(page.html, /action="\/agencies\/moi\/invitations#invite-form"/);
    assert.match(page.html, /action="\/agencies\/moi\/authorisation#authorisation-form"/);
    assert.match(page.html, new RegExp(`name="_csrf" value="${sup.csrf}"`));

    const unknown = await post(
      "/agencies/moi/invitations",
      { _csrf: sup.csrf, email: "stranger@example.org", tags: "team-po" },
      { cookie: sup.cookie },
    );
    assert.equal(unknown.status, 400);
    assert.match(unknown.html, /名錄中沒有使用這個電子郵件的人/);
    assert.match(unknown.html, /<details class="panel form-panel" id="invite" open="">/);

    const invited = await post(
      "/agencies/moi/invitations",
      { _csrf: sup.csrf, email: "staff-moi-civil-affairs@example.org", tags: ["team-po", "planning"] },
      { cookie: sup.cookie },
    );
    assert.equal(invited.status, 303);
    assert.equal(invited.res.headers.get("location"), "/agencies/moi?done=invited#pos");
    const mail = (await recentMail(t.db, 50)).find((m) => m.to === "staff-moi-civil-affairs@example.org");
    assert.ok(mail, "the invitation e-mail is queued");
    assert.match(mail.text, /\/account#invitations/);

    const again = await post(
      "/agencies/moi/invitations",
      { _csrf: sup.csrf, email: "staff-moi-civil-affairs@example.org" },
      { cookie: sup.cookie },
    );
    assert.equal(again.status, 409);
    assert.match(again.html, /此人已有一份待回覆的邀請/);

    const invitee = await signIn("staff-moi-civil-affairs@example.org");
    const account = await get("/account", { cookie: invitee.cookie });
    assert.match(account.html, /邀請您擔任內政部的開放政府聯絡人/);
    const id = /action="\/account\/invitations\/([0-9a-f-]+)\/accept#invitations"/.exec(account.html)![1];
    const accepted = await post(
      `/account/invitations/${id}/accept`,
      { _csrf: invitee.csrf },
      { cookie: invitee.cookie },
    );
    assert.equal(accepted.status, 303);
    assert.equal(accepted.res.headers.get("location"), "/account?done=accepted#invitations");
    const done = await get("/account?done=accepted", { cookie: invitee.cookie });
    assert.match(done.html, /您已接受邀請/);

    const agency = await get("/agencies/moi");
    assert.match(agency.html, /示範李建宏/);
    assert.match(agency.html, /本機關有 4 位 PO/);
    const home = await get("/");
    assert.match(
      home.html,
      /示範李建宏<\/a>接受邀請，成為<a href="\/agencies\/moi">內政部<\/a>的開放政府聯絡人。/,
    );
    assert.ok(!home.html.includes("@example.org"), "no e-mail addresses in public activity");
  });

  test("the supervisor sets the authorisation table; bad numbers are explained", async () => {
    const sup = await signIn("sup-moi@example.org");
    const bad = await post(
      "/agencies/moi/authorisation",
      {
        _csrf: sup.csrf,
        maxUnitsWithoutSignoff: "3",
        maxAgenciesWithoutSignoff: "x",
        maxWorkingGroupSize: "0",
      },
      { cookie: sup.cookie },
    );
    assert.equal(bad.status, 400);
    assert.match(bad.html, /請輸入 0 到 100 之間的整數/);
    assert.match(bad.html, /請輸入 1 到 200 之間的整數/);
    const ok = await post(
      "/agencies/moi/authorisation",
      {
        _csrf: sup.csrf,
        maxUnitsWithoutSignoff: "6",
        maxAgenciesWithoutSignoff: "3",
        maxWorkingGroupSize: "12",
        "notes.zh-TW": "跨部會議題請先知會督導",
        "notes.en": "Tell the supervisor about cross-agency issues first",
      },
      { cookie: sup.cookie },
    );
    assert.equal(ok.status, 303);
    const page = await get("/agencies/moi");
    assert.match(page.html, /由督導設定/);
    assert.match(page.html, /跨部會議題請先知會督導/);
    const lead = await findPersonByEmail(t.db, "po-moi-lead@example.org");
    assert.match(
      (await get(`/people/${lead!.id}`)).html,
      /跨部會議題請先知會督導/,
      "shown on the PO's profile",
    );
  });

  test("a lead PO files this year's roster but may not set the authorisation table", async () => {
    const lead = await signIn("po-moi-lead@example.org");
    const filed = await post(
      "/agencies/moi/rosters",
      { _csrf: lead.csrf, year: "2026" },
      { cookie: lead.cookie },
    );
    assert.equal(filed.status, 303);
    const page = await get("/agencies/moi");
    assert.match(page.html, /<h3>2026 年<\/h3>/);
    assert.match(page.html, /提報於/);
    const forbidden = await post(
      "/agencies/moi/authorisation",
      {
        _csrf: lead.csrf,
        maxUnitsWithoutSignoff: "9",
        maxAgenciesWithoutSignoff: "9",
        maxWorkingGroupSize: "9",
      },
      { cookie: lead.cookie },
    );
    assert.equal(forbidden.status, 403);
    assert.match(forbidden.html, /您沒有權限/);
  });

  test("administration: PDIS may add people; others get 403; errors sit next to their field", async () => {
    assert.equal((await get("/admin")).status, 303);
    const staff = await signIn("staff-moi-information@example.org");
    assert.equal((await get("/admin", { cookie: staff.cookie })).status, 403);

    const pdis = await signIn("pdis-project-manager@example.org");
    const page = await get("/admin", { cookie: pdis.cookie });
    assert.equal(page.status, 200);
    assert.match(page.html, /action="\/admin\/people#person-form"/);
    assert.match(page.html, /action="\/admin\/memberships#membership-form"/);
    assert.ok(!page.html.includes('action="/admin/orgs'), "only admins add agencies");
    assertTranslated(page.html);

    const added = await post(
      "/admin/people",
      { _csrf: pdis.csrf, email: "new.person@example.org", name: "示範新同仁", nameEn: "Demo New" },
      { cookie: pdis.cookie },
    );
    assert.equal(added.status, 303);
    assert.match(added.res.headers.get("location") ?? "", /^\/admin\?done=person&ref=/);
    assert.ok(await findPersonByEmail(t.db, "new.person@example.org"));

    const dup = await post(
      "/admin/people",
      { _csrf: pdis.csrf, email: "new.person@example.org", name: "重複" },
      { cookie: pdis.cookie },
    );
    assert.equal(dup.status, 409);
    assert.match(dup.html, /id="person-form-email-error"/);
    assert.match(dup.html, /這個電子郵件已有人使用/);

    const missingTitle = await post(
      "/admin/people",
      { _csrf: pdis.csrf, email: "other@example.org", name: "示範", "title.zh-TW": "科長" },
      { cookie: pdis.cookie },
    );
    assert.equal(missingTitle.status, 400);
    assert.match(missingTitle.html, /請同時填寫中文與英文/);
  });
});

describe("administration by an administrator", () => {
  test("an administrator adds a unit under an agency; a bad slug is explained", async () => {
    await t.db.execute(sql`update people set is_admin = true where email = 'pdis-engineer@example.org'`);
    const admin = await signIn("pdis-engineer@example.org");
    const page = await get("/admin", { cookie: admin.cookie });
    assert.match(page.html, /action="\/admin\/orgs#org-form"/);
    const moiId = (await t.api<{ id: string }>("GET", "/api/v1/agencies/moi")).body.id;
    const form = {
      _csrf: admin.csrf,
      kind: "unit",
      parentId: moiId,
      "name.zh-TW": "內政部示範科",
      "name.en": "Demo Section, MOI",
    };
    const bad = await post("/admin/orgs", { ...form, slug: "Bad Slug" }, { cookie: admin.cookie });
    assert.equal(bad.status, 400);
    assert.match(bad.html, /id="org-form-slug-error"/);
    assert.match(bad.html, /value="內政部示範科"/, "the other values are kept");
    const ok = await post("/admin/orgs", { ...form, slug: "moi-demo-section" }, { cookie: admin.cookie });
    assert.equal(ok.status, 303);
    assert.equal(ok.res.headers.get("location"), "/admin?done=org&ref=moi-demo-section#add-org");
    assert.match((await get("/agencies/moi")).html, /內政部示範科/);
  });
});

describe("tools", () => {
  test("the development mailbox shows the outbox with clickable, escaped links", async () => {
    const { status, html } = await get("/dev/mailbox");
    assert.equal(status, 200);
    assert.match(html, /<a href="http:\/\/po\.test\/sign-in\/[A-Za-z0-9_-]+">/);
    assert.match(html, /PO Network 登入連結/);
  });

  test("the development mailbox does not exist when mail goes out over SMTP", async () => {
    const smtp = await createTestApp({ env: { SMTP_URL: "smtp://127.0.0.1:2525" } });
    try {
      const res = await smtp.app.request("/dev/mailbox", { headers: { accept: "text/html" } });
      assert.equal(res.status, 404);
      assert.ok(!(await res.text()).includes('href="/dev/mailbox"'), "and the footer does not link to it");
    } finally {
      await smtp.close();
    }
  });

  test("the API reference lists every path of the OpenAPI document by tag", async () => {
    const doc = (await t.api("GET", "/api/openapi.json")).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const page = new Hono<AppEnv>();
    page.get("/api/docs", (c) => {
      c.set("locale", "en");
      c.set("t", translator("en"));
      return c.html(apiDocsPage(c, doc));
    });
    const res = await page.request("/api/docs");
    const html = await res.text();
    assert.equal(res.status, 200);
    assert.match(html, /<html lang="en">/);
    for (const path of Object.keys(doc.paths)) assert.ok(html.includes(`<code>${path}</code>`), path);
    assert.match(html, /<h2 id="tag-Directory" lang="en">Directory<\/h2>/);
    assert.match(html, /<a href="#schema-CreateOrg">CreateOrg<\/a>/);
    assert.match(html, /<h3 id="schema-Agency">/);
  });

  test("every interface key the pages use exists, including each tag, category and role", () => {
    const { "zh-TW": zh } = loadLocaleFiles();
    const used = new Set<string>();
    const dir = new URL("./", import.meta.url);
    for (const file of readdirSync(dir)) {
      if (!/\.tsx?$/.test(file) || file.endsWith(".test.ts")) continue;
      for (const m of readFileSync(new URL(file, dir), "utf8").matchAll(/"(web\.[\w.-]*[\w-])"/g))
        used.add(m[1]!);
    }
    assert.ok(used.size > 100, "keys were found");
    for (const tag of poTags) used.add(`web.tag.${tag}`);
    for (const category of resourceCategories) used.add(`web.category.${category}`);
    for (const role of ["public", "participant", "staff", "po", "supervisor", "pdis", "admin"])
      used.add(`web.role.${role}`);
    const missing = [...used].filter((k) => !(k in zh));
    assert.deepEqual(missing, []);
  });
});
