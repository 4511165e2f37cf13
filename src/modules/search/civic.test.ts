import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { findOrg, systemActor } from "../directory/index.ts";
import { ensurePetitionSearch } from "../petitions/index.ts";
import { ensureCaseSearch } from "../cases/index.ts";
import { importTranscriptFiles } from "../transcripts/index.ts";

// Petitions, published responses and cases in search, beside speeches (fictional text).
type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let pdis: string;
let moiPo: string;
let petitionId: string;
let caseNumber: number;

type Result = {
  type: string;
  url: string;
  title: string;
  snippet: string;
  date: string | null;
  speaker: unknown;
  transcript: unknown;
  state: string | null;
};
type Page = { total: number; totalCapped: boolean; results: Result[]; next: string | null };

const search = async (params: Record<string, string>) => {
  const r = await t.api<Page>("GET", `/api/v1/search?${new URLSearchParams(params)}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
};
const kinds = (p: Page) => p.results.map((r) => `${r.type} ${r.url}`);

const response = (analysis: string) => ({
  analysis,
  suggestion: "開放鄉鎮統計到村里層級。",
  plan: "三個月內上架開放資料平台。",
  references: [],
  citations: [],
  evaluatedBy: "內政部戶政司",
  evaluationMethod: "召開工作會議",
});

before(async () => {
  t = await createTestApp();
  (t.rt.clock as FixedClock).set(new Date("2026-03-02T02:00:00Z"));
  pdis = await t.tokenFor("pdis-project-manager@example.org");
  moiPo = await t.tokenFor("po-moi-lead@example.org");
  const imported = await importTranscriptFiles({ db: t.db, clock: t.rt.clock }, systemActor, [
    {
      name: "2026-01-05-開放政府聯絡人月會.md",
      text: "# 2026-01-05 開放政府聯絡人月會\n\n### 王小明：\n\n鄉鎮統計的開放也在月會上討論過。\n",
    },
  ]);
  assert.equal(imported.skipped.length, 0, JSON.stringify(imported.skipped));

  const created = await t.api("POST", "/api/v1/petitions", {
    token: pdis,
    body: {
      title: "開放臺灣鄉鎮統計資料",
      text: "請各機關以開放格式發布鄉鎮統計，並說明更新頻率。",
      agencies: ["moi"],
      endorsements: 5000,
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  petitionId = created.body.id;

  const moi = (await findOrg(t.db, "moi"))!.id;
  const c = await t.api("POST", "/api/v1/cases", {
    token: moiPo,
    body: { title: "外送員職業安全", summary: "雨天送餐的風險與鄉鎮統計。", leadAgencyId: moi },
  });
  assert.equal(c.status, 201, JSON.stringify(c.body));
  caseNumber = c.body.number;
});
after(() => t.close());

describe("search over petitions, responses and cases", () => {
  test("a Simplified query finds a Traditional petition title, with its link, date and marks", async () => {
    const r = await search({ q: "台湾乡镇统计资料" });
    assert.deepEqual(kinds(r), [`petition /petitions/${petitionId}`]);
    const hit = r.results[0]!;
    assert.equal(hit.title, "開放臺灣鄉鎮統計資料");
    assert.equal(hit.date, "2026-03-02");
    assert.equal(hit.speaker, null);
    assert.equal(hit.transcript, null);
    assert.equal(hit.state, null);
    // A body match is highlighted in the snippet.
    const body = await search({ q: "更新频率", type: "petition" });
    assert.equal(body.results[0]!.url, `/petitions/${petitionId}`);
    assert.match(body.results[0]!.snippet, /更新頻率/);
  });

  test("a draft response is not findable; once published its text is, linked to the response", async () => {
    await t.api("POST", `/api/v1/petitions/${petitionId}/assignment`, { token: pdis, body: { lead: "moi" } });
    const draft = await t.api("POST", `/api/v1/petitions/${petitionId}/response`, {
      token: moiPo,
      body: response("草稿裡的鯨豚保育段落。"),
    });
    assert.equal(draft.status, 200, JSON.stringify(draft.body));
    assert.equal((await search({ q: "鯨豚保育" })).total, 0, "a draft's words are not findable");

    // Rewritten and published: the new words are found, the draft's old words are gone.
    await t.api("POST", `/api/v1/petitions/${petitionId}/response`, {
      token: moiPo,
      body: response("現行戶籍法允許開放去識別化的統計。"),
    });
    assert.equal((await search({ q: "去识别化" })).total, 0, "still a draft");
    const published = await t.api("POST", `/api/v1/petitions/${petitionId}/response/publish`, {
      token: moiPo,
    });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    const r = await search({ q: "去识别化" });
    assert.deepEqual(kinds(r), [`response /petitions/${petitionId}#response-title`]);
    assert.equal(r.results[0]!.title, "開放臺灣鄉鎮統計資料");
    assert.match(r.results[0]!.snippet, /去識別化/);
    assert.equal((await search({ q: "鯨豚保育" })).total, 0);
  });

  test("a case's title and summary are found; its stakeholder contact is not", async () => {
    const byTitle = await search({ q: "外送员职业安全" });
    assert.deepEqual(kinds(byTitle), [`case /cases/${caseNumber}`]);
    assert.match((await search({ q: "雨天送餐" })).results[0]!.snippet, /雨天送餐/);

    const sh = await t.api("POST", `/api/v1/cases/${caseNumber}/research/stakeholders`, {
      token: moiPo,
      body: {
        name: "外送員工會",
        kind: "citizen-group",
        interest: "保險",
        influence: "high",
        contact: "0912-345-678 林理事長",
      },
    });
    assert.equal(sh.status, 201, JSON.stringify(sh.body));
    assert.equal((await search({ q: "林理事長" })).total, 0);
    assert.equal((await search({ q: "0912" })).total, 0);

    // An edited summary is searched as edited.
    const edited = await t.api("PATCH", `/api/v1/cases/${caseNumber}`, {
      token: moiPo,
      body: { summary: "夜間送餐的照明。" },
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal((await search({ q: "雨天送餐" })).total, 0);
    assert.deepEqual(kinds(await search({ q: "夜间送餐" })), [`case /cases/${caseNumber}`]);
  });

  test("all types rank together; a type filter narrows; speech-only filters leave civic records out", async () => {
    const all = await search({ q: "鄉鎮統計" });
    assert.deepEqual(new Set(all.results.map((r) => r.type)), new Set(["speech", "petition", "response"]));
    assert.equal(all.results[0]!.type, "petition", "a title match ranks first");
    for (const type of ["speech", "petition", "response"]) {
      const one = await search({ q: "鄉鎮統計", type });
      assert.equal(one.results.length, 1, type);
      assert.equal(one.results[0]!.type, type);
    }
    assert.equal((await search({ q: "鄉鎮統計", type: "case" })).total, 0);
    const bySpeechKind = await search({ q: "鄉鎮統計", kind: "monthly" });
    assert.deepEqual([...new Set(bySpeechKind.results.map((r) => r.type))], ["speech"]);
    // Dates filter civic records by their own date.
    assert.equal((await search({ q: "鄉鎮統計", type: "petition", to: "2026-03-01" })).total, 0);
    assert.equal((await search({ q: "鄉鎮統計", type: "petition", from: "2026-03-02" })).total, 1);
  });

  test("keyset pages across types do not overlap and end with next = null", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: Page = await search({ q: "鄉鎮統計", limit: "1", ...(cursor ? { cursor } : {}) });
      seen.push(...kinds(p));
      cursor = p.next;
    } while (cursor);
    assert.equal(seen.length, 3);
    assert.equal(new Set(seen).size, 3);
  });

  test("a bad type is a 400 naming the field", async () => {
    const r = await t.api<{ error: { field: string } }>("GET", "/api/v1/search?q=統計&type=matter");
    assert.equal(r.status, 400);
    assert.equal(r.body.error.field, "type");
  });

  test("a withdrawn petition keeps its public record: still found, marked", async () => {
    const p = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: { title: "重複登錄的路燈提議", text: "路燈太暗。", agencies: ["moi"] },
    });
    const w = await t.api("POST", `/api/v1/petitions/${p.body.id}/withdraw`, {
      token: pdis,
      body: { reason: "重複登錄" },
    });
    assert.equal(w.status, 200, JSON.stringify(w.body));
    const r = await search({ q: "路灯提议" });
    assert.equal(r.results[0]!.state, "withdrawn");
    const page = await (await t.app.request(`/search?q=${encodeURIComponent("路燈提議")}&lang=en`)).text();
    assert.match(page, /Withdrawn/);
  });

  test("the page labels civic results and filters by type; the feed includes them", async () => {
    const page = await (
      await t.app.request(`/search?q=${encodeURIComponent("鄉鎮統計")}&type=response&lang=zh-TW`)
    ).text();
    assert.match(page, /<option value="response" selected="">機關回應<\/option>/);
    assert.ok(page.includes(`href="/petitions/${petitionId}#response-title"`));
    assert.ok(!page.includes(`href="/petitions/${petitionId}"`), "the type filter left the petition out");
    assert.match(page, /<mark>鄉鎮統計<\/mark>/);
    const en = await (await t.app.request(`/search?q=${encodeURIComponent("外送員")}&lang=en`)).text();
    assert.match(en, /<span class="tag">Case<\/span>/);
    assert.ok(en.includes(`href="/cases/${caseNumber}"`));
    const bad = await t.app.request(`/search?q=x&type=matter`);
    assert.equal(bad.status, 400);

    const feed = await (await t.app.request(`/search/feed.atom?q=${encodeURIComponent("鄉鎮統計")}`)).text();
    assert.ok(feed.includes(`/petitions/${petitionId}#response-title`));
    assert.ok(feed.includes(`/petitions/${petitionId}</id>`));
  });

  test("records written before the search text existed are filled at start-up", async () => {
    await t.db.execute(sql`update petitions set search_text = ''`);
    await t.db.execute(sql`update petition_responses set search_text = ''`);
    await t.db.execute(sql`update cases set search_text = ''`);
    assert.equal((await search({ q: "鄉鎮統計", type: "petition" })).total, 0);
    assert.ok((await ensurePetitionSearch(t.db)).filled >= 3);
    assert.equal((await ensureCaseSearch(t.db)).filled, 1);
    assert.equal((await search({ q: "鄉鎮統計", type: "petition" })).total, 1);
    assert.equal((await search({ q: "去識別化" })).total, 1);
    assert.equal((await search({ q: "夜間送餐" })).total, 1);
  });
});
