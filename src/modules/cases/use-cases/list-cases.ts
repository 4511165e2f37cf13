import { fail } from "../../../platform/http/errors.ts";
import { findOrg } from "../../directory/index.ts";
import { presentCaseSummary } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { CaseStage } from "../tables.ts";
import type { CasesDeps } from "./deps.ts";
import { labelsFor } from "./get-case.ts";

/** Filters of the public case index. */
export interface ListCasesInput {
  agency?: string;
  stage?: CaseStage;
  year?: number;
  cursor?: string;
  limit: number;
}

/** The public index of cases, newest number first, filtered by agency (any role), stage and year. */
export async function listCases(deps: CasesDeps, input: ListCasesInput) {
  let agencyId: string | undefined;
  if (input.agency) {
    const org = await findOrg(deps.db, input.agency);
    if (!org || org.kind !== "agency") throw fail.invalid("agency", "no such agency (id or slug)");
    agencyId = org.id;
  }
  let beforeNumber: number | undefined;
  if (input.cursor) {
    if (!/^\d{1,9}$/.test(input.cursor))
      throw fail.invalid("cursor", "must be a cursor from a previous page");
    beforeNumber = Number(input.cursor);
  }
  const rows = await repo.listCases(deps.db, {
    agencyId,
    stage: input.stage,
    year: input.year,
    beforeNumber,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const roles = await repo.listRoles(
    deps.db,
    page.map((c) => c.id),
  );
  const labels = await labelsFor(
    deps.db,
    roles.map((r) => r.agencyId),
    [],
  );
  return {
    items: page.map((c) =>
      presentCaseSummary(
        c,
        roles.filter((r) => r.caseId === c.id),
        labels,
      ),
    ),
    next: rows.length > input.limit ? String(page[page.length - 1]!.number) : null,
  };
}
