import { Hono } from "hono";
import type { Context } from "hono";
import type { AppEnv } from "../modules/directory/index.ts";
import { accountPages } from "./account-pages.tsx";
import { adminPages } from "./admin-page.tsx";
import { agencyPages } from "./agency-page.tsx";
import { archivePages } from "./archive/archive-pages.tsx";
import { casePages } from "./cases/case-pages.tsx";
import { commitmentPages } from "./commitments/commitment-pages.tsx";
import { meetingPages } from "./meetings/meeting-pages.tsx";
import { pageKit, type PageDeps } from "./deps.ts";
import { devMailboxPages } from "./dev-mailbox.tsx";
import { earlyWarningPages } from "./early-warning-pages.tsx";
import { goalPages } from "./goals/goal-pages.tsx";
import { helpRequestPages } from "./help-request-pages.tsx";
import { inboxPages } from "./inbox-page.tsx";
import { renderPage, stylesheet } from "./layout.tsx";
import { matterPages } from "./matter-pages.tsx";
import { personPages } from "./person-page.tsx";
import { petitionEntryPages } from "./petitions/petition-entry-pages.tsx";
import { petitionPages } from "./petitions/petition-pages.tsx";
import { publicPages } from "./public-pages.tsx";
import { resourcesPages } from "./resources-page.tsx";
import { reviewPages } from "./review/review-pages.tsx";
import { searchPages } from "./search/search-page.tsx";
import { isLocalPath, viewOf } from "./view.tsx";
import { workPages } from "./work-page.tsx";

export type { PageDeps } from "./deps.ts";
export { apiDocsPage } from "./api-docs.tsx";

/**
 * Server-rendered pages: the public directory, sign-in, the account, administration and tools, and
 * the coordination pages (my work, matters, help requests, early warnings, the inbox).
 */
export function webPages(deps: PageDeps) {
  const app = new Hono<AppEnv>();
  const kit = pageKit(deps);

  // The stylesheet's URL carries its content hash, so it can be cached for a year.
  app.get("/static/app.css", (c) => {
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "public, max-age=31536000, immutable");
    return c.body(stylesheet);
  });

  // The page header shows a signed-in person's unread count: loaded once, before any page renders.
  app.use("*", kit.header);

  publicPages(app, kit);
  archivePages(app, kit);
  // Before the petition pages: /petitions/new is not a petition's id.
  petitionEntryPages(app, kit);
  petitionPages(app, kit);
  casePages(app, kit);
  goalPages(app, kit);
  commitmentPages(app, kit);
  meetingPages(app, kit);
  searchPages(app, kit);
  agencyPages(app, kit);
  personPages(app, kit);
  resourcesPages(app, kit);
  accountPages(app, kit);
  adminPages(app, kit);
  workPages(app, kit);
  matterPages(app, kit);
  helpRequestPages(app, kit);
  reviewPages(app, kit);
  earlyWarningPages(app, kit);
  inboxPages(app, kit);
  devMailboxPages(app, kit);
  return app;
}

const knownStatuses = [400, 401, 403, 404, 409, 413, 429, 500, 503];

/** An error as a page: what happened in plain words, and where to go next. */
export function renderErrorPage(
  c: Context<AppEnv>,
  error: { code: string; message: string; field?: string },
  status: number,
): Response {
  const v = viewOf(c);
  const { t } = v;
  const key = knownStatuses.includes(status) ? String(status) : status >= 500 ? "500" : "400";
  const here = `${v.url.pathname}${v.url.search}`;
  const signInHref =
    c.req.method === "GET" && isLocalPath(here)
      ? `/sign-in?redirectTo=${encodeURIComponent(here)}`
      : "/sign-in";
  const requestId = c.get("requestId");
  const body = (
    <div class="narrow error-page">
      <p class="status-code">{t("web.error.status", { status })}</p>
      <h1>{t(`web.error.title.${key}`)}</h1>
      <p class="lead">{error.message}</p>
      {key === "401" ? (
        <p>
          <a class="button button-primary" href={signInHref}>
            {t("web.nav.signIn")}
          </a>
        </p>
      ) : null}
      {key === "404" ? <p>{t("web.error.notFoundHelp")}</p> : null}
      {status >= 500 && requestId ? <p class="muted">{t("web.error.reference", { id: requestId })}</p> : null}
      <p>
        <a href="/">{t("web.error.home")}</a>
      </p>
    </div>
  );
  return c.html(renderPage(v, { title: t(`web.error.title.${key}`), noindex: true }, body), status as 400);
}
