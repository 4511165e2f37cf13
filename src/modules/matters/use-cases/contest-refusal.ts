import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import { matterError } from "../errors.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import type { RefusalLevel } from "../tables.ts";
import type { MattersDeps } from "./deps.ts";
import { readableMatterOrFail, recordEvent, requireOpen } from "./matter-of.ts";
import { refusalView } from "./refusal-view.ts";

/** The next level up the ladder: PO → PDIS → the supervising minister's office. */
export const nextLevel: Record<RefusalLevel, RefusalLevel | null> = {
  po: "pdis",
  pdis: "minister-office",
  "minister-office": null,
};

/**
 * The refusing unit's side contests a rejection: the refusal goes one level up and waits for a
 * decision there. A rejection at the minister's office is final.
 */
export async function contestRefusal(
  deps: MattersDeps,
  actor: Actor,
  idOrReference: string,
  refusalId: string,
  input: { reason: string },
) {
  const refusal = await writeAudited(deps.db, actor, async (tx) => {
    const loaded = await readableMatterOrFail(tx, actor, idOrReference, true);
    const { matter } = loaded;
    const r = await repo.findRefusal(tx, matter.id, refusalId, true);
    if (!r) throw fail.notFound();
    const [unit] = await repo.orgsByRef(tx, [r.unitId]);
    if (!can(actor, { do: "speak-for-unit", unit: { unitId: r.unitId, agencyId: unit?.parentId ?? "" } })) {
      throw fail.forbidden();
    }
    if (r.state !== "rejected") throw matterError("refusal_not_rejected", undefined, { state: r.state });
    const to = nextLevel[r.level];
    if (!to) throw matterError("refusal_final");
    requireOpen(loaded);
    if (!loaded.owners.some((o) => o.unitId === r.unitId)) throw matterError("owner_changed");
    const now = deps.clock.now();
    const reason = input.reason.trim();
    await repo.contestDecision(tx, r.id, r.level, {
      contestReason: reason,
      contestedBy: actor.personId,
      contestedAt: now,
    });
    const updated = await repo.updateRefusal(tx, r.id, { state: "pending", level: to, updatedAt: now });
    await recordEvent(tx, matter.id, "refusal.contested", actor, now, {
      refusalId: r.id,
      unitId: r.unitId,
      fromLevel: r.level,
      toLevel: to,
      reason,
    });
    return {
      value: updated,
      audit: [
        {
          action: "matter.refusal.contest",
          entityType: "matter",
          entityId: matter.id,
          before: r,
          after: updated,
        },
      ],
    };
  });
  return refusalView(deps.db, refusal);
}
