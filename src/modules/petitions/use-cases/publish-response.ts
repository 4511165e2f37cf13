import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
import { fail } from "../../../platform/http/errors.ts";
import { petitionFail } from "../errors.ts";
import { can } from "../policy.ts";
import * as repo from "../repository.ts";
import { isQualifiedOrLater } from "../rules.ts";
import type { PetitionsDeps } from "./deps.ts";
import { getPetition } from "./get-petition.ts";
import { authorise, loadPetition, petitionPath, posOf } from "./shared.ts";

/**
 * Publishes the drafted response (a notice's consolidated reply, once the notice has closed): it becomes
 * public, the petition `responded`, the response and reply clocks stop, and followers are told.
 */
export async function publishResponse(deps: PetitionsDeps, actor: Actor, id: string) {
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const { p, access } = await loadPetition(tx, id, true);
    authorise(actor, can(actor, { do: "answer", petition: access }));
    const response = await repo.findResponse(tx, p.id);
    if (!response) throw fail.invalid("response", "write the response before publishing it");
    if (response.publishedAt) throw petitionFail("petition_already_responded", "state");
    if (p.kind === "petition" && !isQualifiedOrLater(p.state))
      throw petitionFail("petition_wrong_state", "state", { state: p.state, action: "answered" });
    if (p.kind === "notice" && p.state !== "closed")
      throw petitionFail("petition_wrong_state", "state", {
        state: p.state,
        action: "replied to before the notice period ends",
      });
    await repo.upsertResponse(tx, {
      ...response,
      publishedAt: now,
      publishedBy: actor.personId,
      updatedAt: now,
    });
    const updated = await repo.updatePetition(tx, p.id, {
      state: "responded",
      respondedAt: now,
      updatedAt: now,
    });
    await repo.stopClocks(tx, p.id, ["response", "reply", "warn-no-response", "plan"], now);
    await repo.addEvent(tx, { petitionId: p.id, at: now, actorId: actor.personId, kind: "responded" });
    await notify(
      tx,
      { now, publicUrl: deps.publicUrl },
      {
        recipientIds: [
          ...(await repo.followerIds(tx, p.id)),
          ...(await posOf(tx, [...access.co, ...access.related])),
        ],
        actorId: actor.personId,
        kind: "petition.responded",
        title: { "zh-TW": `提議已獲正式回應：${p.title}`, en: `The petition was answered: ${p.title}` },
        url: petitionPath(p.id),
        mergeKey: `petition:${p.id}:responded`,
      },
    );
    return {
      value: updated,
      audit: [
        {
          action: "petition.respond",
          entityType: "petition",
          entityId: p.id,
          before: { state: p.state },
          after: { state: "responded", respondedAt: now },
        },
      ],
    };
  });
  return getPetition(deps, actor, id);
}
