import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
import { petitionFail } from "../errors.ts";
import { can } from "../policy.ts";
import * as repo from "../repository.ts";
import { isQualifiedOrLater } from "../rules.ts";
import type { PetitionsDeps } from "./deps.ts";
import { getPetition } from "./get-petition.ts";
import { authorise, loadPetition, petitionPath } from "./shared.ts";

/**
 * The lead agency's PO (or PDIS, an admin) publishes the handling plan of a qualified petition: it is
 * public at once and stops the plan clock. Publishing again replaces the text (the timeline keeps both).
 */
export async function publishPlan(deps: PetitionsDeps, actor: Actor, id: string, input: { body: string }) {
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const { p, access } = await loadPetition(tx, id, true);
    authorise(actor, can(actor, { do: "answer", petition: access }));
    if (p.kind !== "petition" || !isQualifiedOrLater(p.state))
      throw petitionFail("petition_wrong_state", "state", {
        state: p.state,
        action: "given a handling plan",
      });
    if (!access.lead.length) throw petitionFail("petition_not_assigned", "lead");
    const first = p.planPublishedAt === null;
    const updated = await repo.updatePetition(tx, p.id, {
      planBody: input.body,
      planPublishedAt: now,
      planPublishedBy: actor.personId,
      state: p.state === "assigned" || p.state === "qualified" ? "plan-published" : p.state,
      updatedAt: now,
    });
    await repo.stopClocks(tx, p.id, ["plan"], now);
    await repo.addEvent(tx, {
      petitionId: p.id,
      at: now,
      actorId: actor.personId,
      kind: first ? "plan-published" : "plan-revised",
      data: { body: input.body },
    });
    await notify(
      tx,
      { now, publicUrl: deps.publicUrl },
      {
        recipientIds: await repo.followerIds(tx, p.id),
        actorId: actor.personId,
        kind: "petition.plan",
        title: { "zh-TW": `提議的處理計畫已公布：${p.title}`, en: `Handling plan published: ${p.title}` },
        url: petitionPath(p.id),
        mergeKey: `petition:${p.id}:plan`,
      },
    );
    return {
      value: updated,
      audit: [
        {
          action: "petition.plan",
          entityType: "petition",
          entityId: p.id,
          before: { planBody: p.planBody },
          after: { planBody: input.body },
        },
      ],
    };
  });
  return getPetition(deps, actor, id);
}
