import { createRoute, z } from "@hono/zod-openapi";
import {
  apiRouter,
  bearerAuth,
  errorResponses,
  jsonBody,
  jsonResponse,
} from "../../platform/http/openapi.ts";
import { requirePerson, type AppEnv } from "../directory/index.ts";
import type { HelpDeps } from "./use-cases/deps.ts";
import { askForHelp } from "./use-cases/ask-for-help.ts";
import { actOnHelpRequest } from "./use-cases/answer-help-request.ts";
import { getHelpRequest } from "./use-cases/get-help-request.ts";
import { listHelpRequests } from "./use-cases/list-help-requests.ts";
import { getClockSettings, setClockSetting } from "./use-cases/set-clock-settings.ts";

const tags = ["Help requests"];
const targetKinds = ["unit", "agency-po", "pdis", "partner", "pool"] as const;
const Clock = z.object({
  dueAt: z.string(),
  days: z.number(),
  stoppedAt: z.string().nullable(),
  lapsed: z.boolean(),
});
const Escalation = z
  .object({
    level: z.number().int(),
    clock: z.enum(["acknowledge", "respond"]),
    targetKind: z.enum(["agency-po", "supervisor", "pdis", "minister-office"]),
    targetId: z.string().nullable(),
    at: z.string(),
  })
  .openapi("HelpEscalation");
const HelpRequestBase = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  state: z.enum(["open", "acknowledged", "answered", "withdrawn"]),
  requesterId: z.string(),
  requesterAgencyId: z.string().nullable(),
  target: z.object({ kind: z.enum(targetKinds), id: z.string().nullable() }),
  supportKind: z.enum(["authority", "technical", "process", "experience"]).nullable(),
  matterId: z.string().nullable(),
  acknowledgeDueAt: z.string(),
  respondDueAt: z.string(),
  clocks: z.object({ acknowledge: Clock, respond: Clock }),
  escalationLevel: z.number().int(),
  escalationsLeft: z.number().int(),
  escalations: z.array(Escalation),
  acknowledgedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answer: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({
    acknowledge: z.boolean(),
    respond: z.boolean(),
    reopen: z.boolean(),
    withdraw: z.boolean(),
  }),
});
const HelpRequestSchema = HelpRequestBase.extend({
  history: z.array(
    z.object({ at: z.string(), kind: z.string(), actorId: z.string().nullable(), data: z.unknown() }),
  ),
}).openapi("HelpRequest");
const idParam = z.object({ id: z.string().uuid("must be a help request id") });
const ClockSettings = z
  .array(
    z.object({
      targetKind: z.enum(targetKinds),
      acknowledgeDays: z.number().int(),
      respondDays: z.number().int(),
      source: z.enum(["admin", "default"]),
    }),
  )
  .openapi("HelpClockSettings");

/** JSON API of help requests. */
export function helpRequestRoutes(deps: HelpDeps) {
  const app = apiRouter<AppEnv>();

  app.openapi(
    createRoute({
      method: "post",
      path: "/help-requests",
      tags,
      security: bearerAuth,
      summary: "Ask for help: two clocks (acknowledge, respond) start in government working days",
      request: jsonBody(
        z
          .object({
            title: z.string().trim().min(1, "must not be empty").max(200),
            body: z.string().trim().min(1, "must not be empty").max(20_000),
            target: z.object({
              kind: z.enum(targetKinds, { error: "must be unit, agency-po, pdis, partner or pool" }),
              id: z.string().uuid("must be an id").nullable().optional(),
            }),
            supportKind: z.enum(["authority", "technical", "process", "experience"]).optional(),
            matterId: z.string().max(40).optional(),
          })
          .openapi("AskForHelp"),
      ),
      responses: { 201: jsonResponse(HelpRequestSchema, "Asked"), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await askForHelp(deps, requirePerson(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/help-requests",
      tags,
      security: bearerAuth,
      summary: "Requests I may see: box=mine (I asked), box=to-me (mine to answer), or all visible",
      request: {
        query: z.object({
          box: z.enum(["mine", "to-me"]).optional(),
          state: z.enum(["open", "acknowledged", "answered", "withdrawn"]).optional(),
          targetKind: z.enum(targetKinds).optional(),
          matter: z.string().uuid("must be a matter id").optional(),
          before: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(HelpRequestBase), next: z.string().nullable() }),
          "Requests",
        ),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => c.json(await listHelpRequests(deps, requirePerson(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/help-requests/{id}",
      tags,
      security: bearerAuth,
      summary: "A request with its clocks, escalation trail and history",
      request: { params: idParam },
      responses: { 200: jsonResponse(HelpRequestSchema, "The request"), ...errorResponses(401, 404) },
    }),
    async (c) => c.json(await getHelpRequest(deps, requirePerson(c), c.req.valid("param").id), 200),
  );

  const action = (
    path: string,
    summary: string,
    body: z.ZodObject | null,
    run: (c: { id: string; body: Record<string, string> }) => Parameters<typeof actOnHelpRequest>[3],
  ) =>
    app.openapi(
      createRoute({
        method: "post",
        path: `/help-requests/{id}/${path}`,
        tags,
        security: bearerAuth,
        summary,
        request: body ? { params: idParam, ...jsonBody(body) } : { params: idParam },
        responses: {
          200: jsonResponse(HelpRequestSchema, "Updated"),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const id = c.req.valid("param").id;
        const json = body ? ((c.req.valid as (t: "json") => Record<string, string>)("json") ?? {}) : {};
        return c.json(await actOnHelpRequest(deps, requirePerson(c), id, run({ id, body: json })), 200);
      },
    );
  action("acknowledge", "Acknowledge (the target side): stops the first clock only", null, () => ({
    do: "acknowledge",
  }));
  action(
    "respond",
    "Respond with a substantive answer (the target side): closes the request",
    z.object({ body: z.string().trim().min(1, "must not be empty").max(20_000) }),
    ({ body }) => ({ do: "respond", body: body.body! }),
  );
  action(
    "reopen",
    "Reopen an answered request with a reason (the requester): the respond clock starts again",
    z.object({ reason: z.string().trim().min(1, "must not be empty").max(5_000) }),
    ({ body }) => ({ do: "reopen", reason: body.reason! }),
  );
  action(
    "withdraw",
    "Withdraw the request (the requester)",
    z.object({ reason: z.string().trim().max(5_000).optional() }),
    ({ body }) => ({ do: "withdraw", reason: body.reason }),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/help-requests-clocks",
      tags,
      summary: "Clock lengths per target kind, in working days",
      responses: { 200: jsonResponse(z.object({ items: ClockSettings }), "Settings") },
    }),
    async (c) => c.json({ items: await getClockSettings(deps) }, 200),
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/help-requests-clocks/{targetKind}",
      tags,
      security: bearerAuth,
      summary: "Set the clock lengths of one target kind (admin)",
      request: {
        params: z.object({ targetKind: z.enum(targetKinds) }),
        ...jsonBody(
          z.object({
            acknowledgeDays: z.number().int().min(0).max(60),
            respondDays: z.number().int().min(1).max(120),
          }),
        ),
      },
      responses: {
        200: jsonResponse(z.object({ items: ClockSettings }), "Saved"),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) =>
      c.json(
        {
          items: await setClockSetting(deps, requirePerson(c), {
            targetKind: c.req.valid("param").targetKind,
            ...c.req.valid("json"),
          }),
        },
        200,
      ),
  );
  return app;
}
