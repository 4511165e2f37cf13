import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "../../platform/testing/app.ts";
import { recentMail } from "../../platform/mail/outbox.ts";
import { findOrg, findPersonByEmail } from "../../modules/directory/index.ts";
import { loadLocaleFiles } from "../../platform/i18n/index.ts";
import { pageClient, pageSection, pageText } from "../test-client.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
const { get, post, signIn } = pageClient(() => t);
let pdis: string;
let meetingId: string;
let candidateIds: string[];
const yes = { "public-interest": true, "cross-agency": true, "open-to-input": true };

/** No interface key of these pages' namespaces leaks untranslated. */
function assertTranslatedHere(html: string) {
  const leaked = html.match(
    /\b(cases|meetings)\.(index|case|stage|role|meeting|ballot|kind|livestream|audience|event|evidenceKind)\.[\w.-]+/g,
  );
  assert.equal(leaked, null, `untranslated keys: ${leaked?.join(", ")}`);
}

before(async () => {
  t = await createTestApp();
  pdis = await t.tokenFor("pdis-project-manager@example.org");
  const moi = (await findOrg(t.db, "moi"))!.id;
  const motc = (await findOrg(t.db, "motc"))!.id;
  const m = await t.api("POST", "/api/v1/meetings", {
    token: pdis,
    body: { kind: "monthly", month: "2026-03", date: "2026-03-02" },
  });
  meetingId = m.body.id;
  candidateIds = [];
  for (const [title, lead, source] of [
    ["外送員職業安全", moi, "petition"],
    ["公車動態資料開放", motc, "pdis"],
    ["路邊停車電子支付", motc, "pdis"],
  ] as const) {
    const res = await t.api("POST", `/api/v1/meetings/${meetingId}/candidates`, {
      token: pdis,
      body: {
        source,
        title,
        proposedLeadAgencyId: lead,
        criteria: yes,
        internalNote: "祕密備註",
        ...(source === "petition"
          ? { endorsements: 6100, petitionRef: "https://join.gov.tw/idea/detail/1" }
          : {}),
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    candidateIds.push(res.body.candidates.at(-1).id);
  }
});
after(async () => t?.close());

describe("locales", () => {
  test("the case and meeting pages' strings exist in both languages", () => {
    const files = loadLocaleFiles();
    for (const ns of ["cases.", "meetings."]) {
      const zh = Object.keys(files["zh-TW"])
        .filter((k) => k.startsWith(ns))
        .sort();
      const en = Object.keys(files.en)
        .filter((k) => k.startsWith(ns))
        .sort();
      assert.ok(zh.length > 20);
      assert.deepEqual(zh, en);
    }
  });
});

describe("ballot and meeting pages", () => {
  test("a voter votes through the ballot page; the link then says it was used", async () => {
    const issued = await t.api("POST", `/api/v1/meetings/${meetingId}/ballots`, { token: pdis });
    assert.equal(issued.status, 201);
    const mail = (await recentMail(t.db, 200)).find((x) => x.to === "po-moi-lead@example.org")!;
    const token = /\/ballot\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const present = (await findPersonByEmail(t.db, "po-moi-lead@example.org"))!.id;
    await t.api("POST", `/api/v1/meetings/${meetingId}/attendance`, {
      token: pdis,
      body: { personIds: [present], present: true },
    });

    for (const lang of ["zh-TW", "en"]) {
      const page = await get(`/ballot/${token}?lang=${lang}`);
      assert.equal(page.status, 200);
      assertTranslatedHere(page.html);
      assert.match(page.html, /type="checkbox" name="choices"/);
      assert.doesNotMatch(page.html, /祕密備註/);
      assert.equal(page.res.headers.get("cache-control"), "no-store");
    }
    const tooMany = await post(`/ballot/${token}`, { choices: candidateIds });
    assert.equal(tooMany.status, 400);
    assert.match(pageText(tooMany.html), /choose at most 2|choices/);
    const ok = await post(`/ballot/${token}?lang=en`, { choices: [candidateIds[0]!] });
    assert.equal(ok.status, 200);
    assert.match(pageText(ok.html), /your ballot was received/);
    const again = await post(`/ballot/${token}?lang=en`, { choices: [candidateIds[1]!] });
    assert.equal(again.status, 409);
    assert.match(pageText(again.html), /already been used/);
    assert.equal((await get(`/ballot/${"y".repeat(43)}`)).status, 404);
  });

  test("the meeting page shows the agenda and, after close, the tally and the winner's case", async () => {
    const open = await get(`/meetings/${meetingId}?lang=en`);
    assert.equal(open.status, 200);
    assertTranslatedHere(open.html);
    assert.doesNotMatch(open.html, /id="meeting-tally"/);
    assert.doesNotMatch(open.html, /祕密備註/);
    const agenda = pageText(pageSection(open.html, "meeting-agenda"));
    for (const item of [
      "Status of tracked cases",
      "Self-proposed cases",
      "Candidate topics",
      "Vote",
      "Other business",
    ])
      assert.match(agenda, new RegExp(item));
    assert.match(pageText(open.html), /qualified \(6100 of 5000 endorsements\)/);

    const closed = await t.api("POST", `/api/v1/meetings/${meetingId}/ballots/close`, { token: pdis });
    assert.equal(closed.status, 200);
    const page = await get(`/meetings/${meetingId}?lang=en`);
    assertTranslatedHere(page.html);
    const tally = pageText(pageSection(page.html, "meeting-vote"));
    assert.match(tally, /外送員職業安全 1 100 % Selected/);
    assert.match(tally, /公車動態資料開放 0 0 % Not selected/);
    assert.match(page.html, /href="\/cases\/1"/);
    const list = await get("/meetings?lang=zh-TW");
    assert.equal(list.status, 200);
    assert.match(list.html, new RegExp(`href="/meetings/${meetingId}"`));
  });
});

describe("case pages", () => {
  test("GET /cases/{number} shows the case with its stages and links; the API says the same", async () => {
    const api = await t.api("GET", "/api/v1/cases/1");
    assert.equal(api.status, 200);
    assert.equal(api.body.links.meeting.url, `/meetings/${meetingId}`);
    for (const lang of ["zh-TW", "en"]) {
      const page = await get(`/cases/1?lang=${lang}`);
      assert.equal(page.status, 200);
      assertTranslatedHere(page.html);
      assert.match(page.html, /外送員職業安全/);
      const links = pageSection(page.html, "case-links");
      assert.match(links, new RegExp(`href="/meetings/${meetingId}"`));
      assert.match(links, /href="https:\/\/join\.gov\.tw\/idea\/detail\/1"/);
      const stages = pageText(pageSection(page.html, "case-stages"));
      assert.match(
        stages,
        lang === "en" ? /Selected Current.*Released Upcoming/ : /選定 進行中.*解除列管 尚未開始/,
      );
      assert.match(pageSection(page.html, "case-roles"), /href="\/agencies\/moi"/);
    }
    assert.equal((await get("/cases/99")).status, 404);
    assert.equal((await get("/cases/abc")).status, 404);
  });

  test("the index lists cases and filters them", async () => {
    await t.api("POST", "/api/v1/cases", {
      token: pdis,
      body: { title: "自提：交通號誌", leadAgencyId: (await findOrg(t.db, "motc"))!.id },
    });
    const all = await get("/cases?lang=en");
    assert.equal(all.status, 200);
    assertTranslatedHere(all.html);
    const list = pageSection(all.html, "case-list");
    assert.match(list, /href="\/cases\/1"/);
    assert.match(list, /href="\/cases\/2"/);
    const moi = await get("/cases?agency=moi&lang=en");
    assert.match(moi.html, /href="\/cases\/1"/);
    assert.doesNotMatch(moi.html, /href="\/cases\/2"/);
    const empty = await get("/cases?stage=released&lang=en");
    assert.match(pageText(empty.html), /No case matches these filters/);
    assert.equal((await get("/cases?stage=bogus")).status, 400);
  });

  test("Atom feeds: the index (optionally one agency's cases) and each case's public history", async () => {
    const all = await get("/cases/feed.atom?lang=en");
    assert.equal(all.status, 200);
    assert.match(all.html, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    assert.match(all.html, /Case 1 · 外送員職業安全/);
    assert.match(all.html, /Case 2 · 自提：交通號誌/);
    const moi = await get("/cases/feed.atom?agency=moi");
    assert.match(moi.html, /外送員職業安全/);
    assert.doesNotMatch(moi.html, /自提：交通號誌/);
    assert.equal((await get("/cases/feed.atom?agency=nope")).status, 400);
    const one = await get("/cases/1/feed.atom?lang=en");
    assert.equal(one.status, 200);
    assert.match(one.html, /Case opened — Case 1 · 外送員職業安全/);
    assert.doesNotMatch(one.html, /@example/);
    assert.equal((await get("/cases/99/feed.atom")).status, 404);
    assert.match((await get("/cases/1")).html, /href="\/cases\/1\/feed\.atom"/);
  });

  test("a signed-in person takes a co-signer seat from the case page, with their consent", async () => {
    const anon = await get("/cases/1?lang=en");
    assert.match(pageSection(anon.html, "case-signup"), /href="\/sign-in\?redirectTo=%2Fcases%2F1"/);
    await t.api("POST", "/api/v1/people", {
      token: pdis,
      body: { email: "fan@example.org", name: "示範附議人" },
    });
    const { cookie, csrf } = await signIn("fan@example.org");
    const page = await get("/cases/1?lang=en", { cookie });
    assert.match(pageSection(page.html, "case-signup"), /name="livestreamConsent"/);
    const noCsrf = await post("/cases/1/seats", { livestreamConsent: "record" }, { cookie });
    assert.equal(noCsrf.status, 403);
    const taken = await post(
      "/cases/1/seats?lang=en",
      { _csrf: csrf, livestreamConsent: "record" },
      { cookie },
    );
    assert.equal(taken.status, 200);
    assert.match(pageText(taken.html), /You have a seat at the collaborative meeting/);
    const c = (await t.api("GET", "/api/v1/cases/1")).body;
    assert.deepEqual(c.seats.coSigners, { cap: 5, confirmed: 1, waiting: 0 });
    assert.deepEqual(c.livestream.consents, { none: 0, record: 1, live: 0 });
    const again = await post(
      "/cases/1/seats?lang=en",
      { _csrf: csrf, livestreamConsent: "live" },
      { cookie },
    );
    assert.equal(again.status, 409);
    assert.match(pageText(again.html), /already has a seat/);
  });
});

describe("running the vote from the meeting page", () => {
  test("PDIS sends the links, takes the roll call and closes the vote through the page", async () => {
    const m = await t.api("POST", "/api/v1/meetings", {
      token: pdis,
      body: { kind: "monthly", month: "2026-05" },
    });
    assert.equal(m.status, 201);
    const id = m.body.id;
    const moda = (await findOrg(t.db, "moda"))!.id;
    await t.api("POST", `/api/v1/meetings/${id}/candidates`, {
      token: pdis,
      body: { source: "pdis", title: "數位身分證明", proposedLeadAgencyId: moda, criteria: yes },
    });
    const publicView = await get(`/meetings/${id}?lang=en`);
    assert.doesNotMatch(publicView.html, /id="meeting-organise"/);
    const { cookie, csrf } = await signIn("pdis-designer@example.org");
    const page = await get(`/meetings/${id}?lang=en`, { cookie });
    assert.match(pageSection(page.html, "meeting-organise"), /action="\/meetings\/[0-9a-f-]+\/ballots"/);
    // A candidate added through the page's form; a failed criterion comes back naming the field.
    const refused = await post(
      `/meetings/${id}/candidates?lang=en`,
      {
        _csrf: csrf,
        source: "pdis",
        title: "未檢核議題",
        proposedLeadAgencyId: moda,
        criteria: ["public-interest"],
      },
      { cookie },
    );
    assert.equal(refused.status, 400);
    assert.match(refused.html, /class="field choices field-invalid"/);
    assert.match(pageText(refused.html), /does not meet a selection criterion/);
    const added = await post(
      `/meetings/${id}/candidates?lang=en`,
      {
        _csrf: csrf,
        source: "petition",
        title: "校園午餐在地食材",
        proposedLeadAgencyId: moda,
        petitionRef: "https://join.gov.tw/idea/detail/lunch",
        endorsements: "4100",
        criteria: ["public-interest", "cross-agency", "open-to-input"],
        internalNote: "只給承辦人員",
      },
      { cookie },
    );
    assert.equal(added.status, 200, pageText(added.html).slice(0, 400));
    assert.match(pageText(added.html), /The candidate was added/);
    assert.match(pageText(added.html), /near the threshold \(4100 of 5000 endorsements\)/);
    const issued = await post(`/meetings/${id}/ballots?lang=en`, { _csrf: csrf }, { cookie });
    assert.equal(issued.status, 200);
    assert.match(pageText(issued.html), /\d+ ballot links were sent/);
    const rollCall = pageSection(issued.html, "meeting-organise");
    const voter = (await findPersonByEmail(t.db, "po-moda-lead@example.org"))!.id;
    assert.match(rollCall, new RegExp(`value="${voter}"`));
    const saved = await post(
      `/meetings/${id}/attendance?lang=en`,
      { _csrf: csrf, present: [voter] },
      { cookie },
    );
    assert.equal(saved.status, 200);
    assert.match(saved.html, new RegExp(`value="${voter}" id="present-${voter}" checked`));
    const stranger = await post(
      `/meetings/${id}/attendance?lang=en`,
      { _csrf: csrf, present: ["00000000-0000-4000-8000-000000000000"] },
      { cookie },
    );
    assert.equal(stranger.status, 400);
    const mail = (await recentMail(t.db, 500)).find(
      (x) => x.to === "po-moda-lead@example.org" && x.subject.includes(m.body.title),
    )!;
    const token = /\/ballot\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    // The March meeting's losing topics carried over into this one: vote for the new topic.
    const c = (await t.api("GET", `/api/v1/meetings/${id}`)).body.candidates.find(
      (x: any) => x.title === "數位身分證明",
    );
    assert.equal((await post(`/ballot/${token}`, { choices: [c.id] })).status, 200);
    const closed = await post(`/meetings/${id}/close?lang=en`, { _csrf: csrf }, { cookie });
    assert.equal(closed.status, 200);
    assert.match(pageText(closed.html), /The vote is closed; winners are now cases/);
    assert.match(pageText(pageSection(closed.html, "meeting-vote")), /數位身分證明 1 100 % Selected/);
    const again = await post(`/meetings/${id}/close?lang=en`, { _csrf: csrf }, { cookie });
    assert.equal(again.status, 409);
    // A PO cannot run the vote.
    const po = await signIn("po-moi-lead@example.org");
    const denied = await post(`/meetings/${id}/ballots`, { _csrf: po.csrf }, { cookie: po.cookie });
    assert.equal(denied.status, 403);
  });
});

describe("organising a case from its page", () => {
  test("the organisers move the case through its stages, record evidence and release it", async () => {
    const outsider = await signIn("po-moea-lead@example.org");
    const seen = await get("/cases/2?lang=en", { cookie: outsider.cookie });
    assert.doesNotMatch(seen.html, /id="case-organise"/);
    const denied = await post(
      "/cases/2/advance",
      { _csrf: outsider.csrf, to: "working-meeting" },
      { cookie: outsider.cookie },
    );
    assert.equal(denied.status, 403);

    const { cookie, csrf } = await signIn("po-motc-lead@example.org"); // case 2's lead agency
    const page = await get("/cases/2?lang=en", { cookie });
    assert.match(pageSection(page.html, "case-organise"), /Move on to: Working meeting/);
    const skip = await post("/cases/2/advance?lang=en", { _csrf: csrf, to: "research" }, { cookie });
    assert.equal(skip.status, 409);
    for (const to of ["working-meeting", "research", "prep-meeting"]) {
      const res = await post(
        "/cases/2/advance?lang=en",
        { _csrf: csrf, to, artefactUrl: "", note: "" },
        { cookie },
      );
      assert.equal(res.status, 200, pageText(res.html).slice(0, 300));
    }
    const noBook = await post(
      "/cases/2/advance?lang=en",
      { _csrf: csrf, to: "handbook-published" },
      { cookie },
    );
    assert.equal(noBook.status, 400);
    assert.match(pageText(noBook.html), /artefactUrl/);
    const book = await post(
      "/cases/2/advance?lang=en",
      { _csrf: csrf, to: "handbook-published", artefactUrl: "https://example.org/handbook-2" },
      { cookie },
    );
    assert.equal(book.status, 200);
    assert.match(pageSection(book.html, "case-stages"), /href="https:\/\/example\.org\/handbook-2"/);
    for (const to of ["collaborative-meeting", "report", "public-response", "tracked"]) {
      assert.equal((await post("/cases/2/advance?lang=en", { _csrf: csrf, to }, { cookie })).status, 200);
    }
    await post(
      "/cases/2/evidence?lang=en",
      { _csrf: csrf, kind: "mail-out", audiences: ["proposer", "co-signers"], note: "已寄送" },
      { cookie },
    );
    const early = await post("/cases/2/release?lang=en", { _csrf: csrf }, { cookie });
    assert.equal(early.status, 409);
    assert.match(pageText(early.html), /reached: participants/);
    const post2 = await post(
      "/cases/2/evidence?lang=en",
      { _csrf: csrf, kind: "post", audiences: ["participants"], url: "https://example.org/outcome-2" },
      { cookie },
    );
    assert.equal(post2.status, 200);
    assert.match(pageSection(post2.html, "case-evidence"), /href="https:\/\/example\.org\/outcome-2"/);
    const released = await post("/cases/2/release?lang=en", { _csrf: csrf }, { cookie });
    assert.equal(released.status, 200);
    assert.match(pageText(released.html), /The case was released/);
    assert.doesNotMatch(released.html, /id="case-organise"/);
    assert.equal((await t.api("GET", "/api/v1/cases/2")).body.stage, "released");
  });
});
