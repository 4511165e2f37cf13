import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import { triage } from "../triage.ts";
import { matterError } from "../errors.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import type { MattersDeps } from "./deps.ts";
import { readableMatterOrFail, recordEvent, requireOpen } from "./matter-of.ts";
import { ownershipSnapshot, saveTriage, storedOwnership, type Ownership } from "./ownership.ts";
import { refusalView } from "./refusal-view.ts";

/** Input of decideRefusal. */
export interface DecideRefusalInput {
  decision: "accept" | "reject";
  note?: string;
}

/**
 * Decides a pending refusal at its level: a coordinating PO at "po", PDIS at "pdis", an admin acting
 * for the supervising minister's office at "minister-office". Accepting moves ownership from the
 * refusing unit to the proposed one (in its place) and triages again; rejecting keeps it.
 */
export async function decideRefusal(
  deps: MattersDeps,
  actor: Actor,
  idOrReference: string,
  refusalId: string,
  input: DecideRefusalInput,
) {
  const refusal = await writeAudited(deps.db, actor, async (tx) => {
    const loaded = await readableMatterOrFail(tx, actor, idOrReference, true);
    const { matter } = loaded;
    const r = await repo.findRefusal(tx, matter.id, refusalId, true);
    if (!r) throw fail.notFound();
    if (!can(actor, { do: "decide-refusal", level: r.level, matter: loaded.access })) throw fail.forbidden();
    if (r.state !== "pending") throw matterError("refusal_not_pending", undefined, { state: r.state });
    requireOpen(loaded);
    const now = deps.clock.now();
    await repo.insertDecision(tx, {
      refusalId: r.id,
      level: r.level,
      decision: input.decision,
      note: input.note?.trim() || null,
      decidedBy: actor.personId,
      decidedAt: now,
    });
    const note = input.note?.trim() || null;
    if (input.decision === "reject") {
      const updated = await repo.updateRefusal(tx, r.id, { state: "rejected", updatedAt: now });
      await recordEvent(tx, matter.id, "refusal.rejected", actor, now, {
        refusalId: r.id,
        unitId: r.unitId,
        level: r.level,
        note,
        final: r.level === "minister-office",
      });
      return {
        value: updated,
        audit: [
          {
            action: "matter.refusal.reject",
            entityType: "matter",
            entityId: matter.id,
            before: r,
            after: updated,
          },
        ],
      };
    }

    const stored = storedOwnership(matter, loaded.owners, loaded.agencies);
    const at = stored.ownerUnits.findIndex((u) => u.unitId === r.unitId);
    if (at < 0) throw matterError("owner_changed");
    const [proposed] = await repo.orgsByRef(tx, [r.proposedUnitId]);
    const ownerUnits = [...stored.ownerUnits];
    if (ownerUnits.some((u) => u.unitId === r.proposedUnitId)) ownerUnits.splice(at, 1);
    else ownerUnits.splice(at, 1, { unitId: r.proposedUnitId, agencyId: proposed!.parentId! });
    const next: Ownership = { ...stored, ownerUnits };
    // The lead a person asked for stays while it is involved; otherwise the rule picks it again.
    const t = triage({ ...next, fallbackAgencyId: matter.leadAgencyId });
    const updatedMatter = await saveTriage(
      tx,
      matter.id,
      next,
      { ...t, leadAgencyId: t.leadAgencyId! },
      now,
      actor.personId,
    );
    const updated = await repo.updateRefusal(tx, r.id, { state: "accepted", updatedAt: now });
    await recordEvent(tx, matter.id, "refusal.accepted", actor, now, {
      refusalId: r.id,
      unitId: r.unitId,
      proposedOwnerUnitId: r.proposedUnitId,
      level: r.level,
      note,
    });
    await recordEvent(tx, matter.id, "owners.reassigned", actor, now, {
      refusalId: r.id,
      before: ownershipSnapshot(stored, matter.triage),
      after: ownershipSnapshot(next, t),
    });
    return {
      value: updated,
      audit: [
        {
          action: "matter.refusal.accept",
          entityType: "matter",
          entityId: matter.id,
          before: r,
          after: updated,
        },
        {
          action: "matter.owners.reassign",
          entityType: "matter",
          entityId: matter.id,
          before: matter,
          after: updatedMatter,
        },
      ],
    };
  });
  return refusalView(deps.db, refusal);
}
