import { createRoute, z } from "@hono/zod-openapi";
import {
  apiRouter,
  bearerAuth,
  errorResponses,
  jsonBody,
  jsonResponse,
} from "../../platform/http/openapi.ts";
import { requirePerson, type AppEnv } from "../directory/index.ts";
import {
  AssignBody,
  CreatePetitionBody,
  EndorsementsBody,
  ExtensionBody,
  WithdrawBody,
  ResponseExportSchema,
  ImportSummarySchema,
  ListQuery,
  PetitionExportSchema,
  PetitionParams,
  PetitionSchema,
  PetitionSummarySchema,
  PlanBody,
  ResponseBody,
  SettingsBody,
  SettingsSchema,
  UpdateBody,
} from "./schema.ts";
import type { PetitionsDeps } from "./use-cases/deps.ts";
import { addUpdate } from "./use-cases/add-update.ts";
import { assignPetition } from "./use-cases/assign-petition.ts";
import { createPetition } from "./use-cases/create-petition.ts";
import { exportPetitions, petitionsCsv } from "./use-cases/export-petitions.ts";
import { exportResponses, responsesCsv } from "./use-cases/export-responses.ts";
import { extendResponse } from "./use-cases/extend-response.ts";
import { followPetition } from "./use-cases/follow-petition.ts";
import { getPetition } from "./use-cases/get-petition.ts";
import { importPetitions } from "./use-cases/import-petitions.ts";
import { listPetitions } from "./use-cases/list-petitions.ts";
import { getPetitionSettings, setPetitionSettings } from "./use-cases/petition-settings.ts";
import { publishPlan } from "./use-cases/publish-plan.ts";
import { publishResponse } from "./use-cases/publish-response.ts";
import { recordEndorsements } from "./use-cases/record-endorsements.ts";
import { saveResponse } from "./use-cases/save-response.ts";
import { withdrawPetition } from "./use-cases/withdraw-petition.ts";

const tags = ["Petitions"];
const updated = (what: string) => ({
  200: jsonResponse(PetitionSchema, what),
  ...errorResponses(400, 401, 403, 404, 409),
});

/** JSON API of petitions, draft-regulation notices and their responses (Join-style). */
export function petitionRoutes(deps: PetitionsDeps) {
  const app = apiRouter<AppEnv>();

  app.openapi(
    createRoute({
      method: "get",
      path: "/petitions",
      tags,
      summary: "Petitions and notices, newest first (public); filters: kind, state, agency, q, year, overdue",
      request: { query: ListQuery },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(PetitionSummarySchema), next: z.string().nullable() }),
          "Petitions",
        ),
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await listPetitions(deps, c.get("actor"), { ...q, overdue: q.overdue === "true" }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/petitions/export.json",
      tags,
      summary: "Open data: every petition and notice with its published response (JSON)",
      responses: { 200: jsonResponse(z.object({ items: z.array(PetitionExportSchema) }), "Export") },
    }),
    async (c) => {
      c.header("Content-Disposition", 'attachment; filename="petitions.json"');
      return c.json({ items: await exportPetitions(deps) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/petitions/responses/export.json",
      tags,
      summary: "Open data: every published response with its petition and follow-up updates (JSON)",
      responses: { 200: jsonResponse(z.object({ items: z.array(ResponseExportSchema) }), "Export") },
    }),
    async (c) => {
      c.header("Content-Disposition", 'attachment; filename="petition-responses.json"');
      return c.json({ items: await exportResponses(deps) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/petitions/responses/export.csv",
      tags,
      summary: "Open data: every published response with its petition and follow-up updates (CSV, UTF-8)",
      responses: {
        200: { description: "CSV, one row per response", content: { "text/csv": { schema: z.string() } } },
      },
    }),
    async (c) => {
      const csv = responsesCsv(await exportResponses(deps));
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", 'attachment; filename="petition-responses.csv"');
      return c.body(csv, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/petitions/export.csv",
      tags,
      summary: "Open data: every petition and notice with its published response (CSV, UTF-8)",
      responses: {
        200: { description: "CSV, one row per petition", content: { "text/csv": { schema: z.string() } } },
      },
    }),
    async (c) => {
      const csv = petitionsCsv(await exportPetitions(deps));
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", 'attachment; filename="petitions.csv"');
      return c.body(csv, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/petitions/{id}",
      tags,
      summary:
        "A petition with its timeline, deadlines and response (internal material only for the network)",
      request: { params: PetitionParams },
      responses: { 200: jsonResponse(PetitionSchema, "The petition"), ...errorResponses(404) },
    }),
    async (c) => c.json(await getPetition(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/petitions",
      tags,
      security: bearerAuth,
      summary: "Enter a petition or a draft-regulation notice (PDIS, admin)",
      request: jsonBody(CreatePetitionBody),
      responses: { 201: jsonResponse(PetitionSchema, "Created"), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => c.json(await createPetition(deps, requirePerson(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/petitions/import",
      tags,
      security: bearerAuth,
      summary:
        "Import petitions from CSV (text/csv) or JSON (application/json); idempotent on external id, all or nothing (PDIS, admin)",
      request: {
        body: {
          content: { "text/csv": { schema: z.string() }, "application/json": { schema: z.unknown() } },
          required: true,
        },
      },
      responses: {
        200: jsonResponse(ImportSummarySchema, "Imported"),
        422: jsonResponse(ImportSummarySchema, "Nothing imported: the problems, by line"),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const summary = await importPetitions(deps, requirePerson(c), await c.req.text());
      return c.json(summary, summary.problems.length ? 422 : 200);
    },
  );

  const action = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S | null,
    run: (actor: ReturnType<typeof requirePerson>, id: string, body: z.infer<S>) => Promise<unknown>,
  ) =>
    app.openapi(
      createRoute({
        method: "post",
        path: `/petitions/{id}/${path}`,
        tags,
        security: bearerAuth,
        summary,
        request: body ? { params: PetitionParams, ...jsonBody(body) } : { params: PetitionParams },
        responses: updated("Updated"),
      }),
      async (c) => {
        const valid = c.req.valid.bind(c.req) as unknown as (t: "param" | "json") => unknown;
        const id = (valid("param") as { id: string }).id;
        const json = (body ? valid("json") : undefined) as z.infer<S>;
        return c.json((await run(requirePerson(c), id, json)) as z.infer<typeof PetitionSchema>, 200);
      },
    );

  action(
    "endorsements",
    "Record the endorsement count seen on the source (PDIS, admin)",
    EndorsementsBody,
    (a, id, b) => recordEndorsements(deps, a, id, b),
  );
  action(
    "assignment",
    "Assign (or reassign, with a reason) the lead, co-organising and related agencies (PDIS, admin)",
    AssignBody,
    (a, id, b) => assignPetition(deps, a, id, b),
  );
  action("plan", "Publish the handling plan (the lead agency's PO, PDIS, admin)", PlanBody, (a, id, b) =>
    publishPlan(deps, a, id, b),
  );
  action(
    "response",
    "Save the response with the composer: a network-only draft until published, then edits the public response",
    ResponseBody,
    (a, id, b) => saveResponse(deps, a, id, b),
  );
  action("response/publish", "Publish the response (the lead agency's PO, PDIS, admin)", null, (a, id) =>
    publishResponse(deps, a, id),
  );
  action(
    "extension",
    "Extend the response deadline once, up to two months, with a public reason; a second time is 409",
    ExtensionBody,
    (a, id, b) => extendResponse(deps, a, id, b),
  );
  action(
    "withdraw",
    "Withdraw a petition entered by mistake or twice, with a public reason (PDIS, admin); 409 once responded or taken up by a case",
    WithdrawBody,
    (a, id, b) => withdrawPetition(deps, a, id, b),
  );
  action(
    "updates",
    "Add a public follow-up update (lead or co-organising agency's PO, PDIS, admin)",
    UpdateBody,
    (a, id, b) => addUpdate(deps, a, id, b),
  );

  for (const method of ["put", "delete"] as const) {
    app.openapi(
      createRoute({
        method,
        path: "/petitions/{id}/follow",
        tags,
        security: bearerAuth,
        summary: method === "put" ? "Follow a petition (anyone signed in)" : "Stop following a petition",
        request: { params: PetitionParams },
        responses: {
          200: jsonResponse(z.object({ following: z.boolean(), followers: z.number().int() }), "Following"),
          ...errorResponses(401, 404),
        },
      }),
      async (c) =>
        c.json(await followPetition(deps, requirePerson(c), c.req.valid("param").id, method === "put"), 200),
    );
  }

  app.openapi(
    createRoute({
      method: "get",
      path: "/petition-settings",
      tags,
      summary: "Settings of the automatic early warnings about petitions",
      responses: { 200: jsonResponse(SettingsSchema, "Settings") },
    }),
    async (c) => c.json(await getPetitionSettings(deps), 200),
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/petition-settings",
      tags,
      security: bearerAuth,
      summary:
        "Set the automatic early warnings: share of the threshold (percent), days without a response (admin)",
      request: jsonBody(SettingsBody),
      responses: { 200: jsonResponse(SettingsSchema, "Saved"), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await setPetitionSettings(deps, requirePerson(c), c.req.valid("json")), 200),
  );
  return app;
}
