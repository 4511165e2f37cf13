import { taipeiDate } from "../../../platform/calendar/index.ts";
import { isCalendarDate } from "../../../platform/http/dates.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { caseRefs } from "../../cases/index.ts";
import { findOrg, holds, membersOf, type Actor } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
import { commitmentError } from "../errors.ts";
import { mayMoveDueDate } from "../policy.ts";
import * as repo from "../repository.ts";
import type { CommitmentsDeps } from "./deps.ts";
import { getCommitment } from "./get-commitment.ts";
import { answersForSources, loadCommitment } from "./shared.ts";

/** A revision: the commitment, any of its text, owner agency and due date, and the public reason. */
export interface ReviseCommitmentInput {
  id: string;
  text?: string;
  /** An agency by id or slug. */
  ownerAgencyId?: string;
  /** A calendar date YYYY-MM-DD. */
  dueOn?: string;
  /** Why it changes: public, 1–2,000 characters. */
  reason: string;
}

const FIELDS = ["text", "ownerAgencyId", "dueOn"] as const;

/**
 * Revises a commitment in public: any of its text, owner agency and due date, with a required public
 * reason. Whoever may record a commitment from its sources may revise it (each source answered for:
 * the case's organisers, the petition's lead and co-organising agencies' POs, PDIS, admins), except
 * that a PO of the owner agency (before or after) does not move the due date unless PDIS or an admin.
 * A done or dropped commitment is not revised (409). The revision is stored with the changed fields
 * before and after; moving the due date to a day not yet past clears the overdue flag (kept in the
 * revision) so the sweep flags it again against the new date. The owner agency's POs are told, and the
 * previous owner's when it moved.
 */
export async function reviseCommitment(deps: CommitmentsDeps, actor: Actor, input: ReviseCommitmentInput) {
  const reason = input.reason.trim();
  if (!reason) throw fail.invalid("reason", "give the public reason for the revision");
  if (reason.length > 2_000) throw fail.invalid("reason", "at most 2000 characters");
  const text = input.text?.trim();
  if (text !== undefined && !text) throw fail.invalid("text", "must not be empty");
  if (text !== undefined && text.length > 5_000) throw fail.invalid("text", "at most 5000 characters");
  if (input.dueOn !== undefined && !isCalendarDate(input.dueOn))
    throw fail.invalid("dueOn", "must be a date YYYY-MM-DD between 2000-01-01 and 2200-12-31");
  let ownerId: string | undefined;
  if (input.ownerAgencyId !== undefined) {
    const owner = await findOrg(deps.db, input.ownerAgencyId.trim());
    if (!owner || owner.kind !== "agency") throw fail.invalid("ownerAgencyId", "no such agency");
    ownerId = owner.id;
  }
  const now = deps.clock.now();
  const today = taipeiDate(now);
  await writeAudited(deps.db, actor, async (tx) => {
    const c = await loadCommitment(tx, input.id, true);
    if (!(await answersForSources(tx, actor, c))) throw fail.forbidden();
    if (c.status === "done") throw commitmentError("commitment_done");
    if (c.status === "dropped") throw commitmentError("commitment_dropped");
    const next = {
      text: text !== undefined && text !== c.text ? text : undefined,
      ownerAgencyId: ownerId !== undefined && ownerId !== c.ownerAgencyId ? ownerId : undefined,
      dueOn: input.dueOn !== undefined && input.dueOn !== c.dueOn ? input.dueOn : undefined,
    };
    if (FIELDS.every((f) => next[f] === undefined)) {
      const named = FIELDS.filter((f) => input[f] !== undefined);
      const fields = (named.length ? named : FIELDS).join(", ");
      throw commitmentError("revision_changes_nothing", { fields }, fields.replaceAll(" ", ""));
    }
    const owner = next.ownerAgencyId ?? c.ownerAgencyId;
    if (next.dueOn && !mayMoveDueDate(actor, [c.ownerAgencyId, owner]))
      throw commitmentError("own_due_date", {}, "dueOn");
    // A new due date not yet past clears the flag (kept in the revision): the sweep flags it again
    // once the new date has passed. A date already past keeps the flag, or gets one at the next sweep.
    const clearsOverdue = !!next.dueOn && !!c.overdueAt && next.dueOn >= today;
    const lead = c.caseId ? (await caseRefs(tx, [c.caseId]))[0]?.leadAgencyId : null;
    const voice = holds(actor, "po", c.ownerAgencyId)
      ? c.ownerAgencyId
      : lead && holds(actor, "po", lead)
        ? lead
        : null;
    const revision = await repo.insertRevision(tx, {
      commitmentId: c.id,
      reason,
      textBefore: next.text !== undefined ? c.text : null,
      textAfter: next.text ?? null,
      ownerAgencyBefore: next.ownerAgencyId ? c.ownerAgencyId : null,
      ownerAgencyAfter: next.ownerAgencyId ?? null,
      dueOnBefore: next.dueOn ? c.dueOn : null,
      dueOnAfter: next.dueOn ?? null,
      overdueAtBefore: clearsOverdue ? c.overdueAt : null,
      authorId: actor.personId,
      agencyId: voice,
      at: now,
    });
    const row = await repo.updateCommitment(tx, c.id, {
      ...(next.text !== undefined ? { text: next.text } : {}),
      ...(next.ownerAgencyId ? { ownerAgencyId: next.ownerAgencyId } : {}),
      ...(next.dueOn ? { dueOn: next.dueOn } : {}),
      ...(clearsOverdue ? { overdueAt: null } : {}),
      updatedAt: now,
    });
    const agencies = new Set([owner, c.ownerAgencyId]);
    const recipients: string[] = [];
    for (const a of agencies) recipients.push(...(await membersOf(tx, a, "po")).map((m) => m.personId));
    const excerpt = row.text.slice(0, 80);
    await notify(
      tx,
      { now, publicUrl: deps.publicUrl },
      {
        recipientIds: recipients,
        actorId: actor.personId,
        kind: "commitment.revised",
        mergeKey: `commitment-revised:${c.id}`,
        title: {
          "zh-TW": `承諾事項已修訂（${row.dueOn} 到期）：${excerpt}`,
          en: `A commitment was revised (due ${row.dueOn}): ${excerpt}`,
        },
        body: { "zh-TW": `修訂理由：${reason.slice(0, 500)}`, en: `Reason: ${reason.slice(0, 500)}` },
        url: `/commitments/${c.id}`,
      },
    );
    const pick = (r: typeof c) => ({
      ...(next.text !== undefined ? { text: r.text } : {}),
      ...(next.ownerAgencyId ? { ownerAgencyId: r.ownerAgencyId } : {}),
      ...(next.dueOn ? { dueOn: r.dueOn } : {}),
      ...(clearsOverdue ? { overdueAt: r.overdueAt?.toISOString() ?? null } : {}),
    });
    return {
      value: row,
      audit: [
        {
          action: "commitment.revise",
          entityType: "commitment",
          entityId: c.id,
          before: pick(c),
          after: { ...pick(row), reason, revisionId: revision.id },
        },
      ],
    };
  });
  return getCommitment(deps, actor, input.id);
}
