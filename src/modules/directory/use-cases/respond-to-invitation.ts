import * as repo from "../repository.ts";
import { presentInvitation } from "../presenter.ts";
import type { Actor } from "../actor.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited, type AuditTrail } from "../../audit/index.ts";
import { directoryError } from "../errors.ts";
import { can } from "../policy.ts";
import type { DirectoryDeps } from "./deps.ts";

/**
 * The invitee accepts or declines; accepting starts the PO membership (with the invitation's tags)
 * in the same transaction. The inviter side may withdraw a pending invitation.
 */
export async function respondToInvitation(
  deps: DirectoryDeps,
  actor: Actor,
  invitationId: string,
  answer: "accept" | "decline" | "withdraw",
) {
  if (!actor.personId && !actor.isAdmin) throw fail.unauthenticated();
  const result = await writeAudited(deps.db, actor, async (tx) => {
    const inv = await repo.findInvitation(tx, invitationId, true);
    // Someone else's invitation is not theirs to see.
    const mayWithdraw = inv ? can(actor, { do: "invite-po", agencyId: inv.agencyId }) : false;
    if (!inv || (inv.personId !== actor.personId && !mayWithdraw)) throw fail.notFound();
    if (answer === "withdraw" ? !mayWithdraw : inv.personId !== actor.personId) throw fail.forbidden();
    if (inv.state !== "pending") {
      throw directoryError("invitation_not_pending", undefined, { state: inv.state });
    }
    const now = deps.clock.now();
    const state = answer === "accept" ? "accepted" : answer === "decline" ? "declined" : "withdrawn";
    const updated = await repo.setInvitationState(tx, inv.id, state, now);
    const audit: AuditTrail = [
      {
        action: `po-invitation.${answer}`,
        entityType: "po-invitation",
        entityId: inv.id,
        subjectIds: [inv.personId, ...(inv.invitedBy ? [inv.invitedBy] : [])],
        before: { state: inv.state },
        after: { state },
      },
    ];
    if (answer === "accept") {
      const m = await repo.insertMembership(tx, {
        personId: inv.personId,
        orgId: inv.agencyId,
        role: "po",
        tags: inv.tags,
        invitationId: inv.id,
        startedAt: now,
      });
      audit.push({
        action: "membership.start",
        entityType: "membership",
        entityId: m.id,
        subjectIds: [inv.personId],
        after: m,
      });
    }
    return { value: updated, audit };
  });
  const agency = (await repo.findOrg(deps.db, result.agencyId))!;
  const person = (await repo.findPerson(deps.db, result.personId))!;
  return presentInvitation(result, agency, person.name);
}
