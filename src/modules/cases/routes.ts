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
  CaseExportSchema,
  CaseSchema,
  CaseSummarySchema,
  ChallengeBody,
  HandbookSchema,
  ListQuery,
  PublishedHandbookSchema,
  researchBodies,
  ResearchSchema,
  SeatSchema,
} from "./schema.ts";
import { handbookTimingWarning } from "./presenter.ts";
import { getResearch } from "./use-cases/get-research.ts";
import { addResearchEntry, removeResearchEntry, updateResearchEntry } from "./use-cases/manage-research.ts";
import { setChallengeStatement } from "./use-cases/set-challenge-statement.ts";
import { getHandbook } from "./use-cases/get-handbook.ts";
import { publishHandbook } from "./use-cases/publish-handbook.ts";
import { casesCsv, exportCases } from "./use-cases/export-cases.ts";
import { caseStages } from "./tables.ts";
import type { CasesDeps } from "./use-cases/deps.ts";
import { createSelfProposedCase } from "./use-cases/create-self-proposed-case.ts";
import { getCase } from "./use-cases/get-case.ts";
import { listCases } from "./use-cases/list-cases.ts";
import { advanceStage } from "./use-cases/advance-stage.ts";
import { updateStage } from "./use-cases/update-stage.ts";
import { updateCase } from "./use-cases/update-case.ts";
import { addRole, removeRole } from "./use-cases/manage-roles.ts";
import { addSeat, listSeats, setSeatConsent, withdrawSeat } from "./use-cases/manage-seats.ts";
import { recordEvidence, releaseCase } from "./use-cases/release-case.ts";

const tags = ["Cases"];
const numberParam = z.object({ number: z.string().regex(/^\d{1,9}$/, "must be a case number") });
const seatParam = numberParam.extend({ seatId: z.string().uuid("must be a seat id") });
const changed = { 200: jsonResponse(CaseSchema, "The case"), ...errorResponses(400, 401, 403, 404, 409) };

/** JSON API of collaborative meeting cases. */
export function caseRoutes(deps: CasesDeps) {
  const app = apiRouter<AppEnv>();

  app.openapi(
    createRoute({
      method: "get",
      path: "/cases",
      tags,
      summary:
        "The public index of cases, newest number first; filters: agency (id or slug, any role), stage, year",
      request: { query: ListQuery },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(CaseSummarySchema), next: z.string().nullable() }),
          "Cases",
        ),
        ...errorResponses(400),
      },
    }),
    async (c) => c.json(await listCases(deps, c.req.valid("query")), 200),
  );

  // Registered before /cases/{number}, which would otherwise refuse "export.json" as a number.
  app.openapi(
    createRoute({
      method: "get",
      path: "/cases/export.json",
      tags,
      summary: "Open data: every case with its agencies, stage dates and links (JSON)",
      responses: { 200: jsonResponse(z.array(CaseExportSchema), "Every case, by number") },
    }),
    async (c) => c.json(await exportCases(deps), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/cases/export.csv",
      tags,
      summary: "Open data: every case with its agencies, stage dates and links (CSV, UTF-8)",
      responses: {
        200: { description: "CSV, one row per case", content: { "text/csv": { schema: z.string() } } },
      },
    }),
    async (c) => {
      const csv = casesCsv(await exportCases(deps));
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", 'attachment; filename="cases.csv"');
      return c.body(csv, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/cases",
      tags,
      security: bearerAuth,
      summary:
        "A self-proposed case (自提案): no vote, the next case number, listed at the next monthly meeting",
      request: jsonBody(bodies.selfProposed),
      responses: { 201: jsonResponse(CaseSchema, "Created"), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await createSelfProposedCase(deps, requirePerson(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/cases/{number}",
      tags,
      summary: "A case with its stages, roles, seat counts, livestream, links, evidence and history",
      request: { params: numberParam },
      responses: { 200: jsonResponse(CaseSchema, "The case"), ...errorResponses(400, 404) },
    }),
    async (c) => c.json(await getCase(deps, c.get("actor"), c.req.valid("param").number), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/cases/{number}",
      tags,
      security: bearerAuth,
      summary:
        "Edit a case's text and links: petition (id, address), transcript, requested livestream (organisers)",
      request: { params: numberParam, ...jsonBody(bodies.update) },
      responses: changed,
    }),
    async (c) =>
      c.json(await updateCase(deps, requirePerson(c), c.req.valid("param").number, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/cases/{number}/advance",
      tags,
      security: bearerAuth,
      summary: "Move the case on to its next stage (organisers); the issue handbook needs its address",
      request: { params: numberParam, ...jsonBody(bodies.advance) },
      responses: changed,
    }),
    async (c) =>
      c.json(
        await advanceStage(deps, requirePerson(c), c.req.valid("param").number, c.req.valid("json")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/cases/{number}/stages/{stage}",
      tags,
      security: bearerAuth,
      summary: "Set a stage's owners, due date, meeting, artefact and note (organisers)",
      request: {
        params: numberParam.extend({ stage: z.enum(caseStages, { error: "must be a stage" }) }),
        ...jsonBody(bodies.stage),
      },
      responses: changed,
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await updateStage(deps, requirePerson(c), p.number, p.stage, c.req.valid("json")), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/cases/{number}/roles",
      tags,
      security: bearerAuth,
      summary: "Add a role: lead, co-organiser or related agency; plenary or table facilitator, note taker",
      request: { params: numberParam, ...jsonBody(bodies.role) },
      responses: changed,
    }),
    async (c) =>
      c.json(await addRole(deps, requirePerson(c), c.req.valid("param").number, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/cases/{number}/roles/{roleId}",
      tags,
      security: bearerAuth,
      summary: "Remove a role (organisers)",
      request: { params: numberParam.extend({ roleId: z.string().uuid("must be a role id") }) },
      responses: changed,
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await removeRole(deps, requirePerson(c), p.number, p.roleId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/cases/{number}/seats",
      tags,
      security: bearerAuth,
      summary: "Seats with names and e-mail (organisers; the read is audited)",
      request: { params: numberParam },
      responses: { 200: jsonResponse(itemsOf(SeatSchema), "Seats"), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(await listSeats(deps, requirePerson(c), c.req.valid("param").number), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/cases/{number}/seats",
      tags,
      security: bearerAuth,
      summary:
        "Take or give a seat: ≤ 5 stakeholders per inviting agency, ≤ 5 co-signers then a waiting list, ≤ 10 other stakeholders (1 per group)",
      request: { params: numberParam, ...jsonBody(bodies.seat) },
      responses: { 201: jsonResponse(SeatSchema, "The seat"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(await addSeat(deps, requirePerson(c), c.req.valid("param").number, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/cases/{number}/seats/{seatId}/withdraw",
      tags,
      security: bearerAuth,
      summary: "Give a seat up; the first co-signer waiting takes a freed co-signer seat",
      request: { params: seatParam },
      responses: { 200: jsonResponse(SeatSchema, "The seat"), ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await withdrawSeat(deps, requirePerson(c), p.number, p.seatId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/cases/{number}/seats/{seatId}/consent",
      tags,
      security: bearerAuth,
      summary: "An attendee's livestream consent: none, record only, or live",
      request: { params: seatParam, ...jsonBody(bodies.consent) },
      responses: { 200: jsonResponse(SeatSchema, "The seat"), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(
        await setSeatConsent(
          deps,
          requirePerson(c),
          p.number,
          p.seatId,
          c.req.valid("json").livestreamConsent,
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/cases/{number}/evidence",
      tags,
      security: bearerAuth,
      summary:
        "Record evidence (link, post, mail-out) that the outcome reached proposer, co-signers, participants",
      request: { params: numberParam, ...jsonBody(bodies.evidence) },
      responses: changed,
    }),
    async (c) =>
      c.json(
        await recordEvidence(deps, requirePerson(c), c.req.valid("param").number, c.req.valid("json")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/cases/{number}/release",
      tags,
      security: bearerAuth,
      summary: "Release a tracked case (解除列管); needs evidence for proposer, co-signers and participants",
      request: { params: numberParam, ...jsonBody(bodies.release) },
      responses: changed,
    }),
    async (c) =>
      c.json(
        await releaseCase(deps, requirePerson(c), c.req.valid("param").number, c.req.valid("json")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/cases/{number}/research",
      tags,
      security: bearerAuth,
      summary:
        "The research as the organisers work on it: challenge statement and its history, issue analysis table, stakeholder map (with contacts), interview log, mind map (organisers)",
      request: { params: numberParam },
      responses: { 200: jsonResponse(ResearchSchema, "The research"), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const research = await getResearch(deps, requirePerson(c), c.req.valid("param").number);
      c.header("Cache-Control", "no-store");
      return c.json(research, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/cases/{number}/research/challenge",
      tags,
      security: bearerAuth,
      summary: "A new wording of the challenge statement (How might we …); earlier wordings are kept",
      request: { params: numberParam, ...jsonBody(ChallengeBody) },
      responses: {
        200: jsonResponse(ResearchSchema, "The research"),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(
        await setChallengeStatement(deps, requirePerson(c), c.req.valid("param").number, c.req.valid("json")),
        200,
      ),
  );

  const researchNames = {
    analysis: "a row of the issue analysis table (a claim: problem or proposed solution)",
    stakeholders: "an entry of the stakeholder map (its contact stays internal)",
    interviews: "an interview (public in the handbook only with consent to publish)",
    "mind-map": "a node of the mind map (an outline: parent and position among its siblings)",
  } as const;
  for (const kind of ["analysis", "stakeholders", "interviews", "mind-map"] as const) {
    const entryParam = numberParam.extend({ id: z.string().uuid("must be an entry id") });
    app.openapi(
      createRoute({
        method: "post",
        path: `/cases/{number}/research/${kind}`,
        tags,
        security: bearerAuth,
        summary: `Add ${researchNames[kind]} (organisers)`,
        request: { params: numberParam, ...jsonBody(researchBodies[kind]) },
        responses: {
          201: jsonResponse(z.object({ id: z.string(), research: ResearchSchema }), "Added"),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) =>
        c.json(
          await addResearchEntry(
            deps,
            requirePerson(c),
            c.req.valid("param").number,
            kind,
            c.req.valid("json"),
          ),
          201,
        ),
    );
    app.openapi(
      createRoute({
        method: "patch",
        path: `/cases/{number}/research/${kind}/{id}`,
        tags,
        security: bearerAuth,
        summary: `Change ${researchNames[kind]} (organisers)`,
        request: { params: entryParam, ...jsonBody(researchBodies[kind].partial()) },
        responses: {
          200: jsonResponse(ResearchSchema, "The research"),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const p = c.req.valid("param");
        return c.json(
          await updateResearchEntry(deps, requirePerson(c), p.number, kind, p.id, c.req.valid("json")),
          200,
        );
      },
    );
    app.openapi(
      createRoute({
        method: "delete",
        path: `/cases/{number}/research/${kind}/{id}`,
        tags,
        security: bearerAuth,
        summary: `Remove ${researchNames[kind]} (organisers)`,
        request: { params: entryParam },
        responses: {
          200: jsonResponse(ResearchSchema, "The research"),
          ...errorResponses(401, 403, 404, 409),
        },
      }),
      async (c) => {
        const p = c.req.valid("param");
        return c.json(await removeResearchEntry(deps, requirePerson(c), p.number, kind, p.id), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: "get",
      path: "/cases/{number}/handbook",
      tags,
      summary:
        "The issue handbook (議題手冊): public once published; before that a preview for the organisers only (404 to others)",
      request: { params: numberParam },
      responses: {
        200: jsonResponse(
          HandbookSchema.extend({ can: z.object({ organise: z.boolean() }) }),
          "The handbook",
        ),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => c.json(await getHandbook(deps, c.get("actor"), c.req.valid("param").number), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/cases/{number}/handbook",
      tags,
      security: bearerAuth,
      summary:
        "Publish the issue handbook (organisers): a warning, not a refusal, when not 2–3 days before the collaborative meeting",
      request: { params: numberParam },
      responses: {
        200: jsonResponse(PublishedHandbookSchema, "Published"),
        ...errorResponses(401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { handbook, timing } = await publishHandbook(deps, requirePerson(c), c.req.valid("param").number);
      return c.json(
        { handbook, timing: { ...timing, warning: handbookTimingWarning(timing, c.get("locale")) } },
        200,
      );
    },
  );

  return app;
}
