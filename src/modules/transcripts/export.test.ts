import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import { publicActor, systemActor } from "../directory/index.ts";
import {
  importTranscriptFiles,
  parseTranscriptMarkdown,
  sameTranscriptContent,
  transcripts,
} from "./index.ts";
import { parseAkomaNtoso, writeAkomaNtoso } from "./akoma-ntoso.ts";
import { exportArchive, unsafeFileName } from "./use-cases/export-archive.ts";

// Fixtures written for these tests (fictional, not corpus text).
const zh = {
  name: "fixtures/2026-03-02-開放政府-PO-第1次月會.md",
  text: `# 2026-03-02 開放政府 PO 第1次月會

## 開場

### 主持人：

各位好，今天是第一次月會。

我們先確認上次的紀錄 & 進度 <草稿>。

> （投影片：議程）

### 王小明：

交通部這邊的進度已經更新。

（笑）
`,
};
const en = {
  name: "fixtures/2026-04-10-interview-with-a-journalist.md",
  text: `# 2026-04-10 Interview with a Journalist

### Journalist:

Thank you for joining us today.

### Minister:

Happy to be here.
The network meets every month.
`,
};
const zhSlug = "2026-03-02-開放政府-PO-第1次月會";
const enSlug = "2026-04-10-interview-with-a-journalist";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let dir: string;
const deps = () => ({ db: t.db, clock: t.rt.clock });
const path = (slug: string) => `/api/v1/transcripts/${encodeURIComponent(slug)}`;
function md(f: { name: string; text: string }) {
  const r = parseTranscriptMarkdown(f.text, f.name);
  assert.ok(r.ok);
  return r.transcript;
}

before(async () => {
  t = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), "po-export-"));
  // One transcript arrives as Markdown, the other as Akoma Ntoso: both import the same way.
  const enXml = {
    name: "fixtures/2026-04-10-interview-with-a-journalist.xml",
    text: writeAkomaNtoso(md(en)),
  };
  const r = await importTranscriptFiles(deps(), systemActor, [zh, enXml]);
  assert.deepEqual(r.skipped, []);
  assert.equal(r.transcripts.created, 2);
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("GET /transcripts/{slug}/export", () => {
  test("?format=akomantoso: Akoma Ntoso as a file that reads back to the same transcript", async () => {
    const res = await t.app.request(`${path(zhSlug)}/export?format=akomantoso`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/akn+xml; charset=utf-8");
    assert.equal(
      res.headers.get("content-disposition"),
      `attachment; filename="2026-03-02-____-PO-_1___.xml"; filename*=UTF-8''${encodeURIComponent(zhSlug)}.xml`,
    );
    const xml = await res.text();
    assert.match(xml, /<akomaNtoso xmlns="http:\/\/docs\.oasis-open\.org\/legaldocml\/ns\/akn\/3\.0">/);
    // Speakers link to their pages by slug.
    assert.match(xml, /<TLCPerson eId="p1" id="p1" href="\/speakers\/主持人" showAs="主持人"\/>/);
    assert.match(xml, /我們先確認上次的紀錄 &amp; 進度 &lt;草稿&gt;。/);
    const back = parseAkomaNtoso(xml, `${zhSlug}.xml`);
    assert.ok(back.ok);
    if (back.ok) assert.ok(sameTranscriptContent(md(zh), back.transcript));
  });

  test("a transcript imported from Akoma Ntoso exports as the same Markdown content", async () => {
    const res = await t.app.request(`${path(enSlug)}/export`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/markdown/);
    assert.match(
      res.headers.get("content-disposition") ?? "",
      new RegExp(`filename\\*=UTF-8''${enSlug}\\.md$`),
    );
    const back = parseTranscriptMarkdown(await res.text(), `${enSlug}.md`);
    assert.ok(back.ok);
    if (back.ok) assert.ok(sameTranscriptContent(md(en), back.transcript));
  });

  test("an unknown format is 400; a draft or in-review transcript is 404 to the public", async () => {
    assert.equal((await t.app.request(`${path(zhSlug)}/export?format=pdf`)).status, 400);
    for (const state of ["draft", "in-review"] as const) {
      await t.db.update(transcripts).set({ state }).where(eq(transcripts.slug, zhSlug));
      for (const format of ["markdown", "akomantoso"])
        assert.equal((await t.app.request(`${path(zhSlug)}/export?format=${format}`)).status, 404);
    }
    await t.db.update(transcripts).set({ state: "published" }).where(eq(transcripts.slug, zhSlug));
    assert.equal((await t.app.request(`${path(zhSlug)}/export?format=akomantoso`)).status, 200);
  });

  test("the OpenAPI document lists the akomantoso format", async () => {
    const doc = (await t.api("GET", "/api/openapi.json")).body;
    const op = doc.paths["/api/v1/transcripts/{slug}/export"].get;
    const format = op.parameters.find((p: { name: string }) => p.name === "format");
    assert.deepEqual(format.schema.enum, ["markdown", "akomantoso"]);
    assert.ok(op.responses["200"].content["application/akn+xml"]);
  });
});

describe("exportArchive", () => {
  test("writes every published transcript, skips drafts, and refuses slugs that are not file names", async () => {
    await t.db
      .insert(transcripts)
      .values({ slug: "bad/slug", title: "Bad", language: "en", sourceHash: "x", state: "published" });
    await t.db.update(transcripts).set({ state: "draft" }).where(eq(transcripts.slug, enSlug));
    try {
      const out = join(dir, "xml");
      const r = await exportArchive(deps(), publicActor, { format: "akomantoso", dir: out });
      assert.equal(r.written, 1);
      assert.deepEqual(r.skipped, [{ slug: "bad/slug", reason: "the slug contains a path separator" }]);
      assert.deepEqual(readdirSync(out), [`${zhSlug}.xml`]);
      const back = parseAkomaNtoso(readFileSync(join(out, `${zhSlug}.xml`), "utf8"), `${zhSlug}.xml`);
      assert.ok(back.ok && sameTranscriptContent(md(zh), back.transcript));
    } finally {
      await t.db.delete(transcripts).where(eq(transcripts.slug, "bad/slug"));
      await t.db.update(transcripts).set({ state: "published" }).where(eq(transcripts.slug, enSlug));
    }
    const r = await exportArchive(deps(), systemActor, { format: "markdown", dir: join(dir, "md") });
    assert.deepEqual(r, { format: "markdown", written: 2, skipped: [] });
    assert.deepEqual(readdirSync(join(dir, "md")).sort(), [`${zhSlug}.md`, `${enSlug}.md`].sort());
  });

  test("unsafeFileName", () => {
    assert.equal(unsafeFileName("2017-03-06-開放政府（PO）月會：紀錄!", ".md"), null);
    assert.match(unsafeFileName("a\\b", ".md") ?? "", /separator/);
    assert.match(unsafeFileName("..", ".md") ?? "", /relative/);
    assert.match(unsafeFileName("a\nb", ".md") ?? "", /control/);
    assert.match(unsafeFileName("", ".md") ?? "", /empty/);
    assert.match(unsafeFileName("長".repeat(90), ".xml") ?? "", /255 bytes/);
    assert.equal(unsafeFileName("長".repeat(83), ".xml"), null);
  });
});
