import { createRoute } from "@hono/zod-openapi";
import { apiRouter, errorResponses, jsonResponse } from "../../platform/http/openapi.ts";
import type { AppEnv } from "../directory/index.ts";
import { SearchQuery, SearchResponse } from "./schema.ts";
import { search, type SearchDeps } from "./use-cases/search.ts";

/** The search API, under /api/v1. */
export function searchRoutes(deps: SearchDeps) {
  const app = apiRouter<AppEnv>();
  app.openapi(
    createRoute({
      method: "get",
      path: "/search",
      tags: ["Search"],
      summary: "Search the public record (published transcripts now)",
      description:
        "Terms separated by spaces are ANDed; a term is a phrase. Simplified and Traditional Chinese, " +
        "full- and half-width forms and letter case all match each other. Results are ranked: a match " +
        "in the title or the speaker's name first, then relevance, then the newest. `total` counts up " +
        "to 200 matches (`totalCapped` when there are more; the newest 200 are ranked).",
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
            type: x.type,
            url: x.url,
            title: x.title,
            snippet: x.snippet,
            speaker: x.speaker,
            date: x.date,
            transcript: x.transcript,
          })),
          next: r.nextCursor,
        },
        200,
      );
    },
  );
  return app;
}
