// Public surface of the early-warnings module: other modules import only from here.
import type { Sweep } from "../../platform/jobs/index.ts";
import type { EarlyWarningsDeps } from "./use-cases/deps.ts";
import { askDueOutcomes } from "./use-cases/ask-due-outcomes.ts";

export type { EarlyWarningsDeps } from "./use-cases/deps.ts";
export {
  earlyWarnings,
  earlyWarningAgencies,
  earlyWarningEvidence,
  earlyWarningComments,
  earlyWarningEvents,
} from "./tables.ts";
export type { SignalSource, Severity, WarningState, ConversionKind, Happened } from "./tables.ts";
export { can as canOnWarning, seesAllWarnings, type WarningAccess } from "./policy.ts";
export { raiseEarlyWarning } from "./use-cases/raise-warning.ts";
export { raiseSystemWarning, type SystemWarningInput } from "./use-cases/raise-system-warning.ts";
export { listEarlyWarnings } from "./use-cases/list-warnings.ts";
export { getEarlyWarning } from "./use-cases/get-warning.ts";
export { commentOnWarning } from "./use-cases/comment-on-warning.ts";
export { mergeEarlyWarning } from "./use-cases/merge-warning.ts";
export { convertEarlyWarning } from "./use-cases/convert-warning.ts";
export { answerOutcome } from "./use-cases/answer-outcome.ts";
export { lookBack } from "./use-cases/look-back.ts";
export { askDueOutcomes } from "./use-cases/ask-due-outcomes.ts";
export { earlyWarningRoutes } from "./routes.ts";

/** The sweep that asks raisers "did it happen?" once a warning's window has ended. */
export function earlyWarningSweep(deps: Omit<EarlyWarningsDeps, "clock">): Sweep {
  return {
    name: "early-warnings",
    run: async (now) => askDueOutcomes({ ...deps, clock: { now: () => now } }),
  };
}
