import { can } from "../policy.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import type { MattersDeps } from "./deps.ts";
import { readableMatterOrFail, recordEvent, requireOpen } from "./matter-of.ts";
import {
  ownershipSnapshot,
  resolveOwnership,
  saveTriage,
  storedOwnership,
  triageInput,
  type OwnershipInput,
} from "./ownership.ts";

/**
 * Replaces a matter's owning units (and named agencies) and triages it again; the history keeps the
 * ownership before and after. Coordinating POs, PDIS and admins may. With no unit and no agency left,
 * the current lead agency's PO keeps coordinating it.
 */
export async function setOwners(
  deps: MattersDeps,
  actor: Actor,
  idOrReference: string,
  input: OwnershipInput,
) {
  const ownership = await resolveOwnership(deps.db, input);
  return writeAudited(deps.db, actor, async (tx) => {
    const loaded = await readableMatterOrFail(tx, actor, idOrReference, true);
    const { matter } = loaded;
    if (!can(actor, { do: "manage", matter: loaded.access })) throw fail.forbidden();
    requireOpen(loaded);
    const t = triageInput(ownership, matter.leadAgencyId);
    const now = deps.clock.now();
    const before = ownershipSnapshot(storedOwnership(matter, loaded.owners, loaded.agencies), matter.triage);
    const updated = await saveTriage(tx, matter.id, ownership, t, now, actor.personId);
    const after = ownershipSnapshot(ownership, t);
    await recordEvent(tx, matter.id, "owners.changed", actor, now, { before, after });
    return {
      value: updated,
      audit: [
        {
          action: "matter.owners.set",
          entityType: "matter",
          entityId: matter.id,
          before: { ...before, requestedLeadAgencyId: matter.requestedLeadAgencyId },
          after: { ...after, requestedLeadAgencyId: ownership.leadAgencyId },
        },
      ],
    };
  });
}
