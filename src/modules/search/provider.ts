import type { Db, Queryable } from "../../platform/db/database.ts";
import type { HighlightSegment, ParsedQuery } from "./tokenizer.ts";

/** Filters every source understands (a source ignores what does not apply to it). */
export interface SearchFilters {
  /** A speaker's id (resolved from the slug by the caller). */
  speakerId?: string;
  /** Inclusive dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** A transcript kind (monthly, collaborative, …). */
  kind?: string;
  language?: string;
  /** One source's type (speech, petition, response, case): the provider asks only that source. */
  type?: string;
}

/**
 * Where a page starts: results strictly after this key in the order
 * (tier desc, rank desc, date desc nulls last, type, id).
 */
export interface SearchCursor {
  tier: number;
  rank: number;
  date: string | null;
  type: string;
  id: string;
}

/** A ranked key of one result, as a source returns it. */
export type RankedKey = SearchCursor;

/** One search result, ready to present. */
export interface SearchResult {
  type: string;
  id: string;
  url: string;
  title: string;
  snippet: string;
  /** The snippet with matches marked (pages render `<mark>`). */
  segments: HighlightSegment[];
  speaker: { name: string; slug: string } | null;
  date: string | null;
  transcript: { slug: string; title: string } | null;
  /** A civic record's public state when it is worth marking (a withdrawn petition). */
  state?: string | null;
}

/** A question to a source: the parsed query, filters, where to start and how many. */
export interface SourceQuery {
  query: ParsedQuery;
  filters: SearchFilters;
  after: SearchCursor | null;
  limit: number;
  /** Candidates ranked per source; counts stop here. */
  cap: number;
}

/**
 * What a source answers: the best `limit` keys after the cursor with their results (loaded in the
 * same statement: one round trip), and its (capped) match count.
 */
export interface SourceAnswer {
  keys: RankedKey[];
  results: SearchResult[];
  total: number;
  capped: boolean;
}

/**
 * A kind of searchable record (transcript speeches, petitions, published responses, cases). A
 * source owns its SQL; only public records may ever be returned.
 */
export interface SearchSource {
  type: string;
  /** The result types it answers for, when more than its own (one statement over several tables). */
  types?: readonly string[];
  search(db: Queryable, q: SourceQuery): Promise<SourceAnswer>;
}

/** A search request to a provider. */
export interface SearchRequest {
  query: ParsedQuery;
  filters: SearchFilters;
  after: SearchCursor | null;
  limit: number;
}

/** A page of results. */
export interface SearchPage {
  total: number;
  /** True when `total` is a lower bound ("200+"). */
  capped: boolean;
  results: SearchResult[];
  /** The last key of the page when more may follow. */
  next: SearchCursor | null;
}

/**
 * The search engine behind the search API and page. The product's provider runs on PostgreSQL's own
 * text search (the same SQL on PGlite and on a server); another engine would implement this.
 */
export interface SearchProvider {
  search(req: SearchRequest): Promise<SearchPage>;
}

/** Orders ranked keys: tier, then rank, then newest, then type and id (a total order for keyset). */
export function compareKeys(a: SearchCursor, b: SearchCursor): number {
  if (a.tier !== b.tier) return b.tier - a.tier;
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Candidates ranked per source per query; beyond this, counts read "200+" (see docs/adr/0003). */
export const CANDIDATE_CAP = 200;

/**
 * The provider on the product's database: asks every source for its best results after the
 * cursor, merges them in one order and keeps the page. With `setup` (a server, where a round trip is
 * cheap) the queries run in one transaction that `setup` prepares, e.g. a larger `work_mem`; without
 * it they run as they are (the embedded engine's one session is configured once).
 */
export function databaseSearchProvider(
  db: Db,
  sources: SearchSource[],
  setup?: (tx: Queryable) => Promise<void>,
): SearchProvider {
  const run = async (q: Queryable, req: SearchRequest): Promise<SearchPage> => {
    const t = req.filters.type;
    const asked = t ? sources.filter((s) => (s.types ?? [s.type]).includes(t)) : sources;
    // Asked together: one source's statement runs while another's rows are ranked and highlighted.
    const answers = await Promise.all(
      asked.map((source) =>
        source.search(q, {
          query: req.query,
          filters: req.filters,
          after: req.after,
          limit: req.limit + 1,
          cap: CANDIDATE_CAP,
        }),
      ),
    );
    const keys = answers.flatMap((a) => a.keys).sort(compareKeys);
    const page = keys.slice(0, req.limit);
    const results = answers.flatMap((a) => a.results);
    const byKey = new Map(results.map((r) => [`${r.type}:${r.id}`, r]));
    return {
      total: answers.reduce((n, a) => n + a.total, 0),
      capped: answers.some((a) => a.capped),
      results: page.flatMap((k) => byKey.get(`${k.type}:${k.id}`) ?? []),
      next: keys.length > req.limit ? page[page.length - 1]! : null,
    };
  };
  return {
    async search(req) {
      if (!setup) return run(db, req);
      return db.transaction(async (tx) => {
        await setup(tx);
        return run(tx, req);
      });
    },
  };
}
