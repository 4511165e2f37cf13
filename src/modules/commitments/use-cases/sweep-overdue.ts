import { taipeiDate } from "../../../platform/calendar/index.ts";
import { appendAudit } from "../../audit/index.ts";
import { caseRefs } from "../../cases/index.ts";
import { membersOf } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
import * as repo from "../repository.ts";
import type { CommitmentsDeps } from "./deps.ts";

/**
 * The overdue sweep. Unfinished commitments whose due date (a Taipei day) has passed and that are not
 * yet flagged are claimed in batches with FOR UPDATE SKIP LOCKED, one transaction per batch; each is
 * flagged (`overdue_at`) and its owner agency's POs and the case's lead agency's POs are told at once
 * (urgent). A flagged commitment is never claimed again, so a second run changes nothing.
 */
export async function sweepOverdueCommitments(
  deps: Omit<CommitmentsDeps, "meetingOf">,
  options: { batchSize?: number } = {},
): Promise<{ flagged: number }> {
  const now = deps.clock.now();
  const today = taipeiDate(now);
  const batchSize = options.batchSize ?? 200;
  let flagged = 0;
  for (;;) {
    const n = await deps.db.transaction(async (tx) => {
      const claimed = await repo.claimOverdue(tx, today, batchSize);
      const cases = new Map(
        (
          await caseRefs(
            tx,
            claimed.map((c) => c.caseId).filter((x): x is string => !!x),
          )
        ).map((c) => [c.id, c]),
      );
      for (const c of claimed) {
        await repo.updateCommitment(tx, c.id, { overdueAt: now });
        const lead = c.caseId ? cases.get(c.caseId) : undefined;
        const agencies = [c.ownerAgencyId, ...(lead?.leadAgencyId ? [lead.leadAgencyId] : [])];
        const recipients: string[] = [];
        for (const a of new Set(agencies))
          recipients.push(...(await membersOf(tx, a, "po")).map((m) => m.personId));
        await notify(
          tx,
          { now, publicUrl: deps.publicUrl },
          {
            recipientIds: recipients,
            actorId: null,
            kind: "commitment.overdue",
            urgent: true,
            mergeKey: `commitment-overdue:${c.id}:${c.dueOn}`,
            title: {
              "zh-TW": `承諾事項已逾期（${c.dueOn} 到期）：${c.text.slice(0, 80)}`,
              en: `A commitment is overdue (due ${c.dueOn}): ${c.text.slice(0, 80)}`,
            },
            url: `/commitments/${c.id}`,
          },
        );
        await appendAudit(tx, { personId: null }, [
          {
            action: "commitment.overdue",
            entityType: "commitment",
            entityId: c.id,
            after: { overdueAt: now.toISOString(), dueOn: c.dueOn },
          },
        ]);
      }
      return claimed.length;
    });
    flagged += n;
    if (n < batchSize) break;
  }
  return { flagged };
}
