import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Env } from "hono";
import { fail } from "./errors.ts";

/** The shape of every error response. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      field: z.string().optional(),
    }),
  })
  .openapi("Error");

/** Standard error responses to list on a route. */
export function errorResponses(...statuses: Array<400 | 401 | 403 | 404 | 409 | 413 | 429>) {
  const descriptions: Record<number, string> = {
    400: "Invalid input; `error.field` names the field",
    401: "Not signed in",
    403: "Not allowed",
    404: "Not found",
    409: "Conflict with the current state",
    413: "Payload too large",
    429: "Too many requests",
  };
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: descriptions[s]!, content: { "application/json": { schema: ErrorSchema } } },
    ]),
  );
}

/** A router whose validation failures become 400 errors naming the first bad field. */
export function apiRouter<E extends Env>() {
  return new OpenAPIHono<E>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const field = issue?.path.map(String).join(".") || "body";
        throw fail.invalid(field, issue?.message ?? "is invalid");
      }
    },
  });
}

/** A JSON response entry of a route. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** A required JSON request body of a route. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

/** `{ items: [...] }`, the shape of every list. */
export const itemsOf = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

/** Security requirement of routes that need a signed-in person (token or session). */
export const bearerAuth = [{ bearerAuth: [] }];
