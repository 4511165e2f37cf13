import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, bearerAuth, errorResponses, jsonResponse } from "../../platform/http/openapi.ts";
import { requirePerson, roleNames, type AppEnv } from "../directory/index.ts";
import { listAudit } from "../audit/index.ts";
import { fail } from "../../platform/http/errors.ts";
import { clientKey } from "../../platform/http/client-key.ts";
import {
  createApiToken,
  listApiTokens,
  listSessions,
  requestSignInLink,
  revokeApiToken,
  revokeSession,
  type AuthDeps,
} from "./index.ts";

const json = jsonResponse;
const tags = ["Account"];
const bearer = bearerAuth;

const AuditEntrySchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .openapi("AuditEntry");
const AuditPage = z.object({ items: z.array(AuditEntrySchema), next: z.number().nullable() });
const auditQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Sign-in, the signed-in person's account, tokens, sessions and audit entries. */
export function authRoutes(deps: AuthDeps, options: { trustProxy: boolean }) {
  const app = apiRouter<AppEnv>();

  app.openapi(
    createRoute({
      method: "post",
      path: "/auth/sign-in-links",
      tags,
      summary: "E-mail me a one-time sign-in link (same answer whether or not the address is known)",
      request: {
        body: {
          content: {
            "application/json": {
              schema: z.object({
                email: z.email("must be an e-mail address").max(254),
                redirectTo: z.string().max(500).optional(),
              }),
            },
          },
          required: true,
        },
      },
      responses: {
        202: json(z.object({ status: z.literal("sent") }), "Sent if the address can sign in"),
        ...errorResponses(400, 429),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      await requestSignInLink(deps, { ...body, locale: c.get("locale") }, clientKey(c, options.trustProxy));
      return c.json({ status: "sent" as const }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/me",
      tags,
      security: bearer,
      summary: "Who I am: my person record id, roles and grants",
      responses: {
        200: json(
          z.object({
            personId: z.string(),
            name: z.string().nullable(),
            email: z.string().nullable(),
            roles: z.array(z.string()),
            grants: z.array(
              z.object({
                role: z.string(),
                orgId: z.string(),
                agencyId: z.string(),
                tags: z.array(z.string()),
              }),
            ),
          }),
          "Me",
        ),
        ...errorResponses(401),
      },
    }),
    async (c) => {
      const a = requirePerson(c);
      return c.json(
        { personId: a.personId, name: a.name, email: a.email, roles: roleNames(a), grants: a.grants },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/me/audit",
      tags,
      security: bearer,
      summary: "Audit entries by or about me, newest first",
      request: { query: auditQuery },
      responses: { 200: json(AuditPage, "Entries"), ...errorResponses(400, 401) },
    }),
    async (c) => {
      const a = requirePerson(c);
      const q = c.req.valid("query");
      return c.json(await listAudit(deps.db, { aboutPersonId: a.personId, ...q }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/audit",
      tags: ["Audit"],
      security: bearer,
      summary: "Browse the whole audit log (admin)",
      request: {
        query: auditQuery.extend({
          entityType: z.string().max(50).optional(),
          entityId: z.string().max(100).optional(),
          person: z.string().uuid().optional(),
        }),
      },
      responses: { 200: json(AuditPage, "Entries"), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const a = requirePerson(c);
      if (!a.isAdmin) throw fail.forbidden();
      const { person, ...q } = c.req.valid("query");
      return c.json(await listAudit(deps.db, { ...q, aboutPersonId: person }), 200);
    },
  );

  const TokenSchema = z.object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  });
  app.openapi(
    createRoute({
      method: "get",
      path: "/me/tokens",
      tags,
      security: bearer,
      summary: "My personal access tokens",
      responses: { 200: json(z.object({ items: z.array(TokenSchema) }), "Tokens"), ...errorResponses(401) },
    }),
    async (c) => c.json({ items: await listApiTokens(deps, requirePerson(c).personId) }, 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/me/tokens",
      tags,
      security: bearer,
      summary: "Create a personal access token; the secret is shown once",
      request: {
        body: {
          content: {
            "application/json": {
              schema: z.object({ name: z.string().trim().min(1, "must not be empty").max(100) }),
            },
          },
          required: true,
        },
      },
      responses: {
        201: json(
          z.object({
            id: z.string(),
            token: z.string(),
            name: z.string(),
            prefix: z.string(),
            createdAt: z.string(),
          }),
          "Created",
        ),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const a = requirePerson(c);
      return c.json(await createApiToken(deps, a, a.personId, c.req.valid("json").name), 201);
    },
  );
  app.openapi(
    createRoute({
      method: "delete",
      path: "/me/tokens/{id}",
      tags,
      security: bearer,
      summary: "Revoke one of my tokens",
      request: { params: z.object({ id: z.string().uuid() }) },
      responses: { 204: { description: "Revoked" }, ...errorResponses(401, 404) },
    }),
    async (c) => {
      await revokeApiToken(deps, requirePerson(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/me/sessions",
      tags,
      security: bearer,
      summary: "My signed-in browser sessions",
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                id: z.string(),
                userAgent: z.string().nullable(),
                createdAt: z.string(),
                lastSeenAt: z.string(),
                expiresAt: z.string(),
              }),
            ),
          }),
          "Sessions",
        ),
        ...errorResponses(401),
      },
    }),
    async (c) => c.json({ items: await listSessions(deps, requirePerson(c).personId) }, 200),
  );
  app.openapi(
    createRoute({
      method: "delete",
      path: "/me/sessions/{id}",
      tags,
      security: bearer,
      summary: "Sign out one of my sessions",
      request: { params: z.object({ id: z.string().uuid() }) },
      responses: { 204: { description: "Signed out" }, ...errorResponses(401, 404) },
    }),
    async (c) => {
      await revokeSession(deps, requirePerson(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  return app;
}
