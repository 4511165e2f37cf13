import { fail } from "../../../platform/http/errors.ts";
import { parseQuery } from "../tokenizer.ts";
import type { SearchCursor, SearchFilters, SearchPage, SearchProvider } from "../provider.ts";

/** What the search use case needs: the provider, and a way to resolve a speaker slug. */
export interface SearchDeps {
  provider: SearchProvider;
  speakerIdBySlug(slug: string): Promise<string | null>;
}

/** A search as asked through the API or the page (already shape-checked). */
export interface SearchInput {
  q: string;
  speaker?: string;
  from?: string;
  to?: string;
  kind?: string;
  language?: string;
  type?: string;
  limit?: number;
  cursor?: string;
}

/** Results per page by default and at most. */
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 50;

/** Encodes a page's last key as an opaque cursor. */
export function encodeCursor(c: SearchCursor): string {
  return Buffer.from(JSON.stringify([c.tier, c.rank, c.date, c.type, c.id])).toString("base64url");
}

/** Decodes a cursor, or fails with 400 naming `cursor`. */
export function decodeCursor(s: string): SearchCursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (
      Array.isArray(v) &&
      v.length === 5 &&
      Number.isInteger(v[0]) &&
      typeof v[1] === "number" &&
      Number.isFinite(v[1]) &&
      (v[2] === null || (typeof v[2] === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v[2]))) &&
      typeof v[3] === "string" &&
      /^[a-z-]{1,40}$/.test(v[3]) &&
      typeof v[4] === "string" &&
      /^[0-9a-f/-]{1,100}$/.test(v[4])
    )
      return { tier: v[0] as number, rank: v[1], date: v[2] as string | null, type: v[3], id: v[4] };
  } catch {
    // fall through
  }
  throw fail.invalid("cursor", "is not a cursor returned by this search");
}

/** The result page plus the query as understood (for the page and the API). */
export interface SearchOutcome extends SearchPage {
  terms: string[];
  nextCursor: string | null;
}

/**
 * Searches the public record. Several terms are ANDed; a term without spaces is a phrase; Simplified
 * and Traditional, full- and half-width, upper and lower case all meet. Only published records are
 * searched, whoever asks.
 */
export async function search(deps: SearchDeps, input: SearchInput): Promise<SearchOutcome> {
  const query = parseQuery(input.q);
  if (!query) throw fail.invalid("q", "has nothing searchable (letters, digits or CJK characters)");
  if (input.from && input.to && input.from > input.to) throw fail.invalid("to", "is before `from`");
  const limit = input.limit ?? DEFAULT_LIMIT;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const filters: SearchFilters = {};
  if (input.speaker) {
    const id = await deps.speakerIdBySlug(input.speaker);
    // An unknown speaker matches nothing, as an unknown date range would.
    if (!id)
      return { total: 0, capped: false, results: [], next: null, nextCursor: null, terms: query.terms };
    filters.speakerId = id;
  }
  if (input.from) filters.from = input.from;
  if (input.to) filters.to = input.to;
  if (input.kind) filters.kind = input.kind;
  if (input.language) filters.language = input.language;
  if (input.type) filters.type = input.type;
  const page = await deps.provider.search({ query, filters, after, limit });
  return { ...page, terms: query.terms, nextCursor: page.next ? encodeCursor(page.next) : null };
}
