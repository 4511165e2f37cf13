import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { findOrg } from "../directory/index.ts";
import { runDueJobs } from "../../runtime.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let pdis: string;
let moiPo: string;

const clock = () => t.rt.clock as FixedClock;

before(async () => {
  t = await createTestApp();
  pdis = await t.tokenFor("pdis-project-manager@example.org");
  moiPo = await t.tokenFor("po-moi-lead@example.org");
});
after(() => t.close());

async function enter(title: string, body: Record<string, unknown> = {}) {
  const res = await t.api("POST", "/api/v1/petitions", {
    token: pdis,
    body: { title, text: `${title}的內容`, agencies: ["moi"], ...body },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string; state: string };
}

async function importCsv(rows: string[]) {
  const res = await t.app.request("/api/v1/petitions/import", {
    method: "POST",
    headers: { authorization: `Bearer ${pdis}`, "content-type": "text/csv", accept: "application/json" },
    body: [
      "external_id,url,title,text,proposer,agencies,endorsements,endorsements_at,opens_at",
      ...rows,
    ].join("\n"),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe("withdrawing a petition entered by mistake", () => {
  test("PDIS withdraws with a public reason: the record stays, clocks stop, it leaves the index and the trail", async () => {
    clock().set(new Date("2026-03-02T02:00:00Z"));
    const imp = await importCsv([
      "JOIN-W1,https://join.gov.tw/idea/detail/w1,重複登錄的提議,內容,王小明,moi,5000,2026-03-02T01:00:00Z,2026-02-20",
    ]);
    assert.equal(imp.status, 200, JSON.stringify(imp.body));
    const list = await t.api("GET", "/api/v1/petitions?q=JOIN-W1");
    const id = list.body.items[0].id as string;
    assert.equal(list.body.items[0].state, "qualified");

    // Only PDIS or an admin; the reason is required and named.
    const po = await t.api("POST", `/api/v1/petitions/${id}/withdraw`, {
      token: moiPo,
      body: { reason: "x" },
    });
    assert.equal(po.status, 403);
    const anon = await t.api("POST", `/api/v1/petitions/${id}/withdraw`, { body: { reason: "x" } });
    assert.equal(anon.status, 401);
    const noReason = await t.api("POST", `/api/v1/petitions/${id}/withdraw`, {
      token: pdis,
      body: { reason: "  " },
    });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.error.field, "reason");
    assert.equal(
      (await t.api("GET", `/api/v1/petitions/${id}`)).body.state,
      "qualified",
      "nothing half-written",
    );

    const done = await t.api("POST", `/api/v1/petitions/${id}/withdraw`, {
      token: pdis,
      body: { reason: "與 JOIN-W0 重複登錄" },
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.state, "withdrawn");
    assert.deepEqual(done.body.withdrawal, {
      reason: "與 JOIN-W0 重複登錄",
      at: clock().now().toISOString(),
    });
    assert.ok(done.body.clocks.response.stoppedAt, "the response clock stopped");
    assert.equal(done.body.overdue, false);

    // The public record keeps it, with the reason in its timeline.
    const pub = (await t.api("GET", `/api/v1/petitions/${id}`)).body;
    const event = pub.timeline.find((e: any) => e.kind === "withdrawn");
    assert.equal(event.data.reason, "與 JOIN-W0 重複登錄");
    const page = await (await t.app.request(`/petitions/${id}?lang=en`)).text();
    assert.match(page, /與 JOIN-W0 重複登錄/);
    assert.match(page, /Withdrawn on/);

    // It leaves the index unless asked for; the export keeps it.
    const index = await t.api("GET", "/api/v1/petitions?limit=100");
    assert.ok(!index.body.items.some((x: any) => x.id === id));
    const withdrawn = await t.api("GET", "/api/v1/petitions?state=withdrawn");
    assert.deepEqual(
      withdrawn.body.items.map((x: any) => x.id),
      [id],
    );
    const exported = await t.api("GET", "/api/v1/petitions/export.json");
    assert.equal(exported.body.items.find((x: any) => x.id === id).state, "withdrawn");

    // Twice is refused; so are new endorsements; an import of its source changes nothing.
    const again = await t.api("POST", `/api/v1/petitions/${id}/withdraw`, {
      token: pdis,
      body: { reason: "x" },
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, "petition_wrong_state");
    const endorse = await t.api("POST", `/api/v1/petitions/${id}/endorsements`, {
      token: pdis,
      body: { count: 9000 },
    });
    assert.equal(endorse.status, 409);
    const reimport = await importCsv([
      "JOIN-W1,https://join.gov.tw/idea/detail/w1,改過的標題,內容,王小明,moi,9000,2026-03-02T01:00:00Z,2026-02-20",
    ]);
    assert.equal(reimport.body.unchanged, 1, JSON.stringify(reimport.body));
    assert.equal((await t.api("GET", `/api/v1/petitions/${id}`)).body.title, "重複登錄的提議");

    // A case cannot take it up, nor a vote.
    const moi = await findOrg(t.db, "moi");
    const caseRes = await t.api("POST", "/api/v1/cases", {
      token: pdis,
      body: { title: "自提案", leadAgencyId: moi!.id, petitionId: id },
    });
    assert.equal(caseRes.status, 400);
    assert.equal(caseRes.body.error.field, "petitionId");

    // Its deadlines no longer lapse: months later the sweep escalates nothing.
    clock().set(new Date("2026-08-01T02:00:00Z"));
    await runDueJobs(t.rt);
    const late = (await t.api("GET", `/api/v1/petitions/${id}`, { token: pdis })).body;
    assert.deepEqual(late.internal.escalations, []);
  });

  test("a petition a case took up, or one already answered, stays", async () => {
    clock().set(new Date("2026-03-02T02:00:00Z"));
    const p = await enter("已被協作會議處理", { endorsements: 5000 });
    const moi = await findOrg(t.db, "moi");
    const c = await t.api("POST", "/api/v1/cases", {
      token: pdis,
      body: { title: "自提案", leadAgencyId: moi!.id, petitionId: p.id },
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    const refused = await t.api("POST", `/api/v1/petitions/${p.id}/withdraw`, {
      token: pdis,
      body: { reason: "x" },
    });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, "petition_taken_up");
    assert.match(refused.body.error.message, new RegExp(`#${c.body.number}`));
    // The page offers no withdraw form for it.
    const page = await t.app.request(`/petitions/${p.id}`, { headers: { authorization: `Bearer ${pdis}` } });
    assert.doesNotMatch(await page.text(), /withdraw-form/);
  });
});

describe("open data and feeds of responses", () => {
  test("the responses export has published responses with their updates, never drafts", async () => {
    clock().set(new Date("2026-03-02T02:00:00Z"));
    // A title a spreadsheet would run as a formula.
    const p = await enter('=HYPERLINK("x")', { endorsements: 5000 });
    const draftOnly = await enter("只有草稿", { endorsements: 5000 });
    for (const id of [p.id, draftOnly.id])
      await t.api("POST", `/api/v1/petitions/${id}/assignment`, { token: pdis, body: { lead: "moi" } });
    const response = {
      analysis: "分析內容",
      suggestion: "建議內容",
      plan: "辦理計畫",
      references: [{ title: "參考", url: "https://example.org/ref" }],
      citations: [],
      evaluatedBy: "內政部",
      evaluationMethod: "工作會議",
    };
    for (const id of [p.id, draftOnly.id]) {
      const saved = await t.api("POST", `/api/v1/petitions/${id}/response`, { token: moiPo, body: response });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
    }
    await t.api("POST", `/api/v1/petitions/${p.id}/response/publish`, { token: moiPo });
    clock().advance(3 * 86_400_000);
    const upd = await t.api("POST", `/api/v1/petitions/${p.id}/updates`, {
      token: moiPo,
      body: { body: "已完成第一階段" },
    });
    assert.equal(upd.status, 200, JSON.stringify(upd.body));

    const json = await t.api("GET", "/api/v1/petitions/responses/export.json");
    assert.equal(json.status, 200);
    const items = json.body.items.filter((r: any) => [p.id, draftOnly.id].includes(r.petition.id));
    assert.equal(items.length, 1, "the draft is not exported");
    const [r] = items;
    assert.equal(r.petition.title, '=HYPERLINK("x")', "JSON keeps the text as written");
    assert.equal(r.petition.lead.slug, "moi");
    assert.match(r.petition.page, new RegExp(`/petitions/${p.id}$`));
    assert.equal(r.status, "published");
    assert.equal(r.analysis, "分析內容");
    assert.deepEqual(
      r.updates.map((u: any) => u.body),
      ["已完成第一階段"],
    );

    const res = await t.app.request("/api/v1/petitions/responses/export.csv");
    assert.match(res.headers.get("content-type") ?? "", /text\/csv/);
    const rows = parse((await res.text()).replace(/^\uFEFF/, ""), { columns: true }) as Array<
      Record<string, string>
    >;
    const row = rows.find((x) => x.petition_id === p.id)!;
    assert.equal(row.lead_agency, "moi");
    assert.equal(row.title, `'=HYPERLINK("x")`, "a formula is neutralised in the spreadsheet");
    assert.equal(row.plan, "辦理計畫");
    assert.match(row.updates!, /已完成第一階段/);
    assert.ok(!rows.some((x) => x.petition_id === draftOnly.id));
    const all = await t.app.request("/api/v1/petitions/export.csv");
    const petitions = parse((await all.text()).replace(/^\uFEFF/, ""), { columns: true }) as Array<
      Record<string, string>
    >;
    assert.equal(petitions.find((x) => x.id === p.id)!.title, `'=HYPERLINK("x")`);
  });

  test("Atom: the index (by agency) and one petition's public timeline, never internal entries", async () => {
    clock().set(new Date("2026-03-02T02:00:00Z"));
    const p = await enter("訂閱測試", { endorsements: 5000 });
    const other = await enter("另一機關", { agencies: ["moea"] });
    const index = await t.app.request("/petitions/feed.atom?agency=moi");
    assert.equal(index.status, 200);
    assert.match(index.headers.get("content-type") ?? "", /application\/atom\+xml/);
    const xml = await index.text();
    assert.match(xml, /訂閱測試/);
    assert.doesNotMatch(xml, /另一機關/);
    assert.match(await (await t.app.request("/petitions/feed.atom")).text(), new RegExp(other.id));
    assert.equal((await t.app.request("/petitions/feed.atom?agency=no-such")).status, 400);
    assert.equal((await t.app.request("/petitions/feed.atom?agency=%3Cx%3E")).status, 400);

    // Let the plan deadline lapse: the escalation is internal and stays out of the feed, even for PDIS.
    clock().set(new Date("2026-03-20T02:00:00Z"));
    await runDueJobs(t.rt);
    const internal = (await t.api("GET", `/api/v1/petitions/${p.id}`, { token: pdis })).body;
    assert.ok(
      internal.timeline.some((e: any) => e.internal),
      "the sweep recorded an internal entry",
    );
    const feed = await t.app.request(`/petitions/${p.id}/feed.atom?lang=en`, {
      headers: { authorization: `Bearer ${pdis}` },
    });
    assert.equal(feed.status, 200);
    const text = await feed.text();
    assert.match(text, /Qualified/);
    assert.doesNotMatch(text, /escalated/i);
    assert.equal((await t.app.request("/petitions/not-a-uuid/feed.atom")).status, 404);
  });
});
