import type { Actor } from "../../directory/index.ts";
import { mayMoveDueDate, mayUpdate } from "../policy.ts";
import { presentCommitment } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { CommitmentsDeps } from "./deps.ts";
import { answersForSources, labelsFor, loadCommitment, organisesCaseOf } from "./shared.ts";

/** A commitment with its dated status history and its revisions; public. */
export async function getCommitment(deps: CommitmentsDeps, actor: Actor, id: string) {
  const c = await loadCommitment(deps.db, id);
  const [updates, revisions] = await Promise.all([
    repo.listUpdates(deps.db, [c.id]),
    repo.listRevisions(deps.db, [c.id]),
  ]);
  const labels = await labelsFor(
    deps.db,
    [c],
    [
      ...updates.map((u) => u.agencyId),
      ...revisions.flatMap((r) => [r.agencyId, r.ownerAgencyBefore, r.ownerAgencyAfter]),
    ],
  );
  const finished = c.status === "done" || c.status === "dropped";
  const signedIn = !!actor.personId && !finished;
  const update =
    signedIn &&
    mayUpdate(actor, {
      ownerAgencyId: c.ownerAgencyId,
      caseOrganiser: await organisesCaseOf(deps.db, actor, c),
    });
  const revise = signedIn && (await answersForSources(deps.db, actor, c));
  return presentCommitment(c, updates, revisions, labels, {
    update,
    revise,
    moveDueDate: revise && mayMoveDueDate(actor, [c.ownerAgencyId]),
  });
}
