// Public surface of the search module: other modules import only from here.
export {
  fold,
  documentTokens,
  searchDocument,
  tokenCode,
  yearCode,
  markerCode,
  SECTION_SEPARATOR,
  parseQuery,
  highlight,
  type SearchDocument,
  type ParsedQuery,
  type Highlight,
  type HighlightSegment,
} from "./tokenizer.ts";
export {
  databaseSearchProvider,
  compareKeys,
  CANDIDATE_CAP,
  type SearchFilters,
  type SearchCursor,
  type RankedKey,
  type SearchResult,
  type SourceQuery,
  type SourceAnswer,
  type SearchSource,
  type SearchRequest,
  type SearchPage,
  type SearchProvider,
} from "./provider.ts";
export {
  search,
  encodeCursor,
  decodeCursor,
  DEFAULT_LIMIT,
  MAX_LIMIT,
  type SearchDeps,
  type SearchInput,
  type SearchOutcome,
} from "./use-cases/search.ts";
export {
  foldedTextMatches,
  foldedUnionSource,
  rankFolded,
  speechOnlyFilters,
  NO_ANSWER,
  type FoldedPart,
  type FoldedRow,
} from "./folded-source.ts";
export { searchRoutes } from "./routes.ts";
