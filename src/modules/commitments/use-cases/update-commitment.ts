import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { holds, type Actor } from "../../directory/index.ts";
import { commitmentError } from "../errors.ts";
import { mayUpdate, nextStatuses } from "../policy.ts";
import * as repo from "../repository.ts";
import type { CommitmentStatus } from "../tables.ts";
import type { CommitmentsDeps } from "./deps.ts";
import { getCommitment } from "./get-commitment.ts";
import { loadCommitment, organisesCaseOf } from "./shared.ts";

/** A dated status update: the new status (or the same, as a progress note), its text and evidence. */
export interface StatusUpdateInput {
  status: CommitmentStatus;
  body: string;
  evidence?: string[];
}

/**
 * Posts a status update (owner agency's POs, the case's organisers, PDIS, admins): open → in-progress
 * → done, or dropped with its public reason (the update's text). Done and dropped are final.
 */
export async function updateCommitment(
  deps: CommitmentsDeps,
  actor: Actor,
  id: string,
  input: StatusUpdateInput,
) {
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const c = await loadCommitment(tx, id, true);
    if (
      !mayUpdate(actor, {
        ownerAgencyId: c.ownerAgencyId,
        caseOrganiser: await organisesCaseOf(tx, actor, c),
      })
    )
      throw fail.forbidden();
    const allowed = nextStatuses(c.status);
    if (!allowed.length) throw commitmentError("commitment_closed", { status: c.status }, "status");
    if (!allowed.includes(input.status)) throw commitmentError("status_backwards", {}, "status");
    if (input.status === "dropped" && !input.body.trim())
      throw fail.invalid("body", "give the public reason for dropping it");
    const update = await repo.insertUpdate(tx, {
      commitmentId: c.id,
      status: input.status,
      body: input.body,
      evidence: [...new Set(input.evidence ?? [])],
      authorId: actor.personId,
      agencyId: holds(actor, "po", c.ownerAgencyId) ? c.ownerAgencyId : null,
      at: now,
    });
    const row = await repo.updateCommitment(tx, c.id, {
      status: input.status,
      droppedReason: input.status === "dropped" ? input.body : null,
      updatedAt: now,
    });
    return {
      value: row,
      audit: [
        {
          action: "commitment.update",
          entityType: "commitment",
          entityId: c.id,
          before: { status: c.status },
          after: { status: row.status, update },
        },
      ],
    };
  });
  return getCommitment(deps, actor, id);
}
