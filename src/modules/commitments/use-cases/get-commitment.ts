import type { Actor } from "../../directory/index.ts";
import { mayUpdate } from "../policy.ts";
import { presentCommitment } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { CommitmentsDeps } from "./deps.ts";
import { labelsFor, loadCommitment, organisesCaseOf } from "./shared.ts";

/** A commitment with its dated status history; public. */
export async function getCommitment(deps: CommitmentsDeps, actor: Actor, id: string) {
  const c = await loadCommitment(deps.db, id);
  const updates = await repo.listUpdates(deps.db, [c.id]);
  const labels = await labelsFor(
    deps.db,
    [c],
    updates.map((u) => u.agencyId),
  );
  const finished = c.status === "done" || c.status === "dropped";
  const may =
    !!actor.personId &&
    !finished &&
    mayUpdate(actor, {
      ownerAgencyId: c.ownerAgencyId,
      caseOrganiser: await organisesCaseOf(deps.db, actor, c),
    });
  return presentCommitment(c, updates, labels, { update: may });
}
