import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import { matterError } from "../errors.ts";
import { presentMember } from "../presenter.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { authorisationFor, findPerson, orgLabels, personLabels, type Actor } from "../../directory/index.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { MattersDeps } from "./deps.ts";
import { readableMatterOrFail, recordEvent, requireOpen, type LoadedMatter } from "./matter-of.ts";

/**
 * The working-group limit that applies to this actor: the authorisation table (授權表) of the agency
 * through which they coordinate the matter (the most generous if several), or the lead agency's for
 * an admin.
 */
async function groupLimit(db: Queryable, actor: Actor, loaded: LoadedMatter) {
  const own = actor.grants
    .filter((g) => g.role === "po" && loaded.access.agencyIds.includes(g.agencyId))
    .map((g) => g.agencyId);
  const agencyIds = own.length ? [...new Set(own)] : [loaded.matter.leadAgencyId];
  let best: { agencyId: string; limit: number } | null = null;
  for (const agencyId of agencyIds) {
    const table = await authorisationFor(db, agencyId);
    if (!best || table.maxWorkingGroupSize > best.limit)
      best = { agencyId, limit: table.maxWorkingGroupSize };
  }
  return best!;
}

/**
 * A coordinating PO adds a person to the case working group, for this matter only and within their
 * agency's authorisation table. Members can read the (network) matter while it is open.
 */
export async function addMember(
  deps: MattersDeps,
  actor: Actor,
  idOrReference: string,
  input: { personId: string },
) {
  const member = await writeAudited(deps.db, actor, async (tx) => {
    const loaded = await readableMatterOrFail(tx, actor, idOrReference, true);
    const { matter } = loaded;
    if (!can(actor, { do: "manage-members", matter: loaded.access })) throw fail.forbidden();
    requireOpen(loaded);
    const person = await findPerson(tx, input.personId);
    if (!person) throw fail.invalid("personId", "no such person");
    if (loaded.access.memberIds.includes(person.id)) throw matterError("already_member", "personId");
    const { agencyId, limit } = await groupLimit(tx, actor, loaded);
    if (loaded.access.memberIds.length >= limit) {
      const agency = (await orgLabels(tx, [agencyId])).get(agencyId);
      throw matterError("working_group_full", "maxWorkingGroupSize", {
        limit,
        agencyZh: agency?.name["zh-TW"] ?? agencyId,
        agencyEn: agency?.name.en ?? agencyId,
      });
    }
    const now = deps.clock.now();
    const row = await repo.insertMember(tx, {
      matterId: matter.id,
      personId: person.id,
      addedBy: actor.personId,
      addedAt: now,
    });
    await recordEvent(tx, matter.id, "member.added", actor, now, { personId: person.id });
    return {
      value: row,
      audit: [
        {
          action: "matter.member.add",
          entityType: "matter",
          entityId: matter.id,
          subjectIds: [person.id],
          after: row,
        },
      ],
    };
  });
  const people = await personLabels(deps.db, [member.personId, ...(member.addedBy ? [member.addedBy] : [])]);
  return presentMember(member, { orgs: new Map(), people });
}
