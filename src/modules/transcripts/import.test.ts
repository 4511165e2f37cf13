import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import { publicActor, systemActor } from "../directory/index.ts";
import { auditLog } from "../audit/index.ts";
import {
  importTranscriptFiles,
  parseTranscriptMarkdown,
  sameTranscriptContent,
  speeches,
  transcripts,
} from "./index.ts";
import { matchIds } from "./use-cases/import-transcripts.ts";

// Fixtures written for these tests (not corpus text).
const monthly = {
  name: "fixtures/2026-03-02-開放政府-PO-第1次月會.md",
  text: `# 2026-03-02 開放政府 PO 第1次月會

## 開場

### 主持人：

各位好，今天是第一次月會。

我們先確認上次的紀錄。

> （投影片：議程）

### 王小明：

交通部這邊的進度已經更新在共筆上。

（笑）

### 主持人：

謝謝，接下來請下一位。

## 臨時動議

### 李大華：

沒有其他意見。
`,
};
const interview = {
  name: "fixtures/2026-04-10-interview-with-a-journalist.md",
  text: `# 2026-04-10 Interview with a Journalist

### Journalist:

Thank you for joining us today.

### Minister:

Happy to be here.
The network meets every month.

(laughter)

### Journalist:

Let us start with the basics.
`,
};
const column = {
  name: "fixtures/a-column-without-speakers.md",
  text: `# A column without speakers

Some text that nobody speaks, in one paragraph.

Another paragraph.
`,
};
const malformed = { name: "fixtures/2026-05-01-broken.md", text: "just a line of text\nand another\n" };

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
const deps = () => ({ db: t.db, clock: t.rt.clock });
const monthlySlug = "2026-03-02-開放政府-PO-第1次月會";
const path = (slug: string) => `/api/v1/transcripts/${encodeURIComponent(slug)}`;

before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

async function idsOf(slug: string) {
  const [row] = await t.db.select().from(transcripts).where(eq(transcripts.slug, slug));
  const rows = await t.db.select().from(speeches).where(eq(speeches.transcriptId, row!.id));
  return new Map(rows.map((r) => [r.position, { id: r.id, text: r.text }]));
}

describe("importTranscriptFiles", () => {
  test("imports new files and reports a malformed one, writing nothing of it", async () => {
    const progress: number[] = [];
    const r = await importTranscriptFiles(deps(), systemActor, [monthly, interview, column, malformed], (p) =>
      progress.push(p.done),
    );
    assert.deepEqual(r.transcripts, { created: 3, updated: 0, unchanged: 0 });
    assert.equal(r.files, 4);
    assert.equal(r.speeches, 4 + 3); // speakers' turns: monthly 4, interview 3, the column none
    assert.equal(r.skipped.length, 1);
    assert.equal(r.skipped[0]!.file, malformed.name);
    assert.equal(r.skipped[0]!.line, 1);
    assert.match(r.skipped[0]!.message, /not a transcript/);
    assert.deepEqual(progress, [1, 2, 3, 4]);
    const rows = await t.db.select().from(transcripts).where(eq(transcripts.slug, "2026-05-01-broken"));
    assert.equal(rows.length, 0);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "transcript.import"));
    assert.equal(audit.length, 3);
    const [m] = await t.db.select().from(transcripts).where(eq(transcripts.slug, monthlySlug));
    assert.equal(m!.kind, "monthly");
    assert.equal(m!.state, "published");
    assert.equal(m!.language, "zh-TW");
    assert.equal(m!.date, "2026-03-02");
    const [i] = await t.db
      .select()
      .from(transcripts)
      .where(eq(transcripts.slug, "2026-04-10-interview-with-a-journalist"));
    assert.equal(i!.kind, "interview");
    assert.equal(i!.language, "en");
  });

  test("re-importing unchanged files changes nothing", async () => {
    const before = await idsOf(monthlySlug);
    const r = await importTranscriptFiles(deps(), systemActor, [monthly, interview, column]);
    assert.deepEqual(r.transcripts, { created: 0, updated: 0, unchanged: 3 });
    assert.equal(r.speeches, 0);
    assert.deepEqual(await idsOf(monthlySlug), before);
    // A CRLF copy of the same file is the same source.
    const crlf = { ...monthly, text: monthly.text.replace(/\n/g, "\r\n") };
    const again = await importTranscriptFiles(deps(), systemActor, [crlf]);
    assert.deepEqual(again.transcripts, { created: 0, updated: 0, unchanged: 1 });
  });

  test("an edited paragraph updates only that transcript; unchanged speeches keep their ids", async () => {
    const before = await idsOf(monthlySlug);
    const edited = {
      ...monthly,
      text: monthly.text
        .replace("交通部這邊的進度已經更新在共筆上。", "交通部這邊的進度已經更新在共筆上，請大家參考。")
        .replace("## 開場\n", "## 開場\n\n> （會議開始）\n"),
    };
    const r = await importTranscriptFiles(deps(), systemActor, [edited, interview, column]);
    assert.deepEqual(r.transcripts, { created: 0, updated: 1, unchanged: 2 });
    const after = await idsOf(monthlySlug);
    assert.equal(after.size, before.size + 1);
    const oldIds = new Map([...before.values()].map((v) => [v.text, v.id]));
    let kept = 0;
    for (const v of after.values()) {
      if (v.text.includes("請大家參考") || v.text === "（會議開始）")
        assert.ok(!new Set(oldIds.values()).has(v.id));
      else {
        assert.equal(v.id, oldIds.get(v.text), `id kept for ${v.text}`);
        kept++;
      }
    }
    assert.equal(kept, before.size - 1);
    // Put the fixture back for the tests below.
    await importTranscriptFiles(deps(), systemActor, [monthly]);
  });

  test("matchIds keeps ids in order across insertions and deletions", () => {
    const old = ["a", "b", "c", "d"].map((key) => ({ id: `id-${key}`, key }));
    assert.deepEqual(matchIds(old, ["a", "x", "b", "c", "d"]), ["id-a", null, "id-b", "id-c", "id-d"]);
    assert.deepEqual(matchIds(old, ["a", "c", "d"]), ["id-a", "id-c", "id-d"]);
    assert.deepEqual(matchIds(old, ["d", "a"]), ["id-d", null]); // greedy, in order
  });

  test("only PDIS and administrators may import", async () => {
    await assert.rejects(importTranscriptFiles(deps(), publicActor, [monthly]), { code: "forbidden" });
  });
});

describe("transcript API", () => {
  test("GET /transcripts/{slug} returns sections of speeches", async () => {
    const res = await t.api("GET", path(monthlySlug));
    assert.equal(res.status, 200);
    const b = res.body;
    assert.equal(b.slug, monthlySlug);
    assert.equal(b.title, "開放政府 PO 第1次月會");
    assert.equal(b.date, "2026-03-02");
    assert.equal(b.state, "published");
    assert.equal(b.kind, "monthly");
    assert.equal(b.language, "zh-TW");
    assert.deepEqual(
      b.sections.map((s: any) => s.heading),
      ["開場", "臨時動議"],
    );
    const first = b.sections[0].speeches[0];
    assert.match(first.id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(first.speaker, { name: "主持人", slug: "主持人" });
    assert.equal(first.text, "各位好，今天是第一次月會。\n\n我們先確認上次的紀錄。");
    assert.equal(first.kind, "speech");
    assert.equal(b.sections[0].speeches[1].kind, "narrative");
    assert.equal(b.sections[0].speeches[1].speaker, null);
    assert.equal(b.sections[1].speeches[0].speaker.name, "李大華");

    const col = await t.api("GET", path("a-column-without-speakers"));
    assert.equal(col.status, 200);
    assert.equal(col.body.date, null);
    assert.equal(col.body.sections[0].heading, null);
    assert.equal(col.body.sections[0].speeches.length, 2);
    assert.equal((await t.api("GET", path("no-such-transcript"))).status, 404);
  });

  test("export?format=markdown round-trips the fixtures", async () => {
    for (const f of [monthly, interview, column]) {
      const slug = f.name.split("/").pop()!.replace(/\.md$/, "");
      const res = await t.app.request(`${path(slug)}/export?format=markdown`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get("content-type") ?? "", /^text\/markdown/);
      const md = await res.text();
      const a = parseTranscriptMarkdown(f.text, f.name);
      const b = parseTranscriptMarkdown(md, f.name);
      assert.ok(a.ok && b.ok);
      assert.ok(sameTranscriptContent(a.transcript, b.transcript), `${slug} round-trips`);
    }
    assert.equal((await t.app.request(`${path(monthlySlug)}/export?format=pdf`)).status, 400);
  });

  test("a draft or in-review transcript is 404 to the public", async () => {
    for (const state of ["draft", "in-review"] as const) {
      await t.db.update(transcripts).set({ state }).where(eq(transcripts.slug, monthlySlug));
      assert.equal((await t.api("GET", path(monthlySlug))).status, 404);
      assert.equal((await t.app.request(`${path(monthlySlug)}/export?format=markdown`)).status, 404);
    }
    await t.db.update(transcripts).set({ state: "published" }).where(eq(transcripts.slug, monthlySlug));
    assert.equal((await t.api("GET", path(monthlySlug))).status, 200);
  });

  test("an import never replaces a draft or a transcript in review", async () => {
    const deps = { db: t.db, clock: t.rt.clock };
    await t.db.update(transcripts).set({ state: "in-review" }).where(eq(transcripts.slug, monthlySlug));
    const changed = { name: monthly.name, text: monthly.text.replace("第一次月會", "第一次月會（更正）") };
    const r = await importTranscriptFiles(deps, systemActor, [changed]);
    assert.equal(r.transcripts.updated, 0);
    assert.equal(r.skipped.length, 1);
    assert.match(r.skipped[0]!.message, /in-review transcript under review; not replaced/);
    const [row] = await t.db.select().from(transcripts).where(eq(transcripts.slug, monthlySlug));
    assert.equal(row!.state, "in-review");
    await t.db.update(transcripts).set({ state: "published" }).where(eq(transcripts.slug, monthlySlug));
  });

  test("a large import prepares files in worker threads with the same result", async () => {
    const deps = { db: t.db, clock: t.rt.clock };
    const many = Array.from({ length: 60 }, (_, i) => ({
      name: `bulk/2026-06-${String((i % 28) + 1).padStart(2, "0")}-批次-${i}.md`,
      text: `# 2026-06-${String((i % 28) + 1).padStart(2, "0")} 批次 ${i}\n\n### 講者${i % 3}：\n\n第 ${i} 份的內容。\n`,
    }));
    many.push({ name: "bulk/broken.md", text: "### 沒有標題也沒有冒號\n" + "\u0000" });
    const first = await importTranscriptFiles(deps, systemActor, many);
    assert.equal(first.transcripts.created + first.transcripts.updated, 60);
    assert.equal(first.speeches, 60);
    const again = await importTranscriptFiles(deps, systemActor, many.slice(0, 60));
    assert.equal(again.transcripts.unchanged, 60);
    assert.equal(again.skipped.length, 0);
    const res = await t.api("GET", `/api/v1/transcripts/${encodeURIComponent("2026-06-08-批次-7")}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.sections[0].speeches[0].text, "第 7 份的內容。");
    assert.equal(res.body.sections[0].speeches[0].speaker.name, "講者1");
  });
});
