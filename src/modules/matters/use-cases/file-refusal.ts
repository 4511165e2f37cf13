import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import { matterError } from "../errors.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import type { MattersDeps } from "./deps.ts";
import { readableMatterOrFail, recordEvent, requireOpen } from "./matter-of.ts";
import { refusalView } from "./refusal-view.ts";

/** Input of fileRefusal. */
export interface FileRefusalInput {
  unitId: string;
  reason: string;
  proposedOwnerUnitId: string;
}

/**
 * A current owner unit refuses the matter — only by naming the unit it proposes instead (the PO
 * handbook). Its staff, its agency's PO or an admin may file it; a coordinating PO decides first.
 */
export async function fileRefusal(
  deps: MattersDeps,
  actor: Actor,
  idOrReference: string,
  input: FileRefusalInput,
) {
  const [unit] = await repo.orgsByRef(deps.db, [input.unitId]);
  const [proposed] = await repo.orgsByRef(deps.db, [input.proposedOwnerUnitId]);
  const refusal = await writeAudited(deps.db, actor, async (tx) => {
    const loaded = await readableMatterOrFail(tx, actor, idOrReference, true);
    const { matter } = loaded;
    const owner = unit && loaded.owners.find((o) => o.unitId === unit.id);
    if (!owner) throw matterError("not_an_owner", "unitId");
    if (!can(actor, { do: "speak-for-unit", unit: { unitId: owner.unitId, agencyId: owner.agencyId } })) {
      throw fail.forbidden();
    }
    requireOpen(loaded);
    if (!proposed || proposed.kind !== "unit" || !proposed.parentId) {
      throw fail.invalid("proposedOwnerUnitId", `no such unit: ${input.proposedOwnerUnitId}`);
    }
    if (proposed.id === owner.unitId) throw matterError("refusal_proposes_itself", "proposedOwnerUnitId");
    const live = await repo.findLiveRefusal(tx, matter.id, owner.unitId);
    if (live) throw matterError("refusal_exists", "unitId", { state: live.state });
    const now = deps.clock.now();
    const created = await repo.insertRefusal(tx, {
      matterId: matter.id,
      unitId: owner.unitId,
      proposedUnitId: proposed.id,
      reason: input.reason.trim(),
      state: "pending",
      level: "po",
      refusedBy: actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    await recordEvent(tx, matter.id, "refusal.filed", actor, now, {
      refusalId: created.id,
      unitId: created.unitId,
      proposedOwnerUnitId: created.proposedUnitId,
      reason: created.reason,
      level: created.level,
    });
    return {
      value: created,
      audit: [{ action: "matter.refusal.file", entityType: "matter", entityId: matter.id, after: created }],
    };
  });
  return refusalView(deps.db, refusal);
}
