import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
import { petitionFail } from "../errors.ts";
import { can } from "../policy.ts";
import * as repo from "../repository.ts";
import type { PetitionsDeps } from "./deps.ts";
import { getPetition } from "./get-petition.ts";
import { authorise, loadPetition, petitionPath, posOf } from "./shared.ts";

/**
 * Withdraws a petition or notice entered by mistake or twice (PDIS, admins), with a public reason. Its
 * record stays — the page shows it withdrawn and why, the export keeps it — but it leaves the index, its
 * clocks stop (no deadline lapses or escalates any more), imports no longer change it, and votes and
 * cases can no longer take it up. Refused (409) once it has a published response, a case took it up or commitments answer it:
 * by then it is part of the public trail, not a mistake.
 */
export async function withdrawPetition(
  deps: PetitionsDeps,
  actor: Actor,
  id: string,
  input: { reason: string },
) {
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const { p, access } = await loadPetition(tx, id, true);
    authorise(actor, can(actor, { do: "manage" }));
    if (p.state === "withdrawn" || p.state === "responded")
      throw petitionFail("petition_wrong_state", "state", { state: p.state, action: "withdrawn" });
    const cases = (await deps.linkedCases?.(tx, p.id)) ?? [];
    if (cases.length)
      throw petitionFail("petition_taken_up", "state", {
        cases: cases.map((c) => `#${c.number}`).join(", "),
      });
    if (((await deps.linkedCommitments?.(tx, p.id)) ?? []).length)
      throw petitionFail("petition_has_commitments", "state");
    const updated = await repo.updatePetition(tx, p.id, {
      state: "withdrawn",
      withdrawnAt: now,
      withdrawnBy: actor.personId,
      withdrawalReason: input.reason,
      updatedAt: now,
    });
    await repo.stopClocks(tx, p.id, ["plan", "response", "reply", "window", "warn-no-response"], now);
    await repo.addEvent(tx, {
      petitionId: p.id,
      at: now,
      actorId: actor.personId,
      kind: "withdrawn",
      data: { reason: input.reason, from: p.state },
    });
    const agencies = [...access.lead, ...access.co, ...access.named];
    await notify(
      tx,
      { now, publicUrl: deps.publicUrl },
      {
        recipientIds: [...(await repo.followerIds(tx, p.id)), ...(await posOf(tx, agencies))],
        actorId: actor.personId,
        kind: "petition.withdrawn",
        title: { "zh-TW": `提議已撤下：${p.title}`, en: `Petition withdrawn: ${p.title}` },
        body: { "zh-TW": input.reason, en: input.reason },
        url: petitionPath(p.id),
      },
    );
    return {
      value: updated,
      audit: [
        {
          action: "petition.withdraw",
          entityType: "petition",
          entityId: p.id,
          before: { state: p.state },
          after: { state: "withdrawn", reason: input.reason },
        },
      ],
    };
  });
  return getPetition(deps, actor, id);
}
