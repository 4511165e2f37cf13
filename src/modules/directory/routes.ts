import { createRoute, z } from "@hono/zod-openapi";
import {
  apiRouter,
  bearerAuth,
  errorResponses,
  itemsOf,
  jsonBody,
  jsonResponse,
} from "../../platform/http/openapi.ts";
import { requirePerson, type AppEnv } from "./http-env.ts";
import type { DirectoryDeps } from "./use-cases/deps.ts";
import * as s from "./schema.ts";
import { listAgencies } from "./use-cases/list-agencies.ts";
import { getAgency } from "./use-cases/get-agency.ts";
import { createOrg } from "./use-cases/create-org.ts";
import { updateOrg } from "./use-cases/update-org.ts";
import { getPerson } from "./use-cases/get-person.ts";
import { listPeople } from "./use-cases/list-people.ts";
import { createPerson } from "./use-cases/create-person.ts";
import { updatePerson } from "./use-cases/update-person.ts";
import { invitePo } from "./use-cases/invite-po.ts";
import { respondToInvitation } from "./use-cases/respond-to-invitation.ts";
import { listInvitations } from "./use-cases/list-invitations.ts";
import { setAuthorisationTable } from "./use-cases/set-authorisation-table.ts";
import { fileRoster, listRosters } from "./use-cases/file-roster.ts";
import { addMembership, endMembership } from "./use-cases/manage-membership.ts";
import { createResource, listResources } from "./use-cases/resources.ts";
import type { Queryable } from "../../platform/db/database.ts";

const json = jsonResponse;
const body = jsonBody;
const items = itemsOf;
const tags = ["Directory"];
const bearer = bearerAuth;

/** Hooks the directory's routes call into other modules (wired in app.ts). */
export interface DirectoryHooks {
  /** Queue the e-mail that tells a person they were invited (inside the invitation's transaction). */
  onInvited?: (
    tx: Queryable,
    inv: { id: string; email: string; name: string; agencyName: { "zh-TW": string; en: string } },
  ) => Promise<void>;
}

/** JSON API of the directory, under /api/v1. */
export function directoryRoutes(deps: DirectoryDeps, hooks: DirectoryHooks = {}) {
  const app = apiRouter<AppEnv>();

  app.openapi(
    createRoute({
      method: "get",
      path: "/agencies",
      tags,
      summary: "List agencies (units with kind=unit)",
      request: { query: s.AgencyListQuery },
      responses: { 200: json(items(s.AgencyListItemSchema), "Agencies"), ...errorResponses(400) },
    }),
    async (c) => c.json({ items: await listAgencies(deps, c.req.valid("query")) }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/agencies/{id}",
      tags,
      summary: "One agency or unit (by id or slug) with units, children, POs and authorisation table",
      request: { params: s.IdParams },
      responses: { 200: json(s.AgencyDetailSchema, "The agency"), ...errorResponses(404) },
    }),
    async (c) => c.json(await getAgency(deps, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/agencies",
      tags,
      security: bearer,
      summary: "Add an agency or unit (admin)",
      request: body(s.CreateOrgBody),
      responses: { 201: json(s.AgencySchema, "Created"), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => c.json(await createOrg(deps, requirePerson(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/agencies/{id}",
      tags,
      security: bearer,
      summary: "Change an agency's or unit's names and contacts (admin)",
      request: { params: s.IdParams, ...body(s.UpdateOrgBody) },
      responses: { 200: json(s.AgencyDetailSchema, "Updated"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(await updateOrg(deps, requirePerson(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/agencies/{id}/authorisation",
      tags,
      security: bearer,
      summary: "Set the agency's authorisation table (its supervisor)",
      request: { params: s.IdParams, ...body(s.AuthorisationBody) },
      responses: { 200: json(s.AuthorisationSchema, "Saved"), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        await setAuthorisationTable(deps, requirePerson(c), c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/agencies/{id}/rosters",
      tags,
      summary: "The agency's filed PO rosters, newest first (history)",
      request: { params: s.IdParams },
      responses: { 200: json(items(s.RosterSchema), "Rosters"), ...errorResponses(404) },
    }),
    async (c) => c.json({ items: await listRosters(deps, c.req.valid("param").id) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/agencies/{id}/rosters",
      tags,
      security: bearer,
      summary: "File this year's PO roster: a snapshot of the agency's current POs",
      request: { params: s.IdParams, ...body(s.FileRosterBody) },
      responses: { 201: json(s.RosterSchema, "Filed"), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(await fileRoster(deps, requirePerson(c), c.req.valid("param").id, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/agencies/{id}/po-invitations",
      tags,
      security: bearer,
      summary: "Invite a person to be a PO of the agency (admin, PDIS, the agency's supervisor)",
      request: { params: s.IdParams, ...body(s.CreateInvitationBody) },
      responses: { 201: json(s.InvitationSchema, "Invited"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        await invitePo(deps, requirePerson(c), c.req.valid("param").id, c.req.valid("json"), hooks.onInvited),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/agencies/{id}/po-invitations",
      tags,
      security: bearer,
      summary: "Invitations of an agency (for those who may invite there)",
      request: { params: s.IdParams },
      responses: { 200: json(items(s.InvitationSchema), "Invitations"), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      requirePerson(c);
      return c.json(
        { items: await listInvitations(deps, c.get("actor"), { agencyId: c.req.valid("param").id }) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/me/po-invitations",
      tags,
      security: bearer,
      summary: "My PO invitations",
      responses: { 200: json(items(s.InvitationSchema), "Invitations"), ...errorResponses(401) },
    }),
    async (c) => c.json({ items: await listInvitations(deps, requirePerson(c), { mine: true }) }, 200),
  );

  for (const answer of ["accept", "decline", "withdraw"] as const) {
    app.openapi(
      createRoute({
        method: "post",
        path: `/po-invitations/{id}/${answer}`,
        tags,
        security: bearer,
        summary:
          answer === "withdraw"
            ? "Withdraw a pending invitation (the inviting side)"
            : `${answer === "accept" ? "Accept" : "Decline"} my invitation`,
        request: { params: s.IdParams },
        responses: { 200: json(s.InvitationSchema, "Updated"), ...errorResponses(401, 403, 404, 409) },
      }),
      async (c) =>
        c.json(await respondToInvitation(deps, requirePerson(c), c.req.valid("param").id, answer), 200),
    );
  }

  app.openapi(
    createRoute({
      method: "get",
      path: "/people",
      tags,
      summary: "People: those with a network role (everyone for PDIS and admins)",
      request: {
        query: z.object({
          q: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          after: z.string().uuid().optional(),
        }),
      },
      responses: {
        200: json(
          z.object({
            items: z.array(s.PersonSchema.omit({ roles: true, authorisation: true })),
            next: z.string().nullable(),
          }),
          "People",
        ),
        ...errorResponses(400),
      },
    }),
    async (c) => c.json(await listPeople(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/people",
      tags,
      security: bearer,
      summary: "Add a person (admin, PDIS)",
      request: body(s.CreatePersonBody),
      responses: { 201: json(s.PersonSchema, "Created"), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => {
      const actor = requirePerson(c);
      const person = await createPerson(deps, actor, c.req.valid("json"));
      return c.json(await getPerson(deps, actor, person.id), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/people/{id}",
      tags,
      summary: "A person with roles and, for POs, their agency's authorisation table",
      request: { params: s.IdParams },
      responses: { 200: json(s.PersonSchema, "The person"), ...errorResponses(404) },
    }),
    async (c) => c.json(await getPerson(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/people/{id}",
      tags,
      security: bearer,
      summary: "Change a person's details (the person, PDIS, admin)",
      request: { params: s.IdParams, ...body(s.UpdatePersonBody) },
      responses: { 200: json(s.PersonSchema, "Updated"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const actor = requirePerson(c);
      const p = await updatePerson(deps, actor, c.req.valid("param").id, c.req.valid("json"));
      return c.json(await getPerson(deps, actor, p.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/memberships",
      tags,
      security: bearer,
      summary: "Add unit staff, a supervisor or PDIS staff (POs join by invitation only)",
      request: body(s.CreateMembershipBody),
      responses: {
        201: json(z.object({ id: z.string().uuid() }), "Created"),
        ...errorResponses(400, 401, 403, 409),
      },
    }),
    async (c) => {
      const m = await addMembership(deps, requirePerson(c), c.req.valid("json"));
      return c.json({ id: m.id }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/memberships/{id}",
      tags,
      security: bearer,
      summary: "End a membership (history is kept)",
      request: { params: s.IdParams },
      responses: { 204: { description: "Ended" }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      await endMembership(deps, requirePerson(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/resources",
      tags,
      summary: "Resource directory: agencies' internal resources and outside pools",
      request: {
        query: z.object({
          agency: z.string().optional(),
          kind: z.enum(["internal", "pool"]).optional(),
          category: z.enum(s.resourceCategories).optional(),
        }),
      },
      responses: { 200: json(items(s.ResourceSchema), "Resources"), ...errorResponses(400) },
    }),
    async (c) => c.json({ items: await listResources(deps, c.req.valid("query")) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/resources",
      tags,
      security: bearer,
      summary: "Add a resource (PDIS, admin; an agency's POs for its internal resources)",
      request: body(s.CreateResourceBody),
      responses: { 201: json(s.ResourceSchema, "Created"), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => c.json(await createResource(deps, requirePerson(c), c.req.valid("json")), 201),
  );

  return app;
}
