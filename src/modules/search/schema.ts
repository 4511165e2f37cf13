import { z } from "@hono/zod-openapi";
import { DEFAULT_LIMIT, MAX_LIMIT } from "./use-cases/search.ts";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "must be a real date",
  );

/** The kinds of record search covers. */
export const SEARCH_TYPES = ["speech", "petition", "response", "case"] as const;

/** `GET /search` query parameters. */
export const SearchQuery = z.object({
  q: z.string().min(1).max(500).openapi({ example: "開放政府" }),
  speaker: z.string().min(1).max(200).optional().openapi({ description: "A speaker's slug" }),
  from: day.optional().openapi({ description: "Earliest date, inclusive" }),
  to: day.optional().openapi({ description: "Latest date, inclusive" }),
  kind: z
    .enum(["monthly", "quarterly", "collaborative", "prep", "working", "interview", "speech", "other"])
    .optional(),
  language: z.enum(["zh-TW", "en"]).optional(),
  type: z
    .enum(SEARCH_TYPES)
    .optional()
    .openapi({
      description:
        "Only one kind of record: speeches, petitions, published responses or cases (all by default). " +
        "`speaker`, `kind` and `language` apply to speeches only; with one of them, only speeches match.",
    }),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  cursor: z.string().max(500).optional().openapi({ description: "`next` of the previous page" }),
});

/** One result. */
export const SearchResultSchema = z
  .object({
    type: z.enum(SEARCH_TYPES).openapi({ example: "speech" }),
    url: z.string(),
    title: z.string(),
    snippet: z.string(),
    speaker: z.object({ name: z.string(), slug: z.string() }).nullable(),
    date: z.string().nullable(),
    transcript: z.object({ slug: z.string(), title: z.string() }).nullable(),
    state: z.string().nullable().openapi({
      description: "A petition's state when it is withdrawn (its record stays public); else null",
    }),
  })
  .openapi("SearchResult");

/** A page of results. */
export const SearchResponse = z
  .object({
    total: z.number().int().openapi({ description: "Matches counted up to 200" }),
    totalCapped: z.boolean().openapi({ description: "True when there are more than `total`" }),
    results: z.array(SearchResultSchema),
    next: z.string().nullable().openapi({ description: "Cursor of the next page, or null" }),
  })
  .openapi("SearchResults");

/** One kind of searchable record. */
export type SearchType = (typeof SEARCH_TYPES)[number];
