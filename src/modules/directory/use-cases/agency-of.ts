import * as repo from "../repository.ts";
import { fail } from "../../../platform/http/errors.ts";
import { directoryError } from "../errors.ts";
import type { Queryable } from "../../../platform/db/database.ts";

/** Resolves an agency by id or slug; 404 when absent, 400 when it is a unit. */
export async function agencyOrFail(db: Queryable, idOrSlug: string, field = "agencyId") {
  const org = await repo.findOrg(db, idOrSlug);
  if (!org) throw fail.notFound();
  if (org.kind === "unit") throw directoryError("not_an_agency", field);
  return org;
}
