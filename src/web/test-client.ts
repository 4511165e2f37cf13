// A browser-like client of the pages for tests: GET and form POST with a session cookie, and sign-in
// through the e-mailed link as a person would. Shared by the page test files.
import assert from "node:assert/strict";
import type { createTestApp } from "../platform/testing/app.ts";
import { recentMail } from "../platform/mail/outbox.ts";
import type { FixedClock } from "../platform/clock/index.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A page response with its body read. */
export interface PageResponse {
  res: Response;
  status: number;
  html: string;
}

/** Page helpers bound to a test app; `app` is read on each call, so it may be created in `before()`. */
export function pageClient(app: () => TestApp) {
  let clientSeq = 0;

  /** A browser-like GET. */
  async function get(
    path: string,
    opts: { cookie?: string; headers?: Record<string, string> } = {},
  ): Promise<PageResponse> {
    const res = await app().app.request(path, {
      headers: { accept: "text/html", ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
    });
    return { res, status: res.status, html: await res.text() };
  }

  /** A browser-like form POST (urlencoded). */
  async function post(
    path: string,
    form: Record<string, string | string[]>,
    opts: { cookie?: string; clientIp?: string } = {},
  ): Promise<PageResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const res = await app().app.request(path, {
      method: "POST",
      headers: {
        accept: "text/html",
        "content-type": "application/x-www-form-urlencoded",
        // Each test client gets its own address so the sign-in rate limit of one test never hits another.
        "x-forwarded-for": opts.clientIp ?? `10.0.0.${++clientSeq}`,
        ...(opts.cookie ? { cookie: opts.cookie } : {}),
      },
      body: body.toString(),
    });
    return { res, status: res.status, html: await res.text() };
  }

  /** The CSRF token in a page's forms. */
  function csrfOf(html: string): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    assert.ok(m, "the page has a _csrf field");
    return m[1]!;
  }

  /** The newest sign-in link e-mailed to an address, as a path. */
  async function latestLinkFor(email: string): Promise<string> {
    const mail = (await recentMail(app().db, 50)).find((m) => m.to === email && m.text.includes("/sign-in/"));
    assert.ok(mail, `a sign-in message was queued for ${email}`);
    const m = /https?:\/\/\S+\/sign-in\/[A-Za-z0-9_-]+/.exec(mail.text);
    assert.ok(m, "the message holds a sign-in link");
    return new URL(m[0]).pathname;
  }

  /** Signs in through the pages as a browser would; returns the session cookie and CSRF token. */
  async function signIn(email: string): Promise<{ cookie: string; csrf: string }> {
    // Messages are stamped with the test clock: move it on so this link is the newest.
    (app().rt.clock as FixedClock).advance(1000);
    const sent = await post("/sign-in", { email });
    assert.equal(sent.status, 200);
    const res = await app().app.request(await latestLinkFor(email), { headers: { accept: "text/html" } });
    assert.equal(res.status, 303);
    const m = /po_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "");
    assert.ok(m, "a session cookie is set");
    const cookie = `po_session=${m[1]}`;
    const account = await get("/account", { cookie });
    return { cookie, csrf: csrfOf(account.html) };
  }

  return { get, post, csrfOf, latestLinkFor, signIn };
}

/** No interface key may leak into a page untranslated. */
export function assertTranslated(html: string) {
  const leaked = html.match(/\bweb\.[a-zA-Z][\w-]*\.[\w.-]+/g);
  assert.equal(leaked, null, `untranslated keys: ${leaked?.join(", ")}`);
}

/** The page's text without tags, whitespace collapsed. */
export function pageText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .replace(/\s+([.,:;)）。，])/g, "$1")
    .replace(/([(（])\s+/g, "$1");
}

/** The HTML of one section of a page, by its id. */
export function pageSection(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  assert.ok(start >= 0, `the page has a section #${id}`);
  const end = html.indexOf("</section>", start);
  return html.slice(start, end);
}
