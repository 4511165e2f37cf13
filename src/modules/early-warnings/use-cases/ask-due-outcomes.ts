import { appendAudit } from "../../audit/index.ts";
import { notify } from "../../notifications/index.ts";
import { pdisStaff } from "../../directory/index.ts";
import * as repo from "../repository.ts";
import type { EarlyWarningsDeps } from "./deps.ts";
import { recordEvent } from "./warning-of.ts";

/**
 * The sweep: for every warning whose flare-up window has ended and whose raiser was neither asked nor
 * has answered, ask the raiser "did it happen?" once. Warnings are claimed in batches with
 * FOR UPDATE SKIP LOCKED inside one transaction per batch; the claim clears the timer and records
 * `askedAt` in the same transaction as the notification, so two sweeps (or two processes) never ask
 * twice and a crash before commit leaves the question to the next run.
 */
export async function askDueOutcomes(
  deps: EarlyWarningsDeps,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<{ asked: number; batches: number }> {
  const now = deps.clock.now();
  const batchSize = options.batchSize ?? 200;
  let asked = 0;
  let batches = 0;
  for (; batches < (options.maxBatches ?? Infinity);) {
    const claimed = await deps.db.transaction(async (tx) => {
      const rows = await repo.claimDueAsks(tx, now, batchSize);
      for (const w of rows) {
        await repo.updateWarning(tx, w.id, { askDueAt: null, askedAt: now });
        await recordEvent(tx, w.id, "asked", { personId: null }, now, { windowEndsAt: w.windowEndsAt });
        await notify(
          tx,
          { now, publicUrl: deps.publicUrl },
          {
            recipientIds: w.raisedBy ? [w.raisedBy] : (await pdisStaff(tx)).map((m) => m.personId),
            actorId: null,
            kind: "early-warning.did-it-happen",
            title: {
              "zh-TW": `預警期已到，事情發生了嗎？${w.title}`,
              en: `The window has ended: did it happen? ${w.title}`,
            },
            body: {
              "zh-TW": `您在 ${w.flareUpWithinDays} 天前提出這則先期警報。請回答是否發生（是／否／部分），讓聯絡人網絡從中學習。`,
              en: `You raised this early warning ${w.flareUpWithinDays} days ago. Please answer whether it happened (yes, no or partly) so the network can learn.`,
            },
            url: `/early-warnings/${w.id}`,
            mergeKey: `early-warning:${w.id}:did-it-happen`,
          },
        );
        await appendAudit(tx, { personId: null }, [
          {
            action: "early-warning.ask-outcome",
            entityType: "early-warning",
            entityId: w.id,
            subjectIds: w.raisedBy ? [w.raisedBy] : [],
            after: { askedAt: now },
          },
        ]);
        asked++;
      }
      return rows.length;
    });
    if (claimed === 0) break;
    batches++;
    if (claimed < batchSize) break;
  }
  return { asked, batches };
}
