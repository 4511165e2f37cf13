import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { XMLParser } from "fast-xml-parser";
import { createTestApp } from "../../platform/testing/app.ts";
import { seedDemoTranscripts, transcripts } from "../../modules/transcripts/index.ts";
import { assertTranslated, pageClient, pageSection, pageText } from "../test-client.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
const { get } = pageClient(() => t);
const enc = encodeURIComponent;

// The demo transcripts (demo/transcripts) are the fixtures: the monthly meeting says 戶政線上申辦.
const monthly = "2026-01-12-示範-開放政府聯絡人月會";

before(async () => {
  t = await createTestApp();
  await seedDemoTranscripts({ db: t.db, clock: t.rt.clock });
});
after(async () => t?.close());

describe("search page", () => {
  test("without a query: the form, no results", async () => {
    for (const lang of ["zh-TW", "en"]) {
      const r = await get(`/search?lang=${lang}`);
      assert.equal(r.status, 200);
      assertTranslated(r.html);
      assert.match(r.html, /<input id="search-q" name="q" type="search"/);
      assert.doesNotMatch(r.html, /id="search-results"/);
    }
  });

  test("results with highlighted matches, links to the transcript anchor, speaker and permalink", async () => {
    const r = await get(`/search?q=${enc("戶政線上申辦")}&lang=zh-TW`);
    assert.equal(r.status, 200);
    assertTranslated(r.html);
    const section = pageSection(r.html, "search-results");
    assert.match(section, /<mark>戶政線上申辦<\/mark>/);
    assert.match(section, new RegExp(`href="/transcripts/${enc(monthly)}#s-[0-9a-f-]{36}"`));
    assert.match(section, /href="\/speakers\/[^"]+"/);
    assert.match(section, /href="\/speeches\/[0-9a-f-]{36}"/);
    assert.match(pageText(section), /共 1 筆/);
    // The feed of the search is announced.
    assert.match(
      r.html,
      /<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/search\/feed\.atom\?q=/,
    );
  });

  test("a Simplified query finds the Traditional text; filters narrow", async () => {
    const r = await get(`/search?q=${enc("户政线上申办")}`);
    assert.match(pageSection(r.html, "search-results"), /<mark>戶政線上申辦<\/mark>/);
    const en = await get(`/search?q=${enc("戶政線上申辦")}&language=en&lang=en`);
    assert.match(pageText(pageSection(en.html, "search-results")), /Nothing matches/);
  });

  test("bad input: 400 with the message and the field marked", async () => {
    const r = await get(`/search?q=a&from=2026-13-01&lang=en`);
    assert.equal(r.status, 400);
    assert.match(pageText(r.html), /Invalid input: from/);
    assert.match(r.html, /id="search-from"[^>]*aria-invalid="true"/);
    const bad = await get(`/search?q=${enc("。，")}&lang=en`);
    assert.equal(bad.status, 400);
    assert.match(pageText(bad.html), /Invalid input: q/);
  });

  test("paging keeps the filters and never repeats a result", async () => {
    const first = await get(`/search?q=${enc("我們")}&kind=monthly`);
    const next = first.html.match(/<a href="(\/search\?[^"]+)" rel="next">/);
    if (!next) return; // fewer than one page of results in the demo
    const href = next[1]!.replace(/&amp;/g, "&");
    assert.match(href, /kind=monthly/);
    const second = await get(href);
    const links = (html: string) => [...html.matchAll(/href="(\/speeches\/[^"]+)"/g)].map((m) => m[1]);
    const a = links(first.html);
    assert.ok(links(second.html).every((l) => !a.includes(l)));
  });

  test("the Atom feed of a search lists the results; drafts never appear", async () => {
    const feed = await t.app.request(`/search/feed.atom?q=${enc("戶政線上申辦")}`);
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get("content-type") ?? "", /application\/atom\+xml/);
    const doc = new XMLParser().parse(await feed.text()) as { feed: { entry: unknown } };
    const entries = ([] as unknown[]).concat(doc.feed.entry ?? []);
    assert.equal(entries.length, 1);

    await t.db.update(transcripts).set({ state: "draft" }).where(eq(transcripts.slug, monthly));
    try {
      const page = await get(`/search?q=${enc("戶政線上申辦")}`);
      assert.doesNotMatch(page.html, /<mark>/);
      const empty = await t.app.request(`/search/feed.atom?q=${enc("戶政線上申辦")}`);
      assert.doesNotMatch(await empty.text(), /<entry>/);
    } finally {
      await t.db.update(transcripts).set({ state: "published" }).where(eq(transcripts.slug, monthly));
    }
  });
});
