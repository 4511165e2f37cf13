import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, basename, dirname } from "node:path";
import { fileURLToPath } from "node:url";

/** The interface languages; zh-TW is the default. */
export const locales = ["zh-TW", "en"] as const;
/** One interface language. */
export type Locale = (typeof locales)[number];
/** Translates a key with optional {placeholders}. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

type Dict = Record<string, string>;

const srcRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Finds every `locales/` folder under src; the parent folder's name is the key namespace. */
export function loadLocaleFiles(root = srcRoot): Record<Locale, Dict> & { files: string[] } {
  const result = { "zh-TW": {} as Dict, en: {} as Dict, files: [] as string[] };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (!statSync(full).isDirectory()) continue;
      if (name === "locales") {
        const ns = basename(dirname(full));
        for (const locale of locales) {
          const file = join(full, `${locale}.json`);
          result.files.push(file);
          const data = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
          flatten(data, ns, result[locale]);
        }
      } else walk(full);
    }
  };
  walk(root);
  return result;
}

function flatten(obj: Record<string, unknown>, prefix: string, into: Dict) {
  for (const [k, v] of Object.entries(obj)) {
    const key = `${prefix}.${k}`;
    if (typeof v === "string") into[key] = v;
    else if (v && typeof v === "object") flatten(v as Record<string, unknown>, key, into);
  }
}

let cache: Record<Locale, Dict> | null = null;

/** A translator for one locale; a missing key shows as the key itself so it is noticed. */
export function translator(locale: Locale): Translate {
  cache ??= loadLocaleFiles();
  const dict = cache[locale];
  return (key, params) => {
    const text = dict[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
  };
}

/** Picks the locale: explicit choice, then the remembered cookie, then Accept-Language, then zh-TW. */
export function negotiateLocale(
  query: string | undefined,
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): Locale {
  for (const v of [query, cookie]) {
    const l = parseLocale(v);
    if (l) return l;
  }
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(",")
      .map((part) => {
        const [tag = "", ...params] = part.trim().split(";");
        const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
        return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
      })
      .sort((a, b) => b.q - a.q);
    for (const { tag, q } of ranked) {
      if (q <= 0) continue;
      if (tag.startsWith("zh")) return "zh-TW";
      if (tag.startsWith("en")) return "en";
    }
  }
  return "zh-TW";
}

/** Accepts zh-TW/zh/zh-Hant and en/en-*; anything else is not a locale. */
export function parseLocale(v: string | undefined | null): Locale | null {
  if (!v) return null;
  const s = v.toLowerCase();
  if (s === "zh-tw" || s === "zh" || s === "zh-hant" || s === "zh-hant-tw") return "zh-TW";
  if (s === "en" || s.startsWith("en-")) return "en";
  return null;
}

/** Picks the text of a bilingual value, falling back to the other language. */
export function pick(value: { "zh-TW": string; en: string } | null | undefined, locale: Locale): string {
  if (!value) return "";
  return value[locale] || value[locale === "en" ? "zh-TW" : "en"] || "";
}
