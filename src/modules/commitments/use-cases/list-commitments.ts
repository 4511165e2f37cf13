import { isCalendarDate } from "../../../platform/http/dates.ts";
import { fail } from "../../../platform/http/errors.ts";
import { caseForLink } from "../../cases/index.ts";
import { findOrg, isUuid, publicActor } from "../../directory/index.ts";
import { presentCommitmentSummary } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { CommitmentStatus } from "../tables.ts";
import type { CommitmentsDeps } from "./deps.ts";
import { labelsFor } from "./shared.ts";

/** Filters of the public commitment index. */
export interface ListCommitmentsInput {
  agency?: string;
  case?: number;
  petition?: string;
  status?: CommitmentStatus;
  overdue?: boolean;
  cursor?: string;
  limit: number;
}

/** The public index of commitments, earliest due first, filtered by agency, case, petition, status, overdue. */
export async function listCommitments(deps: CommitmentsDeps, input: ListCommitmentsInput) {
  let agencyId: string | undefined;
  if (input.agency) {
    const org = await findOrg(deps.db, input.agency);
    if (!org || org.kind !== "agency") throw fail.invalid("agency", "no such agency (id or slug)");
    agencyId = org.id;
  }
  let caseId: string | undefined;
  if (input.case !== undefined) {
    const c = await caseForLink(deps.db, publicActor, input.case);
    if (!c) throw fail.invalid("case", "no such case");
    caseId = c.id;
  }
  let after: { dueOn: string; id: string } | undefined;
  if (input.cursor) {
    const m = /^(\d{4}-\d{2}-\d{2})_([0-9a-f-]{36})$/i.exec(input.cursor);
    if (!m || !isCalendarDate(m[1]!) || !isUuid(m[2]!))
      throw fail.invalid("cursor", "must be a cursor from a previous page");
    after = { dueOn: m[1]!, id: m[2]! };
  }
  const rows = await repo.listCommitments(deps.db, {
    agencyId,
    caseId,
    petitionId: input.petition,
    status: input.status,
    overdue: input.overdue,
    after,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const labels = await labelsFor(deps.db, page);
  const last = page[page.length - 1];
  return {
    items: page.map((c) => presentCommitmentSummary(c, labels)),
    next: rows.length > input.limit && last ? `${last.dueOn}_${last.id}` : null,
  };
}
