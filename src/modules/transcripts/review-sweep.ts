import type { Sweep } from "../../platform/jobs/index.ts";
import type { ReviewDeps } from "./use-cases/review-deps.ts";
import { publishDueTranscripts } from "./use-cases/publish-due-transcripts.ts";

/** The sweep that publishes transcripts whose review is over (`po-network jobs run-due`). */
export function transcriptPublishSweep(deps: Pick<ReviewDeps, "db" | "publicUrl">): Sweep {
  return {
    name: "transcripts",
    run: async (now) => publishDueTranscripts({ ...deps, clock: { now: () => now } }),
  };
}
