import * as repo from "../repository.ts";
import { fail } from "../../../platform/http/errors.ts";
import type { Queryable } from "../../../platform/db/database.ts";

/**
 * Resolves affected agencies by id or slug in one query, in the order given and once each; anything
 * unknown, or a unit, is a 400 naming the field.
 */
export async function resolveAgencies(db: Queryable, refs: string[], field = "agencyIds"): Promise<string[]> {
  const found = await repo.orgsByRef(db, refs);
  const ids: string[] = [];
  for (const ref of refs) {
    const o = found.find((x) => x.id === ref.toLowerCase() || x.slug === ref);
    if (!o) throw fail.invalid(field, `no such agency: ${ref}`);
    if (o.kind === "unit") throw fail.invalid(field, `${ref} is a unit, not an agency`);
    if (!ids.includes(o.id)) ids.push(o.id);
  }
  return ids;
}

/** Evidence links in their normal form (`URL.href`: lower-case scheme and host, no default port), once each. */
export function normaliseEvidence(urls: string[]): string[] {
  const out: string[] = [];
  for (const [i, raw] of urls.entries()) {
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      throw fail.invalid(`evidence.${i}`, "must be an http(s) URL");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw fail.invalid(`evidence.${i}`, "must be an http(s) URL");
    }
    // Percent-encoding can lengthen a link; the stored form must stay within 2000 characters.
    if (url.href.length > 2000) throw fail.invalid(`evidence.${i}`, "is too long");
    if (!out.includes(url.href)) out.push(url.href);
  }
  return out;
}
