import type { z } from "@hono/zod-openapi";
import type { Queryable } from "../../../platform/db/database.ts";
import { fail } from "../../../platform/http/errors.ts";
import { isUuid, orgLabels, personLabels, type Actor } from "../../directory/index.ts";
import { caseForLink } from "../../cases/index.ts";
import type { Labels } from "../presenter.ts";
import { maySeeGoal } from "../policy.ts";
import * as repo from "../repository.ts";

/** Validates input with the route's schema (pages call the use cases too): 400 naming the field. */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw fail.invalid(issue?.path.map(String).join(".") || "body", issue?.message ?? "is invalid");
  }
  return result.data;
}

/** Resolves person and org ids to labels in two queries. */
export async function labelsFor(
  db: Queryable,
  personIds: Array<string | null | undefined>,
  orgIds: Array<string | null | undefined> = [],
): Promise<Labels> {
  return {
    people: await personLabels(
      db,
      personIds.filter((x): x is string => !!x),
    ),
    orgs: await orgLabels(
      db,
      orgIds.filter((x): x is string => !!x),
    ),
  };
}

/** The case a checklist belongs to, by number, with whether the actor organises it; 400/404 otherwise. */
export async function loadCaseRef(db: Queryable, actor: Actor, raw: string | number) {
  const n = typeof raw === "number" ? raw : /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1) throw fail.invalid("number", "must be a case number (1, 2, 3, …)");
  const c = await caseForLink(db, actor, n);
  if (!c) throw fail.notFound();
  return c;
}

/** A goal the actor may see (locked when changing it); 404 when there is none or it is not theirs to see. */
export async function findVisibleGoal(db: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isUuid(id)) throw fail.notFound();
  const g = await repo.findGoal(db, id, forUpdate);
  if (!g || !maySeeGoal(actor, g)) throw fail.notFound();
  return g;
}

/**
 * What the audit log keeps of a goal: who owns it, its status, visibility and target date — never its
 * words. Admins read the audit log, and a private goal is for its owners alone, so its title,
 * description and notes stay in the goal (the entry names the fields a change touched).
 */
export function goalAudit(g: repo.GoalRow) {
  return {
    ownerPersonId: g.ownerPersonId,
    ownerOrgId: g.ownerOrgId,
    status: g.status,
    visibility: g.visibility,
    targetOn: g.targetOn,
  };
}
