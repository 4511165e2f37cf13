import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import { matterError } from "../errors.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import type { MattersDeps } from "./deps.ts";
import { readableMatterOrFail, recordEvent } from "./matter-of.ts";

/** Reopens a closed matter (coordinating POs, PDIS, admins); a new working group is built from scratch. */
export async function reopenMatter(
  deps: MattersDeps,
  actor: Actor,
  idOrReference: string,
  input: { note?: string },
) {
  return writeAudited(deps.db, actor, async (tx) => {
    const loaded = await readableMatterOrFail(tx, actor, idOrReference, true);
    const { matter } = loaded;
    if (!can(actor, { do: "manage", matter: loaded.access })) throw fail.forbidden();
    if (matter.state !== "closed") throw matterError("matter_open");
    const now = deps.clock.now();
    const updated = await repo.updateMatter(tx, matter.id, { state: "open", closedAt: null, updatedAt: now });
    await recordEvent(tx, matter.id, "reopened", actor, now, { note: input.note?.trim() || null });
    return {
      value: updated,
      audit: [
        {
          action: "matter.reopen",
          entityType: "matter",
          entityId: matter.id,
          before: matter,
          after: updated,
        },
      ],
    };
  });
}
