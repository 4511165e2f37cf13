import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { petitionFail } from "../errors.ts";
import { can } from "../policy.ts";
import * as repo from "../repository.ts";
import { isQualifiedOrLater } from "../rules.ts";
import type { PetitionsDeps } from "./deps.ts";
import { getPetition } from "./get-petition.ts";
import { authorise, loadPetition, notifyFollowersOfUpdate } from "./shared.ts";

/**
 * A follow-up update on the petition's progress (the lead or co-organising agencies' POs, PDIS, an
 * admin): public at once; followers are told when it comes after day 60.
 */
export async function addUpdate(deps: PetitionsDeps, actor: Actor, id: string, input: { body: string }) {
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const { p, access } = await loadPetition(tx, id, true);
    authorise(actor, can(actor, { do: "update", petition: access }));
    if (p.kind === "petition" ? !isQualifiedOrLater(p.state) : p.state !== "responded")
      throw petitionFail("petition_wrong_state", "state", { state: p.state, action: "updated" });
    const u = await repo.addUpdate(tx, { petitionId: p.id, body: input.body, at: now, by: actor.personId });
    await repo.updatePetition(tx, p.id, { updatedAt: now });
    await repo.addEvent(tx, {
      petitionId: p.id,
      at: now,
      actorId: actor.personId,
      kind: "update",
      data: { id: u.id },
    });
    await notifyFollowersOfUpdate(tx, deps, actor, p, now, "update");
    return {
      value: u,
      audit: [{ action: "petition.update", entityType: "petition", entityId: p.id, after: u }],
    };
  });
  return getPetition(deps, actor, id);
}
