import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { eq, sql } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import { systemActor } from "../directory/index.ts";
import { ensureSpeechSearch, importTranscriptFiles, transcripts } from "../transcripts/index.ts";
import { CANDIDATE_CAP, encodeCursor } from "./index.ts";

// Fixtures written for these tests (fictional text, not corpus text).
const files = [
  {
    name: "2026-01-05-開放政府聯絡人第1次月會.md",
    text: `# 2026-01-05 開放政府聯絡人第1次月會

### 主持人：

今天討論長照的預算與臺灣的颱風應變。

### 王小明：

我們機關的資料開放進度已經上線，API 文件也公開了。

### 李大華：

長照資源的分配需要更多跨機關協作。
`,
  },
  {
    name: "2026-02-02-開放政府聯絡人第2次月會.md",
    text: `# 2026-02-02 開放政府聯絡人第2次月會

### 主持人：

本月請各機關說明颱風期間的停班資訊發布。

### 王小明：

交通部已經把停班資訊整合到開放資料平台。
`,
  },
  {
    name: "2026-03-09-颱風應變協作會議.md",
    text: `# 2026-03-09 颱風應變協作會議

### 主持人：

今天的題目是災害資訊如何更快送到民眾手上。

### 陳美玲：

我們希望簡化通報流程。
`,
  },
  {
    name: "2026-04-01-interview-on-open-data.md",
    text: `# 2026-04-01 Interview on Open Data

### Journalist:

How does the Open Government network publish its API documentation?

### Minister:

Every agency publishes its API under an open licence. The network reviews it monthly.
`,
  },
  {
    name: "2025-12-01-罕見詞彙的會議.md",
    text: `# 2025-12-01 罕見詞彙的會議

### 王小明：

我們今天談到鯨豚保育與海洋廢棄物。
`,
  },
];

let ctx: Awaited<ReturnType<typeof createTestApp>>;

before(async () => {
  ctx = await createTestApp();
  const r = await importTranscriptFiles({ db: ctx.db, clock: ctx.rt.clock }, systemActor, files);
  assert.equal(r.skipped.length, 0, JSON.stringify(r.skipped));
});
after(async () => ctx.close());

type Page = {
  total: number;
  totalCapped: boolean;
  results: Array<{
    type: string;
    url: string;
    title: string;
    snippet: string;
    speaker: { name: string; slug: string } | null;
    date: string | null;
    transcript: { slug: string; title: string } | null;
  }>;
  next: string | null;
};
const search = async (params: Record<string, string>) => {
  const r = await ctx.api<Page>("GET", `/api/v1/search?${new URLSearchParams(params)}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
};
const slugs = (p: Page) => [...new Set(p.results.map((r) => r.transcript!.slug))];

describe("search API", () => {
  test("a phrase in a few transcripts returns them first, with the response shape", async () => {
    const p = await search({ q: "鯨豚保育" });
    assert.equal(p.total, 1);
    assert.equal(p.totalCapped, false);
    assert.equal(p.next, null);
    const [r] = p.results;
    assert.equal(r!.type, "speech");
    assert.match(r!.url, /^\/speeches\/[0-9a-f-]{36}$/);
    assert.equal(r!.title, "罕見詞彙的會議");
    assert.deepEqual(r!.speaker, { name: "王小明", slug: r!.speaker!.slug });
    assert.equal(r!.date, "2025-12-01");
    assert.deepEqual(r!.transcript, { slug: "2025-12-01-罕見詞彙的會議", title: "罕見詞彙的會議" });
    assert.match(r!.snippet, /鯨豚保育/);
  });

  test("a query without spaces is a phrase, not a bag of characters", async () => {
    // 停班資訊 occurs only in February; its characters occur elsewhere separately.
    assert.deepEqual(slugs(await search({ q: "停班資訊" })), ["2026-02-02-開放政府聯絡人第2次月會"]);
    assert.equal((await search({ q: "班停" })).total, 0);
  });

  test("Simplified Chinese finds the same Traditional text; 台/臺 meet", async () => {
    const trad = await search({ q: "長照資源" });
    const simp = await search({ q: "长照资源" });
    assert.equal(trad.total, 1);
    assert.deepEqual(slugs(simp), slugs(trad));
    assert.equal((await search({ q: "台灣" })).total, (await search({ q: "臺灣" })).total);
    assert.equal((await search({ q: "台灣" })).total, 1);
  });

  test("several terms are ANDed, across title and text", async () => {
    assert.deepEqual(slugs(await search({ q: "長照 預算" })), ["2026-01-05-開放政府聯絡人第1次月會"]);
    // 月會 is only in titles, 交通部 only in a speech of the second meeting.
    assert.deepEqual(slugs(await search({ q: "月會 交通部" })), ["2026-02-02-開放政府聯絡人第2次月會"]);
    assert.equal((await search({ q: "長照 交通部" })).total, 0);
  });

  test("full- and half-width forms match; English is case-insensitive", async () => {
    const half = await search({ q: "API" });
    assert.equal((await search({ q: "ＡＰＩ" })).total, half.total);
    assert.equal((await search({ q: "api" })).total, half.total);
    assert.ok(half.total >= 2);
    assert.equal((await search({ q: "open LICENCE" })).total, 1);
  });

  test("a match in the title or the speaker's name ranks above one in the text", async () => {
    // 颱風 is in the title of the March meeting (whose speeches do not say it) and in the text of
    // two monthly meetings.
    const p = await search({ q: "颱風" });
    assert.equal(p.results[0]!.transcript!.slug, "2026-03-09-颱風應變協作會議");
    assert.equal(p.results[1]!.transcript!.slug, "2026-03-09-颱風應變協作會議");
    assert.ok(p.results.slice(2).every((r) => r.transcript!.slug !== "2026-03-09-颱風應變協作會議"));
    // Then the newest first among equally relevant body matches.
    assert.deepEqual(
      p.results.slice(2).map((r) => r.date),
      ["2026-02-02", "2026-01-05"],
    );
    // The speaker's name: 王小明's own speeches come before speeches that merely mention him? He is
    // named nowhere in the text, so all results are his.
    const w = await search({ q: "王小明" });
    assert.ok(w.total >= 3);
    assert.ok(w.results.every((r) => r.speaker?.name === "王小明"));
  });

  test("single characters: found anywhere, newest first, without a code of their own", async () => {
    assert.deepEqual(slugs(await search({ q: "鯨" })), ["2025-12-01-罕見詞彙的會議"]);
    // 颱 is in two monthly meetings' text and in the March meeting's title (tier 1 first). It folds
    // like 臺 and 台, so January's 臺灣 counts too.
    const p = await search({ q: "颱" });
    assert.equal(slugs(p)[0], "2026-03-09-颱風應變協作會議");
    assert.deepEqual(slugs(p).slice(1).sort(), [
      "2026-01-05-開放政府聯絡人第1次月會",
      "2026-02-02-開放政府聯絡人第2次月會",
    ]);
    assert.equal(p.total, (await search({ q: "台" })).total);
    // With a multi-character term, the character narrows like any term.
    assert.deepEqual(slugs(await search({ q: "鯨 海洋" })), ["2025-12-01-罕見詞彙的會議"]);
    assert.equal((await search({ q: "鯨 交通部" })).total, 0);
  });

  test("excluded terms remove matches", async () => {
    const all = await search({ q: "王小明" });
    const without = await search({ q: "王小明 -交通部" });
    assert.equal(without.total, all.total - 1);
    assert.ok(without.results.every((r) => !/交通部/.test(r.snippet)));
  });

  test("more occurrences rank higher among matches of the same tier", async () => {
    const r = await importTranscriptFiles({ db: ctx.db, clock: ctx.rt.clock }, systemActor, [
      {
        name: "2024-06-01-排序測試.md",
        text: `# 2024-06-01 排序測試

### 甲：

潮汐能一次。

### 乙：

潮汐能、潮汐能、潮汐能，說三次。
`,
      },
    ]);
    assert.equal(r.skipped.length, 0);
    const p = await search({ q: "潮汐能" });
    assert.deepEqual(
      p.results.map((x) => x.speaker?.name),
      ["乙", "甲"],
    );
  });

  test("rows written before the search data existed are filled at start-up", async () => {
    await ctx.db.execute(sql`update speeches set search_codes = null, search_text = null`);
    assert.equal((await search({ q: "鯨豚保育" })).total, 0);
    const { filled } = await ensureSpeechSearch(ctx.db);
    assert.ok(filled >= 10, String(filled));
    assert.equal((await search({ q: "鯨豚保育" })).total, 1);
    assert.equal((await ensureSpeechSearch(ctx.db)).filled, 0);
  });

  test("snippets are cut around the match", async () => {
    const p = await search({ q: "open licence" });
    assert.match(p.results[0]!.snippet, /open licence/);
  });

  test("filters: speaker, date range, kind, language", async () => {
    const w = await search({ q: "王小明" });
    const slug = w.results[0]!.speaker!.slug;
    const bySpeaker = await search({ q: "開放", speaker: slug });
    assert.ok(bySpeaker.total >= 1);
    assert.ok(bySpeaker.results.every((r) => r.speaker?.slug === slug));
    assert.equal((await search({ q: "開放", speaker: "no-such-speaker" })).total, 0);

    const feb = await search({ q: "颱風", from: "2026-02-01", to: "2026-02-28" });
    assert.deepEqual(slugs(feb), ["2026-02-02-開放政府聯絡人第2次月會"]);
    const english = await search({ q: "api", language: "en" });
    assert.deepEqual(slugs(english), ["2026-04-01-interview-on-open-data"]);
    const interviews = await search({ q: "api", kind: "interview" });
    assert.deepEqual(slugs(interviews), ["2026-04-01-interview-on-open-data"]);
    // A kind or language filter narrows in the index (marker codes), with single characters too.
    assert.deepEqual(slugs(await search({ q: "颱", kind: "collaborative" })), [
      "2026-03-09-颱風應變協作會議",
    ]);
    assert.equal((await search({ q: "颱", language: "en" })).total, 0);
    assert.equal((await search({ q: "a", language: "en" })).total, 0);
    assert.ok((await search({ q: "the", language: "en" })).total >= 1);
  });

  test("keyset pages do not overlap and end with next = null", async () => {
    const all = await search({ q: "我們", limit: "50" });
    assert.ok(all.total >= 3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: Page = await search({ q: "我們", limit: "1", ...(cursor ? { cursor } : {}) });
      assert.equal(p.total, all.total);
      seen.push(...p.results.map((r) => r.url));
      cursor = p.next;
    } while (cursor);
    assert.deepEqual(
      seen,
      all.results.map((r) => r.url),
    );
  });

  test("bad input is a 400 naming the field", async () => {
    const cases: Array<[string, string]> = [
      ["", "q"],
      ["q=%E3%80%82%EF%BC%8C", "q"], // punctuation only
      ["q=a&limit=0", "limit"],
      ["q=a&limit=51", "limit"],
      ["q=a&from=2026-13-01", "from"],
      ["q=a&from=2026-02-30", "from"],
      ["q=a&from=2026-03-01&to=2026-02-01", "to"],
      ["q=a&kind=party", "kind"],
      ["q=a&language=fr", "language"],
      ["q=a&cursor=bm90IGEgY3Vyc29y", "cursor"],
    ];
    for (const [qs, field] of cases) {
      const r = await ctx.api<{ error: { field: string } }>("GET", `/api/v1/search?${qs}`);
      assert.equal(r.status, 400, qs);
      assert.equal(r.body.error.field, field, qs);
    }
  });

  test("drafts and transcripts in review are never in results", async () => {
    const slug = "2025-12-01-罕見詞彙的會議";
    for (const state of ["draft", "in-review"] as const) {
      await ctx.db.update(transcripts).set({ state }).where(eq(transcripts.slug, slug));
      assert.equal((await search({ q: "鯨豚保育" })).total, 0);
      // Not through a forged cursor either: every key is checked on load.
      const token = await ctx.tokenFor("po-moi-lead@example.org");
      const r = await ctx.api<Page>("GET", `/api/v1/search?q=${encodeURIComponent("鯨豚保育")}`, { token });
      assert.equal(r.body.total, 0);
    }
    await ctx.db.update(transcripts).set({ state: "published" }).where(eq(transcripts.slug, slug));
    assert.equal((await search({ q: "鯨豚保育" })).total, 1);
  });

  test("counts stop at the candidate cap and say so", async () => {
    const n = CANDIDATE_CAP + 5;
    const body = Array.from({ length: n }, (_, i) => `### 講者${i % 7}：\n\n第${i}段提到共同關鍵詞。\n`).join(
      "\n",
    );
    const r = await importTranscriptFiles({ db: ctx.db, clock: ctx.rt.clock }, systemActor, [
      { name: "2026-05-01-大量發言.md", text: `# 2026-05-01 大量發言\n\n${body}` },
    ]);
    assert.equal(r.skipped.length, 0);
    const p = await search({ q: "共同關鍵詞" });
    assert.equal(p.total, CANDIDATE_CAP);
    assert.equal(p.totalCapped, true);
    assert.ok(p.next);
  });

  test("a cursor from another query only moves the start, never leaks", async () => {
    const cursor = encodeCursor({ tier: 9, rank: 1, date: null, type: "speech", id: "0" });
    const p = await search({ q: "鯨豚保育", cursor });
    assert.equal(p.results.length, 1);
  });
});
