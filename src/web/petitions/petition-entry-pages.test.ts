// PDIS enters a petition and imports a file through the pages: the same use cases as the API, errors
// on the form in the reader's language, the import's summary and its problems by line and field.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { assertTranslated, pageClient, pageSection as section, pageText as text } from "../test-client.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
const client = pageClient(() => t);
const { get, post } = client;
let pdis: { cookie: string; csrf: string };
let po: { cookie: string; csrf: string };

/** No petitions key may be left untranslated. */
function assertPetitionsTranslated(html: string) {
  const leaked = html
    .match(/\bpetitions\.[a-zA-Z][\w-]*(\.[\w-]+)*/g)
    ?.filter((k) => !k.endsWith(".csv") && !k.endsWith(".json") && !k.endsWith(".atom"));
  assert.deepEqual(leaked ?? [], [], "untranslated keys");
  assertTranslated(html);
}

/** Every petition in the open-data export, by external id. */
async function exported(): Promise<Map<string, any>> {
  const res = await t.api("GET", "/api/v1/petitions/export.json");
  return new Map(res.body.items.map((p: any) => [p.externalId, p]));
}

/** Uploads a file to the import page as a browser does (multipart). */
async function upload(name: string, content: string, type: string, session = pdis) {
  const body = new FormData();
  body.append("_csrf", session.csrf);
  body.append("file", new File([content], name, { type }));
  const res = await t.app.request("/petitions/import", {
    method: "POST",
    headers: { accept: "text/html", cookie: session.cookie },
    body,
  });
  return { res, status: res.status, html: await res.text() };
}

const entry = (over: Record<string, string | string[]> = {}) => ({
  _csrf: pdis.csrf,
  kind: "petition",
  title: "公車即時資料開放",
  text: "請開放公車即時到站資料。",
  proposer: "林小華",
  externalId: "FORM-1",
  url: "https://join.gov.tw/idea/detail/form-1",
  agencies: ["moi"],
  agenciesOther: "moea",
  endorsements: "120",
  endorsementsAt: "2026-03-24T09:30",
  opensAt: "2026-03-20",
  closesAt: "",
  threshold: "5000",
  ...over,
});

before(async () => {
  t = await createTestApp();
  (t.rt.clock as FixedClock).set(new Date("2026-03-25T02:00:00Z"));
  pdis = await client.signIn("pdis-project-manager@example.org");
  po = await client.signIn("po-moi-lead@example.org");
});
after(() => t.close());

describe("entering and importing petitions through pages", () => {
  test("only PDIS and admins: the signed-out sign in first, a PO is refused, the index links them", async () => {
    for (const path of ["/petitions/new", "/petitions/import"]) {
      const anon = await get(path);
      assert.equal(anon.status, 303, path);
      assert.equal(anon.res.headers.get("location"), `/sign-in?redirectTo=${encodeURIComponent(path)}`);
      assert.equal((await get(path, { cookie: po.cookie })).status, 403, path);
    }
    const before = (await exported()).size;
    const refused = await post("/petitions", entry({ _csrf: po.csrf }), { cookie: po.cookie });
    assert.equal(refused.status, 403);
    const refusedImport = await post(
      "/petitions/import",
      { _csrf: po.csrf, text: "external_id,title,text,opens_at\nPO-1,t,x,2026-03-02\n" },
      { cookie: po.cookie },
    );
    assert.equal(refusedImport.status, 403);
    assert.equal((await exported()).size, before, "nothing written");
    assert.ok(!(await get("/petitions", { cookie: po.cookie })).html.includes('href="/petitions/new"'));
    const index = await get("/petitions", { cookie: pdis.cookie });
    assert.ok(index.html.includes('href="/petitions/new"'));
    assert.ok(index.html.includes('href="/petitions/import"'));
  });

  test("PDIS enters a petition through the form and is taken to it", async () => {
    const form = await get("/petitions/new", { cookie: pdis.cookie });
    assert.equal(form.status, 200);
    assert.equal(form.res.headers.get("cache-control"), "no-store");
    assertPetitionsTranslated(form.html);
    assert.match(form.html, /name="_csrf"/);
    assert.match(form.html, /<input[^>]*name="agencies"[^>]*value="moi"/, "agencies to choose from");
    assertPetitionsTranslated((await get("/petitions/new?lang=en", { cookie: pdis.cookie })).html);

    const res = await post("/petitions", entry(), { cookie: pdis.cookie });
    assert.equal(res.status, 303, text(res.html));
    const location = res.res.headers.get("location") ?? "";
    const m = /^\/petitions\/([0-9a-f-]{36})\?done=created$/.exec(location);
    assert.ok(m, location);
    const p = (await t.api("GET", `/api/v1/petitions/${m[1]}`)).body;
    assert.equal(p.title, "公車即時資料開放");
    assert.equal(p.externalId, "FORM-1");
    assert.equal(p.url, "https://join.gov.tw/idea/detail/form-1");
    assert.equal(p.proposer, "林小華");
    assert.deepEqual(p.agencies.named.map((a: any) => a.slug).sort(), ["moea", "moi"]);
    assert.equal(p.endorsementCount, 120);
    assert.equal(p.endorsementCountAt, "2026-03-24T01:30:00.000Z", "the count's time, Taipei");
    assert.equal(p.opensAt, "2026-03-19T16:00:00.000Z", "the start of the Taipei day");
    assert.equal(p.threshold, 5000);
    const page = await get(location, { cookie: pdis.cookie });
    assert.match(text(page.html), /已登錄這件提議/);

    // A notice with its period's end given: the end of that Taipei day.
    const notice = await post(
      "/petitions",
      entry({
        kind: "notice",
        externalId: "FORM-2",
        title: "預告修正",
        endorsements: "",
        endorsementsAt: "",
        closesAt: "2026-05-31",
        agencies: [],
        agenciesOther: "",
      }),
      { cookie: pdis.cookie },
    );
    assert.equal(notice.status, 303, text(notice.html));
    const n = (await exported()).get("FORM-2");
    assert.equal(n.kind, "notice");
    assert.equal(n.closesAt, "2026-05-31T15:59:59.999Z");
  });

  test("a bad field comes back on the form, in the reader's language, with what was typed; nothing is written", async () => {
    const before = (await exported()).size;
    const bad = await post(
      "/petitions?lang=en",
      entry({ externalId: "FORM-BAD", title: "", endorsements: "many", closesAt: "2026-03-10" }),
      { cookie: pdis.cookie },
    );
    assert.equal(bad.status, 400);
    assertPetitionsTranslated(bad.html);
    const form = bad.html.slice(bad.html.indexOf('id="petition-entry"'));
    assert.match(form, /class="error-summary"/);
    assert.match(form, /href="#petition-entry-title"/, "the summary links to the field");
    assert.match(form, /id="petition-entry-title-error"/);
    assert.match(text(form), /Title: Please fill in this field\./);
    assert.match(text(form), /Enter a whole number from 0 to 100000000\./);
    assert.match(text(form), /The window must close after it opens\./);
    assert.match(form, /value="FORM-BAD"/, "what was typed is kept");
    assert.match(form, /請開放公車即時到站資料。/);
    assert.equal((await exported()).size, before, "nothing written");

    // A notice takes no endorsements; in Chinese by default.
    const notice = await post("/petitions", entry({ kind: "notice", externalId: "FORM-BAD-2" }), {
      cookie: pdis.cookie,
    });
    assert.equal(notice.status, 400);
    assert.match(text(notice.html), /法規預告沒有附議，請留空。/);

    // What only the use case knows: an unknown agency, an external id already entered.
    const unknown = await post(
      "/petitions",
      entry({ externalId: "FORM-BAD-3", agenciesOther: "moea, atlantis" }),
      { cookie: pdis.cookie },
    );
    assert.equal(unknown.status, 400);
    assert.match(unknown.html, /id="petition-entry-agenciesOther-error"/);
    assert.match(text(unknown.html), /沒有簡稱為 atlantis 的機關/);
    const twice = await post("/petitions", entry(), { cookie: pdis.cookie });
    assert.equal(twice.status, 409);
    assert.match(twice.html, /id="petition-entry-externalId-error"/);
    assert.match(text(twice.html), /來源編號 FORM-1 的提議已經登錄/);
    assert.equal((await exported()).size, before, "nothing written");
  });

  test("importing a valid CSV creates the petitions and shows the counts; again, nothing changes", async () => {
    const page = await get("/petitions/import", { cookie: pdis.cookie });
    assert.equal(page.status, 200);
    assertPetitionsTranslated(page.html);
    assert.match(page.html, /enctype="multipart\/form-data"/);
    assert.match(page.html, /<code>endorsements_at<\/code>/, "the columns are described");
    assert.match(page.html, /href="\/petitions\/import\/sample\.csv"/);
    assertPetitionsTranslated((await get("/petitions/import?lang=en", { cookie: pdis.cookie })).html);

    // The sample offered on the page imports as it is.
    const sample = await get("/petitions/import/sample.csv");
    assert.equal(sample.status, 200);
    const done = await upload("petitions.csv", sample.html, "text/csv");
    assert.equal(done.status, 200, text(done.html));
    const result = text(section(done.html, "import-result"));
    assert.match(result, /匯入完成：共 2 列/);
    assert.match(result, /新增 2/);
    assert.match(result, /更新 0/);
    assert.match(result, /因本次匯入而成案 1/);
    const rows = await exported();
    assert.equal(rows.get("SAMPLE-2026-0001").state, "qualified");
    assert.deepEqual(
      rows.get("SAMPLE-2026-0001").agencies.named.map((a: any) => a.slug),
      ["moi"],
    );
    assert.equal(rows.get("SAMPLE-2026-0002").kind, "notice");

    const again = await upload(
      "petitions.json",
      (await get("/petitions/import/sample.json")).html,
      "application/json",
    );
    assert.equal(again.status, 200, text(again.html));
    assert.match(text(section(again.html, "import-result")), /未變更 2/);
  });

  test("an import with a bad row shows every problem by line and field, and writes nothing", async () => {
    const before = (await exported()).size;
    const csv = [
      "external_id,title,text,agencies,endorsements,opens_at",
      "IMP-1,好的一列,內容,moi,10,2026-03-02",
      "IMP-2,壞的一列,內容,moi,10,2026-02-30",
      "IMP-3,另一列,內容,atlantis,10,2026-03-02",
    ].join("\n");
    const bad = await post("/petitions/import", { _csrf: pdis.csrf, text: csv }, { cookie: pdis.cookie });
    assert.equal(bad.status, 422);
    assertPetitionsTranslated(bad.html);
    const result = text(section(bad.html, "import-result"));
    assert.match(result, /沒有匯入任何資料：檔案中有 2 個問題/);
    assert.match(result, /沒有新增或修改任何提議/);
    assert.match(result, /第 3 行 · opens_at ?：必須是日期/);
    assert.match(result, /第 4 行 · agencies ?：沒有這個機關：atlantis/);
    assert.match(bad.html, /IMP-1,好的一列/, "the pasted text is kept for correcting");
    const rows = await exported();
    assert.equal(rows.size, before, "nothing written");
    assert.ok(!rows.has("IMP-1"), "not even the good row");

    const uploaded = await upload("bad.csv", csv, "text/csv");
    assert.equal(uploaded.status, 422);
    assert.match(text(section(uploaded.html, "import-result")), /第 3 行 · opens_at/);
    const english = await post(
      "/petitions/import?lang=en",
      { _csrf: pdis.csrf, text: csv },
      { cookie: pdis.cookie },
    );
    assert.match(text(section(english.html, "import-result")), /Line 3 · opens_at ?: must be a date/);

    const empty = await post("/petitions/import", { _csrf: pdis.csrf, text: " " }, { cookie: pdis.cookie });
    assert.equal(empty.status, 400);
    assert.match(empty.html, /id="petition-import-file-error"/);
    assert.equal((await exported()).size, before);
  });
});

describe("the import's problems in the reader's language", () => {
  test("every message the import can give is translated on the page", async () => {
    const { readFile } = await import("node:fs/promises");
    const { translator } = await import("../../platform/i18n/index.ts");
    const { problemText } = await import("./petition-entry-pages.tsx");
    const src = (
      await Promise.all(
        ["import-file.ts", "use-cases/import-petitions.ts"].map((f) =>
          readFile(new URL(`../../modules/petitions/${f}`, import.meta.url), "utf8"),
        ),
      )
    ).join("\n");
    // The messages as written in the module, with sample values in their placeholders.
    const messages = [...src.matchAll(/(?:bad\([^,]+,|message:)\s*(["`])((?:(?!\1).)*)\1/g)].map((m) =>
      m[2]!.replace(/\$\{([^}]*)\}/g, (_, expr: string) => (/kind/.test(expr) ? "notice" : "7")),
    );
    assert.ok(messages.length >= 20, `found ${messages.length} messages`);
    for (const locale of ["zh-TW", "en"] as const) {
      const v = { locale, t: translator(locale) } as Parameters<typeof problemText>[0];
      for (const message of messages) {
        const shown = problemText(v, message);
        assert.doesNotMatch(shown, /petitions\./, `${message} → ${shown}`);
        if (locale === "zh-TW") assert.notEqual(shown, message, `untranslated: ${message}`);
      }
    }
  });
});
