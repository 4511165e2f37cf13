import { appendAudit } from "../../audit/index.ts";
import * as repo from "../review-repository.ts";
import type { ReviewDeps } from "./review-deps.ts";
import { publishTranscript } from "./review-shared.ts";

/**
 * The sweep: publishes every transcript in review whose window has closed (or whose speakers are all
 * done), unless its `publish_not_before` lies ahead. Transcripts are claimed in batches with
 * FOR UPDATE SKIP LOCKED, one transaction per batch, each publication audited; a published transcript
 * is never claimed again, so running it twice publishes nothing twice.
 */
export async function publishDueTranscripts(
  deps: Pick<ReviewDeps, "db" | "clock" | "publicUrl">,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<{ published: number; batches: number }> {
  const now = deps.clock.now();
  const batchSize = options.batchSize ?? 100;
  let published = 0;
  let batches = 0;
  for (; batches < (options.maxBatches ?? Infinity);) {
    const claimed = await deps.db.transaction(async (tx) => {
      const rows = await repo.claimPublishable(tx, now, batchSize);
      for (const t of rows) {
        const reason = t.reviewEndsAt && t.reviewEndsAt <= now ? "window-closed" : "everyone-done";
        const entry = await publishTranscript(tx, { now, publicUrl: deps.publicUrl }, t, reason);
        await appendAudit(tx, { personId: null }, [entry]);
        published++;
      }
      return rows.length;
    });
    if (claimed === 0) break;
    batches++;
    if (claimed < batchSize) break;
  }
  return { published, batches };
}
