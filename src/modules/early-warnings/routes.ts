import { createRoute } from "@hono/zod-openapi";
import {
  apiRouter,
  bearerAuth,
  errorResponses,
  jsonBody,
  jsonResponse,
} from "../../platform/http/openapi.ts";
import { requirePerson, type AppEnv } from "../directory/index.ts";
import * as s from "./schema.ts";
import type { EarlyWarningsDeps } from "./use-cases/deps.ts";
import { raiseEarlyWarning } from "./use-cases/raise-warning.ts";
import { listEarlyWarnings } from "./use-cases/list-warnings.ts";
import { getEarlyWarning } from "./use-cases/get-warning.ts";
import { commentOnWarning } from "./use-cases/comment-on-warning.ts";
import { mergeEarlyWarning } from "./use-cases/merge-warning.ts";
import { convertEarlyWarning } from "./use-cases/convert-warning.ts";
import { answerOutcome } from "./use-cases/answer-outcome.ts";
import { lookBack } from "./use-cases/look-back.ts";

const json = jsonResponse;
const body = jsonBody;
const tags = ["Early warnings"];
const bearer = bearerAuth;

/** JSON API of early warnings (先期警報), under /api/v1. Visible only inside the network: others get 404. */
export function earlyWarningRoutes(deps: EarlyWarningsDeps) {
  const app = apiRouter<AppEnv>();

  app.openapi(
    createRoute({
      method: "post",
      path: "/early-warnings",
      tags,
      security: bearer,
      summary: "Raise an early warning of a coming conflict (POs, PDIS, supervisors, admins)",
      request: body(s.RaiseWarningBody),
      responses: { 201: json(s.WarningSchema, "Raised"), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const actor = requirePerson(c);
      const warning = await raiseEarlyWarning(deps, actor, c.req.valid("json"));
      return c.json(await getEarlyWarning(deps, actor, warning.id), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/early-warnings",
      tags,
      security: bearer,
      summary:
        "Early warnings newest first, by agency, source, severity, state and window (every read is audited)",
      request: { query: s.WarningListQuery },
      responses: { 200: json(s.WarningPageSchema, "Warnings"), ...errorResponses(400, 404) },
    }),
    async (c) => c.json(await listEarlyWarnings(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  // Registered before /early-warnings/{id}, which would otherwise take "look-back" for an id.
  app.openapi(
    createRoute({
      method: "get",
      path: "/early-warnings/look-back",
      tags,
      security: bearer,
      summary: 'Answered warnings with their outcomes ("did it happen?"), counted by source and severity',
      request: { query: s.LookBackQuery },
      responses: { 200: json(s.LookBackSchema, "Look-back"), ...errorResponses(400, 404) },
    }),
    async (c) => c.json(await lookBack(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/early-warnings/{id}",
      tags,
      security: bearer,
      summary: "One early warning with evidence, agencies, comments, merges, conversion, outcome, history",
      request: { params: s.WarningParams },
      responses: { 200: json(s.WarningSchema, "The warning"), ...errorResponses(400, 404) },
    }),
    async (c) => c.json(await getEarlyWarning(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/early-warnings/{id}/comments",
      tags,
      security: bearer,
      summary: "Comment on a warning (whoever may read it)",
      request: { params: s.WarningParams, ...body(s.CommentBody) },
      responses: { 201: json(s.CommentSchema, "Commented"), ...errorResponses(400, 401, 404, 409) },
    }),
    async (c) =>
      c.json(
        await commentOnWarning(deps, requirePerson(c), c.req.valid("param").id, c.req.valid("json")),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/early-warnings/{id}/merge",
      tags,
      security: bearer,
      summary:
        "Merge this duplicate into another warning: its agencies, evidence and comments are carried over",
      request: { params: s.WarningParams, ...body(s.MergeBody) },
      responses: { 200: json(s.WarningSchema, "Merged"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const actor = requirePerson(c);
      const merged = await mergeEarlyWarning(deps, actor, c.req.valid("param").id, c.req.valid("json"));
      return c.json(await getEarlyWarning(deps, actor, merged.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/early-warnings/{id}/convert",
      tags,
      security: bearer,
      summary: "Turn the warning into a matter naming its agencies (consultations and topics: not yet)",
      request: { params: s.WarningParams, ...body(s.ConvertBody) },
      responses: { 200: json(s.WarningSchema, "Converted"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const actor = requirePerson(c);
      const w = await convertEarlyWarning(deps, actor, c.req.valid("param").id, c.req.valid("json"));
      return c.json(await getEarlyWarning(deps, actor, w.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/early-warnings/{id}/outcome",
      tags,
      security: bearer,
      summary: 'Answer "did it happen?" (the raiser, PDIS, admins): yes, no or partly, with a note',
      request: { params: s.WarningParams, ...body(s.OutcomeBody) },
      responses: { 200: json(s.WarningSchema, "Answered"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const actor = requirePerson(c);
      const w = await answerOutcome(deps, actor, c.req.valid("param").id, c.req.valid("json"));
      return c.json(await getEarlyWarning(deps, actor, w.id), 200);
    },
  );

  return app;
}
