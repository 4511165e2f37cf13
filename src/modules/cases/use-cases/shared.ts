import type { Queryable } from "../../../platform/db/database.ts";
import { fail } from "../../../platform/http/errors.ts";
import type { Actor } from "../../directory/index.ts";
import { caseError } from "../errors.ts";
import { isCaseOrganiser } from "../policy.ts";
import * as repo from "../repository.ts";

/** Parses a case number from the address: a positive integer, 400 naming `number` otherwise. */
export function parseCaseNumber(raw: string | number): number {
  const n = typeof raw === "number" ? raw : /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1) throw fail.invalid("number", "must be a case number (1, 2, 3, …)");
  return n;
}

/** Loads a case (404 when there is none), with its roles; locked when changing it. */
export async function loadCase(db: Queryable, number: number, forUpdate = false) {
  const c = await repo.findCaseByNumber(db, number, forUpdate);
  if (!c) throw fail.notFound();
  const roles = await repo.listRoles(db, [c.id]);
  return { c, roles };
}

/** Loads a case the actor organises, locked for the change; 403/404/409 otherwise. */
export async function loadForOrganiser(db: Queryable, actor: Actor, number: number) {
  const loaded = await loadCase(db, number, true);
  if (!isCaseOrganiser(actor, loaded.roles)) throw fail.forbidden();
  if (loaded.c.stage === "released") throw caseError("case_released");
  return loaded;
}
