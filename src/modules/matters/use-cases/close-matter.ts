import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import type { MattersDeps } from "./deps.ts";
import { readableMatterOrFail, recordEvent, requireOpen } from "./matter-of.ts";

/**
 * Closes a matter (coordinating POs, PDIS, admins). The case working group dissolves: its members
 * lose access to a network matter, and reopening does not bring them back.
 */
export async function closeMatter(
  deps: MattersDeps,
  actor: Actor,
  idOrReference: string,
  input: { note?: string },
) {
  return writeAudited(deps.db, actor, async (tx) => {
    const loaded = await readableMatterOrFail(tx, actor, idOrReference, true);
    const { matter } = loaded;
    if (!can(actor, { do: "manage", matter: loaded.access })) throw fail.forbidden();
    requireOpen(loaded);
    const now = deps.clock.now();
    const updated = await repo.updateMatter(tx, matter.id, {
      state: "closed",
      closedAt: now,
      updatedAt: now,
    });
    const dissolved = await repo.removeMembers(tx, matter.id, now, actor.personId);
    await recordEvent(tx, matter.id, "closed", actor, now, { note: input.note?.trim() || null });
    if (dissolved.length) {
      await recordEvent(tx, matter.id, "working-group.dissolved", actor, now, {
        personIds: dissolved.map((m) => m.personId),
      });
    }
    return {
      value: updated,
      audit: [
        {
          action: "matter.close",
          entityType: "matter",
          entityId: matter.id,
          subjectIds: dissolved.map((m) => m.personId),
          before: matter,
          after: updated,
        },
      ],
    };
  });
}
