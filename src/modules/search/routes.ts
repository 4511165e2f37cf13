import { createRoute } from "@hono/zod-openapi";
import { apiRouter, errorResponses, jsonResponse } from "../../platform/http/openapi.ts";
import type { AppEnv } from "../directory/index.ts";
import { SearchQuery, SearchResponse, type SearchType } from "./schema.ts";
import { search, type SearchDeps } from "./use-cases/search.ts";

/** The search API, under /api/v1. */
export function searchRoutes(deps: SearchDeps) {
  const app = apiRouter<AppEnv>();
  app.openapi(
    createRoute({
      method: "get",
      path: "/search",
      tags: ["Search"],
      summary: "Search the public record: published transcripts, petitions, published responses, cases",
      description:
        "Terms separated by spaces are ANDed; a term is a phrase. Simplified and Traditional Chinese, " +
        "full- and half-width forms and letter case all match each other. Results are ranked: a match " +
        "in the title or the speaker's name first, then relevance, then the newest. `total` counts up " +
        "to 200 matches per type (`totalCapped` when there are more; the newest 200 are ranked). Petitions " +
        "(title, body; a withdrawn one keeps its public record and is marked), published responses (never " +
        "drafts) and cases (title and summary only) are ranked with speeches; `type` narrows to one.",
      request: { query: SearchQuery },
      responses: { 200: jsonResponse(SearchResponse, "A page of results"), ...errorResponses(400) },
    }),
    async (c) => {
      const r = await search(deps, c.req.valid("query"));
      return c.json(
        {
          total: r.total,
          totalCapped: r.capped,
          results: r.results.map((x) => ({
            type: x.type as SearchType,
            url: x.url,
            title: x.title,
            snippet: x.snippet,
            speaker: x.speaker,
            date: x.date,
            transcript: x.transcript,
            state: x.state ?? null,
          })),
          next: r.nextCursor,
        },
        200,
      );
    },
  );
  return app;
}
