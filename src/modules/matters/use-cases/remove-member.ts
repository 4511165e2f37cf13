import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import type { MattersDeps } from "./deps.ts";
import { readableMatterOrFail, recordEvent } from "./matter-of.ts";

/** A coordinating PO (or an admin) removes a person from the working group; a member may also leave. */
export async function removeMember(deps: MattersDeps, actor: Actor, idOrReference: string, personId: string) {
  await writeAudited(deps.db, actor, async (tx) => {
    const loaded = await readableMatterOrFail(tx, actor, idOrReference, true);
    const { matter } = loaded;
    const leaving = actor.personId === personId;
    if (!leaving && !can(actor, { do: "manage-members", matter: loaded.access })) throw fail.forbidden();
    const now = deps.clock.now();
    const [removed] = await repo.removeMembers(tx, matter.id, now, actor.personId, personId);
    if (!removed) throw fail.notFound();
    await recordEvent(tx, matter.id, "member.removed", actor, now, { personId });
    return {
      value: removed,
      audit: [
        {
          action: "matter.member.remove",
          entityType: "matter",
          entityId: matter.id,
          subjectIds: [personId],
          after: removed,
        },
      ],
    };
  });
}
