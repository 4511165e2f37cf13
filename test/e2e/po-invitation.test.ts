// Browser journeys: sign in by the e-mail link → accept a PO invitation → see the PO role on the
// profile, in both languages; and, on a 360px phone, a unit's staff acknowledge and answer a help
// request; a PO raises an early warning and comments on it; and, signed out, the public reads the
// transcript archive and searches it; and follows the civic trail from a petition to its case, issue
// handbook and commitments. An axe-core scan of every page on the way.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import axe from "axe-core";

const root = fileURLToPath(new URL("../../", import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
let server: ChildProcess;
let browser: Browser;
let base: string;
let dataDir: string;
let serverLog = "";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function cli(args: string[]): string {
  const r = spawnSync(process.execPath, [join(root, "bin/po-network.js"), ...args], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent" },
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

async function api(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as any;
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Runs axe-core (WCAG 2.x A/AA rules) and fails on serious or critical violations. */
async function scan(page: Page, label: string) {
  await page.evaluate(axe.source);
  const result = await page.evaluate(() =>
    (globalThis as any).axe.run((globalThis as any).document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    }),
  );
  const bad = (result.violations as Array<{ id: string; impact: string; nodes: unknown[] }>).filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`),
    [],
    `axe violations on ${label}`,
  );
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "po-e2e-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["--import", "tsx", join(root, "src/main.ts")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      PUBLIC_URL: base,
      NODE_ENV: "development",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (d: Buffer) => (serverLog += d.toString()));
  server.stderr?.on("data", (d: Buffer) => (serverLog += d.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test("sign in by e-mail link, accept a PO invitation, see the PO role in both languages", async () => {
  // Set-up through the CLI (attached to the running server's database) and the API.
  cli(["admin", "create", "--email", "e2e-admin@example.org", "--name", "示範管理員"]);
  const admin = cli(["token", "create", "--email", "e2e-admin@example.org"]);
  const person = await api("POST", "/api/v1/people", admin, {
    email: "e2e-invitee@example.org",
    name: "示範受邀者",
    nameEn: "Demo Invitee",
  });
  await api("POST", "/api/v1/agencies/moi/po-invitations", admin, { personId: person.id, tags: ["team-po"] });

  // axe is injected by the test; the product's CSP forbids inline scripts, as it should.
  const context = await browser.newContext({ bypassCSP: true, locale: "zh-TW" });
  const page = await context.newPage();

  await page.goto(`${base}/sign-in`);
  assert.equal(await page.getAttribute("html", "lang"), "zh-Hant-TW");
  await scan(page, "sign-in (zh-TW)");
  await page.getByLabel(/電子郵件/).fill("e2e-invitee@example.org");
  await page.locator("main form button[type=submit]").click();
  await page.waitForLoadState();
  await scan(page, "sign-in sent");

  await page.goto(`${base}/dev/mailbox`);
  const link = page.locator(`a[href^="${base}/sign-in/"]`).first();
  await link.click();
  await page.waitForURL(/\/account/);
  assert.match(await page.locator("main").innerText(), /示範受邀者/);
  assert.match(await page.locator("#invitations").innerText(), /內政部/);
  await scan(page, "account with a pending invitation");

  await page.locator("#invitations form[action*='/accept'] button").click();
  await page.waitForURL(/\/account/);
  await scan(page, "account after accepting");

  await page.locator(`a[href="/people/${person.id}"]`).first().click();
  await page.waitForURL(new RegExp(`/people/${person.id}`));
  const zh = await page.locator("main").innerText();
  assert.match(zh, /內政部的開放政府聯絡人（PO）/);
  await scan(page, "profile (zh-TW)");

  await page.locator("nav.lang-switch a[href*='lang=en']").click();
  await page.waitForURL(/lang=en/);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  const en = await page.locator("main").innerText();
  assert.match(en, /Participation Officer \(PO\) of Ministry of the Interior/);
  await scan(page, "profile (en)");

  // The choice is remembered: the next page without ?lang is English too.
  await page.goto(`${base}/account`);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await context.close();

  // The API agrees: the person now holds the PO role for the Ministry of the Interior.
  const profile = await api("GET", `/api/v1/people/${person.id}`, admin);
  assert.ok(profile.roles.some((r: any) => r.role === "po" && r.agency.slug === "moi"));
});

/** Signs a seeded person in through the sign-in form and the development mailbox. */
async function signInAs(page: Page, email: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel(/電子郵件|E-mail/).fill(email);
  await page.locator("main form button[type=submit]").click();
  await page.waitForLoadState();
  await page.goto(`${base}/dev/mailbox`);
  const link = `a[href^="${base}/sign-in/"]`;
  const card = page.locator("li.card", { hasText: email }).filter({ has: page.locator(link) });
  await card.first().locator(link).first().click();
  await page.waitForURL(/\/account/);
}

/** Nothing is wider than the viewport: no sideways scrolling on a phone. */
async function assertFits(page: Page, label: string) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: (globalThis as any).document.documentElement.scrollWidth as number,
    client: (globalThis as any).document.documentElement.clientWidth as number,
  }));
  assert.ok(scroll <= client, `${label}: ${scroll}px wide in a ${client}px viewport`);
}

test("on a 360px phone: a unit's staff acknowledge and answer a help request; pages pass axe", async () => {
  const requester = cli(["token", "create", "--email", "po-moea-lead@example.org"]);
  const units = await api("GET", "/api/v1/agencies?kind=unit&parent=moi", requester);
  const unit = units.items.find((u: any) => u.slug === "moi-dept-civil-affairs");
  const asked = await api("POST", "/api/v1/help-requests", requester, {
    title: "戶籍資料欄位確認",
    body: "需要民政司協助確認戶籍資料欄位。",
    target: { kind: "unit", id: unit.id },
  });

  const context = await browser.newContext({
    bypassCSP: true,
    locale: "zh-TW",
    viewport: { width: 360, height: 740 },
  });
  const page = await context.newPage();
  await signInAs(page, "staff-moi-civil-affairs@example.org");

  await page.locator("nav.main-nav a[href='/work']").click();
  await page.waitForURL(/\/work/);
  assert.match(await page.locator("#to-me").innerText(), /戶籍資料欄位確認/);
  await scan(page, "my work (360px)");
  await assertFits(page, "my work");

  await page.locator(`#to-me a[href="/help-requests/${asked.id}"]`).click();
  await page.waitForURL(new RegExp(`/help-requests/${asked.id}`));
  assert.match(await page.locator("#clocks").innerText(), /請於 .+ 前回覆收到/);
  await scan(page, "help request (360px)");
  await assertFits(page, "help request");

  await page.locator("#acknowledge-form button[type=submit]").click();
  await page.waitForURL(/done=acknowledged/);
  await page.getByLabel("答覆內容").fill("欄位說明已寄給您。");
  await page.locator("#respond-form button[type=submit]").click();
  await page.waitForURL(/done=responded/);
  assert.match(await page.locator("#answer").innerText(), /欄位說明已寄給您。/);
  await scan(page, "answered help request (360px)");

  await page.goto(`${base}/help-requests/new?kind=unit`);
  await scan(page, "ask for help (360px)");
  await assertFits(page, "ask for help");
  await page.goto(`${base}/matters/new?lang=en`);
  await scan(page, "raise a matter (360px, en)");
  await assertFits(page, "raise a matter");
  await page.getByLabel("Title", { exact: true }).fill("Household data sharing");
  await page.getByLabel("Owning unit 1 (optional)").selectOption("moi-dept-civil-affairs");
  await page.locator("#matter-form button[type=submit]").click();
  await page.waitForURL(/\/matters\/M-\d{4}-\d{4}/);
  assert.match(await page.locator("#triage").innerText(), /Exactly one unit owns it/);
  await scan(page, "matter (360px, en)");
  await assertFits(page, "matter");

  await page.goto(`${base}/inbox?lang=zh-TW`);
  await scan(page, "inbox (360px)");
  await assertFits(page, "inbox");
  await context.close();

  // The requester reads the answer through the API too.
  const answered = await api("GET", `/api/v1/help-requests/${asked.id}`, requester);
  assert.equal(answered.state, "answered");
});

test("on a 360px phone: a PO raises an early warning through the form, finds it on the radar and comments; pages pass axe", async () => {
  const context = await browser.newContext({
    bypassCSP: true,
    locale: "zh-TW",
    viewport: { width: 360, height: 740 },
  });
  const page = await context.newPage();
  await signInAs(page, "po-moi-lead@example.org");

  await page.locator("nav.main-nav a[href='/early-warnings']").click();
  await page.waitForURL(/\/early-warnings/);
  await scan(page, "early-warning radar (360px)");
  await assertFits(page, "early-warning radar");

  await page.goto(`${base}/early-warnings/new?lang=en`);
  await scan(page, "raise an early warning (360px, en)");
  await assertFits(page, "raise an early warning");
  await page.getByLabel("Title", { exact: true }).fill("Legislator to question a household data leak");
  await page.getByLabel(/What was seen/).fill("A legislator's office called about leaked household records.");
  await page.getByRole("radio", { name: /^A legislator/ }).check();
  await page.getByLabel(/Evidence links/).fill("https://news.example.org/leak\nnot a link");
  await page.getByLabel("Ministry of the Interior", { exact: true }).check();
  await page.getByLabel(/Expected to flare up within/).fill("30");
  await page.getByRole("radio", { name: /^High/ }).check();
  await page.locator("#warning-form button[type=submit]").click();
  await page.waitForLoadState();
  assert.match(await page.locator("#warning-form-evidence-error").innerText(), /Line 2/);
  await scan(page, "raise an early warning with an error (360px, en)");

  await page.getByLabel(/Evidence links/).fill("https://news.example.org/leak");
  await page.locator("#warning-form button[type=submit]").click();
  await page.waitForURL(/\/early-warnings\/[0-9a-f-]{36}\?done=raised/);
  assert.match(await page.locator("main").innerText(), /High severity/);
  await scan(page, "early warning (360px, en)");
  await assertFits(page, "early warning");

  await page.getByLabel("Your comment").fill("The Ministry's press office has been told.");
  await page.locator("#comment-form button[type=submit]").click();
  await page.waitForURL(/done=commented/);
  assert.match(await page.locator("#comments").innerText(), /press office has been told/);

  await page.goto(`${base}/early-warnings?source=legislator&lang=en`);
  assert.match(await page.locator("#warnings").innerText(), /Legislator to question a household data leak/);
  await scan(page, "filtered radar (360px, en)");
  await page.goto(`${base}/early-warnings/look-back?lang=zh-TW`);
  await scan(page, "look-back (360px)");
  await assertFits(page, "look-back");
  await context.close();
});

test("the public reads the archive and searches it, signed out, on a phone and a desktop; pages pass axe", async () => {
  for (const viewport of [
    { width: 360, height: 780 },
    { width: 1280, height: 900 },
  ]) {
    const context = await browser.newContext({ bypassCSP: true, locale: "zh-TW", viewport });
    const page = await context.newPage();

    await page.goto(`${base}/transcripts`);
    await scan(page, `archive index ${viewport.width}px`);
    await page.click("text=示範 開放政府聯絡人月會");
    await page.waitForSelector("h1");
    assert.match((await page.textContent("h1")) ?? "", /示範 開放政府聯絡人月會/);
    await scan(page, `transcript page ${viewport.width}px`);

    // A speaker's name leads to the speaker's page.
    await page.click('main a[href^="/speakers/"]');
    await page.waitForURL(/\/speakers\//);
    await scan(page, `speaker page ${viewport.width}px`);

    // Search from the navigation: a Simplified query finds the Traditional phrase, highlighted.
    await page.click('nav a[href="/search"]');
    await page.fill("#search-q", "户政线上申办");
    await page.click('form[role="search"] button[type="submit"]');
    await page.waitForSelector("#search-results");
    assert.equal(await page.textContent("#search-results ~ ol mark, .search-results mark"), "戶政線上申辦");
    await scan(page, `search results ${viewport.width}px`);

    // The permalink page carries a citation to copy.
    await page.click('.search-results a[href^="/speeches/"]');
    await page.waitForURL(/\/speeches\//);
    assert.match(await page.content(), /<textarea[^>]*readonly/);
    await scan(page, `speech permalink ${viewport.width}px`);
    await context.close();
  }
});

test("the civic trail: petition → case → handbook → commitment, signed out on a phone and a desktop; the lead PO's case pages; all pass axe", async () => {
  // The demo case #1 is led by the MOTC; its PO publishes the issue handbook (the demo has its
  // challenge statement) and then works on the case's pages on a phone.
  const lead = cli(["token", "create", "--email", "po-motc-lead@example.org"]);
  await api("POST", "/api/v1/cases/1/handbook", lead);

  const phone = await browser.newContext({
    bypassCSP: true,
    locale: "zh-TW",
    viewport: { width: 360, height: 740 },
  });
  const organiser = await phone.newPage();
  await signInAs(organiser, "po-motc-lead@example.org");
  for (const path of ["/cases/1/research", "/cases/1/manage"]) {
    await organiser.goto(`${base}${path}`);
    await scan(organiser, `${path} (360px)`);
    await assertFits(organiser, path);
  }
  // A stakeholder seat through the form, shown back on the page.
  await organiser.selectOption("#manage-seat-form select[name=category]", "other-stakeholder");
  await organiser.fill("#manage-seat-form [name=groupName]", "示範通勤族協會");
  await organiser.fill("#manage-seat-form [name=name]", "示範代表");
  await organiser.locator("#manage-seat-form button[type=submit]").click();
  await organiser.waitForLoadState();
  assert.match(await organiser.locator("#manage-seats").innerText(), /示範代表/);
  await scan(organiser, "case manage after adding a seat (360px)");
  await phone.close();

  for (const viewport of [
    { width: 360, height: 780 },
    { width: 1280, height: 900 },
  ]) {
    const context = await browser.newContext({ bypassCSP: true, locale: "zh-TW", viewport });
    const page = await context.newPage();
    await page.goto(`${base}/petitions`);
    await scan(page, `petitions ${viewport.width}px`);
    await page.click("text=公共運輸電子票證跨縣市整合");
    await page.waitForURL(/\/petitions\/[0-9a-f-]{36}$/);
    await scan(page, `petition ${viewport.width}px`);

    // The petition names the case that took it up; the case names the petition back.
    await page.click('main a[href="/cases/1"]');
    await page.waitForURL(/\/cases\/1$/);
    assert.match(await page.locator("#case-links").innerText(), /公共運輸電子票證跨縣市整合/);
    await scan(page, `case ${viewport.width}px`);
    await assertFits(page, "case");

    await page.click("#case-handbook a");
    await page.waitForURL(/\/cases\/1\/handbook/);
    assert.match(await page.content(), /我們可以如何/);
    await scan(page, `handbook ${viewport.width}px`);
    await page.goto(`${base}/cases/1/handbook?print=1`);
    await scan(page, `handbook print view ${viewport.width}px`);

    await page.goto(`${base}/cases/1`);
    await page.click('main a[href^="/commitments/"]');
    await page.waitForURL(/\/commitments\/[0-9a-f-]{36}$/);
    assert.match(await page.content(), /電子票證規格/);
    await scan(page, `commitment ${viewport.width}px`);
    await page.goto(`${base}/commitments`);
    await scan(page, `commitments ${viewport.width}px`);
    await context.close();
  }
});
