import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { eq, inArray, like } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import { publicActor, systemActor } from "../directory/index.ts";
import { auditLog } from "../audit/index.ts";
import { importTranscriptFiles, importTranscriptLinks, speeches, transcripts } from "./index.ts";
import { transcriptRedirects } from "./tables.ts";

// Fixtures written for these tests (not corpus text): seven dated transcripts and one undated.
const fx = (slug: string, title: string, body: string) => ({
  name: `fixtures/${slug}.md`,
  text: `# ${title}\n\n${body}`,
});
const files = [
  fx(
    "2026-01-05-測試-開放政府-PO-第1次月會",
    "2026-01-05 測試 開放政府 PO 第1次月會",
    "## 開場\n\n### 測試主持人：\n\n月會開始。\n\n（笑）\n\n### 測試甲：\n\n第一段。\n\n第二段。\n\n### 測試主持人：\n\n謝謝。\n",
  ),
  fx(
    "2026-02-02-測試-開放政府-PO-第2次月會",
    "2026-02-02 測試 開放政府 PO 第2次月會",
    "### 測試主持人：\n\n第二次月會。\n\n### 測試甲：\n\n進度更新。\n",
  ),
  fx(
    "2026-02-20-測試-協作會議",
    "2026-02-20 測試 開放政府聯絡人協作會議",
    "### 測試主持人：\n\n協作會議開始。\n\n### 測試乙：\n\n我有一個問題。\n",
  ),
  fx(
    "2026-02-20-Test-Collaborative-Meeting",
    "2026-02-20 Test collaborative meeting",
    "### Test Host:\n\nThe collaborative meeting begins.\n\n### Test B:\n\nI have a question.\n",
  ),
  fx(
    "2025-12-01-Interview-with-a-Tester",
    "2025-12-01 Interview with a Tester",
    "### Tester:\n\nThank you for having me.\n\n### 測試甲:\n\nWelcome.\n",
  ),
  fx("2025-06-15-測試-演講", "2025-06-15 測試 演講", "### 測試甲：\n\n各位好，這是一場演講。\n"),
  fx(
    "2024-03-03-測試-草稿會議",
    "2024-03-03 測試 草稿會議",
    "### 只在草稿的講者：\n\n這段話還沒公開。\n\n### 測試甲：\n\n草稿裡的發言。\n",
  ),
  fx("測試-沒有日期的專欄", "測試 沒有日期的專欄", "一段沒有講者的文字。\n"),
];
const slugs = files.map((f) => f.name.slice("fixtures/".length, -3));
const [monthly1, monthly2, collab, collabEn, interview, talk, draft, undated] = slugs as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
const deps = () => ({ db: t.db, clock: t.rt.clock });
const q = (path: string, params: Record<string, string | number> = {}) => {
  const s = new URLSearchParams(
    Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  return s ? `${path}?${s}` : path;
};

before(async () => {
  t = await createTestApp();
  const r = await importTranscriptFiles(deps(), systemActor, files);
  assert.equal(r.skipped.length, 0, JSON.stringify(r.skipped));
  await t.db.update(transcripts).set({ state: "draft" }).where(eq(transcripts.slug, draft));
});
after(async () => {
  await t.close();
});

/** Every item of the archive list, following `next`. */
async function allPages(params: Record<string, string | number>) {
  const out: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: { status: number; body: any } = await t.api(
      "GET",
      q("/api/v1/transcripts", { ...params, ...(cursor ? { cursor } : {}) }),
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    out.push(...res.body.items);
    cursor = res.body.next;
    pages++;
  } while (cursor && pages < 20);
  return { items: out, pages };
}

describe("GET /api/v1/transcripts", () => {
  test("lists published transcripts newest first, undated last, with their page URL", async () => {
    const res = await t.api("GET", "/api/v1/transcripts");
    assert.equal(res.status, 200);
    const got = res.body.items.map((i: any) => i.slug);
    assert.deepEqual(got.slice(0, 2).sort(), [collab, collabEn].sort(), "the two 2026-02-20 records first");
    assert.deepEqual(got.slice(2), [monthly2, monthly1, interview, talk, undated]);
    assert.equal(res.body.next, null);
    const first = res.body.items.find((i: any) => i.slug === monthly1);
    assert.deepEqual(first, {
      slug: monthly1,
      title: "測試 開放政府 PO 第1次月會",
      date: "2026-01-05",
      kind: "monthly",
      language: "zh-TW",
      url: `http://po.test/transcripts/${encodeURIComponent(monthly1)}`,
    });
  });

  test("keyset pages give every published transcript once, in the same order", async () => {
    const whole = (await t.api("GET", "/api/v1/transcripts")).body.items.map((i: any) => i.slug);
    for (const limit of [1, 2, 3]) {
      const { items, pages } = await allPages({ limit });
      assert.deepEqual(
        items.map((i) => i.slug),
        whole,
        `limit ${limit}`,
      );
      assert.equal(pages, Math.ceil(whole.length / limit));
    }
    const first = await t.api("GET", q("/api/v1/transcripts", { limit: 2 }));
    assert.match(first.body.next, /^[A-Za-z0-9_-]+$/, "the cursor is opaque base64url");
  });

  test("filters by kind, language and dates", async () => {
    const slugsOf = async (params: Record<string, string>) =>
      (await allPages(params)).items.map((i) => i.slug as string);
    assert.deepEqual(await slugsOf({ kind: "monthly" }), [monthly2, monthly1]);
    assert.deepEqual((await slugsOf({ language: "en" })).sort(), [collabEn, interview].sort());
    assert.deepEqual(await slugsOf({ kind: "collaborative", language: "en" }), [collabEn]);
    assert.deepEqual(await slugsOf({ from: "2025-01-01", to: "2025-12-31" }), [interview, talk]);
    assert.deepEqual(await slugsOf({ from: "2026-02-01", kind: "monthly" }), [monthly2]);
    assert.deepEqual(await slugsOf({ to: "2025-06-15" }), [talk], "inclusive; undated left out");
    // Paging keeps the filters.
    const { items } = await allPages({ language: "zh-TW", limit: 1 });
    assert.ok(items.every((i) => i.language === "zh-TW"));
    assert.equal(items.length, 5);
  });

  test("bad query values are 400 naming the field", async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ kind: "bogus" }, "kind"],
      [{ language: "fr" }, "language"],
      [{ from: "2026-13-01" }, "from"],
      [{ to: "yesterday" }, "to"],
      [{ limit: "0" }, "limit"],
      [{ cursor: "not-a-cursor" }, "cursor"],
      [{ cursor: Buffer.from('["2026-01-01","x"]').toString("base64url") }, "cursor"],
      [{ from: "2026-02-01", to: "2026-01-01" }, "to"],
    ];
    for (const [params, field] of cases) {
      const res = await t.api("GET", q("/api/v1/transcripts", params));
      assert.equal(res.status, 400, JSON.stringify(params));
      assert.equal(res.body.error.code, "invalid_input");
      assert.equal(res.body.error.field, field, JSON.stringify(params));
    }
  });
});

describe("speakers and speeches", () => {
  test("GET /speakers/{slug}: the speaker's published speeches, newest first, keyset-paged", async () => {
    const res = await t.api("GET", `/api/v1/speakers/${encodeURIComponent("測試甲")}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.name, "測試甲");
    assert.equal(res.body.url, `http://po.test/speakers/${encodeURIComponent("測試甲")}`);
    assert.equal(res.body.person, null);
    const texts = res.body.speeches.items.map((s: any) => s.text);
    assert.deepEqual(texts, ["進度更新。", "第一段。\n\n第二段。", "Welcome.", "各位好，這是一場演講。"]);
    assert.ok(!texts.includes("草稿裡的發言。"), "speeches in a draft stay out");
    const s0 = res.body.speeches.items[0];
    assert.equal(s0.url, `http://po.test/speeches/${s0.id}`);
    assert.equal(s0.transcript.slug, monthly2);
    assert.equal(res.body.speeches.next, null);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await t.api(
        "GET",
        q(`/api/v1/speakers/${encodeURIComponent("測試甲")}`, { limit: 1, ...(cursor ? { cursor } : {}) }),
      );
      assert.equal(page.status, 200);
      seen.push(...page.body.speeches.items.map((s: any) => s.text));
      cursor = page.body.speeches.next;
    } while (cursor);
    assert.deepEqual(seen, texts);
  });

  test("speakers in reading order within one transcript, an unknown or draft-only speaker is 404", async () => {
    const host = await t.api("GET", `/api/v1/speakers/${encodeURIComponent("測試主持人")}`);
    assert.deepEqual(
      host.body.speeches.items.map((s: any) => s.text),
      ["協作會議開始。", "第二次月會。", "月會開始。", "謝謝。"],
    );
    assert.equal((await t.api("GET", "/api/v1/speakers/nobody")).status, 404);
    assert.equal(
      (await t.api("GET", `/api/v1/speakers/${encodeURIComponent("只在草稿的講者")}`)).status,
      404,
      "a speaker who speaks only in a draft is not public",
    );
    const bad = await t.api("GET", q(`/api/v1/speakers/${encodeURIComponent("測試甲")}`, { cursor: "xyz" }));
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, "cursor");
  });

  test("GET /speeches/{id}: the speech, its speaker, transcript and neighbours", async () => {
    const doc = await t.api("GET", `/api/v1/transcripts/${encodeURIComponent(monthly1)}`);
    const items = doc.body.sections.flatMap((s: any) => s.speeches);
    const spoken = items.filter((s: any) => s.kind === "speech");
    assert.equal(spoken.length, 3);
    const res = await t.api("GET", `/api/v1/speeches/${spoken[1].id}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.text, "第一段。\n\n第二段。");
    assert.deepEqual(res.body.speaker, {
      name: "測試甲",
      slug: "測試甲",
      url: `http://po.test/speakers/${encodeURIComponent("測試甲")}`,
    });
    assert.equal(res.body.transcript.slug, monthly1);
    assert.equal(res.body.transcript.kind, "monthly");
    assert.equal(res.body.url, `http://po.test/speeches/${spoken[1].id}`);
    assert.equal(res.body.previous, spoken[0].id, "the note between them is skipped");
    assert.equal(res.body.next, spoken[2].id);
    const firstOne = await t.api("GET", `/api/v1/speeches/${spoken[0].id}`);
    assert.equal(firstOne.body.previous, null);
    const note = items.find((s: any) => s.kind === "narrative");
    assert.equal((await t.api("GET", `/api/v1/speeches/${note.id}`)).status, 404, "notes have no permalink");
    assert.equal((await t.api("GET", "/api/v1/speeches/00000000-0000-4000-8000-000000000000")).status, 404);
    const bad = await t.api("GET", "/api/v1/speeches/not-a-uuid");
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, "id");
  });

  test("nothing of a draft is public: not listed, no speech, no page, no feed entry", async () => {
    const list = (await allPages({})).items.map((i) => i.slug);
    assert.ok(!list.includes(draft));
    const [row] = await t.db.select().from(transcripts).where(eq(transcripts.slug, draft));
    const rows = await t.db.select().from(speeches).where(eq(speeches.transcriptId, row!.id));
    for (const s of rows) assert.equal((await t.api("GET", `/api/v1/speeches/${s.id}`)).status, 404);
    assert.equal((await t.api("GET", `/api/v1/transcripts/${encodeURIComponent(draft)}`)).status, 404);
    const feed = await (await t.app.request("/transcripts/feed.atom")).text();
    assert.ok(!feed.includes(encodeURIComponent(draft)) && !feed.includes("草稿會議"));
    const speakerFeed = await (
      await t.app.request(`/speakers/${encodeURIComponent("測試甲")}/feed.atom`)
    ).text();
    assert.ok(!speakerFeed.includes("草稿裡的發言"));
  });
});

describe("importTranscriptLinks", () => {
  const alternates = {
    name: "links/alternates.tsv",
    text: [
      "# Alternate-language pairs (tab-separated).",
      `${collab}.md\t${collabEn}.md`,
      "",
      "only-one-column.md",
      `${monthly1}.md\t${monthly1}.md`,
      `a.md\tb.md\tc.md`,
      "   ",
    ].join("\n"),
  };
  const redirects = {
    name: "links/redirects.tsv",
    text: [
      "# old<TAB>new, without .md",
      `2026-01-05-測試-舊名稱\t${monthly1}`,
      `2026-01-05-更舊的名稱\t2026-01-05-測試-舊名稱`,
      `${monthly2}\t${monthly1}`,
      `2026-01-05-測試-舊名稱\t${monthly2}`,
      `loop-a\tloop-b`,
      `loop-b\tloop-a`,
      `2099-01-01-not-yet\t2099-01-01-later`,
    ].join("\r\n"),
  };

  test("imports good lines and reports bad ones as file:line without aborting", async () => {
    const r = await importTranscriptLinks(deps(), systemActor, [alternates, redirects]);
    assert.deepEqual(r.alternates, { created: 1, unchanged: 0 });
    assert.deepEqual(r.redirects, { created: 4, updated: 0, unchanged: 0 });
    assert.deepEqual(
      r.skipped.map((p) => `${p.file}:${p.line}`),
      [
        "links/alternates.tsv:4",
        "links/alternates.tsv:5",
        "links/alternates.tsv:6",
        "links/redirects.tsv:5",
        "links/redirects.tsv:7",
      ],
    );
    assert.match(r.skipped[0]!.message, /expected 2 tab-separated columns, found 1/);
    assert.match(r.skipped[1]!.message, /to itself/);
    assert.match(r.skipped[3]!.message, /already on line 2/);
    assert.match(r.skipped[4]!.message, /loop/);
    assert.deepEqual(
      r.ignored.map((p) => `${p.file}:${p.line}`),
      ["links/redirects.tsv:4"],
      "a redirect from a current transcript's slug is reported and skipped",
    );
    assert.match(r.ignored[0]!.message, /current transcript/);
    const audit = await t.db.select().from(auditLog).where(like(auditLog.action, "transcript.%s.import"));
    assert.deepEqual(audit.map((a) => a.action).sort(), [
      "transcript.alternates.import",
      "transcript.redirects.import",
    ]);
  });

  test("is idempotent: the same files again change nothing and write no audit entry", async () => {
    const before = (await t.db.select().from(auditLog)).length;
    const r = await importTranscriptLinks(deps(), systemActor, [alternates, redirects]);
    assert.deepEqual(r.alternates, { created: 0, unchanged: 1 });
    assert.deepEqual(r.redirects, { created: 0, updated: 0, unchanged: 4 });
    assert.equal((await t.db.select().from(auditLog)).length, before);
    // A changed target repoints the redirect.
    const moved = await importTranscriptLinks(deps(), systemActor, [
      { name: "redirects.tsv", text: `2099-01-01-not-yet\t${monthly2}\n` },
    ]);
    assert.deepEqual(moved.redirects, { created: 0, updated: 1, unchanged: 0 });
    const [row] = await t.db
      .select()
      .from(transcriptRedirects)
      .where(eq(transcriptRedirects.oldSlug, "2099-01-01-not-yet"));
    assert.equal(row!.newSlug, monthly2);
  });

  test("only PDIS and administrators may import links", async () => {
    await assert.rejects(importTranscriptLinks(deps(), publicActor, [alternates]), { code: "forbidden" });
  });
});

describe("renamed slugs", () => {
  const api = (slug: string) => `/api/v1/transcripts/${encodeURIComponent(slug)}`;

  test("an old slug answers 301 to the current one, following a chain", async () => {
    for (const old of ["2026-01-05-測試-舊名稱", "2026-01-05-更舊的名稱"]) {
      const res = await t.app.request(api(old));
      assert.equal(res.status, 301, old);
      assert.equal(res.headers.get("location"), api(monthly1));
    }
    const page = await t.app.request(`/transcripts/${encodeURIComponent("2026-01-05-更舊的名稱")}`, {
      headers: { accept: "text/html" },
    });
    assert.equal(page.status, 301);
    assert.equal(page.headers.get("location"), `/transcripts/${encodeURIComponent(monthly1)}`);
  });

  test("a current slug is never redirected; loops and dead ends are 404", async () => {
    // Written directly: the import refuses both.
    await t.db
      .insert(transcriptRedirects)
      .values([
        { oldSlug: monthly2, newSlug: collab },
        { oldSlug: "loop-b", newSlug: "loop-a" },
        { oldSlug: "dead-end", newSlug: "nowhere" },
      ])
      .onConflictDoNothing();
    assert.equal((await t.app.request(api(monthly2))).status, 200);
    assert.equal((await t.app.request(api("loop-a"))).status, 404);
    assert.equal((await t.app.request(api("dead-end"))).status, 404);
    // A chain longer than five steps is not followed.
    const chain = ["c0", "c1", "c2", "c3", "c4", "c5", "c6"];
    await t.db
      .insert(transcriptRedirects)
      .values(chain.slice(0, -1).map((s, i) => ({ oldSlug: s, newSlug: chain[i + 1]! })));
    await t.db.insert(transcriptRedirects).values({ oldSlug: "c6", newSlug: monthly1 });
    assert.equal((await t.app.request(api("c2"))).status, 301, "five steps are followed");
    assert.equal((await t.app.request(api("c0"))).status, 404, "seven are not");
    await t.db.delete(transcriptRedirects).where(inArray(transcriptRedirects.oldSlug, [monthly2, ...chain]));
  });

  test("a redirect to a draft is 404 to the public", async () => {
    await t.db.insert(transcriptRedirects).values({ oldSlug: "old-draft", newSlug: draft });
    assert.equal((await t.app.request(api("old-draft"))).status, 404);
  });
});
