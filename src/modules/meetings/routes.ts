import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  apiRouter,
  bearerAuth,
  errorResponses,
  jsonBody,
  jsonResponse,
} from "../../platform/http/openapi.ts";
import { clientKey } from "../../platform/http/client-key.ts";
import { requirePerson, type AppEnv } from "../directory/index.ts";
import { bodies, CandidateSchema, ListQuery, MeetingSchema, TallySchema } from "./schema.ts";
import type { MeetingsDeps } from "./use-cases/deps.ts";
import { createMeeting } from "./use-cases/create-meeting.ts";
import { getMeeting } from "./use-cases/get-meeting.ts";
import { listMeetings } from "./use-cases/list-meetings.ts";
import { addCandidate, withdrawCandidate } from "./use-cases/add-candidate.ts";
import { issueBallots } from "./use-cases/issue-ballots.ts";
import { castBallot, getBallot } from "./use-cases/cast-ballot.ts";
import { recordAttendance } from "./use-cases/record-attendance.ts";
import { chooseTiedCandidate, closeBallot, getTally } from "./use-cases/close-ballot.ts";
import { getRotation, setRotation, takeTurn } from "./use-cases/rotations.ts";

const tags = ["Meetings"];
const voteTags = ["Meetings (voters' ballot links)"];
const idParam = z.object({ id: z.string().uuid("must be a meeting id") });
const candidateParam = idParam.extend({ candidateId: z.string().uuid("must be a candidate id") });
const tokenParam = z.object({ token: z.string().min(1).max(200) });
const kindParam = z.object({
  kind: z.enum(["nomination", "table-facilitator"], { error: "must be nomination or table-facilitator" }),
});
const changed = {
  200: jsonResponse(MeetingSchema, "The meeting"),
  ...errorResponses(400, 401, 403, 404, 409),
};
const Rotation = z
  .object({
    kind: z.string(),
    items: z.array(
      z.object({
        position: z.number().int(),
        agency: z.unknown().nullable(),
        person: z.unknown().nullable(),
        lastServedAt: z.string().nullable(),
        lastServedFor: z.string().nullable(),
        next: z.boolean(),
      }),
    ),
  })
  .openapi("Rotation");

/** JSON API of meetings, candidates, the topic vote and rotations; voters' links under /ballot/{token}. */
export function meetingRoutes(deps: MeetingsDeps, options: { trustProxy: boolean }) {
  const app = apiRouter<AppEnv>();
  const link = (c: Context<AppEnv>, token: string) => ({
    token,
    clientKey: clientKey(c, options.trustProxy),
  });

  app.openapi(
    createRoute({
      method: "get",
      path: "/meetings",
      tags,
      summary: "Meetings, newest first (public); filters: kind, year",
      request: { query: ListQuery },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.string(),
                title: z.string(),
                date: z.string(),
                startTime: z.string(),
                ballotState: z.string(),
                url: z.string(),
              }),
            ),
            next: z.string().nullable(),
          }),
          "Meetings",
        ),
        ...errorResponses(400),
      },
    }),
    async (c) => c.json(await listMeetings(deps, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/meetings",
      tags,
      security: bearerAuth,
      summary:
        "Schedule a meeting: monthly (first Monday), quarterly (last week of Mar/Jun/Sep/Dec), or a case's meeting",
      request: jsonBody(bodies.meeting),
      responses: { 201: jsonResponse(MeetingSchema, "Scheduled"), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await createMeeting(deps, requirePerson(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/meetings/{id}",
      tags,
      summary:
        "A meeting with its agenda, candidates (criteria checked), ballot state and, once closed, its tally",
      request: { params: idParam },
      responses: { 200: jsonResponse(MeetingSchema, "The meeting"), ...errorResponses(400, 404) },
    }),
    async (c) => c.json(await getMeeting(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/candidates",
      tags,
      security: bearerAuth,
      summary:
        "Put a topic to the vote, with its selection criteria checked (PDIS; POs for their agency's topics)",
      request: { params: idParam, ...jsonBody(bodies.candidate) },
      responses: {
        201: jsonResponse(MeetingSchema, "The meeting"),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(await addCandidate(deps, requirePerson(c), c.req.valid("param").id, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/candidates/{candidateId}/withdraw",
      tags,
      security: bearerAuth,
      summary: "Withdraw a candidate before the ballot opens (PDIS)",
      request: { params: candidateParam },
      responses: changed,
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await withdrawCandidate(deps, requirePerson(c), p.id, p.candidateId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/candidates/{candidateId}/choose",
      tags,
      security: bearerAuth,
      summary: "The chair decides a tie: the topic wins and becomes a case, if a slot is left (PDIS)",
      request: { params: candidateParam },
      responses: changed,
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await chooseTiedCandidate(deps, requirePerson(c), p.id, p.candidateId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/ballots",
      tags,
      security: bearerAuth,
      summary:
        "Open the vote: one personal one-time ballot link per eligible voter, e-mailed (PDIS); again after a void tally for a re-run",
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: bodies.ballots } }, required: false },
      },
      responses: {
        201: jsonResponse(
          z.object({
            meetingId: z.string(),
            round: z.number().int(),
            issued: z.number().int(),
            votesPerVoter: z.number().int(),
            candidates: z.number().int(),
          }),
          "Links issued",
        ),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const body = (c.req.valid as (t: "json") => { closesAt?: string } | undefined)("json") ?? {};
      return c.json(await issueBallots(deps, requirePerson(c), c.req.valid("param").id, body), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/attendance",
      tags,
      security: bearerAuth,
      summary:
        "Record people present or absent (PDIS): the vote's denominator is the eligible voters present",
      request: { params: idParam, ...jsonBody(bodies.attendance) },
      responses: changed,
    }),
    async (c) =>
      c.json(
        await recordAttendance(deps, requirePerson(c), c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/ballots/close",
      tags,
      security: bearerAuth,
      summary: "Close the vote and publish the tally; winners become cases with the next case numbers (PDIS)",
      request: { params: idParam },
      responses: changed,
    }),
    async (c) => c.json(await closeBallot(deps, requirePerson(c), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/meetings/{id}/tally",
      tags,
      summary: "The tally, public after the ballot closes (409 before)",
      request: { params: idParam },
      responses: { 200: jsonResponse(TallySchema, "The tally"), ...errorResponses(400, 404, 409) },
    }),
    async (c) => c.json(await getTally(deps, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/ballot/{token}",
      tags: voteTags,
      summary: "A voter's ballot through their personal link: candidates and how many to choose",
      request: { params: tokenParam },
      responses: {
        200: jsonResponse(
          z.object({
            meeting: z.object({
              id: z.string(),
              title: z.string(),
              date: z.string(),
              anonymous: z.boolean(),
              url: z.string(),
            }),
            state: z.enum(["open", "used", "closed", "void"]),
            votesPerVoter: z.number().int(),
            candidates: z.array(CandidateSchema),
          }),
          "The ballot",
        ),
        ...errorResponses(404, 429),
      },
    }),
    async (c) => c.json(await getBallot(deps, link(c, c.req.valid("param").token)), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/ballot/{token}",
      tags: voteTags,
      summary: "Cast the ballot of a link (once): up to the allowed number of candidates, zero allowed",
      request: { params: tokenParam, ...jsonBody(bodies.cast) },
      responses: {
        201: jsonResponse(
          z.object({ cast: z.boolean(), choices: z.number().int(), anonymous: z.boolean() }),
          "Cast",
        ),
        ...errorResponses(400, 404, 409, 429),
      },
    }),
    async (c) =>
      c.json(await castBallot(deps, link(c, c.req.valid("param").token), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/rotations/{kind}",
      tags,
      summary: "A rotation roster: agencies nominating topics, or table facilitators, with who is next",
      request: { params: kindParam },
      responses: { 200: jsonResponse(Rotation, "The rotation"), ...errorResponses(400) },
    }),
    async (c) => c.json(await getRotation(deps, c.req.valid("param").kind), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/rotations/{kind}",
      tags,
      security: bearerAuth,
      summary: "Set a rotation's members in order (PDIS): agency ids or slugs, or person ids",
      request: { params: kindParam, ...jsonBody(bodies.rotation) },
      responses: { 200: jsonResponse(Rotation, "The rotation"), ...errorResponses(400, 401, 403) },
    }),
    async (c) =>
      c.json(
        await setRotation(deps, requirePerson(c), c.req.valid("param").kind, c.req.valid("json").members),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/rotations/{kind}/turn",
      tags,
      security: bearerAuth,
      summary: "Take the next turn: the member who served longest ago serves now (PDIS)",
      request: { params: kindParam, ...jsonBody(bodies.turn) },
      responses: { 200: jsonResponse(Rotation, "The rotation"), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) =>
      c.json(
        await takeTurn(deps, requirePerson(c), c.req.valid("param").kind, c.req.valid("json").for ?? null),
        200,
      ),
  );

  return app;
}
