import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { and, eq, sql } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { recentMail } from "../../platform/mail/outbox.ts";
import { hashSecret } from "../../platform/http/tokens.ts";
import { auditLog } from "../audit/index.ts";
import { findPersonByEmail } from "../directory/index.ts";
import { dueAfterWorkingDays } from "../calendar/index.ts";
import { runDueJobs } from "../../runtime.ts";
import { speeches, transcripts } from "./index.ts";
import { tokenCode } from "../search/index.ts";

// Fixtures written for these tests (not corpus text).
type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let pdis: string; // PDIS staff
let po: string; // a PO, not PDIS
const clock = () => t.rt.clock as FixedClock;

before(async () => {
  t = await createTestApp();
  pdis = await t.tokenFor("pdis-project-manager@example.org");
  po = await t.tokenFor("po-moi-lead@example.org");
});
after(() => t.close());

let seq = 0;
/** A typed-in draft with two speakers mapped to two e-mail addresses (unique per call). */
async function createTypedDraft(extra: Record<string, unknown> = {}) {
  const n = ++seq;
  const a = `王小明${n}`;
  const b = `李大華${n}`;
  const res = await t.api("POST", "/api/v1/transcript-drafts", {
    token: pdis,
    body: {
      title: `第${n}次協作會議`,
      date: "2026-03-20",
      kind: "collaborative",
      speeches: [
        { heading: "開場" },
        { speaker: a, text: "大家好，今天討論資料開放。" },
        { speaker: b, text: "我補充交通部的進度。" },
        { speaker: a, text: "第二段發言，關於共筆。" },
      ],
      participants: [
        { speaker: a, email: `speaker-a-${n}@example.com` },
        { speaker: b, email: `speaker-b-${n}@example.com` },
      ],
      ...extra,
    },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return {
    draft: res.body,
    a,
    b,
    emailA: `speaker-a-${n}@example.com`,
    emailB: `speaker-b-${n}@example.com`,
  };
}

/** The review token e-mailed most recently to an address. */
async function linkTokenFor(email: string): Promise<string> {
  const mail = (await recentMail(t.db, 200)).find((m) => m.to === email && m.text.includes("/review/"));
  assert.ok(mail, `a review link was mailed to ${email}`);
  const m = /http:\/\/po\.test\/review\/([A-Za-z0-9_-]+)/.exec(mail.text);
  assert.ok(m, "the mail holds the link");
  return m[1]!;
}

async function open(slug: string) {
  const res = await t.api("POST", `/api/v1/transcripts/${encodeURIComponent(slug)}/review/open`, {
    token: pdis,
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

const review = (token: string) => t.api("GET", `/api/v1/review/${token}`);
const publicGet = (slug: string, token?: string) =>
  t.api("GET", `/api/v1/transcripts/${encodeURIComponent(slug)}`, token ? { token } : {});

describe("review then publish: the acceptance scenario", () => {
  let slug: string;
  let tokenA: string;
  let tokenB: string;
  let speechA1: string;
  let speechA2: string;
  let speechB: string;
  let endsAt: string;
  let emails: string[];

  test("PDIS creates a draft; every row has version 1 and its search data; the public never sees it", async () => {
    // Wednesday 25 March 2026, 10:00 Taipei: the window runs across the Qingming holidays.
    clock().set(new Date("2026-03-25T02:00:00Z"));
    const { draft, a, b, emailA, emailB } = await createTypedDraft();
    slug = draft.slug;
    emails = [emailA, emailB];
    assert.equal(slug, "2026-03-20-第1次協作會議");
    assert.equal(draft.state, "draft");
    assert.match(draft.notice["zh-TW"], /共同編修/);
    assert.match(draft.notice.en, /never used to evaluate or punish/);
    assert.deepEqual(draft.unmappedSpeakers, []);
    assert.deepEqual(
      draft.participants.map((p: any) => [p.speaker.name, p.email]).sort(),
      [
        [a, emailA],
        [b, emailB],
      ].sort(),
    );
    assert.ok(draft.content.every((r: any) => r.version === 1));
    const speechRows = draft.content.filter((r: any) => r.kind === "speech");
    [speechA1, speechB, speechA2] = speechRows.map((r: any) => r.id);

    const rows = await t.db
      .select({
        kind: speeches.kind,
        v: speeches.searchText,
        date: speeches.date,
      })
      .from(speeches)
      .innerJoin(transcripts, eq(transcripts.id, speeches.transcriptId))
      .where(eq(transcripts.slug, slug));
    for (const r of rows) {
      assert.equal(r.date, "2026-03-20");
      if (r.kind === "heading") assert.equal(r.v, null);
      else assert.match((r.v ?? "").split("\u0001")[0]!, /协作/, "the title in the primary section");
    }

    assert.equal((await publicGet(slug)).status, 404, "not for the public");
    assert.equal((await publicGet(slug, po)).status, 404, "not for a PO either");
    assert.equal(
      (await t.api("GET", `/api/v1/transcripts/${encodeURIComponent(slug)}/review`, { token: po })).status,
      403,
    );
    const list = await t.api("GET", "/api/v1/transcript-drafts", { token: pdis });
    assert.ok(list.body.items.some((x: any) => x.slug === slug));
  });

  test("opening review: a 10-working-day window on the calendar and a personal link mailed to each speaker", async () => {
    const opened = await open(slug);
    assert.equal(opened.state, "in-review");
    // 26, 27, 30, 31 Mar, 1, 2 Apr, (3–6 Apr holidays), 7, 8, 9, 10 Apr: the end of Friday 10 April.
    assert.equal(opened.reviewEndsAt, "2026-04-10T15:59:59.999Z");
    const due = await dueAfterWorkingDays({ db: t.db, clock: t.rt.clock }, clock().now(), 10);
    assert.equal(opened.reviewEndsAt, due.date);
    endsAt = opened.reviewEndsAt;
    const emails = opened.participants.map((p: any) => p.email);
    tokenA = await linkTokenFor(emails.find((e: string) => e.startsWith("speaker-a"))!);
    tokenB = await linkTokenFor(emails.find((e: string) => e.startsWith("speaker-b"))!);
    assert.match(tokenA, /^[A-Za-z0-9_-]{43}$/, "32 random bytes, base64url");
    assert.notEqual(tokenA, tokenB);
    const mail = (await recentMail(t.db, 50)).find((m) => m.text.includes(tokenA))!;
    assert.match(mail.text, /2026-04-10 23:59/);
    assert.match(mail.text, /never used to evaluate or punish/);
    // Only digests are stored.
    const stored = await t.db.execute<{ token_digest: string }>(
      sql`select token_digest from transcript_review_participants where token_digest is not null`,
    );
    const digests = stored.rows.map((r) => r.token_digest);
    assert.ok(digests.includes(hashSecret(tokenA, t.rt.config.sessionSecret)));
    assert.ok(!digests.includes(tokenA));
    assert.equal((await publicGet(slug)).status, 404, "still not public in review");
  });

  test("through the link a speaker sees the whole draft, their own speeches marked", async () => {
    const r = await review(tokenA);
    assert.equal(r.status, 200);
    assert.equal(r.body.readOnly, false);
    assert.match(r.body.notice.en, /edited together/);
    assert.equal(r.body.content.length, 4);
    assert.deepEqual(
      r.body.content.filter((x: any) => x.mine).map((x: any) => x.id),
      [speechA1, speechA2],
    );
    assert.deepEqual(r.body.progress, { done: 0, total: 2 });
    assert.ok(!JSON.stringify(r.body).includes("@example.com"), "no contacts of others");
  });

  test("A edits their own speech (version 2, search data follows); B's speech is refused with 403", async () => {
    const ok = await t.api("PUT", `/api/v1/review/${tokenA}/speeches/${speechA1}`, {
      body: { text: "大家好，今天討論開放資料與共筆。\r\n\r\n\r\n第二段補充。" },
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.version, 2);
    assert.equal(ok.body.text, "大家好，今天討論開放資料與共筆。\n\n第二段補充。");
    const [row] = await t.db
      .select({ v: speeches.searchText, codes: speeches.searchCodes })
      .from(speeches)
      .where(eq(speeches.id, speechA1));
    assert.match(row!.v!.split("\u0001")[1]!, /补充/);
    assert.ok(row!.codes!.includes(tokenCode("补充")), "the new text's codes are stored");

    const theirs = await t.api("PUT", `/api/v1/review/${tokenA}/speeches/${speechB}`, {
      body: { text: "改掉" },
    });
    assert.equal(theirs.status, 403);
    assert.equal(theirs.body.error.code, "not_your_speech");
    for (const [method, path] of [
      ["POST", `/api/v1/review/${tokenA}/speeches/${speechB}/pseudonymise`],
      ["DELETE", `/api/v1/review/${tokenA}/speeches/${speechB}`],
    ] as const) {
      const r = await t.api(method, path);
      assert.equal(r.status, 403, path);
      assert.equal(r.body.error.code, "not_your_speech");
    }
    const empty = await t.api("PUT", `/api/v1/review/${tokenA}/speeches/${speechA1}`, {
      body: { text: "  " },
    });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.field, "text");
    const forged = await t.api("PUT", `/api/v1/review/${tokenA}/speeches/${speechA1}`, {
      body: { text: "好\n### 別人：\n假的" },
    });
    assert.equal(forged.status, 400);
    assert.equal(forged.body.error.field, "text");
  });

  test("A pseudonymises one speech and deletes the other; both remain theirs", async () => {
    const p = await t.api("POST", `/api/v1/review/${tokenA}/speeches/${speechA1}/pseudonymise`);
    assert.equal(p.status, 200, JSON.stringify(p.body));
    assert.equal(p.body.speaker, "與會者 A");
    assert.equal(p.body.version, 3);
    const again = await t.api("POST", `/api/v1/review/${tokenA}/speeches/${speechA1}/pseudonymise`);
    assert.equal(again.body.version, 3, "repeating changes nothing");
    const view = await review(tokenA);
    const s1 = view.body.content.find((x: any) => x.id === speechA1);
    assert.equal(s1.speaker, "與會者 A");
    assert.equal(s1.mine, true, "a pseudonymised speech stays its speaker's");
    assert.equal(view.body.you.pseudonym, "與會者 A");
    const [row] = await t.db
      .select({ v: speeches.searchText, codes: speeches.searchCodes })
      .from(speeches)
      .where(eq(speeches.id, speechA1));
    assert.match(row!.v!.split("\u0001")[0]!, /与会者 a/, "the pseudonym is searchable, not the name");
    assert.doesNotMatch(row!.v!, /小明/);
    assert.ok(!row!.codes!.includes(tokenCode("小明")));
    const edit = await t.api("PUT", `/api/v1/review/${tokenA}/speeches/${speechA1}`, {
      body: { text: "匿名後再改。" },
    });
    assert.equal(edit.status, 200);
    assert.equal(edit.body.version, 4);

    const del = await t.api("DELETE", `/api/v1/review/${tokenA}/speeches/${speechA2}`);
    assert.equal(del.status, 200);
    assert.equal(del.body.deleted, true);
    assert.equal(del.body.version, 2);
    const after = await review(tokenA);
    assert.ok(!after.body.content.some((x: any) => x.id === speechA2));
    const missing = await t.api("DELETE", `/api/v1/review/${tokenA}/speeches/${speechA2}`);
    assert.equal(missing.status, 404);

    // B's pseudonym takes the next letter.
    const pb = await t.api("POST", `/api/v1/review/${tokenB}/speeches/${speechB}/pseudonymise`);
    assert.equal(pb.body.speaker, "與會者 B");
  });

  test("PDIS lists versions and restores any of them, including a deleted speech", async () => {
    const base = `/api/v1/transcripts/${encodeURIComponent(slug)}/speeches`;
    const versions = await t.api("GET", `${base}/${speechA1}/versions`, { token: pdis });
    assert.equal(versions.status, 200);
    assert.deepEqual(
      versions.body.items.map((v: any) => v.action),
      ["create", "edit", "pseudonymise", "edit"],
    );
    assert.equal(versions.body.items[1].by.kind, "participant");
    assert.equal((await t.api("GET", `${base}/${speechA1}/versions`, { token: po })).status, 403);

    const restored = await t.api("POST", `${base}/${speechA1}/versions/2/restore`, { token: pdis });
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    assert.equal(restored.body.version, 5);
    assert.equal(restored.body.text, "大家好，今天討論開放資料與共筆。\n\n第二段補充。");
    assert.match(restored.body.speaker, /^王小明/);

    const draft = await t.api("GET", `/api/v1/transcripts/${encodeURIComponent(slug)}/review`, {
      token: pdis,
    });
    assert.deepEqual(
      draft.body.deleted.map((d: any) => d.id),
      [speechA2],
    );
    const back = await t.api("POST", `${base}/${speechA2}/versions/1/restore`, { token: pdis });
    assert.equal(back.status, 200);
    assert.equal(back.body.version, 3);
    const view = await review(tokenA);
    assert.ok(view.body.content.some((x: any) => x.id === speechA2 && x.mine));
    assert.equal(
      (await t.api("POST", `${base}/${speechA1}/versions/99/restore`, { token: pdis })).status,
      404,
    );
  });

  test("jobs run-due: before the window's end it stays in review; after, it publishes, once", async () => {
    clock().set(new Date(new Date(endsAt).getTime() - 60_000));
    const early = await runDueJobs(t.rt);
    assert.deepEqual(early.transcripts, { published: 0, batches: 0 });
    assert.equal((await publicGet(slug)).status, 404);

    clock().set(new Date(new Date(endsAt).getTime() + 1));
    const due = await runDueJobs(t.rt);
    assert.equal((due.transcripts as any).published, 1);
    const again = await runDueJobs(t.rt);
    assert.equal((again.transcripts as any).published, 0, "idempotent");

    const pub = await publicGet(slug);
    assert.equal(pub.status, 200);
    assert.equal(pub.body.state, "published");
    const all = pub.body.sections.flatMap((s: any) => s.speeches);
    assert.ok(all.some((s: any) => s.speaker?.name === "與會者 B"));
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "transcript.publish")));
    assert.equal(audits.filter((a) => (a.after as any).reason === "window-closed").length, 1);
    // Every speaker hears of it once: those known by address only, by e-mail with the public link.
    const told = (await recentMail(t.db, 500)).filter(
      (m) =>
        m.subject.includes("Transcript published") &&
        m.text.includes(`/transcripts/${encodeURIComponent(slug)}`),
    );
    assert.deepEqual(told.map((m) => m.to).sort(), [...emails].sort());
  });

  test("after publication the link is read-only: reads 200, writes 409", async () => {
    const r = await review(tokenA);
    assert.equal(r.status, 200);
    assert.equal(r.body.readOnly, true);
    const w = await t.api("PUT", `/api/v1/review/${tokenA}/speeches/${speechA1}`, {
      body: { text: "太晚了" },
    });
    assert.equal(w.status, 409);
    assert.equal(w.body.error.code, "review_closed");
    assert.equal((await t.api("POST", `/api/v1/review/${tokenA}/done`)).status, 409);
    const restore = await t.api(
      "POST",
      `/api/v1/transcripts/${encodeURIComponent(slug)}/speeches/${speechA1}/versions/1/restore`,
      { token: pdis },
    );
    assert.equal(restore.status, 409);
  });
});

describe("early publication and prep meetings", () => {
  test("a Markdown upload publishes at once when both speakers mark done", async () => {
    clock().set(new Date("2026-05-04T02:00:00Z"));
    const md = `# 2026-05-01 開放政府 PO 工作會議\n\n### 張三：\n\n第一段。\n\n> （投影片）\n\n### 李四：\n\n第二段。\n`;
    const res = await t.api("POST", "/api/v1/transcript-drafts", {
      token: pdis,
      body: { source: { fileName: "2026-05-01-po-working-meeting.md", text: md } },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.slug, "2026-05-01-po-working-meeting");
    assert.equal(res.body.kind, "working");
    assert.deepEqual(res.body.unmappedSpeakers, ["張三", "李四"]);
    const slug = res.body.slug;
    const unmapped = await t.api("POST", `/api/v1/transcripts/${slug}/review/open`, { token: pdis });
    assert.equal(unmapped.status, 409);
    assert.equal(unmapped.body.error.code, "speakers_unmapped");
    assert.match(unmapped.body.error.message, /張三, 李四/);
    const personId = (await findPersonByEmail(t.db, "po-moea-lead@example.org"))!.id;
    const mapped = await t.api("PUT", `/api/v1/transcripts/${slug}/review/participants`, {
      token: pdis,
      body: {
        participants: [
          { speaker: "張三", personId },
          { speaker: "李四", email: "li-si@example.com" },
        ],
      },
    });
    assert.equal(mapped.status, 200, JSON.stringify(mapped.body));
    assert.deepEqual(mapped.body.unmappedSpeakers, []);
    await open(slug);
    const a = await linkTokenFor("po-moea-lead@example.org");
    const b = await linkTokenFor("li-si@example.com");
    const first = await t.api("POST", `/api/v1/review/${a}/done`);
    assert.equal(first.status, 200);
    assert.equal(first.body.published, false);
    assert.equal((await publicGet(slug)).status, 404);
    const second = await t.api("POST", `/api/v1/review/${b}/done`);
    assert.equal(second.body.published, true);
    const pub = await publicGet(slug);
    assert.equal(pub.status, 200);
    assert.equal(pub.body.state, "published");
  });

  test("a prep-meeting transcript publishes only once its collaborative meeting has passed", async () => {
    clock().set(new Date("2026-05-04T02:00:00Z"));
    const { draft, emailA, emailB } = await createTypedDraft({ kind: "prep", title: "會前會紀錄" });
    const slug = draft.slug;
    const opened = await open(slug);
    const windowEnd = new Date(opened.reviewEndsAt);
    const meeting = new Date(windowEnd.getTime() + 3 * 86_400_000);
    const patched = await t.api("PATCH", `/api/v1/transcripts/${encodeURIComponent(slug)}`, {
      token: pdis,
      body: { publishNotBefore: meeting.toISOString() },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(patched.body.publishNotBefore, meeting.toISOString());
    // Everyone done early: still waits for the meeting.
    for (const e of [emailA, emailB]) {
      const r = await t.api("POST", `/api/v1/review/${await linkTokenFor(e)}/done`);
      assert.equal(r.body.published, false);
    }
    clock().set(new Date(windowEnd.getTime() + 1000));
    await runDueJobs(t.rt);
    assert.equal((await publicGet(slug)).status, 404, "the window closed but the meeting is ahead");
    clock().set(new Date(meeting.getTime() + 1000));
    const run = await runDueJobs(t.rt);
    assert.equal((run.transcripts as any).published, 1);
    assert.equal((await publicGet(slug)).status, 200);
  });
});

describe("errors and links", () => {
  test("bad input is a 400 naming the field; roles are checked", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ date: "2026-03-20", speeches: [{ speaker: "甲", text: "x" }] }, "title"],
      [{ title: "x", date: "2026-02-30", speeches: [{ speaker: "甲", text: "x" }] }, "date"],
      [{ title: "x", date: "2026-03-20", speeches: [{ text: "x" }] }, "speeches.0.speaker"],
      [{ title: "x", date: "2026-03-20", speeches: [{ speaker: "甲", text: "" }] }, "speeches.0.text"],
      [{ title: "x", date: "2026-03-20", speeches: [{ heading: "only" }] }, "speeches"],
      [
        {
          title: "x",
          date: "2026-03-20",
          speeches: [{ speaker: "甲", text: "x" }],
          participants: [{ speaker: "甲", email: "not-an-address" }],
        },
        "participants.0.email",
      ],
      [
        {
          title: "x",
          date: "2026-03-20",
          speeches: [{ speaker: "甲", text: "x" }],
          participants: [{ speaker: "乙", email: "b@example.com" }],
        },
        "participants.0.speaker",
      ],
      [{ title: "x" }, "source"],
      [{ source: { text: "no title here" } }, "source.text"],
      [{ title: "x", date: "2026-03-20", kind: "party", speeches: [{ speaker: "甲", text: "x" }] }, "kind"],
    ];
    for (const [body, field] of cases) {
      const r = await t.api("POST", "/api/v1/transcript-drafts", { token: pdis, body });
      assert.equal(r.status, 400, `${field}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.field, field, JSON.stringify(r.body));
    }
    const ok = { title: "權限", date: "2026-03-20", speeches: [{ speaker: "甲", text: "x" }] };
    assert.equal((await t.api("POST", "/api/v1/transcript-drafts", { body: ok })).status, 401);
    assert.equal((await t.api("POST", "/api/v1/transcript-drafts", { token: po, body: ok })).status, 403);
    const first = await t.api("POST", "/api/v1/transcript-drafts", {
      token: pdis,
      body: { ...ok, slug: "dup-slug" },
    });
    assert.equal(first.status, 201);
    const dup = await t.api("POST", "/api/v1/transcript-drafts", {
      token: pdis,
      body: { ...ok, slug: "dup-slug" },
    });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, "slug_taken");
    const auto = await t.api("POST", "/api/v1/transcript-drafts", { token: pdis, body: ok });
    const auto2 = await t.api("POST", "/api/v1/transcript-drafts", { token: pdis, body: ok });
    assert.equal(auto2.body.slug, `${auto.body.slug}-2`, "a derived slug is made unique");
    const patch = await t.api("PATCH", "/api/v1/transcripts/dup-slug", {
      token: pdis,
      body: { publishNotBefore: "tomorrow" },
    });
    assert.equal(patch.status, 400);
    assert.equal(patch.body.error.field, "publishNotBefore");
  });

  test("an invalid token is 404 whether it never existed or was replaced; re-sending replaces it", async () => {
    clock().set(new Date("2026-06-01T02:00:00Z"));
    assert.equal((await review("x".repeat(43))).status, 404);
    assert.equal(
      (await t.api("PUT", `/api/v1/review/${"y".repeat(43)}/speeches/x`, { body: { text: "a" } })).status,
      404,
    );
    assert.equal((await t.api("POST", `/api/v1/review/short/done`)).status, 404);
    const { draft, emailA } = await createTypedDraft();
    const opened = await open(draft.slug);
    assert.equal(
      (
        await t.api("POST", `/api/v1/transcripts/${encodeURIComponent(draft.slug)}/review/open`, {
          token: pdis,
        })
      ).status,
      409,
      "open twice",
    );
    const old = await linkTokenFor(emailA);
    assert.equal((await review(old)).status, 200);
    const participant = opened.participants.find((p: any) => p.email === emailA);
    clock().advance(1000);
    const resent = await t.api(
      "POST",
      `/api/v1/transcripts/${encodeURIComponent(draft.slug)}/review/participants/${participant.id}/resend`,
      { token: pdis },
    );
    assert.equal(resent.status, 200);
    const fresh = await linkTokenFor(emailA);
    assert.notEqual(fresh, old);
    assert.equal((await review(old)).status, 404);
    assert.equal((await review(fresh)).status, 200);
  });

  test("too many failed look-ups from one client get 429", async () => {
    clock().set(new Date("2026-07-01T02:00:00Z"));
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await review(`bad-token-${i}-${"z".repeat(30)}`)).status;
    assert.equal(last, 429);
    clock().advance(16 * 60_000);
    assert.equal((await review("z".repeat(43))).status, 404, "the limit lifts after the window");
  });
});

describe("command line", () => {
  test("po-network jobs run-due --now publishes a transcript whose window has closed", async () => {
    if (process.env.TEST_DATABASE_URL) return; // the CLI child opens the embedded directory
    clock().set(new Date("2026-08-03T02:00:00Z"));
    await runDueJobs(t.rt); // publish what earlier tests left in review
    const { draft } = await createTypedDraft();
    const opened = await open(draft.slug);
    // Free the embedded directory for the CLI process (the test app's close removes it later).
    await t.rt.database.close();
    const run = (now: string) =>
      spawnSync(process.execPath, ["bin/po-network.js", "jobs", "run-due", "--now", now], {
        env: { ...process.env, DATA_DIR: t.rt.config.dataDir, LOG_LEVEL: "silent" },
        encoding: "utf8",
      });
    const before = run(new Date(new Date(opened.reviewEndsAt).getTime() - 1000).toISOString());
    assert.equal(before.status, 0, before.stderr);
    assert.equal(JSON.parse(before.stdout).transcripts.published, 0);
    const afterEnd = new Date(new Date(opened.reviewEndsAt).getTime() + 1000).toISOString();
    const due = run(afterEnd);
    assert.equal(due.status, 0, due.stderr);
    assert.equal(JSON.parse(due.stdout).transcripts.published, 1);
    assert.equal(JSON.parse(run(afterEnd).stdout).transcripts.published, 0);
  });
});
