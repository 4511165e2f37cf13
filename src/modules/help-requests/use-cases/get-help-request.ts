import type { Actor } from "../../directory/index.ts";
import * as repo from "../repository.ts";
import { presentRequest } from "../presenter.ts";
import type { HelpDeps } from "./deps.ts";
import { loadVisible } from "./shared.ts";

/** One request with its clocks, escalation trail and history (404 for those who may not see it). */
export async function getHelpRequest(deps: HelpDeps, actor: Actor, id: string) {
  const { r, escalations, chain, mayAnswer } = await loadVisible(deps.db, actor, id);
  const events = await repo.listEvents(deps.db, r.id);
  return presentRequest(r, escalations, events, {
    mayAnswer,
    isRequester: actor.personId === r.requesterId,
    chainLength: chain.length,
    now: deps.clock.now(),
  });
}
