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
  addClosure,
  dueAfterWorkingDays,
  importCalendar,
  listYear,
  removeClosure,
  type CalendarDeps,
} from "./index.ts";

const tags = ["Calendar"];
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    "is not a real date",
  );
const DaySchema = z
  .object({
    day: z.string(),
    off: z.boolean(),
    kind: z.enum(["workday", "weekend", "holiday", "makeup-workday", "closure"]),
    name: z.string().nullable(),
    source: z.enum(["official", "baseline", "admin"]),
  })
  .openapi("CalendarDay");

/** The working-day calendar's API. */
export function calendarRoutes(deps: CalendarDeps) {
  const app = apiRouter<AppEnv>();

  app.openapi(
    createRoute({
      method: "get",
      path: "/calendar/add-working-days",
      tags,
      summary: "Deadline N government working days after an instant (end of that day, Asia/Taipei)",
      request: {
        query: z.object({
          from: z.iso.datetime({
            offset: true,
            error: "must be an ISO date-time, e.g. 2026-03-02T09:00:00+08:00",
          }),
          days: z.coerce
            .number()
            .int("must be a whole number")
            .min(0, "must be ≥ 0")
            .max(3650, "must be ≤ 3650"),
        }),
      },
      responses: {
        200: jsonResponse(z.object({ date: z.string(), localDate: z.string() }), "The deadline"),
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await dueAfterWorkingDays(deps, new Date(q.from), q.days), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/calendar/days",
      tags,
      summary: "Holidays, make-up workdays and closures of a year",
      request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) },
      responses: { 200: jsonResponse(itemsOf(DaySchema), "Days"), ...errorResponses(400) },
    }),
    async (c) => c.json({ items: await listYear(deps, c.req.valid("query").year) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/calendar/closures",
      tags,
      security: bearerAuth,
      summary: "Add an ad-hoc closure, e.g. a typhoon day (admin, PDIS)",
      request: jsonBody(
        z.object({ day: isoDay, name: z.string().trim().min(1, "must not be empty").max(100) }),
      ),
      responses: { 201: jsonResponse(DaySchema, "Added"), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await addClosure(deps, requirePerson(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/calendar/closures/{day}",
      tags,
      security: bearerAuth,
      summary: "Remove an ad-hoc closure (admin, PDIS)",
      request: { params: z.object({ day: isoDay }) },
      responses: { 204: { description: "Removed" }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      await removeClosure(deps, requirePerson(c), c.req.valid("param").day);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/calendar/import",
      tags,
      security: bearerAuth,
      summary: "Import the official office calendar CSV (text/csv body; admin). All or nothing.",
      request: { body: { content: { "text/csv": { schema: z.string() } }, required: true } },
      responses: {
        200: jsonResponse(
          z.object({
            days: z.number(),
            holidays: z.number(),
            makeupDays: z.number(),
            written: z.number(),
            keptClosures: z.number(),
          }),
          "Imported",
        ),
        ...errorResponses(400, 401, 403, 413),
      },
    }),
    async (c) => {
      const actor = requirePerson(c);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const r = await importCalendar(deps, actor, bytes);
      if (r.problems.length) {
        const p = r.problems[0]!;
        throw fail.invalid(
          "body",
          `line ${p.line}: ${p.message}${r.problems.length > 1 ? ` (+${r.problems.length - 1} more)` : ""}`,
        );
      }
      const { problems: _p, ...rest } = r;
      return c.json(rest, 200);
    },
  );

  return app;
}
