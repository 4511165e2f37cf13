import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  apiRouter,
  bearerAuth,
  errorResponses,
  jsonBody,
  jsonResponse,
} from "../../platform/http/openapi.ts";
import { clientKey } from "../../platform/http/client-key.ts";
import type { AppEnv } from "../directory/index.ts";
import * as s from "./review-schema.ts";
import type { ReviewDeps } from "./use-cases/review-deps.ts";
import { createDraft } from "./use-cases/create-draft.ts";
import { listDrafts } from "./use-cases/list-drafts.ts";
import { getDraft } from "./use-cases/get-draft.ts";
import { setReviewParticipants } from "./use-cases/set-review-participants.ts";
import { openReview } from "./use-cases/open-review.ts";
import { resendReviewLink } from "./use-cases/resend-review-link.ts";
import { setPublishNotBefore } from "./use-cases/set-publish-not-before.ts";
import { listSpeechVersions } from "./use-cases/list-speech-versions.ts";
import { restoreSpeechVersion } from "./use-cases/restore-speech-version.ts";
import { getReviewByLink } from "./use-cases/get-review-by-link.ts";
import { editOwnSpeech } from "./use-cases/edit-own-speech.ts";
import { pseudonymiseOwnSpeech } from "./use-cases/pseudonymise-own-speech.ts";
import { deleteOwnSpeech } from "./use-cases/delete-own-speech.ts";
import { markReviewDone } from "./use-cases/mark-review-done.ts";

const desk = ["Transcript review (PDIS)"];
const linkTags = ["Transcript review (speakers' links)"];
const json = jsonResponse;

/**
 * JSON API of review-then-publish, under /api/v1: PDIS's drafts, speaker mapping, review window,
 * versions; and the speakers' personal links (`/review/{token}…`, no account needed).
 */
export function reviewRoutes(deps: ReviewDeps, options: { trustProxy: boolean }) {
  const app = apiRouter<AppEnv>();
  const link = (c: Context<AppEnv>, token: string) => ({
    token,
    clientKey: clientKey(c, options.trustProxy),
  });

  app.openapi(
    createRoute({
      method: "post",
      path: "/transcript-drafts",
      tags: desk,
      security: bearerAuth,
      summary: "Create a draft transcript from a Markdown file or typed-in speeches",
      request: jsonBody(s.CreateDraftBody),
      responses: { 201: json(s.DraftSchema, "The draft"), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => c.json(await createDraft(deps, c.get("actor"), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/transcript-drafts",
      tags: desk,
      security: bearerAuth,
      summary: "Drafts and transcripts in review, newest first",
      responses: { 200: json(s.DraftListSchema, "Drafts"), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listDrafts(deps, c.get("actor")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/transcripts/{slug}/review",
      tags: desk,
      security: bearerAuth,
      summary: "A draft as its review goes: notice, window, speakers' progress, content with versions",
      request: { params: s.SlugParams },
      responses: { 200: json(s.DraftSchema, "The draft"), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(await getDraft(deps, c.get("actor"), c.req.valid("param").slug), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/transcripts/{slug}/review/participants",
      tags: desk,
      security: bearerAuth,
      summary: "Map speakers to a directory person or an e-mail address",
      request: { params: s.SlugParams, ...jsonBody(s.ParticipantsBody) },
      responses: { 200: json(s.DraftSchema, "The draft"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        await setReviewParticipants(
          deps,
          c.get("actor"),
          c.req.valid("param").slug,
          c.req.valid("json").participants,
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/transcripts/{slug}/review/open",
      tags: desk,
      security: bearerAuth,
      summary: "Open the 10-working-day review window and e-mail each speaker their link",
      request: { params: s.SlugParams },
      responses: { 200: json(s.DraftSchema, "The draft in review"), ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => c.json(await openReview(deps, c.get("actor"), c.req.valid("param").slug), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/transcripts/{slug}/review/participants/{participantId}/resend",
      tags: desk,
      security: bearerAuth,
      summary: "E-mail a speaker a new link (the old one stops working)",
      request: { params: s.ParticipantParams },
      responses: { 200: json(s.DraftSchema, "The draft"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await resendReviewLink(deps, c.get("actor"), p.slug, p.participantId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/transcripts/{slug}",
      tags: desk,
      security: bearerAuth,
      summary: "Set the earliest publication of a draft or a transcript in review (prep meetings)",
      request: { params: s.SlugParams, ...jsonBody(s.PatchTranscriptBody) },
      responses: { 200: json(s.DraftSchema, "The draft"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const at = c.req.valid("json").publishNotBefore;
      return c.json(
        await setPublishNotBefore(deps, c.get("actor"), c.req.valid("param").slug, at ? new Date(at) : null),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/transcripts/{slug}/speeches/{speechId}/versions",
      tags: desk,
      security: bearerAuth,
      summary: "Every version of a speech, oldest first",
      request: { params: s.SpeechParams },
      responses: { 200: json(s.VersionsSchema, "Versions"), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await listSpeechVersions(deps, c.get("actor"), p.slug, p.speechId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/transcripts/{slug}/speeches/{speechId}/versions/{version}/restore",
      tags: desk,
      security: bearerAuth,
      summary: "Restore a speech to one of its versions (a new version)",
      request: { params: s.VersionParams },
      responses: {
        200: json(s.ChangedSpeechSchema, "The restored speech"),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await restoreSpeechVersion(deps, c.get("actor"), p.slug, p.speechId, p.version), 200);
    },
  );

  // Speakers' personal links: the token in the address is the only credential.

  app.openapi(
    createRoute({
      method: "get",
      path: "/review/{token}",
      tags: linkTags,
      summary: "The whole draft as a speaker sees it, their own speeches marked",
      request: { params: s.TokenParams },
      responses: { 200: json(s.ReviewByLinkSchema, "The draft"), ...errorResponses(404, 429) },
    }),
    async (c) => {
      c.header("Cache-Control", "no-store");
      return c.json(await getReviewByLink(deps, link(c, c.req.valid("param").token)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/review/{token}/speeches/{speechId}",
      tags: linkTags,
      summary: "Correct one of my speeches",
      request: { params: s.TokenSpeechParams, ...jsonBody(s.EditSpeechBody) },
      responses: {
        200: json(s.ChangedSpeechSchema, "The speech"),
        ...errorResponses(400, 403, 404, 409, 429),
      },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await editOwnSpeech(deps, link(c, p.token), p.speechId, c.req.valid("json")), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/review/{token}/speeches/{speechId}/pseudonymise",
      tags: linkTags,
      summary: "Replace my name on one of my speeches with a pseudonym (與會者 A / Participant A)",
      request: { params: s.TokenSpeechParams },
      responses: { 200: json(s.ChangedSpeechSchema, "The speech"), ...errorResponses(403, 404, 409, 429) },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await pseudonymiseOwnSpeech(deps, link(c, p.token), p.speechId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/review/{token}/speeches/{speechId}",
      tags: linkTags,
      summary: "Delete one of my speeches (PDIS can restore it from its versions)",
      request: { params: s.TokenSpeechParams },
      responses: { 200: json(s.ChangedSpeechSchema, "Deleted"), ...errorResponses(403, 404, 409, 429) },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await deleteOwnSpeech(deps, link(c, p.token), p.speechId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/review/{token}/done",
      tags: linkTags,
      summary: "I have finished reviewing (when every speaker has, the transcript publishes at once)",
      request: { params: s.TokenParams },
      responses: { 200: json(s.DoneSchema, "Done"), ...errorResponses(404, 409, 429) },
    }),
    async (c) => c.json(await markReviewDone(deps, link(c, c.req.valid("param").token)), 200),
  );

  return app;
}
