// Public surface of the help-requests module.
import type { Sweep } from "../../platform/jobs/index.ts";
import type { HelpDeps } from "./use-cases/deps.ts";
import { escalateDueHelpRequests } from "./use-cases/escalate-due-help-requests.ts";

export { helpRequests, helpEscalations, helpEvents, helpClockSettings } from "./tables.ts";
export type { HelpDeps } from "./use-cases/deps.ts";
export { askForHelp } from "./use-cases/ask-for-help.ts";
export { actOnHelpRequest } from "./use-cases/answer-help-request.ts";
export { getHelpRequest } from "./use-cases/get-help-request.ts";
export { listHelpRequests } from "./use-cases/list-help-requests.ts";
export { getClockSettings, setClockSetting } from "./use-cases/set-clock-settings.ts";
export { escalateDueHelpRequests } from "./use-cases/escalate-due-help-requests.ts";
export { escalationChain } from "./chain.ts";
export { helpRequestRoutes } from "./routes.ts";

/** The sweep that escalates lapsed clocks. */
export function helpRequestSweep(deps: Omit<HelpDeps, "clock">): Sweep {
  return {
    name: "help-requests",
    run: async (now) => escalateDueHelpRequests({ ...deps, clock: { now: () => now } }),
  };
}
