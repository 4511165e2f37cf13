import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { caseForLink } from "../../cases/index.ts";
import type { Actor } from "../../directory/index.ts";
import { commitmentError } from "../errors.ts";
import { mayDecide } from "../policy.ts";
import { presentDecision } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { TrackingDecision } from "../tables.ts";
import type { CommitmentsDeps } from "./deps.ts";

/** The chair's decision on one tracked case. */
export interface DecisionInput {
  caseNumber: number;
  decision: TrackingDecision;
  note?: string;
}

/**
 * Records the chair's decision on a tracked case at a monthly meeting (whoever runs the meeting: PDIS,
 * admins): continue, release or noted, with an optional note. One per case per meeting; recording it
 * again changes it (both are in the audit log). "release" does not release the case: the organisers do
 * that with evidence that the outcome reached the people who asked.
 */
export async function recordDecision(
  deps: CommitmentsDeps,
  actor: Actor,
  meetingId: string,
  input: DecisionInput,
) {
  const meeting = await deps.meetingOf?.(meetingId);
  if (!meeting) throw fail.notFound();
  if (!mayDecide(actor)) throw fail.forbidden();
  if (meeting.kind !== "monthly") throw commitmentError("not_monthly");
  const now = deps.clock.now();
  return writeAudited(deps.db, actor, async (tx) => {
    const c = await caseForLink(tx, actor, input.caseNumber);
    if (!c) throw fail.invalid("caseNumber", "no such case");
    const before = await repo.findDecision(tx, meeting.id, c.id, true);
    if (c.stage !== "tracked" && !before)
      throw commitmentError("case_not_tracked", { number: c.number, stage: c.stage }, "caseNumber");
    const row = await repo.upsertDecision(tx, {
      meetingId: meeting.id,
      caseId: c.id,
      decision: input.decision,
      note: input.note ?? null,
      decidedBy: actor.personId,
      decidedAt: now,
    });
    return {
      value: { caseNumber: c.number, ...presentDecision(row) },
      audit: [
        {
          action: "tracking.decision",
          entityType: "case",
          entityId: c.id,
          before: before ? { decision: before.decision, note: before.note } : undefined,
          after: { meetingId: meeting.id, decision: row.decision, note: row.note },
        },
      ],
    };
  });
}
