import { fail } from "../../../platform/http/errors.ts";
import { findOrg, orgLabels } from "../../directory/index.ts";
import { revisionChanges } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { CommitmentsDeps } from "./deps.ts";

/**
 * The latest public entries of commitments' histories, newest first: status updates and revisions (an
 * agency's, by id or slug, when given: of the commitments it owns, and the revisions that handed one
 * over from it). The Atom feed.
 */
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
  const [updates, revisions] = await Promise.all([
    repo.recentUpdates(deps.db, agencyId, input.limit),
    repo.recentRevisions(deps.db, agencyId, input.limit),
  ]);
  const orgs = await orgLabels(
    deps.db,
    revisions
      .flatMap((r) => [r.revision.ownerAgencyBefore, r.revision.ownerAgencyAfter])
      .filter((x) => x !== null),
  );
  const commitment = (c: (typeof updates)[number]["commitment"]) => ({
    id: c.id,
    text: c.text,
    dueOn: c.dueOn,
    url: `/commitments/${c.id}`,
  });
  const entries = [
    ...updates.map((r) => ({
      kind: "update" as const,
      id: r.update.id,
      commitment: commitment(r.commitment),
      status: r.update.status,
      body: r.update.body,
      evidence: r.update.evidence,
      at: r.update.at.toISOString(),
    })),
    ...revisions.map((r) => ({
      kind: "revision" as const,
      id: r.revision.id,
      commitment: commitment(r.commitment),
      reason: r.revision.reason,
      changes: revisionChanges(r.revision, (id) => {
        const o = orgs.get(id);
        return o ? { slug: o.slug, name: o.name } : { slug: id, name: { "zh-TW": id, en: id } };
      }),
      at: r.revision.at.toISOString(),
    })),
  ];
  return entries.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? 1 : -1)).slice(0, input.limit);
}
