import { createRoute } from "@hono/zod-openapi";
import { apiRouter, errorResponses, jsonResponse } from "../../platform/http/openapi.ts";
import type { AppEnv } from "../directory/index.ts";
import * as s from "./archive-schema.ts";
import type { TranscriptsDeps } from "./use-cases/deps.ts";
import { getSpeaker, getSpeech, listArchive } from "./use-cases/archive.ts";

const tags = ["Transcripts"];

/** Public URLs of the archive's pages. */
export function archiveUrls(publicUrl: string) {
  return {
    transcript: (slug: string) => `${publicUrl}/transcripts/${encodeURIComponent(slug)}`,
    speaker: (slug: string) => `${publicUrl}/speakers/${encodeURIComponent(slug)}`,
    speech: (id: string) => `${publicUrl}/speeches/${id}`,
    person: (id: string) => `${publicUrl}/people/${id}`,
  };
}

/** JSON API of the public archive, under /api/v1: the list, speakers and speeches (published only). */
export function archiveRoutes(deps: TranscriptsDeps & { publicUrl: string }) {
  const app = apiRouter<AppEnv>();
  const url = archiveUrls(deps.publicUrl);

  app.openapi(
    createRoute({
      method: "get",
      path: "/transcripts",
      tags,
      summary: "Published transcripts, newest first, by kind, language and date; keyset-paged",
      request: { query: s.ArchiveListQuery },
      responses: { 200: jsonResponse(s.ArchivePageSchema, "A page of transcripts"), ...errorResponses(400) },
    }),
    async (c) => {
      const page = await listArchive(deps, c.get("actor"), c.req.valid("query"));
      return c.json(
        {
          items: page.items.map((t) => ({
            slug: t.slug,
            title: t.title,
            date: t.date,
            kind: t.kind,
            language: t.language,
            url: url.transcript(t.slug),
          })),
          next: page.next,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/speakers/{slug}",
      tags,
      summary: "A speaker and their speeches in published transcripts, newest first; keyset-paged",
      request: { params: s.SpeakerParams, query: s.SpeakerQuery },
      responses: { 200: jsonResponse(s.SpeakerSchema, "The speaker"), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const sp = await getSpeaker(deps, c.get("actor"), c.req.valid("param").slug, c.req.valid("query"));
      return c.json(
        {
          slug: sp.slug,
          name: sp.name,
          url: url.speaker(sp.slug),
          person: sp.person
            ? { id: sp.person.id, name: sp.person.name, url: url.person(sp.person.id) }
            : null,
          speeches: {
            items: sp.speeches.items.map((x) => ({
              id: x.id,
              text: x.text,
              url: url.speech(x.id),
              transcript: { ...x.transcript, url: url.transcript(x.transcript.slug) },
            })),
            next: sp.speeches.next,
          },
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/speeches/{id}",
      tags,
      summary: "One speech of a published transcript (its permalink), with its neighbours",
      request: { params: s.SpeechParams },
      responses: { 200: jsonResponse(s.SpeechPermalinkSchema, "The speech"), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const sp = await getSpeech(deps, c.get("actor"), c.req.valid("param").id);
      return c.json(
        {
          id: sp.id,
          text: sp.text,
          url: url.speech(sp.id),
          speaker: sp.speaker ? { ...sp.speaker, url: url.speaker(sp.speaker.slug) } : null,
          transcript: { ...sp.transcript, url: url.transcript(sp.transcript.slug) },
          previous: sp.previous,
          next: sp.next,
        },
        200,
      );
    },
  );

  return app;
}
