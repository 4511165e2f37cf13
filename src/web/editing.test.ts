import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "../platform/testing/app.ts";
import {
  findPersonByEmail,
  listResources,
  systemActor,
  updatePersonAdmin,
} from "../modules/directory/index.ts";
import { assertTranslated, pageClient } from "./test-client.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

let t: TestApp;
const { get, post, signIn } = pageClient(() => t);

before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t?.close();
});

const deps = () => ({ db: t.db, clock: t.rt.clock });

async function personId(email: string): Promise<string> {
  const person = await findPersonByEmail(t.db, email);
  assert.ok(person, `seeded person ${email}`);
  return person.id;
}

/** An agency as the JSON API shows it (the state the pages must have changed, or left alone). */
async function agency(slug: string) {
  const res = await t.api<{ id: string; name: { "zh-TW": string; en: string }; website: string | null }>(
    "GET",
    `/api/v1/agencies/${slug}`,
  );
  assert.equal(res.status, 200);
  return res.body;
}

/** Signs in a seeded PDIS member made administrator through the use case. */
async function signInAdmin() {
  await updatePersonAdmin(deps(), systemActor, await personId("pdis-engineer@example.org"), true);
  return signIn("pdis-engineer@example.org");
}

/** The form values of an agency edit that keeps everything but what `changes` says. */
function orgForm(csrf: string, changes: Record<string, string>) {
  return {
    _csrf: csrf,
    "name.zh-TW": "外交部",
    "name.en": "Ministry of Foreign Affairs",
    website: "https://www.mofa.gov.tw",
    ...changes,
  };
}

describe("editing an agency", () => {
  test("an administrator renames an agency and the directory shows the new name", async () => {
    const admin = await signInAdmin();
    const page = await get("/agencies/mol", { cookie: admin.cookie });
    assert.equal(page.status, 200);
    assert.match(page.html, /action="\/agencies\/mol\/edit#org-edit-form"/);
    assert.match(page.html, /name="name\.zh-TW" type="text" value="勞動部"/, "starts from the stored name");
    assertTranslated(page.html);

    const saved = await post(
      "/agencies/mol/edit",
      {
        _csrf: admin.csrf,
        "name.zh-TW": "勞動及職業安全部",
        "name.en": "Ministry of Labor and Occupational Safety",
        "abbreviation.zh-TW": "勞安部",
        "abbreviation.en": "MOLOS",
        website: "https://www.mol.gov.tw/",
        email: "contact@mol.example.org",
        phone: "02-8590-2567",
        address: "臺北市大同區延平北路二段 83 號",
      },
      { cookie: admin.cookie },
    );
    assert.equal(saved.status, 303);
    assert.equal(saved.res.headers.get("location"), "/agencies/mol?done=updated");

    const after = await get("/agencies/mol?done=updated", { cookie: admin.cookie });
    assert.match(after.html, /<h1>勞動及職業安全部/);
    assert.match(after.html, /role="status">資料已更新。/);
    assert.match(after.html, /mailto:contact@mol\.example\.org/);
    assert.match(after.html, /02-8590-2567/);
    const directory = await get("/directory");
    assert.match(directory.html, /href="\/agencies\/mol" class="agency-name">勞動及職業安全部<\/a>/);
    assert.match((await get("/directory?lang=en")).html, /Ministry of Labor and Occupational Safety/);
    assert.equal((await agency("mol")).name["zh-TW"], "勞動及職業安全部");
  });

  test("only administrators may edit: others get 403, the public 401, and see no form", async () => {
    const sup = await signIn("sup-moi@example.org");
    const page = await get("/agencies/mofa", { cookie: sup.cookie });
    assert.ok(!page.html.includes('action="/agencies/mofa/edit'), "no edit form for a supervisor");
    assert.ok(!(await get("/agencies/mofa")).html.includes("/edit#org-edit-form"), "nor for the public");

    const refused = await post("/agencies/mofa/edit", orgForm(sup.csrf, { "name.zh-TW": "被改掉的外交部" }), {
      cookie: sup.cookie,
    });
    assert.equal(refused.status, 403);
    assert.match(refused.html, /您沒有權限/);
    const anonymous = await post("/agencies/mofa/edit", orgForm("", { "name.zh-TW": "被改掉的外交部" }));
    assert.equal(anonymous.status, 401);
    assert.equal((await agency("mofa")).name["zh-TW"], "外交部", "nothing changed");
  });

  test("a bad website is a 400 with the error next to the field, and nothing changes", async () => {
    const admin = await signInAdmin();
    const bad = await post(
      "/agencies/mofa/edit",
      orgForm(admin.csrf, { "name.zh-TW": "外交部（改）", website: "javascript:alert(1)", email: "nope" }),
      { cookie: admin.cookie },
    );
    assert.equal(bad.status, 400);
    assert.match(bad.html, /<title>錯誤：/);
    assert.match(bad.html, /<details class="panel form-panel" id="edit" open="">/);
    assert.match(
      bad.html,
      /id="org-edit-form-website-error"><span class="visually-hidden">錯誤：<\/span>請輸入以 http:\/\/ 或 https:\/\/ 開頭的網址。/,
    );
    assert.match(
      bad.html,
      /id="org-edit-form-website" name="website" type="url" value="javascript:alert\(1\)"/,
    );
    assert.match(bad.html, /aria-invalid="true" aria-describedby="org-edit-form-website-error"/);
    assert.match(bad.html, /id="org-edit-form-email-error"/, "a bad e-mail is a field error too");
    assert.match(bad.html, /value="外交部（改）"/, "the other values are kept");
    assert.match(bad.html, /href="#org-edit-form-website">網站：/, "the summary links to the field");
    const stored = await agency("mofa");
    assert.equal(stored.name["zh-TW"], "外交部");
    assert.equal(stored.website, "https://www.mofa.gov.tw");
  });

  test("a form POST without the CSRF token is refused and changes nothing", async () => {
    const admin = await signInAdmin();
    const { _csrf, ...withoutToken } = orgForm(admin.csrf, { "name.zh-TW": "偽造的外交部" });
    assert.ok(_csrf);
    const forged = await post("/agencies/mofa/edit", withoutToken, { cookie: admin.cookie });
    assert.equal(forged.status, 403);
    const wrong = await post(
      "/agencies/mofa/edit",
      { ...withoutToken, _csrf: "not-the-token" },
      { cookie: admin.cookie },
    );
    assert.equal(wrong.status, 403);
    assert.equal((await agency("mofa")).name["zh-TW"], "外交部");
  });
});

describe("editing a person", () => {
  test("a person edits their own title and it shows on their page; their e-mail stays", async () => {
    const me = await signIn("po-moi-it@example.org");
    const id = await personId("po-moi-it@example.org");
    const account = await get("/account", { cookie: me.cookie });
    assert.match(
      account.html,
      new RegExp(`href="/people/${id}\\?edit=details#edit-details">編輯我的個人資料`),
    );
    const page = await get(`/people/${id}?edit=details`, { cookie: me.cookie });
    assert.match(page.html, /<details class="panel form-panel" id="edit-details" open="">/);
    assert.match(page.html, new RegExp(`action="/people/${id}/edit#person-edit-form"`));
    assert.match(page.html, /name="name" type="text" value="示範陳志明"/);
    assert.ok(!page.html.includes('id="person-edit-form-email"'), "no e-mail field for oneself");
    assert.equal(page.res.headers.get("cache-control"), "no-store");
    assertTranslated(page.html);

    const saved = await post(
      `/people/${id}/edit`,
      {
        _csrf: me.csrf,
        name: "示範陳志明",
        nameEn: "Demo Chen Chih-ming",
        "title.zh-TW": "資訊處數位服務科科長",
        "title.en": "Section Chief, Digital Services",
        phone: "02-2356-6000",
        // Not offered to oneself, and ignored if sent anyway.
        email: "someone-else@example.org",
      },
      { cookie: me.cookie },
    );
    assert.equal(saved.status, 303);
    assert.equal(saved.res.headers.get("location"), `/people/${id}?done=updated`);

    const done = await get(`/people/${id}?done=updated`, { cookie: me.cookie });
    assert.match(done.html, /role="status">資料已更新。/);
    const publicPage = await get(`/people/${id}`);
    assert.match(publicPage.html, /<p class="lead">資訊處數位服務科科長<\/p>/);
    assert.match((await get(`/people/${id}?lang=en`)).html, /Section Chief, Digital Services/);
    assert.equal(await personId("po-moi-it@example.org"), id, "the sign-in address did not change");
    assert.equal(await findPersonByEmail(t.db, "someone-else@example.org"), null);
  });

  test("an empty name, half a title or an emptied title is explained next to the field", async () => {
    const me = await signIn("po-moi-it@example.org");
    const id = await personId("po-moi-it@example.org");
    const bad = await post(
      `/people/${id}/edit`,
      { _csrf: me.csrf, name: "", "title.zh-TW": "只有中文" },
      { cookie: me.cookie },
    );
    assert.equal(bad.status, 400);
    assert.match(bad.html, /id="person-edit-form-name-error"/);
    assert.match(bad.html, /id="person-edit-form-title-en-error"/);
    assert.match(bad.html, /請同時填寫中文與英文/);
    // A stored title cannot be removed through the use case yet: the form says so.
    const cleared = await post(
      `/people/${id}/edit`,
      { _csrf: me.csrf, name: "示範陳志明", "title.zh-TW": "", "title.en": "" },
      { cookie: me.cookie },
    );
    assert.equal(cleared.status, 400);
    assert.match(cleared.html, /id="person-edit-form-title-zh-TW-error"/);
    assert.match(cleared.html, /目前無法在這裡刪除職稱/);
  });

  test("someone else cannot edit a person (403) and sees no form; PDIS may, e-mail included", async () => {
    const other = await signIn("po-moi-press@example.org");
    const id = await personId("po-moi-lead@example.org");
    const page = await get(`/people/${id}`, { cookie: other.cookie });
    assert.ok(!page.html.includes("person-edit-form"), "no edit form for someone else");
    const refused = await post(
      `/people/${id}/edit`,
      { _csrf: other.csrf, name: "被改掉的名字" },
      { cookie: other.cookie },
    );
    assert.equal(refused.status, 403);
    assert.equal((await post(`/people/${id}/edit`, { name: "匿名" })).status, 401);
    assert.match((await get(`/people/${id}`)).html, /<h1>示範王小明<\/h1>/, "nothing changed");

    const pdis = await signIn("pdis-project-manager@example.org");
    const staffId = await personId("staff-moi-information@example.org");
    const staffPage = await get(`/people/${staffId}`, { cookie: pdis.cookie });
    assert.match(staffPage.html, /id="person-edit-form-email"[^>]*value="staff-moi-information@example.org"/);
    const staffForm = { _csrf: pdis.csrf, name: "示範同仁", "title.zh-TW": "科員", "title.en": "Officer" };
    const taken = await post(
      `/people/${staffId}/edit`,
      { ...staffForm, email: "po-moi-lead@example.org" },
      { cookie: pdis.cookie },
    );
    assert.equal(taken.status, 409);
    assert.match(taken.html, /id="person-edit-form-email-error"/);
    assert.match(taken.html, /這個電子郵件已有人使用/);
    const moved = await post(
      `/people/${staffId}/edit`,
      { ...staffForm, email: "Staff-MOI-Info@example.org" },
      { cookie: pdis.cookie },
    );
    assert.equal(moved.status, 303);
    assert.equal(await personId("staff-moi-info@example.org"), staffId);
  });
});

describe("ending a role", () => {
  test("a PO ends their own role: gone from the agency page, kept in their history", async () => {
    const me = await signIn("po-moi-press@example.org");
    const id = await personId("po-moi-press@example.org");
    assert.match((await get("/agencies/moi")).html, /示範林美華/);
    const page = await get(`/people/${id}`, { cookie: me.cookie });
    const m = /<form method="post" action="\/memberships\/([0-9a-f-]+)\/end" class="inline-form">/.exec(
      page.html,
    );
    assert.ok(m, "an end button next to the role");
    assert.match(
      page.html,
      /aria-label="結束這個角色：內政部的開放政府聯絡人（PO）。結束後不再列於名錄中，歷程紀錄仍會保留。">結束這個角色<\/button>/,
    );
    const en = await get(`/people/${id}?lang=en`, { cookie: me.cookie });
    assert.match(
      en.html,
      /aria-label="End this role: Participation Officer \(PO\) of Ministry of the Interior\./,
    );

    // Nobody else without the right may end it.
    const colleague = await signIn("po-moi-it@example.org");
    assert.ok(
      !(await get(`/people/${id}`, { cookie: colleague.cookie })).html.includes("/memberships/"),
      "no end button for a colleague",
    );
    const refused = await post(
      `/memberships/${m[1]}/end`,
      { _csrf: colleague.csrf },
      { cookie: colleague.cookie },
    );
    assert.equal(refused.status, 403);
    assert.equal((await post(`/memberships/${m[1]}/end`, {}, { cookie: me.cookie })).status, 403, "CSRF");

    const ended = await post(`/memberships/${m[1]}/end`, { _csrf: me.csrf }, { cookie: me.cookie });
    assert.equal(ended.status, 303);
    assert.equal(ended.res.headers.get("location"), `/people/${id}?done=ended`);

    const agencyPage = await get("/agencies/moi");
    assert.ok(!agencyPage.html.includes("示範林美華"), "no longer listed as a PO");
    const mine = await get(`/people/${id}?done=ended`, { cookie: me.cookie });
    assert.match(mine.html, /role="status">角色已結束，歷程紀錄仍會保留。/);
    assert.match(mine.html, /目前沒有網絡中的角色。/);
    assert.match(mine.html, /<h3>過去的角色<\/h3><ul class="role-list"><li class="ended">/);
    assert.ok(!mine.html.includes("/memberships/"), "an ended role has no end button");
    assert.equal((await get(`/people/${id}`)).status, 404, "without a role the person is private");
    const again = await post(`/memberships/${m[1]}/end`, { _csrf: me.csrf }, { cookie: me.cookie });
    assert.equal(again.status, 404);
  });

  test("the agency's supervisor may end a PO's role and returns to the agency if the person is private", async () => {
    const sup = await signIn("sup-moi@example.org");
    const id = await personId("po-moi-it@example.org");
    const page = await get(`/people/${id}`, { cookie: sup.cookie });
    const m = /action="\/memberships\/([0-9a-f-]+)\/end"/.exec(page.html);
    assert.ok(m, "the supervisor sees the end button");
    const ended = await post(`/memberships/${m[1]}/end`, { _csrf: sup.csrf }, { cookie: sup.cookie });
    assert.equal(ended.status, 303);
    assert.equal(ended.res.headers.get("location"), "/agencies/moi?done=ended");
    const agencyPage = await get("/agencies/moi?done=ended", { cookie: sup.cookie });
    assert.match(agencyPage.html, /角色已結束，歷程紀錄仍會保留。/);
    assert.ok(!agencyPage.html.includes("示範陳志明"));
    const me = await signIn("po-moi-it@example.org");
    assert.match((await get(`/people/${id}`, { cookie: me.cookie })).html, /<h3>過去的角色<\/h3>/);
  });
});

describe("adding resources", () => {
  test("a PO adds an internal resource of their own agency, but not of another (403)", async () => {
    const po = await signIn("po-moi-lead@example.org");
    const moi = await agency("moi");
    const mofa = await agency("mofa");
    const page = await get("/resources", { cookie: po.cookie });
    assert.match(page.html, /action="\/resources\/internal#internal-form"/);
    assert.match(page.html, new RegExp(`<option value="${moi.id}" selected="">`));
    assert.ok(!page.html.includes('action="/resources/pools'), "outside pools are for PDIS and admins");
    assertTranslated(page.html);

    const form = {
      _csrf: po.csrf,
      category: "legislative-liaison",
      slug: "moi-legislative-desk",
      "name.zh-TW": "內政部國會聯絡窗口（測試）",
      "name.en": "MOI legislative liaison desk (test)",
      contactEmail: "liaison@moi.example.org",
    };
    const other = await post(
      "/resources/internal",
      { ...form, orgId: mofa.id, slug: "mofa-desk" },
      { cookie: po.cookie },
    );
    assert.equal(other.status, 403);
    const noToken = await post(
      "/resources/internal",
      { ...form, _csrf: "", orgId: moi.id },
      { cookie: po.cookie },
    );
    assert.equal(noToken.status, 403);

    const added = await post("/resources/internal", { ...form, orgId: moi.id }, { cookie: po.cookie });
    assert.equal(added.status, 303);
    assert.equal(added.res.headers.get("location"), "/resources?done=internal#internal");
    const list = await get("/resources?done=internal");
    assert.match(list.html, /role="status">已新增內部資源。/);
    assert.match(list.html, /內政部國會聯絡窗口（測試）/);
    const stored = await listResources(deps(), {});
    assert.ok(stored.some((r) => r.slug === "moi-legislative-desk" && r.org?.slug === "moi"));
    assert.ok(!stored.some((r) => r.slug === "mofa-desk"), "nothing added for the other agency");

    const dup = await post("/resources/internal", { ...form, orgId: moi.id }, { cookie: po.cookie });
    assert.equal(dup.status, 409);
    assert.match(dup.html, /id="internal-form-slug-error"/);
    assert.match(dup.html, /這個代稱已被使用/);
  });

  test("PDIS adds an outside pool; a PO may not; a bad category is explained", async () => {
    const pdis = await signIn("pdis-designer@example.org");
    const page = await get("/resources", { cookie: pdis.cookie });
    assert.match(page.html, /action="\/resources\/pools#pool-form"/);
    assert.match(page.html, /<option value="stenographer">速錄師<\/option>/);
    const form = {
      _csrf: pdis.csrf,
      category: "facilitator",
      slug: "pool-test-facilitators",
      "name.zh-TW": "測試桌長團隊",
      "name.en": "Test table facilitators",
    };
    const bad = await post("/resources/pools", { ...form, category: "magic" }, { cookie: pdis.cookie });
    assert.equal(bad.status, 400);
    assert.match(bad.html, /id="pool-form-category-error"/);
    assert.match(bad.html, /<details class="panel form-panel" id="add-pool" open="">/);
    const added = await post("/resources/pools", form, { cookie: pdis.cookie });
    assert.equal(added.status, 303);
    assert.equal(added.res.headers.get("location"), "/resources?done=pool#pools");
    assert.match((await get("/resources")).html, /測試桌長團隊/);

    const po = await signIn("po-moi-lead@example.org");
    const refused = await post(
      "/resources/pools",
      { ...form, _csrf: po.csrf, slug: "pool-by-a-po" },
      { cookie: po.cookie },
    );
    assert.equal(refused.status, 403);
    assert.ok(!(await listResources(deps(), {})).some((r) => r.slug === "pool-by-a-po"));
  });
});
