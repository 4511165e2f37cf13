import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { publicActor, type Actor, type AppEnv } from "../modules/directory/index.ts";
import { translator, type Locale, type Translate } from "../platform/i18n/index.ts";

/** The request's context as pages use it. */
export type Ctx = Context<AppEnv>;

/** What every view needs to know about the request: language, translator, who is looking. */
export interface View {
  locale: Locale;
  t: Translate;
  actor: Actor;
  /** The session's CSRF token, put in every form a signed-in person submits. */
  csrf: string | null;
  /** The request URL (for the language switch). */
  url: URL;
  /** Set when config allows the development mailbox. */
  devMailbox: boolean;
  /** Unread items in a signed-in person's inbox, for the page header; null when not known. */
  unread: number | null;
}

/** Unread counts by request, set by the pages' header middleware (deps.ts) before a page renders. */
const unreadByRequest = new WeakMap<Request, number>();

/** Remembers the signed-in person's unread count for this request's page header. */
export function rememberUnread(c: Ctx, count: number): void {
  unreadByRequest.set(c.req.raw, count);
}

/**
 * Reads the view from the context. Falls back to zh-TW and the public when the error handler runs
 * before the locale or actor middleware did.
 */
export function viewOf(c: Ctx, devMailbox = false): View {
  const locale: Locale = c.get("locale") ?? "zh-TW";
  return {
    locale,
    t: c.get("t") ?? translator(locale),
    actor: c.get("actor") ?? publicActor,
    csrf: c.get("csrfToken") ?? null,
    url: new URL(c.req.url),
    devMailbox,
    unread: unreadByRequest.get(c.req.raw) ?? null,
  };
}

/** A person's display name: the Chinese name in zh-TW, the English name (when known) in English. */
export function personName(p: { name: string; nameEn?: string | null }, locale: Locale): string {
  return locale === "en" ? p.nameEn || p.name : p.name;
}

/** The value of the `lang` attribute for a locale. */
export function htmlLang(locale: Locale): string {
  return locale === "en" ? "en" : "zh-Hant-TW";
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats an instant in Taiwan time, in the reader's language. */
export function formatTime(
  at: string | Date,
  locale: Locale,
  style: "datetime" | "date" = "datetime",
): string {
  const key = `${locale}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-TW", {
      timeZone: "Asia/Taipei",
      dateStyle: style === "date" ? "long" : "medium",
      ...(style === "datetime" ? { timeStyle: "short" as const } : {}),
    });
    formatters.set(key, f);
  }
  const date = typeof at === "string" ? new Date(at) : at;
  return Number.isNaN(date.getTime()) ? String(at) : f.format(date);
}

/** The current year in Taiwan. */
export function taipeiYear(now: Date): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Taipei", year: "numeric" }).format(now));
}

/** A `<time>` element in Taiwan time. */
export function Time(props: { at: string | Date; v: View; style?: "datetime" | "date" }) {
  const iso = typeof props.at === "string" ? props.at : props.at.toISOString();
  return <time datetime={iso}>{formatTime(iso, props.v.locale, props.style)}</time>;
}

/**
 * Translates a key whose placeholders are filled with elements (links, emphasis), keeping the
 * text escaped: the template is split at `{name}` and the parts become children.
 */
export function tx(v: View, key: string, parts: Record<string, Child>): Child[] {
  const template = v.t(key);
  const out: Child[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    out.push(template.slice(last, m.index));
    const name = m[1]!;
    out.push(name in parts ? parts[name] : m[0]);
    last = m.index + m[0].length;
  }
  out.push(template.slice(last));
  return out;
}

/** The same page in the other language: the current URL with `lang` set (and one-time notices dropped). */
export function langHref(url: URL, locale: Locale, path?: string): string {
  const params = new URLSearchParams(path ? "" : url.search);
  params.delete("done");
  params.delete("ref");
  params.set("lang", locale);
  return `${path ?? url.pathname}?${params.toString()}`;
}

/** True when the path is a safe local redirect target ("/x", never "//x" or a full URL). */
export function isLocalPath(p: string | null | undefined): p is string {
  return !!p && /^\/(?![/\\])/.test(p) && !/[\r\n]/.test(p) && p.length <= 500;
}
