import { fail } from "../../../platform/http/errors.ts";
import { findOrg } from "../../directory/index.ts";
import * as repo from "../repository.ts";
import type { CommitmentsDeps } from "./deps.ts";

/** The latest status updates of commitments (an agency's, by id or slug, when given), newest first: the Atom feed. */
export async function recentCommitmentUpdates(
  deps: CommitmentsDeps,
  input: { agency?: string; limit: number },
) {
  let agencyId: string | undefined;
  if (input.agency) {
    const org = await findOrg(deps.db, input.agency);
    if (!org || org.kind !== "agency") throw fail.invalid("agency", "no such agency (id or slug)");
    agencyId = org.id;
  }
  const rows = await repo.recentUpdates(deps.db, agencyId, input.limit);
  return rows.map((r) => ({
    id: r.update.id,
    commitment: {
      id: r.commitment.id,
      text: r.commitment.text,
      dueOn: r.commitment.dueOn,
      url: `/commitments/${r.commitment.id}`,
    },
    status: r.update.status,
    body: r.update.body,
    evidence: r.update.evidence,
    at: r.update.at.toISOString(),
  }));
}
