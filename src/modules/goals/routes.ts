import { createRoute, z } from "@hono/zod-openapi";
import {
  apiRouter,
  bearerAuth,
  errorResponses,
  itemsOf,
  jsonBody,
  jsonResponse,
} from "../../platform/http/openapi.ts";
import { requirePerson, type AppEnv } from "../directory/index.ts";
import {
  bodies,
  ChecklistSchema,
  ContributionsSchema,
  GoalListQuery,
  GoalSchema,
  GoalSummarySchema,
} from "./schema.ts";
import { checklistItems } from "./tables.ts";
import type { GoalsDeps } from "./use-cases/deps.ts";
import { addGoalNote } from "./use-cases/add-goal-note.ts";
import { createGoal } from "./use-cases/create-goal.ts";
import { getChecklist } from "./use-cases/get-checklist.ts";
import { contributionsCsv, getContributions } from "./use-cases/get-contributions.ts";
import { getGoal } from "./use-cases/get-goal.ts";
import { listGoals } from "./use-cases/list-goals.ts";
import { requestChecklistReview } from "./use-cases/request-review.ts";
import { reviewChecklistItem } from "./use-cases/review-checklist-item.ts";
import { setChecklistItem } from "./use-cases/set-checklist-item.ts";
import { updateGoal } from "./use-cases/update-goal.ts";

const goalTags = ["Goals"];
const checklistTags = ["Case checklists"];
const meTags = ["Contribution record"];
const idParam = z.object({ id: z.string().min(1) });
const numberParam = z.object({ number: z.string().regex(/^\d{1,9}$/, "must be a case number") });
const itemParam = numberParam.extend({ item: z.enum(checklistItems) });
const reviewParam = itemParam.extend({ agencyId: z.string().uuid("must be an agency id") });
const goalChanged = { 200: jsonResponse(GoalSchema, "The goal"), ...errorResponses(400, 401, 403, 404) };
const checklistChanged = {
  200: jsonResponse(ChecklistSchema, "The checklist"),
  ...errorResponses(400, 401, 403, 404, 409),
};

/** JSON API of goals, case checklists and one's own contribution record. */
export function goalRoutes(deps: GoalsDeps) {
  const app = apiRouter<AppEnv>();

  app.openapi(
    createRoute({
      method: "get",
      path: "/goals",
      tags: goalTags,
      security: bearerAuth,
      summary:
        "Goals you may see, most recently changed first: yours, your teams' and others' shared goals (never ordered by achievement)",
      request: { query: GoalListQuery },
      responses: { 200: jsonResponse(itemsOf(GoalSummarySchema), "Goals"), ...errorResponses(400, 401) },
    }),
    async (c) => {
      const goals = await listGoals(deps, requirePerson(c), c.req.valid("query"));
      c.header("Cache-Control", "no-store");
      return c.json(goals, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/goals",
      tags: goalTags,
      security: bearerAuth,
      summary:
        "Set a goal for yourself, or (teamId) for an agency or unit you belong to; private unless shared",
      request: jsonBody(bodies.createGoal),
      responses: { 201: jsonResponse(GoalSchema, "Created"), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await createGoal(deps, requirePerson(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/goals/{id}",
      tags: goalTags,
      security: bearerAuth,
      summary: "A goal with its dated progress notes (404 when it is private and not yours)",
      request: { params: idParam },
      responses: { 200: jsonResponse(GoalSchema, "The goal"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const goal = await getGoal(deps, requirePerson(c), c.req.valid("param").id);
      c.header("Cache-Control", "no-store");
      return c.json(goal, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/goals/{id}",
      tags: goalTags,
      security: bearerAuth,
      summary: "Edit a goal: title, description, target date, visibility, status (its owners)",
      request: { params: idParam, ...jsonBody(bodies.updateGoal) },
      responses: goalChanged,
    }),
    async (c) =>
      c.json(await updateGoal(deps, requirePerson(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/goals/{id}/notes",
      tags: goalTags,
      security: bearerAuth,
      summary: "Add a dated progress note, optionally moving the status (its owners)",
      request: { params: idParam, ...jsonBody(bodies.note) },
      responses: { ...goalChanged, 200: jsonResponse(GoalSchema, "The goal with the note") },
    }),
    async (c) =>
      c.json(await addGoalNote(deps, requirePerson(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/cases/{number}/checklist",
      tags: checklistTags,
      summary:
        "A case's practice checklist (proposer contacted, linked to the agency's agenda, data disclosed, plain-language response) with peer reviews; public",
      request: { params: numberParam },
      responses: { 200: jsonResponse(ChecklistSchema, "The checklist"), ...errorResponses(400, 404) },
    }),
    async (c) => c.json(await getChecklist(deps, c.get("actor"), c.req.valid("param").number), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/cases/{number}/checklist/{item}",
      tags: checklistTags,
      security: bearerAuth,
      summary: "Tick or untick one item with a note or evidence link (the case's organisers)",
      request: { params: itemParam, ...jsonBody(bodies.checklistItem) },
      responses: checklistChanged,
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(
        await setChecklistItem(deps, requirePerson(c), p.number, p.item, c.req.valid("json")),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/cases/{number}/checklist/reviews",
      tags: checklistTags,
      security: bearerAuth,
      summary:
        "Ask another agency (not an organiser) to peer-review the checklist; its POs are told (organisers)",
      request: { params: numberParam, ...jsonBody(bodies.reviewRequest) },
      responses: { ...checklistChanged, 201: jsonResponse(ChecklistSchema, "Asked") },
    }),
    async (c) =>
      c.json(
        await requestChecklistReview(
          deps,
          requirePerson(c),
          c.req.valid("param").number,
          c.req.valid("json"),
        ),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/cases/{number}/checklist/reviews/{agencyId}/{item}",
      tags: checklistTags,
      security: bearerAuth,
      summary:
        "The reviewing agency's word on one item: agree, or concerns with a comment (that agency's POs)",
      request: { params: reviewParam, ...jsonBody(bodies.review) },
      responses: checklistChanged,
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(
        await reviewChecklistItem(deps, requirePerson(c), p.number, p.agencyId, p.item, c.req.valid("json")),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/me/contributions",
      tags: meTags,
      security: bearerAuth,
      summary:
        "Your own contribution record: cases organised, tables facilitated, help given and received (only you see it; no scores)",
      responses: { 200: jsonResponse(ContributionsSchema, "Your record"), ...errorResponses(401) },
    }),
    async (c) => {
      const record = await getContributions(deps, requirePerson(c));
      c.header("Cache-Control", "no-store");
      return c.json(record, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/me/contributions.json",
      tags: meTags,
      security: bearerAuth,
      summary: "Your contribution record as a JSON file to attach to a commendation request",
      responses: {
        200: jsonResponse(ContributionsSchema, "Your record, as a download"),
        ...errorResponses(401),
      },
    }),
    async (c) => {
      const record = await getContributions(deps, requirePerson(c));
      c.header("Cache-Control", "no-store");
      c.header("Content-Disposition", 'attachment; filename="contributions.json"');
      return c.json(record, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/me/contributions.csv",
      tags: meTags,
      security: bearerAuth,
      summary: "Your contribution record as CSV (UTF-8), one row per contribution with its date and link",
      responses: {
        200: {
          description: "CSV, one row per contribution",
          content: { "text/csv": { schema: z.string() } },
        },
        ...errorResponses(401),
      },
    }),
    async (c) => {
      const csv = contributionsCsv(await getContributions(deps, requirePerson(c)), deps.publicUrl);
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Cache-Control", "no-store");
      c.header("Content-Disposition", 'attachment; filename="contributions.csv"');
      return c.body(csv, 200);
    },
  );

  return app;
}
