import { createRoute, z } from "@hono/zod-openapi";
import {
  apiRouter,
  bearerAuth,
  errorResponses,
  itemsOf,
  jsonBody,
  jsonResponse,
} from "../../platform/http/openapi.ts";
import { fail } from "../../platform/http/errors.ts";
import { requirePerson, type AppEnv } from "../directory/index.ts";
import {
  bodies,
  CommitmentExportSchema,
  CommitmentSchema,
  CommitmentSummarySchema,
  DecisionSchema,
  ListQuery,
  TrackingEntrySchema,
} from "./schema.ts";
import type { CommitmentsDeps } from "./use-cases/deps.ts";
import { createCommitment } from "./use-cases/create-commitment.ts";
import { commitmentsCsv, exportCommitments } from "./use-cases/export-commitments.ts";
import { getCommitment } from "./use-cases/get-commitment.ts";
import { listCommitments } from "./use-cases/list-commitments.ts";
import { recordDecision } from "./use-cases/record-decision.ts";
import { reviseCommitment } from "./use-cases/revise-commitment.ts";
import { trackingList } from "./use-cases/tracking-list.ts";
import { updateCommitment } from "./use-cases/update-commitment.ts";

const tags = ["Commitments"];
const idParam = z.object({ id: z.string().uuid("must be a commitment id") });
const meetingParam = z.object({ meetingId: z.string().uuid("must be a meeting id") });

/** JSON API of commitments and the monthly tracking list. */
export function commitmentRoutes(deps: CommitmentsDeps) {
  const app = apiRouter<AppEnv>();

  app.openapi(
    createRoute({
      method: "get",
      path: "/commitments",
      tags,
      summary:
        "The public index of commitments, earliest due first; filters: agency (id or slug), case (number), petition (id), status, overdue",
      request: { query: ListQuery },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(CommitmentSummarySchema), next: z.string().nullable() }),
          "Commitments",
        ),
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(
        await listCommitments(deps, {
          ...q,
          overdue: q.overdue === undefined ? undefined : q.overdue === "true",
        }),
        200,
      );
    },
  );

  // Registered before /commitments/{id}, which would otherwise refuse "export.json" as an id.
  app.openapi(
    createRoute({
      method: "get",
      path: "/commitments/export.json",
      tags,
      summary: "Open data: every commitment with its source, status, overdue flag and status updates (JSON)",
      responses: { 200: jsonResponse(z.array(CommitmentExportSchema), "Every commitment") },
    }),
    async (c) => c.json(await exportCommitments(deps), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/commitments/export.csv",
      tags,
      summary: "Open data: every commitment with its latest status update (CSV, UTF-8)",
      responses: {
        200: { description: "CSV, one row per commitment", content: { "text/csv": { schema: z.string() } } },
      },
    }),
    async (c) => {
      const csv = commitmentsCsv(await exportCommitments(deps));
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", 'attachment; filename="commitments.csv"');
      return c.body(csv, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/commitments",
      tags,
      security: bearerAuth,
      summary:
        "Record a commitment from a case (optionally its meeting) and/or a petition's response (case organisers, the petition's lead and co-organising agencies' POs, PDIS, admins)",
      request: jsonBody(bodies.create),
      responses: {
        201: jsonResponse(CommitmentSchema, "Created"),
        ...errorResponses(400, 401, 403, 409),
      },
    }),
    async (c) => c.json(await createCommitment(deps, requirePerson(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/commitments/{id}",
      tags,
      summary:
        "A commitment with its dated status history, its revisions (before and after, with the reason) and the due date first promised",
      request: { params: idParam },
      responses: { 200: jsonResponse(CommitmentSchema, "The commitment"), ...errorResponses(400, 404) },
    }),
    async (c) => c.json(await getCommitment(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/commitments/{id}/updates",
      tags,
      security: bearerAuth,
      summary:
        "Post a dated status update with evidence links: open → in-progress → done, or dropped with a public reason (owner agency's POs, case organisers, PDIS, admins)",
      request: { params: idParam, ...jsonBody(bodies.update) },
      responses: {
        201: jsonResponse(CommitmentSchema, "The commitment"),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(
        await updateCommitment(deps, requirePerson(c), c.req.valid("param").id, c.req.valid("json")),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/commitments/{id}/revisions",
      tags,
      security: bearerAuth,
      summary:
        "Revise a commitment in public: any of its text, owner agency and due date, with a public reason; the revision (before and after) joins its history. Who: those who may record it from its sources (case organisers, the petition's lead and co-organising agencies' POs, PDIS, admins); the owner agency's POs do not move its due date (403 own_due_date). Done or dropped: 409 commitment_done / commitment_dropped; nothing changed: 400 revision_changes_nothing",
      request: { params: idParam, ...jsonBody(bodies.revise) },
      responses: {
        201: jsonResponse(CommitmentSchema, "The commitment with its revision"),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(
        await reviseCommitment(deps, requirePerson(c), {
          id: c.req.valid("param").id,
          ...c.req.valid("json"),
        }),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/meetings/{meetingId}/tracking",
      tags,
      summary:
        "The tracking list of a meeting by case number: lead agency, latest update, open and overdue commitments, the chair's decision",
      request: { params: meetingParam },
      responses: {
        200: jsonResponse(itemsOf(TrackingEntrySchema), "Tracked cases"),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const id = c.req.valid("param").meetingId;
      if (!(await deps.meetingOf?.(id))) throw fail.notFound();
      return c.json({ items: await trackingList(deps.db, id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{meetingId}/tracking/decisions",
      tags,
      security: bearerAuth,
      summary:
        "Record the chair's decision on a tracked case at a monthly meeting: continue, release or noted (PDIS, admins); once per case, a second record changes it",
      request: { params: meetingParam, ...jsonBody(bodies.decision) },
      responses: {
        200: jsonResponse(DecisionSchema.extend({ caseNumber: z.number().int() }), "The decision"),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(
        await recordDecision(deps, requirePerson(c), c.req.valid("param").meetingId, c.req.valid("json")),
        200,
      ),
  );

  return app;
}
