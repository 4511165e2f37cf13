import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
import { petitionFail } from "../errors.ts";
import { can } from "../policy.ts";
import * as repo from "../repository.ts";
import { isQualifiedOrLater } from "../rules.ts";
import type { PetitionAgencyRole } from "../tables.ts";
import type { PetitionsDeps } from "./deps.ts";
import { getPetition } from "./get-petition.ts";
import { authorise, loadPetition, petitionPath, posOf, resolveAgencyRefs } from "./shared.ts";

/** Input of assignPetition: agencies by id or slug. */
export interface AssignInput {
  lead: string;
  co?: string[];
  related?: string[];
  reason?: string;
}

/**
 * PDIS or an admin assigns a qualified petition (or a notice) to a lead agency, co-organisers and
 * related agencies; assigning again is a reassignment, kept in the timeline with its reason. An agency
 * holds one role. The lead agency's POs own the handling plan and the response from then on.
 */
export async function assignPetition(deps: PetitionsDeps, actor: Actor, id: string, input: AssignInput) {
  authorise(actor, can(actor, { do: "manage" }));
  const [lead] = await resolveAgencyRefs(deps.db, [input.lead], "lead");
  const co = await resolveAgencyRefs(deps.db, input.co ?? [], "co");
  const related = await resolveAgencyRefs(deps.db, input.related ?? [], "related");
  if (co.includes(lead!)) throw fail.invalid(`co.${co.indexOf(lead!)}`, "is already the lead agency");
  const both = related.findIndex((a) => a === lead || co.includes(a));
  if (both >= 0) throw fail.invalid(`related.${both}`, "already has another role on this petition");
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const { p, access } = await loadPetition(tx, id, true);
    const assignable = p.state !== "withdrawn" && (p.kind === "notice" || isQualifiedOrLater(p.state));
    if (!assignable)
      throw petitionFail("petition_wrong_state", "state", { state: p.state, action: "assigned" });
    const reassign = access.lead.length > 0;
    if (reassign && !input.reason?.trim())
      throw fail.invalid("reason", "is required when reassigning a petition");
    const rows: Array<{ role: PetitionAgencyRole; agencyId: string }> = [
      { role: "lead", agencyId: lead! },
      ...co.map((agencyId) => ({ role: "co" as const, agencyId })),
      ...related.map((agencyId) => ({ role: "related" as const, agencyId })),
    ];
    await repo.setAgencies(tx, p.id, ["lead", "co", "related"], rows);
    const updated = await repo.updatePetition(tx, p.id, {
      state: p.state === "qualified" ? "assigned" : p.state,
      assignedAt: p.assignedAt ?? now,
      updatedAt: now,
    });
    const data = {
      lead: lead!,
      co,
      related,
      previous: reassign ? { lead: access.lead, co: access.co, related: access.related } : null,
      reason: input.reason?.trim() || null,
    };
    await repo.addEvent(tx, {
      petitionId: p.id,
      at: now,
      actorId: actor.personId,
      kind: reassign ? "reassigned" : "assigned",
      data,
    });
    await notify(
      tx,
      { now, publicUrl: deps.publicUrl },
      {
        recipientIds: await posOf(tx, [lead!, ...co]),
        actorId: actor.personId,
        kind: "petition.assigned",
        title: {
          "zh-TW": `提議分案給貴機關：${p.title}`,
          en: `A petition was assigned to your agency: ${p.title}`,
        },
        url: petitionPath(p.id),
      },
    );
    return {
      value: updated,
      audit: [
        {
          action: reassign ? "petition.reassign" : "petition.assign",
          entityType: "petition",
          entityId: p.id,
          before: data.previous,
          after: { lead: data.lead, co, related, reason: data.reason },
        },
      ],
    };
  });
  return getPetition(deps, actor, id);
}
