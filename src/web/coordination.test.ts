// The coordination pages as people use them: my work, matters with triage and refusals, help
// requests with their clocks and escalation, the inbox with its unread count and e-mail preference.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "../platform/testing/app.ts";
import type { FixedClock } from "../platform/clock/index.ts";
import { escalateDueHelpRequests } from "../modules/help-requests/index.ts";
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

/** Monday 2 March 2026, 09:00 in Taipei: the acknowledge clock (1 working day) ends on Tuesday. */
const MONDAY_9AM = new Date("2026-03-02T01:00:00Z");

before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t?.close();
});

/** The page header (where the unread count is). */
function header(html: string): string {
  return html.slice(html.indexOf('<header class="site-header"'), html.indexOf("</header>"));
}

async function orgId(slug: string): Promise<string> {
  const res = await t.api<{ id: string }>("GET", `/api/v1/agencies/${slug}`);
  assert.equal(res.status, 200);
  return res.body.id;
}

/** Asks for help through the JSON API (the pages are tested for reading and acting on it). */
async function askByApi(email: string, title: string, target: { kind: string; id?: string }) {
  const res = await t.api("POST", "/api/v1/help-requests", {
    token: await t.tokenFor(email),
    body: { title, body: `${title}：請協助。`, target },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string; acknowledgeDueAt: string; respondDueAt: string };
}

/** Raises a matter through the form; returns its reference (from the redirect). */
async function raiseMatter(
  who: { cookie: string; csrf: string },
  title: string,
  fields: Record<string, string>,
) {
  const res = await post(
    "/matters",
    { _csrf: who.csrf, title, description: "由頁面提出。", visibility: "network", ...fields },
    { cookie: who.cookie },
  );
  assert.equal(res.status, 303, res.html.slice(0, 500));
  const m = /^\/matters\/(M-\d{4}-\d{4})\?done=created$/.exec(res.res.headers.get("location") ?? "");
  assert.ok(m, `redirected to the new matter: ${res.res.headers.get("location")}`);
  return m[1]!;
}

describe("my work", () => {
  test("a PO opens /work and sees a request addressed to their agency with its due date", async () => {
    clock().set(MONDAY_9AM);
    const asked = await askByApi("po-moea-lead@example.org", "請內政部 PO 協助跨部會會議", {
      kind: "agency-po",
      id: await orgId("moi"),
    });
    assert.equal(asked.acknowledgeDueAt, "2026-03-03T15:59:59.999Z");

    const po = await signIn("po-moi-lead@example.org");
    const en = await get("/work?lang=en", { cookie: po.cookie });
    assert.equal(en.status, 200);
    assertTranslated(en.html);
    const toMe = section(en.html, "to-me");
    assert.match(toMe, new RegExp(`href="/help-requests/${asked.id}"`));
    const toMeText = text(toMe);
    assert.match(toMeText, /請內政部 PO 協助跨部會會議/);
    assert.match(toMeText, /to the PO team of Ministry of the Interior/);
    assert.match(toMeText, /Acknowledge by 3 March 23:59\./, "the due date in Taipei time");
    assert.match(toMeText, /Respond by 9 March 23:59\./, "five working days");
    assert.match(toMe, /<time datetime="2026-03-03T15:59:59.999Z">/);

    const zh = await get("/work?lang=zh-TW", { cookie: po.cookie });
    assertTranslated(zh.html);
    assert.match(text(section(zh.html, "to-me")), /請於 3月3日 23:59 前回覆收到。/);

    // The requester sees it among the requests they made, with what is due (not what to do).
    const requester = await signIn("po-moea-lead@example.org");
    const mine = text(section((await get("/work?lang=en", { cookie: requester.cookie })).html, "mine"));
    assert.match(mine, /請內政部 PO 協助跨部會會議/);
    assert.match(mine, /Acknowledgement due by 3 March 23:59\./);
  });

  test("signed out, /work and /inbox send people to sign in and come back", async () => {
    const work = await get("/work");
    assert.equal(work.status, 303);
    assert.equal(decodeURIComponent(work.res.headers.get("location") ?? ""), "/sign-in?redirectTo=/work");
    const inbox = await get("/inbox");
    assert.equal(decodeURIComponent(inbox.res.headers.get("location") ?? ""), "/sign-in?redirectTo=/inbox");
  });

  test("the page shows no tallies, scores or rankings of people", async () => {
    const po = await signIn("po-moi-lead@example.org");
    const page = text((await get("/work?lang=en", { cookie: po.cookie })).html);
    assert.doesNotMatch(page, /\b(rank|ranking|score|leaderboard|KPI)\b/i);
    assert.match(page, /Nothing on this page counts, scores or ranks anyone\./);
  });
});

describe("help requests", () => {
  test("asked through the form, acknowledged and answered by the unit's staff; the requester sees the answer", async () => {
    clock().set(MONDAY_9AM);
    const requester = await signIn("po-moea-lead@example.org");
    const choose = await get("/help-requests/new?lang=en", { cookie: requester.cookie });
    assert.equal(choose.status, 200);
    assertTranslated(choose.html);
    assert.match(choose.html, /<form method="get" action="\/help-requests\/new"/);
    const form = await get("/help-requests/new?kind=unit&lang=en", { cookie: requester.cookie });
    assert.match(form.html, /<option value="moi-dept-civil-affairs"/);
    assert.match(text(form.html), /acknowledge within 1 working day and to answer within 5 working days/);
    assertTranslated(form.html);

    const missing = await post(
      "/help-requests",
      { _csrf: requester.csrf, targetKind: "unit", target: "", title: "戶籍資料欄位", body: "" },
      { cookie: requester.cookie },
    );
    assert.equal(missing.status, 400);
    assert.match(missing.html, /id="help-form-target-error"/);
    assert.match(missing.html, /id="help-form-body-error"/);

    const asked = await post(
      "/help-requests",
      {
        _csrf: requester.csrf,
        targetKind: "unit",
        target: "moi-dept-civil-affairs",
        title: "戶籍資料欄位",
        body: "需要民政司協助確認戶籍資料欄位。",
      },
      { cookie: requester.cookie },
    );
    assert.equal(asked.status, 303);
    const location = asked.res.headers.get("location") ?? "";
    const m = /^\/help-requests\/([0-9a-f-]{36})\?done=asked$/.exec(location);
    assert.ok(m, location);
    const id = m[1]!;

    const staff = await signIn("staff-moi-civil-affairs@example.org");
    const work = await get("/work?lang=en", { cookie: staff.cookie });
    assert.match(section(work.html, "to-me"), new RegExp(`href="/help-requests/${id}"`));
    const before = await get(`/help-requests/${id}?lang=en`, { cookie: staff.cookie });
    assert.equal(before.status, 200);
    assertTranslated(before.html);
    assert.match(before.html, /action="\/help-requests\/[^"]+\/acknowledge#acknowledge-form"/);
    assert.match(before.html, /action="\/help-requests\/[^"]+\/respond#respond-form"/);
    assert.doesNotMatch(before.html, /\/withdraw#/, "only the requester withdraws");
    assert.match(text(section(before.html, "clocks")), /Acknowledge by 3 March 23:59\./);

    const ack = await post(
      `/help-requests/${id}/acknowledge`,
      { _csrf: staff.csrf },
      { cookie: staff.cookie },
    );
    assert.equal(ack.status, 303);
    assert.equal(ack.res.headers.get("location"), `/help-requests/${id}?done=acknowledged`);
    const acked = await get(`/help-requests/${id}?lang=en&done=acknowledged`, { cookie: staff.cookie });
    assert.match(text(acked.html), /Acknowledged\. The requester has been told\./);
    assert.match(text(section(acked.html, "clocks")), /Acknowledged on 2 March 09:00\./);
    assert.doesNotMatch(acked.html, /\/acknowledge#/, "acknowledged once");

    const empty = await post(
      `/help-requests/${id}/respond`,
      { _csrf: staff.csrf, body: " " },
      { cookie: staff.cookie },
    );
    assert.equal(empty.status, 400);
    assert.match(empty.html, /id="respond-form-body-error"/);

    const answered = await post(
      `/help-requests/${id}/respond`,
      { _csrf: staff.csrf, body: "欄位說明已寄給您，請見附件清單。" },
      { cookie: staff.cookie },
    );
    assert.equal(answered.status, 303);

    const seen = await get(`/help-requests/${id}?lang=en`, { cookie: requester.cookie });
    assert.equal(seen.status, 200);
    const answer = text(section(seen.html, "answer"));
    assert.match(answer, /欄位說明已寄給您，請見附件清單。/);
    assert.match(answer, /Answered by 示範李建宏|Answered by Demo Li Chien-hung/);
    assert.match(text(seen.html), /Answered on 2 March 09:00\./);
    assert.match(
      seen.html,
      /action="\/help-requests\/[^"]+\/reopen#reopen-form"/,
      "the requester may reopen",
    );
    assert.doesNotMatch(seen.html, /\/respond#/);
    const history = text(section(seen.html, "history"));
    assert.match(history, /acknowledged the request/);
    assert.match(history, /answered/);

    const api = await t.api("GET", `/api/v1/help-requests/${id}`, {
      token: await t.tokenFor("po-moea-lead@example.org"),
    });
    assert.equal(api.body.state, "answered");

    // Not solved: the requester reopens it with a reason, and the response clock starts again.
    const reopened = await post(
      `/help-requests/${id}/reopen`,
      { _csrf: requester.csrf, reason: "還缺少欄位定義。" },
      { cookie: requester.cookie },
    );
    assert.equal(reopened.status, 303);
    const again = await get(`/help-requests/${id}?lang=en`, { cookie: requester.cookie });
    assert.match(text(section(again.html, "answer")), /The earlier answer/);
    assert.match(text(section(again.html, "clocks")), /Response due by 9 March 23:59\./);
    assert.match(text(section(again.html, "history")), /reopened the request: “還缺少欄位定義。”/);
    assert.match(again.html, /\/withdraw#withdraw-form/, "the requester may still withdraw");
  });

  test("a person without access gets 404 on someone else's help request; the public is asked to sign in", async () => {
    const asked = await askByApi("po-moea-lead@example.org", "只給民政司的求救", {
      kind: "unit",
      id: await orgId("moi-dept-civil-affairs"),
    });
    const other = await signIn("staff-moi-information@example.org");
    const page = await get(`/help-requests/${asked.id}`, { cookie: other.cookie });
    assert.equal(page.status, 404);
    assert.doesNotMatch(page.html, /只給民政司的求救/);
    const act = await post(
      `/help-requests/${asked.id}/acknowledge`,
      { _csrf: other.csrf },
      { cookie: other.cookie },
    );
    assert.equal(act.status, 404);
    assert.equal((await get("/help-requests/not-an-id", { cookie: other.cookie })).status, 404);

    const anonymous = await get(`/help-requests/${asked.id}`);
    assert.equal(anonymous.status, 303);
    assert.equal(
      decodeURIComponent(anonymous.res.headers.get("location") ?? ""),
      `/sign-in?redirectTo=/help-requests/${asked.id}`,
    );
  });
});

describe("matters", () => {
  const triageOf = async (ref: string) =>
    (await t.api("GET", `/api/v1/matters/${ref}`, { token: await t.tokenFor("po-moi-lead@example.org") }))
      .body.triage;

  test("a matter raised through the form explains its triage: one unit, two units of one agency, two agencies", async () => {
    const po = await signIn("po-moi-lead@example.org");
    const form = await get("/matters/new?lang=en", { cookie: po.cookie });
    assert.equal(form.status, 200);
    assertTranslated(form.html);
    assert.match(
      form.html,
      /<optgroup label="Ministry of the Interior"><option value="moi-dept-civil-affairs"/,
    );

    const one = await raiseMatter(po, "戶籍謄本線上申請", { "ownerUnit.1": "moi-dept-civil-affairs" });
    const onePage = await get(`/matters/${one}?lang=en&done=created`, { cookie: po.cookie });
    assert.equal(onePage.status, 200);
    assertTranslated(onePage.html);
    const oneTriage = text(section(onePage.html, "triage"));
    assert.match(oneTriage, /Exactly one unit owns it: it is that unit's job\./);
    assert.match(oneTriage, /It goes to Department of Civil Affairs, MOI \(Ministry of the Interior\)\./);
    assert.match(text(onePage.html), /The matter is raised and triaged\./);
    assert.equal((await triageOf(one)).route, "unit");

    const two = await raiseMatter(po, "村里資料與戶籍資料整合", {
      "ownerUnit.1": "moi-dept-civil-affairs",
      "ownerUnit.2": "moi-dept-household-registration",
    });
    const twoTriage = text(
      section((await get(`/matters/${two}?lang=en`, { cookie: po.cookie })).html, "triage"),
    );
    assert.match(twoTriage, /Several units of one agency own it: the agency's PO coordinates it\./);
    assert.match(twoTriage, /The PO of Ministry of the Interior coordinates it\./);
    assert.equal((await triageOf(two)).route, "po");

    const cross = await raiseMatter(po, "產業用地與戶政服務", {
      "ownerUnit.1": "moi-dept-civil-affairs",
      "ownerUnit.2": "moea-dept-industrial-technology",
    });
    const crossPage = await get(`/matters/${cross}?lang=en`, { cookie: po.cookie });
    const crossTriage = text(section(crossPage.html, "triage"));
    assert.match(crossTriage, /Two or more agencies are involved: a cross-agency case/);
    assert.match(crossTriage, /A cross-agency case led by Ministry of the Interior\./);
    assert.match(crossTriage, /Co-organisers: Ministry of Economic Affairs\./);
    assert.match(crossTriage, /Ministry of Economic Affairs Co-organiser/);
    assert.equal((await triageOf(cross)).route, "cross-agency");
    assert.match(
      text(section((await get(`/matters/${cross}`, { cookie: po.cookie })).html, "triage")),
      /涉及兩個以上機關：跨機關案件/,
      "the module's own words in Chinese",
    );

    // The matters the PO coordinates are on their work page (the single unit's is that unit's job).
    const work = section((await get("/work", { cookie: po.cookie })).html, "matters");
    assert.match(work, new RegExp(`href="/matters/${two}"`));
    assert.match(work, new RegExp(`href="/matters/${cross}"`));
  });

  test("a refusal without a proposed owner re-renders with the error next to that field; the ladder works through forms", async () => {
    const po = await signIn("po-moi-lead@example.org");
    const ref = await raiseMatter(po, "宮廟香客大樓管理", { "ownerUnit.1": "moi-dept-civil-affairs" });
    const staff = await signIn("staff-moi-civil-affairs@example.org");
    const page = await get(`/matters/${ref}?lang=en`, { cookie: staff.cookie });
    assert.match(page.html, /id="refusal-form"/, "the owner unit's staff may refuse");

    const missing = await post(
      `/matters/${ref}/refusals?lang=en`,
      {
        _csrf: staff.csrf,
        unitId: "moi-dept-civil-affairs",
        reason: "非本司業務。",
        proposedOwnerUnitId: "",
      },
      { cookie: staff.cookie },
    );
    assert.equal(missing.status, 400);
    assertTranslated(missing.html);
    assert.match(missing.html, /<details class="panel form-panel" id="refuse" open="">/);
    const field =
      /<div class="field field-invalid">\s*<label for="refusal-form-proposedOwnerUnitId">[\s\S]*?<\/select>/.exec(
        missing.html,
      );
    assert.ok(field, "the proposed-owner field is marked invalid");
    assert.match(
      field[0],
      /id="refusal-form-proposedOwnerUnitId-error"[^>]*>[\s\S]*Name the unit that should own the matter/,
    );
    assert.match(field[0], /aria-invalid="true"/);
    assert.match(field[0], /aria-describedby="[^"]*refusal-form-proposedOwnerUnitId-error"/);
    assert.match(missing.html, /href="#refusal-form-proposedOwnerUnitId"/, "the summary links to the field");
    assert.match(missing.html, /非本司業務。/, "what was typed is kept");

    const filed = await post(
      `/matters/${ref}/refusals`,
      {
        _csrf: staff.csrf,
        unitId: "moi-dept-civil-affairs",
        reason: "非本司業務。",
        proposedOwnerUnitId: "moi-dept-land-administration",
      },
      { cookie: staff.cookie },
    );
    assert.equal(filed.status, 303);

    // The coordinating PO decides; a reject can be contested by the unit, one level up (PDIS).
    const poPage = await get(`/matters/${ref}?lang=en`, { cookie: po.cookie });
    const refusals = section(poPage.html, "refusals");
    assert.match(text(refusals), /Waiting for a decision by the coordinating PO\./);
    const rid = /action="\/matters\/[^/]+\/refusals\/([0-9a-f-]{36})\/decide/.exec(refusals)?.[1];
    assert.ok(rid, "the PO sees the decide form");
    const rejected = await post(
      `/matters/${ref}/refusals/${rid}/decide`,
      { _csrf: po.csrf, decision: "reject", note: "仍屬民政業務。" },
      { cookie: po.cookie },
    );
    assert.equal(rejected.status, 303);
    const staffPage = await get(`/matters/${ref}?lang=en`, { cookie: staff.cookie });
    assert.match(text(section(staffPage.html, "refusals")), /Rejected by the coordinating PO\./);
    const contested = await post(
      `/matters/${ref}/refusals/${rid}/contest`,
      { _csrf: staff.csrf, reason: "請 PDIS 協助判斷。" },
      { cookie: staff.cookie },
    );
    assert.equal(contested.status, 303);
    const after = await get(`/matters/${ref}?lang=en`, { cookie: staff.cookie });
    assert.match(text(section(after.html, "refusals")), /Waiting for a decision by PDIS\./);
    const history = text(section(after.html, "history"));
    assert.match(
      history,
      /refused it for Department of Civil Affairs, MOI, proposing Department of Land Administration, MOI instead/,
    );
    assert.match(history, /contested the rejection for Department of Civil Affairs, MOI; it goes to PDIS/);
  });

  test("the working group, owners and close/reopen work through forms", async () => {
    const po = await signIn("po-moi-lead@example.org");
    const ref = await raiseMatter(po, "數位身分證溝通", {
      "ownerUnit.1": "moi-dept-civil-affairs",
      "ownerUnit.2": "moi-dept-household-registration",
    });
    const unknown = await post(
      `/matters/${ref}/members`,
      { _csrf: po.csrf, email: "nobody@example.net" },
      { cookie: po.cookie },
    );
    assert.equal(unknown.status, 400);
    assert.match(unknown.html, /id="member-form-email-error"/);
    const added = await post(
      `/matters/${ref}/members`,
      { _csrf: po.csrf, email: "po-moea-lead@example.org" },
      { cookie: po.cookie },
    );
    assert.equal(added.status, 303);
    const group = text(
      section((await get(`/matters/${ref}?lang=en`, { cookie: po.cookie })).html, "working-group"),
    );
    assert.match(group, /Demo Wu Chia-hao/);

    const owners = await post(
      `/matters/${ref}/owners`,
      {
        _csrf: po.csrf,
        "ownerUnit.1": "moi-dept-civil-affairs",
        "ownerUnit.2": "",
        "agency.1": "",
        leadAgency: "",
      },
      { cookie: po.cookie },
    );
    assert.equal(owners.status, 303);
    const changed = await get(`/matters/${ref}?lang=en`, { cookie: po.cookie });
    assert.match(text(section(changed.html, "triage")), /Exactly one unit owns it/);
    assert.match(
      text(section(changed.html, "history")),
      /changed the owning units to Department of Civil Affairs, MOI\./,
    );

    const closed = await post(
      `/matters/${ref}/close`,
      { _csrf: po.csrf, note: "已處理完畢。" },
      { cookie: po.cookie },
    );
    assert.equal(closed.status, 303);
    const closedPage = text((await get(`/matters/${ref}?lang=en`, { cookie: po.cookie })).html);
    assert.match(closedPage, /closed the matter\. Note: 已處理完畢。/);
    assert.match(closedPage, /The working group dissolved as the matter closed\./);
    const reopened = await post(`/matters/${ref}/reopen`, { _csrf: po.csrf }, { cookie: po.cookie });
    assert.equal(reopened.status, 303);
  });

  test("a network matter is hidden from the public, who are asked to sign in", async () => {
    const po = await signIn("po-moi-lead@example.org");
    const ref = await raiseMatter(po, "內部協調事項", { "ownerUnit.1": "moi-dept-civil-affairs" });
    const anonymous = await get(`/matters/${ref}`);
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.res.headers.get("location") ?? "", /^\/sign-in\?redirectTo=/);
    assert.equal((await get("/matters/M-2099-9999")).status, 303, "the same answer for no such matter");
  });
});

describe("inbox and escalation", () => {
  test("after escalateDueHelpRequests runs past the deadline, the inbox lists the escalation and the header counts it", async () => {
    clock().set(MONDAY_9AM);
    const asked = await askByApi("po-moea-lead@example.org", "逾時未回的求救", {
      kind: "unit",
      id: await orgId("moi-dept-civil-affairs"),
    });
    const po = await signIn("po-moi-lead@example.org");
    // Start from a clean inbox, so the count below is this escalation's.
    assert.equal((await post("/inbox/read", { _csrf: po.csrf }, { cookie: po.cookie })).status, 303);

    // Wednesday 4 March, 10:00 Taipei: the acknowledge clock (end of Tuesday) has lapsed.
    clock().set(new Date("2026-03-04T02:00:00Z"));
    const run = await escalateDueHelpRequests({
      db: t.db,
      clock: t.rt.clock,
      publicUrl: t.rt.config.publicUrl,
    });
    assert.ok(run.escalated >= 1);

    const inbox = await get("/inbox?lang=en", { cookie: po.cookie });
    assert.equal(inbox.status, 200);
    assertTranslated(inbox.html);
    const items = inbox.html.match(/<li class="inbox-item[^"]*"[\s\S]*?<\/li>/g) ?? [];
    const item = items.find((li) => li.includes(`href="/help-requests/${asked.id}"`));
    assert.ok(item, "the escalation is in the inbox, linking to the request");
    assert.match(item, /class="inbox-item unread"/);
    assert.match(text(item), /Unread Urgent/);
    assert.match(text(item), /No acknowledge in time; escalated to the target agency's POs: 逾時未回的求救/);
    assert.match(text(item), /4 Mar 2026, 10:00/);
    // The header's count is the inbox's (other lapsed requests of this file escalated too).
    const api = await t.api("GET", "/api/v1/me/notifications", {
      token: await t.tokenFor("po-moi-lead@example.org"),
    });
    assert.ok(api.body.unread >= 1);
    assert.match(
      header(inbox.html),
      new RegExp(`Inbox \\(${api.body.unread} unread\\)`),
      "the header shows the unread count",
    );
    assert.match(
      header((await get("/work", { cookie: po.cookie })).html),
      new RegExp(`收件匣（${api.body.unread} 則未讀）`),
    );
    assert.match(text(section(inbox.html, "email")), /Lapsed clocks are always e-mailed at once/);
    // Newest first.
    const times = [...inbox.html.matchAll(/<li class="inbox-item[\s\S]*?<time datetime="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    assert.deepEqual(times, [...times].sort().reverse());

    // The request page tells the escalation in a sentence.
    const page = await get(`/help-requests/${asked.id}?lang=en`, { cookie: po.cookie });
    const trail = text(section(page.html, "escalation"));
    assert.match(
      trail,
      /Escalated to the POs of Ministry of the Interior on 4 March 10:00: the acknowledgement was overdue\./,
    );

    // A second lapse goes to the supervising official, who hears of it in their inbox too.
    clock().set(new Date("2026-03-06T02:00:00Z"));
    await escalateDueHelpRequests({ db: t.db, clock: t.rt.clock, publicUrl: t.rt.config.publicUrl });
    const sup = await signIn("sup-moi@example.org");
    const supPage = await get(`/help-requests/${asked.id}?lang=en`, { cookie: sup.cookie });
    assert.match(
      text(section(supPage.html, "escalation")),
      /Escalated to the supervising official of Ministry of the Interior on 6 March 10:00/,
    );
    assert.match(
      text((await get("/inbox?lang=en", { cookie: sup.cookie })).html),
      /escalated to the target agency's supervising official/,
    );

    // Mark all read: the count leaves the header.
    const read = await post("/inbox/read", { _csrf: po.csrf }, { cookie: po.cookie });
    assert.equal(read.status, 303);
    const afterRead = await get("/inbox?lang=en&done=read", { cookie: po.cookie });
    assert.doesNotMatch(header(afterRead.html), /unread/);
    assert.match(header(afterRead.html), />Inbox</);
    assert.doesNotMatch(afterRead.html, /inbox-item unread/);
  });

  test("the e-mail preference is saved through the form", async () => {
    const me = await signIn("po-moea-planning@example.org");
    const page = await get("/inbox?lang=en", { cookie: me.cookie });
    assert.match(page.html, /name="email" value="daily" checked=""/, "daily digest by default");
    const bad = await post("/inbox/preference", { _csrf: me.csrf, email: "hourly" }, { cookie: me.cookie });
    assert.equal(bad.status, 400);
    assert.match(bad.html, /id="preference-form-email-error"/);
    const saved = await post(
      "/inbox/preference",
      { _csrf: me.csrf, email: "immediate" },
      { cookie: me.cookie },
    );
    assert.equal(saved.status, 303);
    assert.equal(saved.res.headers.get("location"), "/inbox?done=preference#email");
    const api = await t.api("GET", "/api/v1/me/notification-preference", {
      token: await t.tokenFor("po-moea-planning@example.org"),
    });
    assert.equal(api.body.email, "immediate");
    assert.match(
      (await get("/inbox", { cookie: me.cookie })).html,
      /name="email" value="immediate" checked=""/,
    );
  });

  test("a POST without _csrf is refused and changes nothing", async () => {
    const me = await signIn("po-moi-lead@example.org");
    const refused = await post("/inbox/preference", { email: "none" }, { cookie: me.cookie });
    assert.equal(refused.status, 403);
    const matter = await post(
      "/matters",
      { title: "沒有權杖的議題", visibility: "network", "ownerUnit.1": "moi-dept-civil-affairs" },
      { cookie: me.cookie },
    );
    assert.equal(matter.status, 403);
    const api = await t.api("GET", "/api/v1/me/notification-preference", {
      token: await t.tokenFor("po-moi-lead@example.org"),
    });
    assert.notEqual(api.body.email, "none");
    const list = await t.api("GET", "/api/v1/matters?limit=200", {
      token: await t.tokenFor("po-moi-lead@example.org"),
    });
    assert.ok(!list.body.items.some((m: { title: string }) => m.title === "沒有權杖的議題"));
  });
});
