import { loadCalendar } from "../../../platform/calendar/index.ts";
import { appendAudit } from "../../audit/index.ts";
import { notify } from "../../notifications/index.ts";
import { escalationChain, nextDue, type EscalationStep } from "../chain.ts";
import { peopleOfStep } from "../access.ts";
import * as repo from "../repository.ts";
import type { HelpDeps } from "./deps.ts";
import { targetAgencyOf } from "./shared.ts";

const STEP_NAMES: Record<EscalationStep["kind"], { "zh-TW": string; en: string }> = {
  "agency-po": { "zh-TW": "受請求機關的 PO", en: "the target agency's POs" },
  supervisor: { "zh-TW": "受請求機關的督導", en: "the target agency's supervising official" },
  pdis: { "zh-TW": "PDIS", en: "PDIS" },
  "minister-office": { "zh-TW": "督導政務委員辦公室", en: "the supervising minister's office" },
};

/**
 * The sweep: for every request whose earliest clock has lapsed, climb one step of the chain, record it
 * (once per level: a unique key), tell the new target, the earlier ones and the requester at once, and
 * start the lapsed clock again for the new target. Requests are claimed in batches with
 * FOR UPDATE SKIP LOCKED inside one transaction per batch, so two sweeps (or two processes) never
 * escalate one request twice, and a crash before commit leaves everything to the next run.
 */
export async function escalateDueHelpRequests(
  deps: HelpDeps,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<{ escalated: number; exhausted: number; batches: number }> {
  const now = deps.clock.now();
  const batchSize = options.batchSize ?? 200;
  const cal = await loadCalendar(deps.db, now);
  let escalated = 0;
  let exhausted = 0;
  let batches = 0;
  // Within one pass the same targets recur: look each up once.
  const stepPeople = new Map<string, string[]>();
  const agencyOf = new Map<string, string | null>();
  for (; batches < (options.maxBatches ?? Infinity);) {
    const claimed = await deps.db.transaction(async (tx) => {
      const rows = await repo.claimDue(tx, now, batchSize);
      for (const r of rows) {
        const ackLapsed = !r.acknowledgedAt && r.acknowledgeDueAt <= now;
        const respLapsed = r.respondDueAt <= now;
        const agencyKey = `${r.targetKind}:${r.targetId}`;
        if (!agencyOf.has(agencyKey)) agencyOf.set(agencyKey, await targetAgencyOf(tx, r));
        const targetAgencyId = agencyOf.get(agencyKey)!;
        const chain = escalationChain({
          kind: r.targetKind,
          agencyId: targetAgencyId,
          requesterAgencyId: r.requesterAgencyId,
        });
        if (r.escalationLevel >= chain.length) {
          await repo.updateRequest(tx, r.id, { nextDueAt: null, updatedAt: now });
          await repo.addEvent(tx, { requestId: r.id, at: now, actorId: null, kind: "chain-exhausted" });
          exhausted++;
          continue;
        }
        const level = r.escalationLevel + 1;
        const step = chain[level - 1]!;
        const clock = ackLapsed ? "acknowledge" : "respond";
        const inserted = await repo.insertEscalation(tx, {
          requestId: r.id,
          level,
          clock,
          targetKind: step.kind,
          targetId: step.agencyId,
          at: now,
        });
        const patch = {
          escalationLevel: level,
          acknowledgeDueAt: ackLapsed ? cal.addWorkingDays(now, r.acknowledgeDays) : r.acknowledgeDueAt,
          respondDueAt: respLapsed ? cal.addWorkingDays(now, r.respondDays) : r.respondDueAt,
          updatedAt: now,
        };
        const updated = { ...r, ...patch };
        await repo.updateRequest(tx, r.id, {
          ...patch,
          nextDueAt: nextDue({ ...updated, chainLength: chain.length }),
        });
        if (!inserted) continue; // recorded already: never notify twice
        await repo.addEvent(tx, {
          requestId: r.id,
          at: now,
          actorId: null,
          kind: "escalated",
          data: { level, clock, targetKind: step.kind, targetId: step.agencyId },
        });
        const peopleFor = async (s: EscalationStep) => {
          const key = `${s.kind}:${s.agencyId}`;
          if (!stepPeople.has(key)) stepPeople.set(key, await peopleOfStep(tx, s));
          return stepPeople.get(key)!;
        };
        const recipients = [r.requesterId, ...(await peopleFor(step))];
        for (const earlier of chain.slice(0, level - 1)) recipients.push(...(await peopleFor(earlier)));
        const clockName =
          clock === "acknowledge" ? { zh: "回覆收到", en: "acknowledge" } : { zh: "實質答覆", en: "respond" };
        await notify(
          tx,
          { now, publicUrl: deps.publicUrl },
          {
            recipientIds: recipients,
            actorId: null,
            kind: "help-request.escalated",
            urgent: true,
            title: {
              "zh-TW": `求救逾時未${clockName.zh}，已轉請${STEP_NAMES[step.kind]["zh-TW"]}協助：${r.title}`,
              en: `No ${clockName.en} in time; escalated to ${STEP_NAMES[step.kind].en}: ${r.title}`,
            },
            url: `/help-requests/${r.id}`,
          },
        );
        await appendAudit(tx, { personId: null }, [
          {
            action: "help-request.escalate",
            entityType: "help-request",
            entityId: r.id,
            subjectIds: [r.requesterId],
            after: { level, clock, targetKind: step.kind, targetId: step.agencyId },
          },
        ]);
        escalated++;
      }
      return rows.length;
    });
    if (claimed === 0) break;
    batches++;
    if (claimed < batchSize) break;
  }
  return { escalated, exhausted, batches };
}
