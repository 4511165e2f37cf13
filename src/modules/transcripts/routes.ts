import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, errorResponses, jsonResponse } from "../../platform/http/openapi.ts";
import type { AppEnv } from "../directory/index.ts";
import * as s from "./schema.ts";
import type { TranscriptsDeps } from "./use-cases/deps.ts";
import { getTranscript } from "./use-cases/get-transcript.ts";
import { exportTranscriptMarkdown } from "./use-cases/export-transcript.ts";

const tags = ["Transcripts"];

/** JSON API of the transcript archive, under /api/v1. */
export function transcriptRoutes(deps: TranscriptsDeps) {
  const app = apiRouter<AppEnv>();

  app.openapi(
    createRoute({
      method: "get",
      path: "/transcripts/{slug}",
      tags,
      summary: "One transcript, in sections of speeches (published ones for everyone)",
      request: { params: s.TranscriptParams },
      responses: { 200: jsonResponse(s.TranscriptSchema, "The transcript"), ...errorResponses(400, 404) },
    }),
    async (c) => c.json(await getTranscript(deps, c.get("actor"), c.req.valid("param").slug), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/transcripts/{slug}/export",
      tags,
      summary: "Export a transcript in the archive's Markdown shape",
      request: { params: s.TranscriptParams, query: s.ExportQuery },
      responses: {
        200: { description: "The transcript", content: { "text/markdown": { schema: z.string() } } },
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const { slug } = c.req.valid("param");
      const md = await exportTranscriptMarkdown(deps, c.get("actor"), slug);
      return c.body(md, 200, { "content-type": "text/markdown; charset=utf-8" });
    },
  );

  return app;
}
