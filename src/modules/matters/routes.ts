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
import type { MattersDeps } from "./use-cases/deps.ts";
import { createMatter } from "./use-cases/create-matter.ts";
import { listMatters } from "./use-cases/list-matters.ts";
import { getMatter } from "./use-cases/get-matter.ts";
import { setOwners } from "./use-cases/set-owners.ts";
import { fileRefusal } from "./use-cases/file-refusal.ts";
import { decideRefusal } from "./use-cases/decide-refusal.ts";
import { contestRefusal } from "./use-cases/contest-refusal.ts";
import { addMember } from "./use-cases/add-member.ts";
import { removeMember } from "./use-cases/remove-member.ts";
import { closeMatter } from "./use-cases/close-matter.ts";
import { reopenMatter } from "./use-cases/reopen-matter.ts";

const json = jsonResponse;
const body = jsonBody;
const tags = ["Matters"];
const bearer = bearerAuth;
/** An optional JSON body (e.g. a note): the request may have none. */
const optionalBody = <T extends Parameters<typeof jsonBody>[0]>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: false },
});

/** JSON API of matters and ownership triage, under /api/v1. */
export function matterRoutes(deps: MattersDeps) {
  const app = apiRouter<AppEnv>();

  app.openapi(
    createRoute({
      method: "post",
      path: "/matters",
      tags,
      security: bearer,
      summary: "Raise a matter; the triage rule routes it to a unit, the agency's PO, or a cross-agency case",
      request: body(s.CreateMatterBody),
      responses: { 201: json(s.MatterSchema, "Created and triaged"), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const actor = requirePerson(c);
      const matter = await createMatter(deps, actor, c.req.valid("json"));
      return c.json(await getMatter(deps, actor, matter.id), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/matters",
      tags,
      summary: "Matters newest first (public ones for everyone; network ones for the network)",
      request: { query: s.MatterListQuery },
      responses: { 200: json(s.MatterPageSchema, "Matters"), ...errorResponses(400, 401) },
    }),
    async (c) => c.json(await listMatters(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/matters/{id}",
      tags,
      summary: "One matter (by id or reference number) with owners, triage, refusals, working group, history",
      request: { params: s.MatterParams },
      responses: { 200: json(s.MatterSchema, "The matter"), ...errorResponses(404) },
    }),
    async (c) => c.json(await getMatter(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/matters/{id}/owners",
      tags,
      security: bearer,
      summary: "Set the owning units and agencies; the matter is triaged again (coordinating POs, PDIS)",
      request: { params: s.MatterParams, ...body(s.SetOwnersBody) },
      responses: { 200: json(s.MatterSchema, "Re-triaged"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const actor = requirePerson(c);
      const updated = await setOwners(deps, actor, c.req.valid("param").id, c.req.valid("json"));
      return c.json(await getMatter(deps, actor, updated.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/matters/{id}/refusals",
      tags,
      security: bearer,
      summary: "An owning unit refuses the matter, naming the unit that should own it instead",
      request: { params: s.MatterParams, ...body(s.FileRefusalBody) },
      responses: { 201: json(s.RefusalSchema, "Filed"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(await fileRefusal(deps, requirePerson(c), c.req.valid("param").id, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/matters/{id}/refusals/{refusalId}/decide",
      tags,
      security: bearer,
      summary: "Accept (ownership moves) or reject a refusal at its level: PO, PDIS, minister's office",
      request: { params: s.RefusalParams, ...body(s.DecideRefusalBody) },
      responses: { 200: json(s.RefusalSchema, "Decided"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await decideRefusal(deps, requirePerson(c), p.id, p.refusalId, c.req.valid("json")), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/matters/{id}/refusals/{refusalId}/contest",
      tags,
      security: bearer,
      summary:
        "The refusing unit contests a rejection: it goes one level up (final at the minister's office)",
      request: { params: s.RefusalParams, ...body(s.ContestRefusalBody) },
      responses: { 200: json(s.RefusalSchema, "Escalated"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(
        await contestRefusal(deps, requirePerson(c), p.id, p.refusalId, c.req.valid("json")),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/matters/{id}/members",
      tags,
      security: bearer,
      summary: "Add a person to the case working group (a coordinating PO, within the authorisation table)",
      request: { params: s.MatterParams, ...body(s.AddMemberBody) },
      responses: { 201: json(s.MemberSchema, "Added"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(await addMember(deps, requirePerson(c), c.req.valid("param").id, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/matters/{id}/members/{personId}",
      tags,
      security: bearer,
      summary: "Remove a person from the working group (a coordinating PO; or the member leaving)",
      request: { params: s.MemberParams },
      responses: { 204: { description: "Removed" }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const p = c.req.valid("param");
      await removeMember(deps, requirePerson(c), p.id, p.personId);
      return c.body(null, 204);
    },
  );

  for (const verb of ["close", "reopen"] as const) {
    app.openapi(
      createRoute({
        method: "post",
        path: `/matters/{id}/${verb}`,
        tags,
        security: bearer,
        summary:
          verb === "close"
            ? "Close the matter; its working group dissolves (coordinating POs, PDIS)"
            : "Reopen a closed matter (coordinating POs, PDIS)",
        request: { params: s.MatterParams, ...optionalBody(s.NoteBody) },
        responses: { 200: json(s.MatterSchema, "Updated"), ...errorResponses(400, 401, 403, 404, 409) },
      }),
      async (c) => {
        const actor = requirePerson(c);
        const id = c.req.valid("param").id;
        const input = c.req.valid("json") ?? {};
        const m = await (verb === "close" ? closeMatter : reopenMatter)(deps, actor, id, input);
        return c.json(await getMatter(deps, actor, m.id), 200);
      },
    );
  }

  return app;
}
