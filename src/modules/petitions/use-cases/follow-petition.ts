import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { can } from "../policy.ts";
import * as repo from "../repository.ts";
import type { PetitionsDeps } from "./deps.ts";
import { authorise, loadPetition } from "./shared.ts";

/** Anyone signed in follows (or stops following) a petition; idempotent. */
export async function followPetition(deps: PetitionsDeps, actor: Actor, id: string, follow: boolean) {
  authorise(actor, can(actor, { do: "follow" }));
  const personId = actor.personId!;
  const now = deps.clock.now();
  return writeAudited(deps.db, actor, async (tx) => {
    const { p } = await loadPetition(tx, id);
    if (follow) await repo.follow(tx, p.id, personId, now);
    else await repo.unfollow(tx, p.id, personId);
    const state = await repo.followState(tx, p.id, personId);
    return {
      value: { following: state.mine, followers: state.count },
      audit: [
        {
          action: follow ? "petition.follow" : "petition.unfollow",
          entityType: "petition",
          entityId: p.id,
          subjectIds: [personId],
        },
      ],
    };
  });
}
