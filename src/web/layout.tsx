import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Child } from "hono/jsx";
import { isPdis, type Actor } from "../modules/directory/index.ts";
import { canOnWarning } from "../modules/early-warnings/index.ts";
import { htmlLang, langHref, personName, type View } from "./view.tsx";

/** The stylesheet, read once; its hash versions the URL so it can be cached for a year. */
export const stylesheet = readFileSync(new URL("./static/app.css", import.meta.url), "utf8");
/** The stylesheet's URL, with a content hash. */
export const stylesheetHref = `/static/app.css?v=${createHash("sha256").update(stylesheet).digest("hex").slice(0, 12)}`;

/** The sections of the main navigation. */
export type NavKey =
  | "home"
  | "directory"
  | "transcripts"
  | "petitions"
  | "cases"
  | "search"
  | "resources"
  | "api"
  | "work"
  | "early-warnings"
  | "inbox"
  | "account"
  | "admin"
  | "sign-in"
  | null;

/** The main navigation; `shownTo` keeps an item to the people it is for. */
const navItems: Array<{ key: Exclude<NavKey, null>; href: string; shownTo?: (actor: Actor) => boolean }> = [
  { key: "home", href: "/" },
  { key: "work", href: "/work", shownTo: (actor) => !!actor.personId },
  // Early warnings are seen only inside the network: the link is shown only to those who may see them.
  {
    key: "early-warnings",
    href: "/early-warnings",
    shownTo: (actor) => !!actor.personId && canOnWarning(actor, { do: "browse" }),
  },
  { key: "directory", href: "/directory" },
  { key: "transcripts", href: "/transcripts" },
  { key: "petitions", href: "/petitions" },
  { key: "cases", href: "/cases" },
  { key: "search", href: "/search" },
  { key: "resources", href: "/resources" },
  { key: "api", href: "/api/docs" },
];

/** Options of one page. */
export interface PageOptions {
  title: string;
  nav?: NavKey;
  /** The page the language switch points to (for pages re-rendered after a POST). */
  langPath?: string;
  /** Keep the page out of search engines (development tools, one-time pages). */
  noindex?: boolean;
  /** The page shows a failed form: the title says so first. */
  hasError?: boolean;
  /** Atom feeds of the page, announced in the head. */
  feeds?: Array<{ href: string; title: string }>;
  /** A page laid out for paper (A4): no header, navigation or footer, only the main content. */
  print?: boolean;
}

/** The page shell: skip link, header with navigation and account, main, footer. */
export function Layout(props: PageOptions & { v: View; children?: Child }) {
  const { v, title } = props;
  const { t, actor, locale } = v;
  const other = locale === "en" ? "zh-TW" : "en";
  const siteName = t("web.site.name");
  return (
    <html lang={htmlLang(locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>
          {props.hasError ? t("web.layout.errorTitle") : ""}
          {title === siteName ? siteName : `${title} — ${siteName}`}
        </title>
        <meta name="description" content={t("web.site.description")} />
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={stylesheetHref} />
        <link rel="alternate" hreflang={htmlLang(other)} href={langHref(v.url, other, props.langPath)} />
        {(props.feeds ?? []).map((f) => (
          <link rel="alternate" type="application/atom+xml" title={f.title} href={f.href} />
        ))}
      </head>
      {props.print ? (
        <body class="print-view">
          <main id="main" tabindex={-1}>
            <div class="wrap">{props.children}</div>
          </main>
        </body>
      ) : (
        <body>
          <a class="skip-link" href="#main">
            {t("web.layout.skipToContent")}
          </a>
          <header class="site-header">
            <div class="wrap header-inner">
              <a class="site-name" href="/">
                <span class="site-mark" aria-hidden="true">
                  PO
                </span>
                {siteName}
              </a>
              <nav class="lang-switch" aria-label={t("web.layout.language")}>
                <a
                  href={langHref(v.url, other, props.langPath)}
                  hreflang={htmlLang(other)}
                  lang={htmlLang(other)}
                >
                  {other === "en" ? "English" : "中文"}
                </a>
              </nav>
            </div>
            <div class="wrap header-nav">
              <nav class="main-nav" aria-label={t("web.layout.mainNav")}>
                <ul>
                  {navItems
                    .filter((item) => !item.shownTo || item.shownTo(actor))
                    .map((item) => (
                      <li>
                        <a href={item.href} aria-current={props.nav === item.key ? "page" : undefined}>
                          {t(`web.nav.${item.key}`)}
                        </a>
                      </li>
                    ))}
                </ul>
              </nav>
              <div class="account-nav">
                {actor.personId ? (
                  <>
                    <span class="signed-in-as">
                      {t("web.layout.signedInAs", { name: personName({ name: actor.name ?? "" }, locale) })}
                    </span>
                    <a href="/inbox" aria-current={props.nav === "inbox" ? "page" : undefined}>
                      {v.unread ? t("web.nav.inboxUnread", { count: v.unread }) : t("web.nav.inbox")}
                    </a>
                    <a href="/account" aria-current={props.nav === "account" ? "page" : undefined}>
                      {t("web.nav.account")}
                    </a>
                    {actor.isAdmin || isPdis(actor) ? (
                      <a href="/admin" aria-current={props.nav === "admin" ? "page" : undefined}>
                        {t("web.nav.admin")}
                      </a>
                    ) : null}
                    <form method="post" action="/sign-out" class="inline-form">
                      <CsrfField v={v} />
                      <button type="submit" class="link-button">
                        {t("web.nav.signOut")}
                      </button>
                    </form>
                  </>
                ) : (
                  <a href="/sign-in" aria-current={props.nav === "sign-in" ? "page" : undefined}>
                    {t("web.nav.signIn")}
                  </a>
                )}
              </div>
            </div>
          </header>
          <main id="main" tabindex={-1}>
            <div class="wrap">{props.children}</div>
          </main>
          <footer class="site-footer">
            <div class="wrap">
              <p>{t("web.footer.openSource")}</p>
              <p>
                {t("web.footer.openData")} <a href="/api/docs">{t("web.footer.apiDocs")}</a>
                {" · "}
                <a href="/api/openapi.json">{t("web.footer.openapi")}</a>
              </p>
              <p>{t("web.footer.timezone")}</p>
              {v.devMailbox ? (
                <p>
                  <a href="/dev/mailbox">{t("web.footer.devMailbox")}</a>
                </p>
              ) : null}
            </div>
          </footer>
        </body>
      )}
    </html>
  );
}

/** The hidden CSRF field every form of a signed-in person carries. */
export function CsrfField(props: { v: View }) {
  return props.v.csrf ? <input type="hidden" name="_csrf" value={props.v.csrf} /> : null;
}

/** Renders a whole page to an HTML string (synchronously: pages have no async components). */
export function renderPage(v: View, options: PageOptions, body: Child): string {
  const node = (
    <Layout v={v} {...options}>
      {body}
    </Layout>
  );
  const html = node.toString();
  if (typeof html !== "string") throw new Error("pages must render synchronously");
  return `<!doctype html>${html}`;
}
