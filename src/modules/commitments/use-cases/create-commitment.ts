import { isCalendarDate } from "../../../platform/http/dates.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { caseForLink } from "../../cases/index.ts";
import { findOrg, membersOf, type Actor } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
import { canOnPetition, petitionAccess } from "../../petitions/index.ts";
import { commitmentError } from "../errors.ts";
import * as repo from "../repository.ts";
import type { CommitmentsDeps } from "./deps.ts";
import { getCommitment } from "./get-commitment.ts";

/** A new commitment: its text, owner agency, due date and where it comes from. */
export interface CreateCommitmentInput {
  text: string;
  ownerAgencyId: string;
  dueOn: string;
  /** The collaborative meeting case it comes from. */
  caseNumber?: number;
  /** The meeting (of that case) it was made at. */
  meetingId?: string;
  /** The petition whose response it comes from. */
  petitionId?: string;
}

/**
 * Records a commitment. Its source is a case (optionally the meeting it was made at) and/or a
 * petition's response; the case's organisers, the petition's lead and co-organising agencies' POs,
 * PDIS and admins may record it. The owner agency's POs are told.
 */
export async function createCommitment(deps: CommitmentsDeps, actor: Actor, input: CreateCommitmentInput) {
  if (!input.caseNumber && !input.petitionId)
    throw fail.invalid("caseNumber", "name the case (or the petition) the commitment comes from");
  if (input.meetingId && !input.caseNumber)
    throw fail.invalid("meetingId", "a meeting is given with the case it belongs to");
  if (!isCalendarDate(input.dueOn))
    throw fail.invalid("dueOn", "must be a date YYYY-MM-DD between 2000-01-01 and 2200-12-31");
  const dueOn = input.dueOn;
  const owner = await findOrg(deps.db, input.ownerAgencyId);
  if (!owner || owner.kind !== "agency") throw fail.invalid("ownerAgencyId", "no such agency");
  const meeting = input.meetingId ? await deps.meetingOf?.(input.meetingId) : null;
  if (input.meetingId && !meeting) throw fail.invalid("meetingId", "no such meeting");
  const now = deps.clock.now();
  const id = await writeAudited(deps.db, actor, async (tx) => {
    // The author answers for every source named: organising the case does not open another
    // agency's petition, nor answering a petition someone else's case.
    let caseId: string | null = null;
    if (input.caseNumber) {
      const c = await caseForLink(tx, actor, input.caseNumber);
      if (!c) throw fail.invalid("caseNumber", "no such case");
      if (c.stage === "released") throw commitmentError("case_released", {}, "caseNumber");
      if (!actor.isAdmin && !c.organiser) throw fail.forbidden();
      caseId = c.id;
      if (meeting?.caseId && meeting.caseId !== c.id)
        throw fail.invalid("meetingId", "is the meeting of another case");
    }
    if (input.petitionId) {
      // Held FOR SHARE: a withdrawal waits until this commitment is recorded (then refuses).
      const p = await petitionAccess(tx, input.petitionId, "share");
      if (!p) throw fail.invalid("petitionId", "no such petition");
      if (p.state === "withdrawn") throw fail.invalid("petitionId", "the petition was withdrawn");
      if (!actor.isAdmin && !canOnPetition(actor, { do: "update", petition: p.access }))
        throw fail.forbidden();
    }
    const row = await repo.insertCommitment(tx, {
      text: input.text,
      ownerAgencyId: owner.id,
      dueOn,
      status: "open",
      caseId,
      meetingId: input.meetingId ?? null,
      petitionId: input.petitionId ?? null,
      createdBy: actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    await notify(
      tx,
      { now, publicUrl: deps.publicUrl },
      {
        recipientIds: (await membersOf(tx, owner.id, "po")).map((m) => m.personId),
        actorId: actor.personId,
        kind: "commitment.created",
        title: {
          "zh-TW": `新的承諾事項（${dueOn} 前）：${input.text.slice(0, 80)}`,
          en: `A new commitment for your agency (due ${dueOn}): ${input.text.slice(0, 80)}`,
        },
        url: `/commitments/${row.id}`,
      },
    );
    return {
      value: row.id,
      audit: [{ action: "commitment.create", entityType: "commitment", entityId: row.id, after: row }],
    };
  });
  return getCommitment(deps, actor, id);
}
