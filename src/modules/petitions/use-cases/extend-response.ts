import { loadCalendar } from "../../../platform/calendar/index.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
import { petitionFail } from "../errors.ts";
import { can } from "../policy.ts";
import * as repo from "../repository.ts";
import { deadlineOnDay, isQualifiedOrLater, latestExtension } from "../rules.ts";
import type { PetitionsDeps } from "./deps.ts";
import { getPetition } from "./get-petition.ts";
import { authorise, loadPetition, petitionPath } from "./shared.ts";

/**
 * Extends the response deadline once, with a public reason (the lead agency's PO, PDIS, an admin): to
 * the given day, or by default to the latest allowed — two months after the original deadline, on the
 * calendar. A second extension is refused (409, `petition_extension_used`). The response clock runs
 * again to the new date: an escalation already recorded stays in the record.
 */
export async function extendResponse(
  deps: PetitionsDeps,
  actor: Actor,
  id: string,
  input: { reason: string; until?: string },
) {
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const { p, access } = await loadPetition(tx, id, true);
    authorise(actor, can(actor, { do: "answer", petition: access }));
    if (p.kind !== "petition" || !isQualifiedOrLater(p.state) || p.state === "responded")
      throw petitionFail("petition_wrong_state", "state", { state: p.state, action: "extended" });
    if (p.extendedAt) throw petitionFail("petition_extension_used", "reason");
    const [clock] = (await repo.listClocks(tx, [p.id])).filter((c) => c.clock === "response");
    if (!clock) throw petitionFail("petition_wrong_state", "state", { state: p.state, action: "extended" });
    const cal = await loadCalendar(tx, now);
    const latest = latestExtension(clock.dueAt, cal.data);
    const dueAt = input.until ? deadlineOnDay(input.until, cal.data) : latest;
    if (dueAt <= clock.dueAt) throw fail.invalid("until", "must be after the current deadline");
    if (dueAt > latest)
      throw fail.invalid("until", `must be at most two months after the deadline (${latest.toISOString()})`);
    await repo.updateClock(tx, p.id, "response", { dueAt, nextDueAt: dueAt });
    const updated = await repo.updatePetition(tx, p.id, {
      extensionReason: input.reason,
      extendedAt: now,
      extendedBy: actor.personId,
      originalResponseDueAt: clock.dueAt,
      updatedAt: now,
    });
    await repo.addEvent(tx, {
      petitionId: p.id,
      at: now,
      actorId: actor.personId,
      kind: "extended",
      data: { reason: input.reason, from: clock.dueAt.toISOString(), to: dueAt.toISOString() },
    });
    await notify(
      tx,
      { now, publicUrl: deps.publicUrl },
      {
        recipientIds: await repo.followerIds(tx, p.id),
        actorId: actor.personId,
        kind: "petition.extended",
        title: { "zh-TW": `提議的回應期限已延長：${p.title}`, en: `Response deadline extended: ${p.title}` },
        body: { "zh-TW": input.reason, en: input.reason },
        url: petitionPath(p.id),
      },
    );
    return {
      value: updated,
      audit: [
        {
          action: "petition.extend",
          entityType: "petition",
          entityId: p.id,
          before: { responseDueAt: clock.dueAt },
          after: { responseDueAt: dueAt, reason: input.reason },
        },
      ],
    };
  });
  return getPetition(deps, actor, id);
}
