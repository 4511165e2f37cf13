import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { findOrg } from "../../modules/directory/index.ts";
import { pageClient, pageSection, pageText } from "../test-client.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
const { get, post, signIn } = pageClient(() => t);
/** Owned by the MOEA, from case 1 (led by the MOI). */
let moeaOne: string;
/** Owned by the MOI, from case 1. */
let moiOne: string;

/** No interface key of these pages leaks untranslated. */
function assertTranslatedHere(html: string) {
  const leaked = html.match(/\b(commitments|web)\.(page|status|decision|form)\.[\w.-]+/g);
  assert.equal(leaked, null, `untranslated keys: ${leaked?.join(", ")}`);
}

const revisionCount = async () =>
  (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from commitment_revisions`)).rows[0]!.n;

before(async () => {
  t = await createTestApp();
  (t.rt.clock as FixedClock).set(new Date("2026-03-02T02:00:00Z"));
  const moiPo = await t.tokenFor("po-moi-lead@example.org");
  const moi = (await findOrg(t.db, "moi"))!.id;
  const res = await t.api("POST", "/api/v1/cases", {
    token: moiPo,
    body: { title: "戶籍謄本線上申請", leadAgencyId: moi },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  for (const [owner, text] of [
    ["moea", "公布使用數據"],
    ["moi", "修正申請表單"],
  ] as const) {
    const made = await t.api("POST", "/api/v1/commitments", {
      token: moiPo,
      body: { text, ownerAgencyId: owner, dueOn: "2026-03-31", caseNumber: 1 },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    if (owner === "moea") moeaOne = made.body.id;
    else moiOne = made.body.id;
  }
});
after(async () => t?.close());

describe("the revise form", () => {
  test("an organiser revises with a reason; errors show next to their fields in the reader's language", async () => {
    const organiser = await signIn("po-moi-lead@example.org");
    const path = `/commitments/${moeaOne}`;
    const page = await get(path, { cookie: organiser.cookie });
    assert.equal(page.status, 200);
    assert.match(page.html, /id="commitment-revise"/);
    assert.match(page.html, new RegExp(`action="/commitments/${moeaOne}/revisions#commitment-revise"`));
    assert.match(page.html, /id="commitment-revise-dueOn"[^>]*value="2026-03-31"/);
    assertTranslatedHere(page.html);
    const form = { text: "公布使用數據", ownerAgency: "moea", dueOn: "2026-04-30", reason: "配合預算時程" };

    // Without the CSRF token: refused, nothing written.
    const forged = await post(`${path}/revisions`, form, { cookie: organiser.cookie });
    assert.equal(forged.status, 403);
    // Signed out: to the sign-in page.
    const anon = await post(`${path}/revisions`, { ...form, _csrf: organiser.csrf });
    assert.equal(anon.status, 303);

    // No reason: the form comes back with the message by the field, in Chinese by default.
    const noReason = await post(
      `${path}/revisions`,
      { ...form, reason: " ", _csrf: organiser.csrf },
      { cookie: organiser.cookie },
    );
    assert.equal(noReason.status, 400);
    const section = noReason.html.slice(noReason.html.indexOf('id="commitment-revise"'));
    assert.match(section, /href="#commitment-revise-reason"/);
    assert.match(section, /class="field-error" id="commitment-revise-reason-error"/);
    assert.match(pageText(section), /請填寫這個欄位/);
    assert.match(section, /2026-04-30/, "what was typed is kept");
    assertTranslatedHere(noReason.html);

    // An impossible date, in English.
    const badDate = await post(
      `${path}/revisions?lang=en`,
      { ...form, dueOn: "2026-02-30", _csrf: organiser.csrf },
      { cookie: organiser.cookie },
    );
    assert.equal(badDate.status, 400);
    assert.match(badDate.html, /id="commitment-revise-dueOn-error"/);
    assert.match(pageText(badDate.html), /Enter a date that exists, as YYYY-MM-DD/);
    assertTranslatedHere(badDate.html);

    // Nothing changed: the module's message, in the reader's language, at the top of the form.
    const same = await post(
      `${path}/revisions`,
      { ...form, dueOn: "2026-03-31", _csrf: organiser.csrf },
      { cookie: organiser.cookie },
    );
    assert.equal(same.status, 400);
    assert.match(pageText(same.html), /這次修訂沒有改變任何內容/);
    assert.equal(await revisionCount(), 0);

    // It works: the history shows the change and the reason; the original date stays visible.
    const ok = await post(
      `${path}/revisions`,
      { ...form, _csrf: organiser.csrf },
      { cookie: organiser.cookie },
    );
    assert.equal(ok.status, 200, pageText(ok.html).slice(0, 400));
    assert.match(pageText(ok.html), /已送出修訂/);
    const history = pageText(pageSection(ok.html, "commitment-history"));
    assert.match(history, /到期日：2026-03-31 → 2026-04-30/);
    assert.match(history, /修訂理由：配合預算時程/);
    assert.match(pageText(ok.html), /2026-04-30 （?原訂 2026-03-31 到期/);
    assert.equal(await revisionCount(), 1);

    // The public reads it, in English too; no form for them.
    const en = await get(`${path}?lang=en`);
    assert.equal(en.status, 200);
    assert.doesNotMatch(en.html, /commitment-revise/);
    const text = pageText(en.html);
    assert.match(text, /Due date: 2026-03-31 → 2026-04-30/);
    assert.match(text, /Reason: 配合預算時程/);
    assert.match(text, /originally due 2026-03-31/);
    assertTranslatedHere(en.html);
    // The feed carries the revision.
    const feed = await (await t.app.request("/commitments/feed.atom?agency=moea")).text();
    assert.match(feed, /配合預算時程/);
    assert.match(feed, new RegExp(`#revision-\\d+`));
  });

  test("the owner agency's PO sees no due date to move, and a forged one is refused in words", async () => {
    const owner = await signIn("po-moi-lead@example.org");
    const page = await get(`/commitments/${moiOne}`, { cookie: owner.cookie });
    assert.match(page.html, /id="commitment-revise"/);
    assert.doesNotMatch(page.html, /id="commitment-revise-dueOn"/);
    assert.match(pageText(page.html), /負責機關的 PO 不能自行變更自己機關承諾的到期日/);
    const forged = await post(
      `/commitments/${moiOne}/revisions`,
      { _csrf: owner.csrf, text: "修正申請表單", ownerAgency: "moi", dueOn: "2026-06-30", reason: "延後" },
      { cookie: owner.cookie },
    );
    assert.equal(forged.status, 403);
    assert.match(pageText(forged.html), /負責機關的 PO 不能自行變更/);
    // The text may be corrected.
    const fixed = await post(
      `/commitments/${moiOne}/revisions`,
      { _csrf: owner.csrf, text: "修正線上申請表單", ownerAgency: "moi", reason: "補字" },
      { cookie: owner.cookie },
    );
    assert.equal(fixed.status, 200);
    assert.match(
      pageText(pageSection(fixed.html, "commitment-history")),
      /承諾內容：「修正申請表單」→「修正線上申請表單」/,
    );

    // The MOEA owns the other one but does not organise the case: no form, and a post is refused.
    const moea = await signIn("po-moea-lead@example.org");
    const theirs = await get(`/commitments/${moeaOne}`, { cookie: moea.cookie });
    assert.match(theirs.html, /id="commitment-update"/);
    assert.doesNotMatch(theirs.html, /id="commitment-revise"/);
    const refused = await post(
      `/commitments/${moeaOne}/revisions`,
      { _csrf: moea.csrf, text: "x", ownerAgency: "moea", dueOn: "2026-09-30", reason: "延後" },
      { cookie: moea.cookie },
    );
    assert.equal(refused.status, 403);
    assert.equal(await revisionCount(), 2);
  });
});
