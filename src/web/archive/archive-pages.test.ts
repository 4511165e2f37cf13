import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { XMLParser } from "fast-xml-parser";
import { createTestApp } from "../../platform/testing/app.ts";
import { loadLocaleFiles } from "../../platform/i18n/index.ts";
import { findPersonByEmail, systemActor } from "../../modules/directory/index.ts";
import {
  importTranscriptFiles,
  seedDemoTranscripts,
  speakers,
  transcripts,
} from "../../modules/transcripts/index.ts";
import { assertTranslated, pageClient, pageSection, pageText } from "../test-client.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
const { get, signIn } = pageClient(() => t);

// The demo transcripts shipped in demo/transcripts/ are this file's fixtures.
const monthly = "2026-01-12-示範-開放政府聯絡人月會";
const prep = "2026-02-10-示範-協作會議會前會-機車停車資訊開放";
const collab = "2026-02-24-示範-開放政府聯絡人協作會議-機車停車資訊開放";
const collabEn = "2026-02-24-Demo-Collaborative-Meeting-on-Open-Scooter-Parking-Data";
const page = (slug: string) => `/transcripts/${encodeURIComponent(slug)}`;
const enc = encodeURIComponent;

/** No key of the archive's namespace may leak into a page untranslated. */
function assertArchiveTranslated(html: string) {
  assertTranslated(html);
  const leaked = html.match(
    /\barchive\.(?:index|transcript|speech|speaker|kind|state|language|feed)\.[\w.-]+/g,
  );
  assert.equal(leaked, null, `untranslated keys: ${leaked?.join(", ")}`);
}

/** The levels of the page's headings, in order. */
const headingLevels = (html: string) => [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));

/** True when no heading skips a level going down (h1 → h3 without an h2). */
function headingsInOrder(html: string): boolean {
  const levels = headingLevels(html);
  return levels[0] === 1 && levels.every((l, i) => i === 0 || l <= levels[i - 1]! + 1);
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** An Atom text construct's text (the parser gives an object when it has a `type` attribute). */
const textOf = (x: unknown): string =>
  typeof x === "object" && x !== null ? String((x as Record<string, unknown>)["#text"]) : String(x);

/** The speech ids (anchors) of a transcript page, in order. */
const anchorsOf = (html: string) =>
  [...html.matchAll(/<div class="speech" id="s-([0-9a-f-]{36})"/g)].map((m) => m[1]!);

before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t?.close();
});

describe("demo transcripts", () => {
  test("the demo folder imports without skips, with its twin pair and its redirect", async () => {
    const r = await seedDemoTranscripts({ db: t.db, clock: t.rt.clock });
    assert.deepEqual(r.transcripts.skipped, []);
    assert.deepEqual(r.transcripts.transcripts, { created: 4, updated: 0, unchanged: 0 });
    assert.deepEqual(r.links.skipped, []);
    assert.deepEqual(r.links.ignored, []);
    assert.deepEqual(r.links.alternates, { created: 1, unchanged: 0 });
    assert.equal(r.links.redirects.created, 1);
    assert.ok(r.speakersLinked >= 10, "demo speakers are linked to the demo directory people");
    const rows = await t.db.select().from(transcripts);
    const kinds = Object.fromEntries(rows.map((x) => [x.slug, `${x.kind}/${x.language}`]));
    assert.deepEqual(kinds, {
      [monthly]: "monthly/zh-TW",
      [prep]: "prep/zh-TW",
      [collab]: "collaborative/zh-TW",
      [collabEn]: "collaborative/en",
    });
    // Every speaker is a fictional demo name.
    for (const s of await t.db.select().from(speakers)) assert.match(s.name, /^(示範|Demo )/);
    const again = await seedDemoTranscripts({ db: t.db, clock: t.rt.clock });
    assert.deepEqual(again.transcripts.transcripts, { created: 0, updated: 0, unchanged: 4 });
    assert.deepEqual(again.links.alternates, { created: 0, unchanged: 1 });
  });
});

describe("archive pages", () => {
  test("/transcripts lists the published transcripts with filters, a feed link and the nav item", async () => {
    const { status, html } = await get("/transcripts");
    assert.equal(status, 200);
    assert.match(html, /<a href="\/transcripts" aria-current="page">逐字稿<\/a>/);
    assert.match(
      html,
      /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/transcripts\/feed\.atom"/,
    );
    const list = pageSection(html, "archive-list");
    const order = [collab, collabEn, prep, monthly].map((s) => list.indexOf(`href="${page(s)}"`));
    assert.ok(
      order.every((i) => i > 0),
      "all four are listed",
    );
    assert.ok(order[2]! > Math.max(order[0]!, order[1]!) && order[3]! > order[2]!, "newest first");
    assert.match(list, new RegExp(`href="${page(collabEn)}" class="transcript-title" lang="en"`));
    assert.match(pageText(list), /2026年2月10日 會前會 中文/);
    for (const name of ["kind", "language", "year"])
      assert.match(
        html,
        new RegExp(`<label for="archive-filters-${name}">`),
        `the ${name} filter is labelled`,
      );
    assert.match(html, /<option value="2026">2026<\/option>/);
    assert.ok(headingsInOrder(html));
    assertArchiveTranslated(html);
  });

  test("/transcripts filters by kind, language and year; a bad value is 400", async () => {
    const prepOnly = pageSection((await get("/transcripts?kind=prep")).html, "archive-list");
    assert.ok(prepOnly.includes(page(prep)) && !prepOnly.includes(page(monthly)));
    const en = await get("/transcripts?language=en&kind=");
    const enList = pageSection(en.html, "archive-list");
    assert.ok(enList.includes(page(collabEn)) && !enList.includes(page(collab)));
    assert.match(en.html, /<option value="en" selected="">英文<\/option>/);
    const y2025 = await get("/transcripts?year=2025");
    assert.match(pageSection(y2025.html, "archive-list"), /沒有符合篩選條件的逐字稿/);
    assert.equal((await get("/transcripts?kind=bogus")).status, 400);
    assert.equal((await get("/transcripts?year=twenty")).status, 400);
    assert.equal((await get("/transcripts?cursor=nope")).status, 400);
  });

  test("a transcript page: sections, anchors, permalinks, speakers, notes, twin and downloads", async () => {
    const { status, html } = await get(page(collab));
    assert.equal(status, 200);
    assert.match(html, /<h1 lang="zh-Hant-TW">示範 開放政府聯絡人協作會議：機車停車資訊開放<\/h1>/);
    assert.match(html, /<span class="state state-published">已公開<\/span>/);
    assert.match(pageText(html), /2026年2月24日 已公開 協作會議 中文/);
    const headings = [...html.matchAll(/<h2 id="sec-\d+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(headings, ["開場", "議題說明", "分組討論回報", "會議結論"]);
    const ids = anchorsOf(html);
    assert.equal(ids.length, 17, "every speech has an anchor");
    for (const id of ids) assert.ok(html.includes(`href="/speeches/${id}"`), "and a # permalink");
    assert.match(
      html,
      /<a class="permalink" href="\/speeches\/[0-9a-f-]{36}" data-url="http:\/\/po\.test\/speeches\/[0-9a-f-]{36}" aria-label="示範宋志強這段發言的永久連結" lang="zh-Hant-TW">#<\/a>/,
    );
    assert.match(html, new RegExp(`<a href="/speakers/${enc("示範宋志強")}">示範宋志強</a>`));
    assert.match(html, /<p class="note" id="s-[0-9a-f-]{36}">（笑）<\/p>/);
    assert.match(html, /<a href="[^"]+" hreflang="en" lang="en" rel="alternate">English version<\/a>/);
    assert.ok(html.includes(`href="${page(collabEn)}"`), "the twin link points to the English transcript");
    assert.ok(html.includes(`href="/api/v1/transcripts/${enc(collab)}/export?format=markdown"`));
    assert.ok(html.includes(`href="/api/v1/transcripts/${enc(collab)}/export?format=akomantoso"`));
    assert.ok(headingsInOrder(html));
    assertArchiveTranslated(html);
  });

  test("an English transcript in a Chinese page is marked lang=en; its twin link is 中文版", async () => {
    const { html } = await get(page(collabEn));
    assert.match(html, /^<!doctype html><html lang="zh-Hant-TW">/);
    assert.match(html, /<h1 lang="en">Demo collaborative meeting: open scooter parking data<\/h1>/);
    assert.match(html, /<div class="transcript" lang="en">/);
    assert.match(html, /hreflang="zh-Hant-TW" lang="zh-Hant-TW" rel="alternate">中文版<\/a>/);
    assert.match(html, /<p class="note" id="s-[0-9a-f-]{36}">\(laughter\)<\/p>/);
    assert.match(html, /<a href="\/speakers\/demo-sung-chih-chiang">Demo Sung Chih-chiang<\/a>/);
    const en = await get(`${page(collab)}?lang=en`);
    assert.match(en.html, /<html lang="en">/);
    assert.match(en.html, /<span class="state state-published">Published<\/span>/);
    assert.match(en.html, /<div class="transcript" lang="zh-Hant-TW">/);
    assertArchiveTranslated(en.html);
  });

  test("an old slug redirects (301) to the transcript page", async () => {
    const res = await t.app.request(page("2026-02-24-示範-協作會議-機車停車"), {
      headers: { accept: "text/html" },
    });
    assert.equal(res.status, 301);
    assert.equal(res.headers.get("location"), page(collab));
    assert.equal((await get(page("no-such-transcript"))).status, 404);
  });

  test("a speech's permalink page: text, speaker, transcript anchor, neighbours and a citation", async () => {
    const ids = anchorsOf((await get(page(collab))).html);
    const id = ids[1]!;
    const { status, html } = await get(`/speeches/${id}`);
    assert.equal(status, 200);
    assert.match(html, /<h1><span lang="zh-Hant-TW">示範鄭惠如<\/span>的發言<\/h1>/);
    assert.match(html, /我是交通部的 PO 惠如/);
    assert.ok(html.includes(`href="${page(collab)}#s-${id}"`), "a link to the speech in its transcript");
    assert.ok(html.includes(`href="/speeches/${ids[0]}" rel="prev"`));
    assert.ok(html.includes(`href="/speeches/${ids[2]}" rel="next"`));
    assert.ok(html.includes(`href="/speakers/${enc("示範鄭惠如")}"`));
    const citation =
      /<textarea id="citation" class="citation" readonly="" rows="3" aria-describedby="citation-hint">([^<]*)<\/textarea>/.exec(
        html,
      );
    assert.ok(citation, "a read-only citation field");
    assert.equal(
      decode(citation[1]!),
      `示範鄭惠如，〈示範 開放政府聯絡人協作會議：機車停車資訊開放〉，2026-02-24，http://po.test/speeches/${id}`,
    );
    assert.match(html, /<label for="citation">/);
    assert.ok(!/<script/i.test(html), "no script");
    assert.ok(headingsInOrder(html));
    assertArchiveTranslated(html);

    const enIds = anchorsOf((await get(page(collabEn))).html);
    const en = await get(`/speeches/${enIds[0]}?lang=en`);
    const enCitation = /<textarea[^>]*>([^<]*)<\/textarea>/.exec(en.html);
    assert.equal(
      decode(enCitation![1]!),
      `Demo Sung Chih-chiang, "Demo collaborative meeting: open scooter parking data", 2026-02-24, http://po.test/speeches/${enIds[0]}`,
    );
    assert.ok(!en.html.includes('rel="prev"'), "the first speech has no previous one");
    assert.equal((await get("/speeches/not-an-id")).status, 404);
    assert.equal((await get("/speeches/00000000-0000-4000-8000-000000000000")).status, 404);
  });

  test("a speaker page: the directory person, speeches newest first with snippets, and a feed", async () => {
    const person = await findPersonByEmail(t.db, "po-motc-lead@example.org");
    const { status, html } = await get(`/speakers/${enc("示範鄭惠如")}`);
    assert.equal(status, 200);
    assert.match(html, /<h1>示範鄭惠如<\/h1>/);
    assert.ok(html.includes(`<a href="/people/${person!.id}">示範鄭惠如</a>`), "linked to the directory");
    assert.ok(html.includes(`<link rel="alternate" type="application/atom+xml"`));
    assert.ok(html.includes(`href="/speakers/${enc("示範鄭惠如")}/feed.atom"`));
    const list = pageSection(html, "speaker-speeches");
    const items = [
      ...list.matchAll(/<a href="\/speeches\/([0-9a-f-]{36})" class="snippet" lang="zh-Hant-TW">/g),
    ];
    assert.equal(items.length, 10);
    const positions = [collab, prep, monthly].map((s) => list.indexOf(page(s)));
    assert.ok(positions[0]! < positions[1]! && positions[1]! < positions[2]!, "newest transcript first");
    assert.ok(headingsInOrder(html));
    assertArchiveTranslated(html);
    assert.equal((await get("/speakers/nobody")).status, 404);
  });

  test("feeds are Atom: the newest transcripts, and a speaker's newest speeches", async () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
    const res = await t.app.request("/transcripts/feed.atom");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^application\/atom\+xml/);
    const doc = parser.parse(await res.text());
    assert.equal(doc.feed["@xmlns"], "http://www.w3.org/2005/Atom");
    const entries = [doc.feed.entry].flat();
    assert.equal(entries.length, 4);
    const ids = entries.map((e: any) => e.id);
    assert.deepEqual(
      ids.slice(0, 2).sort(),
      [collab, collabEn].map((s) => `http://po.test${page(s)}`).sort(),
    );
    assert.deepEqual(
      ids.slice(2),
      [prep, monthly].map((s) => `http://po.test${page(s)}`),
      "newest first",
    );
    for (const e of entries) {
      assert.ok(textOf(e.title) && e.updated, "every entry has a title and an update time");
      assert.equal(e.link["@href"], e.id);
    }
    const speakerFeed = parser.parse(
      await (await t.app.request(`/speakers/${enc("示範鄭惠如")}/feed.atom`)).text(),
    );
    const speeches = [speakerFeed.feed.entry].flat();
    assert.equal(speeches.length, 10);
    assert.match(speeches[0].id, /^http:\/\/po\.test\/speeches\/[0-9a-f-]{36}$/);
    assert.match(textOf(speeches[0].title), /示範鄭惠如：〈示範 開放政府聯絡人協作會議：機車停車資訊開放〉/);
    assert.equal((await t.app.request("/speakers/nobody/feed.atom")).status, 404);
  });

  test("drafts: 404 for the public everywhere; PDIS sees the page with the review notice", async () => {
    await t.db.update(transcripts).set({ state: "in-review" }).where(eq(transcripts.slug, monthly));
    try {
      const listed = await get("/transcripts");
      assert.ok(!listed.html.includes(page(monthly)), "not listed");
      assert.equal((await get(page(monthly))).status, 404);
      assert.equal((await get(`/speakers/${enc("示範王小明")}`)).status, 404, "a speaker of the draft only");
      const feed = await (await t.app.request("/transcripts/feed.atom")).text();
      assert.ok(!feed.includes(enc(monthly)));
      const chair = await (await t.app.request(`/speakers/${enc("示範宋志強")}/feed.atom`)).text();
      assert.ok(!chair.includes("今天的議程有三項"), "the speaker's feed leaves the draft out");

      const pdis = await signIn("pdis-project-manager@example.org");
      const seen = await get(page(monthly), { cookie: pdis.cookie });
      assert.equal(seen.status, 200);
      assert.match(seen.html, /<span class="state state-in-review">校訂中<\/span>/);
      assert.match(seen.html, /這份紀錄由發言者共同編修，之後公開；絕不會用來評核或懲處任何人。/);
      assert.match(
        seen.html,
        /<p lang="en">This record is edited together by its speakers, then published\. It is never used to evaluate or punish anyone\.<\/p>/,
      );
      assert.match(seen.html, /<meta name="robots" content="noindex"/);
      assert.equal(seen.res.headers.get("cache-control"), "no-store");
      const ids = anchorsOf(seen.html);
      assert.equal(
        (await get(`/speeches/${ids[0]}`, { cookie: pdis.cookie })).status,
        404,
        "no permalink yet",
      );
      // A PO who is not PDIS does not see it.
      const po = await signIn("po-moi-lead@example.org");
      assert.equal((await get(page(monthly), { cookie: po.cookie })).status, 404);
    } finally {
      await t.db.update(transcripts).set({ state: "published" }).where(eq(transcripts.slug, monthly));
    }
    assert.equal((await get(page(monthly))).status, 200);
  });

  test("a twin that is not published is not linked", async () => {
    await t.db.update(transcripts).set({ state: "draft" }).where(eq(transcripts.slug, collabEn));
    try {
      const { html } = await get(page(collab));
      assert.ok(!html.includes("English version") && !html.includes(page(collabEn)));
    } finally {
      await t.db.update(transcripts).set({ state: "published" }).where(eq(transcripts.slug, collabEn));
    }
    assert.match((await get(page(collab))).html, /English version/);
  });

  test("the index and a speaker page page through with 'older' links", async () => {
    const extra = Array.from({ length: 55 }, (_, i) => {
      const day = String((i % 28) + 1).padStart(2, "0");
      const month = String(Math.floor(i / 28) + 1).padStart(2, "0");
      const slug = `2020-${month}-${day}-測試-分頁-${i}`;
      return {
        name: `fixtures/${slug}.md`,
        text: `# 2020-${month}-${day} 測試 分頁 ${i}\n\n### 示範宋志強：\n\n第 ${i} 次測試發言。\n`,
      };
    });
    const r = await importTranscriptFiles({ db: t.db, clock: t.rt.clock }, systemActor, extra);
    assert.equal(r.transcripts.created, 55);

    const first = await get("/transcripts");
    const older = /<a href="(\/transcripts\?cursor=[^"#]+)#archive-list" rel="next">較早的逐字稿<\/a>/.exec(
      first.html,
    );
    assert.ok(older, "an older link");
    const count = (html: string) =>
      (pageSection(html, "archive-list").match(/class="transcript-title"/g) ?? []).length;
    assert.equal(count(first.html), 50);
    const second = await get(decode(older[1]!));
    assert.equal(second.status, 200);
    assert.equal(count(second.html), 59 - 50);
    assert.match(second.html, /回到最新的逐字稿/);
    assert.ok(!/rel="next"/.test(second.html));

    const filtered = await get("/transcripts?year=2020");
    const next = /<a href="([^"#]+)#archive-list" rel="next">/.exec(filtered.html)![1]!;
    assert.match(decode(next), /year=2020/, "the older link keeps the filters");

    const chair = await get(`/speakers/${enc("示範宋志強")}`);
    const speakerOlder = /<a href="([^"#]+)#speaker-speeches" rel="next">較早的發言<\/a>/.exec(chair.html);
    assert.ok(speakerOlder);
    const chair2 = await get(decode(speakerOlder[1]!));
    assert.equal(chair2.status, 200);
    assert.match(pageSection(chair2.html, "speaker-speeches"), /測試發言/);
  });

  test("the stylesheet prints transcripts without navigation, showing permalinks' addresses", async () => {
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec((await get("/transcripts")).html)![1]!;
    const css = await (await t.app.request(href)).text();
    const print = css.slice(css.lastIndexOf("@media print"));
    assert.match(print, /\.archive-filters,/);
    assert.match(print, /\.permalink::after \{\s+content: " " attr\(data-url\);/);
  });

  test("every archive interface key the pages use exists in both languages", () => {
    const { "zh-TW": zh, en } = loadLocaleFiles();
    const used = new Set<string>();
    const dir = new URL("./", import.meta.url);
    for (const file of readdirSync(dir)) {
      if (!/\.tsx?$/.test(file) || file.endsWith(".test.ts")) continue;
      for (const m of readFileSync(new URL(file, dir), "utf8").matchAll(/"(archive\.[\w.-]*[\w-])"/g))
        used.add(m[1]!);
    }
    for (const k of [
      "monthly",
      "quarterly",
      "collaborative",
      "prep",
      "working",
      "interview",
      "speech",
      "other",
    ])
      used.add(`archive.kind.${k}`);
    for (const s of ["draft", "in-review", "published"]) used.add(`archive.state.${s}`);
    for (const l of ["zh-TW", "en"]) used.add(`archive.language.${l}`);
    assert.ok(used.size > 40, `keys were found (${used.size})`);
    assert.deepEqual(
      [...used].filter((k) => !(k in zh) || !(k in en)),
      [],
    );
  });
});
