import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { petitionFail } from "../errors.ts";
import { can } from "../policy.ts";
import type { PetitionsDeps } from "./deps.ts";
import { getPetition } from "./get-petition.ts";
import { applyEndorsement, authorise, loadPetition } from "./shared.ts";

/** PDIS or an admin records the endorsement count seen on the source platform (it may qualify the petition). */
export async function recordEndorsements(
  deps: PetitionsDeps,
  actor: Actor,
  id: string,
  input: { count: number; at?: string },
) {
  const now = deps.clock.now();
  const at = input.at ? new Date(input.at) : now;
  if (Number.isNaN(at.getTime())) throw fail.invalid("at", "must be an ISO 8601 date-time");
  if (at > now) throw fail.invalid("at", "must not be in the future");
  await writeAudited(deps.db, actor, async (tx) => {
    const { p, agencies } = await loadPetition(tx, id, true);
    authorise(actor, can(actor, { do: "manage" }));
    if (p.kind !== "petition") throw fail.invalid("count", "a draft-regulation notice takes no endorsements");
    if (p.state === "withdrawn")
      throw petitionFail("petition_wrong_state", "state", { state: p.state, action: "endorsed" });
    const r = await applyEndorsement(
      tx,
      { now, publicUrl: deps.publicUrl, actorId: actor.personId },
      p,
      agencies,
      {
        count: input.count,
        at,
        source: "api",
      },
    );
    return {
      value: null,
      audit: [
        {
          action: "petition.endorsements",
          entityType: "petition",
          entityId: p.id,
          before: { count: p.endorsementCount, state: p.state },
          after: { count: input.count, at: at.toISOString(), state: r.petition.state },
        },
      ],
    };
  });
  return getPetition(deps, actor, id);
}
