import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, errorResponses, jsonResponse } from "../../platform/http/openapi.ts";
import type { AppEnv } from "../directory/index.ts";
import * as s from "./schema.ts";
import type { TranscriptsDeps } from "./use-cases/deps.ts";
import { readTranscriptOrRedirect } from "./use-cases/archive.ts";
import { exportTranscript } from "./use-cases/export-transcript.ts";

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
      responses: {
        200: jsonResponse(s.TranscriptSchema, "The transcript"),
        301: { description: "Renamed: `Location` is the transcript's current URL" },
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const { slug } = c.req.valid("param");
      const r = await readTranscriptOrRedirect(deps, c.get("actor"), slug);
      if (r.redirect !== null)
        return c.redirect(`/api/v1/transcripts/${encodeURIComponent(r.redirect)}`, 301);
      return c.json(r.transcript, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/transcripts/{slug}/export",
      tags,
      summary: "Export a transcript as the archive's Markdown or as Akoma Ntoso (SayIt's subset)",
      request: { params: s.TranscriptParams, query: s.ExportQuery },
      responses: {
        200: {
          description: "The transcript, as a file to save (`<slug>.md` or `<slug>.xml`)",
          content: {
            "text/markdown": { schema: z.string() },
            "application/akn+xml": { schema: z.string() },
          },
        },
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const { slug } = c.req.valid("param");
      const { format } = c.req.valid("query");
      const file = await exportTranscript(deps, c.get("actor"), slug, format);
      return c.body(file.text, 200, {
        "content-type":
          format === "akomantoso" ? "application/akn+xml; charset=utf-8" : "text/markdown; charset=utf-8",
        "content-disposition": attachment(file.fileName),
      });
    },
  );

  return app;
}

/**
 * `Content-Disposition: attachment` for a file name that may be Chinese (RFC 6266, RFC 8187): an
 * ASCII fallback, then the UTF-8 name.
 */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const utf8 = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
