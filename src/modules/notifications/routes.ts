import { createRoute, z } from "@hono/zod-openapi";
import {
  apiRouter,
  bearerAuth,
  errorResponses,
  jsonBody,
  jsonResponse,
} from "../../platform/http/openapi.ts";
import { requirePerson, type AppEnv } from "../directory/index.ts";
import type { Db } from "../../platform/db/database.ts";
import type { Clock } from "../../platform/clock/index.ts";
import { getPreference, listInbox, markRead, setPreference, unreadCount } from "./index.ts";
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks } from "./webhooks.ts";

const tags = ["Notifications"];
const LocaleText = z.object({ "zh-TW": z.string(), en: z.string() });
const ItemSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: LocaleText,
    body: LocaleText.nullable(),
    url: z.string().nullable(),
    urgent: z.boolean(),
    count: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi("Notification");
const Pref = z.object({ email: z.enum(["immediate", "daily", "none"]) }).openapi("NotificationPreference");

/** The signed-in person's inbox and preference. */
export function notificationRoutes(deps: { db: Db; clock: Clock }) {
  const app = apiRouter<AppEnv>();
  app.openapi(
    createRoute({
      method: "get",
      path: "/me/notifications",
      tags,
      security: bearerAuth,
      summary: "My inbox, newest first",
      request: {
        query: z.object({
          unread: z.enum(["1", "0", "true", "false"]).optional(),
          before: z.iso.datetime({ offset: true }).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(ItemSchema), next: z.string().nullable(), unread: z.number().int() }),
          "Inbox",
        ),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const me = requirePerson(c);
      const q = c.req.valid("query");
      const page = await listInbox(deps.db, me.personId, {
        unreadOnly: q.unread === "1" || q.unread === "true",
        before: q.before,
        limit: q.limit,
      });
      return c.json({ ...page, unread: await unreadCount(deps.db, me.personId) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/me/notifications/read",
      tags,
      security: bearerAuth,
      summary: "Mark items read (all of them when ids is empty)",
      request: jsonBody(
        z.object({ ids: z.array(z.string().uuid("must be notification ids")).max(500).default([]) }),
      ),
      responses: {
        200: jsonResponse(z.object({ marked: z.number().int() }), "Marked"),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const me = requirePerson(c);
      return c.json(
        { marked: await markRead(deps.db, me.personId, c.req.valid("json").ids, deps.clock.now()) },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/me/notification-preference",
      tags,
      security: bearerAuth,
      summary: "How I get e-mail: immediate, daily digest (default) or none; lapsed clocks always at once",
      responses: { 200: jsonResponse(Pref, "Preference"), ...errorResponses(401) },
    }),
    async (c) => c.json(await getPreference(deps.db, requirePerson(c).personId), 200),
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/me/notification-preference",
      tags,
      security: bearerAuth,
      summary: "Set how I get e-mail",
      request: jsonBody(Pref),
      responses: { 200: jsonResponse(Pref, "Saved"), ...errorResponses(400, 401) },
    }),
    async (c) =>
      c.json(
        await setPreference(deps.db, requirePerson(c).personId, c.req.valid("json").email, deps.clock.now()),
        200,
      ),
  );
  const WebhookSchema = z
    .object({
      id: z.string(),
      url: z.string(),
      events: z.array(z.string()),
      active: z.boolean(),
      createdAt: z.string(),
    })
    .openapi("Webhook");
  app.openapi(
    createRoute({
      method: "post",
      path: "/webhooks",
      tags: ["Webhooks"],
      security: bearerAuth,
      summary: "Register an outgoing webhook (admin); the signing secret is shown once",
      request: jsonBody(
        z.object({
          url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
          events: z.array(z.string().max(80)).max(50).default([]),
        }),
      ),
      responses: {
        201: jsonResponse(WebhookSchema.extend({ secret: z.string() }), "Registered"),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => c.json(await createWebhook(deps, requirePerson(c), c.req.valid("json")), 201),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/webhooks",
      tags: ["Webhooks"],
      security: bearerAuth,
      summary: "Registered webhooks (admin)",
      responses: {
        200: jsonResponse(z.object({ items: z.array(WebhookSchema) }), "Webhooks"),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await listWebhooks(deps, requirePerson(c)) }, 200),
  );
  app.openapi(
    createRoute({
      method: "delete",
      path: "/webhooks/{id}",
      tags: ["Webhooks"],
      security: bearerAuth,
      summary: "Remove a webhook (admin)",
      request: { params: z.object({ id: z.string().uuid() }) },
      responses: { 204: { description: "Removed" }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      await deleteWebhook(deps, requirePerson(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/webhooks/{id}/deliveries",
      tags: ["Webhooks"],
      security: bearerAuth,
      summary: "Recent deliveries of a webhook with their status (admin)",
      request: { params: z.object({ id: z.string().uuid() }) },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(
              z.object({
                id: z.string(),
                event: z.string(),
                payload: z.unknown(),
                attempts: z.number(),
                deliveredAt: z.string().nullable(),
                failedAt: z.string().nullable(),
                lastStatus: z.number().nullable(),
                lastError: z.string().nullable(),
              }),
            ),
          }),
          "Deliveries",
        ),
        ...errorResponses(401, 403),
      },
    }),
    async (c) =>
      c.json({ items: await listDeliveries(deps, requirePerson(c), c.req.valid("param").id) }, 200),
  );
  return app;
}
