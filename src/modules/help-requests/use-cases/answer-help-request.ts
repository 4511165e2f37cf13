import { fail } from "../../../platform/http/errors.ts";
import { loadCalendar } from "../../../platform/calendar/index.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
import { nextDue } from "../chain.ts";
import { peopleOfStep, peopleOfTarget } from "../access.ts";
import * as repo from "../repository.ts";
import type { HelpDeps } from "./deps.ts";
import { getHelpRequest } from "./get-help-request.ts";
import { loadVisible } from "./shared.ts";

/** The actions on a request after it is asked. */
export type HelpAction =
  | { do: "acknowledge" }
  | { do: "respond"; body: string }
  | { do: "reopen"; reason: string }
  | { do: "withdraw"; reason?: string };

/**
 * Acknowledge (stops only the first clock), respond (closes the request), reopen (the requester, with
 * a reason: the respond clock starts again) or withdraw (the requester). Each is recorded and told to
 * the other side; nobody is told of their own action.
 */
export async function actOnHelpRequest(deps: HelpDeps, actor: Actor, id: string, action: HelpAction) {
  if (!actor.personId && !actor.isAdmin) throw fail.unauthenticated();
  const now = deps.clock.now();
  const cal = action.do === "reopen" ? await loadCalendar(deps.db, now) : null;
  await writeAudited(deps.db, actor, async (tx) => {
    const { r, targetAgencyId, escalations, chain, mayAnswer } = await loadVisible(tx, actor, id, true);
    const isRequester = actor.personId === r.requesterId;
    const running = r.state === "open" || r.state === "acknowledged";
    let patch: Parameters<typeof repo.updateRequest>[2];
    let tell: string[];
    let title: { "zh-TW": string; en: string };
    switch (action.do) {
      case "acknowledge":
        if (!mayAnswer) throw fail.forbidden();
        if (r.state !== "open") throw fail.conflict(`the request is ${r.state}`, "state");
        patch = { state: "acknowledged", acknowledgedAt: now, acknowledgedBy: actor.personId };
        tell = [r.requesterId];
        title = { "zh-TW": `已收到您的求救：${r.title}`, en: `Your request was acknowledged: ${r.title}` };
        break;
      case "respond":
        if (!mayAnswer) throw fail.forbidden();
        if (!running) throw fail.conflict(`the request is ${r.state}`, "state");
        patch = {
          state: "answered",
          answeredAt: now,
          answeredBy: actor.personId,
          answer: action.body,
          acknowledgedAt: r.acknowledgedAt ?? now,
          acknowledgedBy: r.acknowledgedBy ?? actor.personId,
        };
        tell = [r.requesterId];
        title = { "zh-TW": `您的求救已獲答覆：${r.title}`, en: `Your request was answered: ${r.title}` };
        break;
      case "reopen":
        if (!isRequester) throw fail.forbidden();
        if (r.state !== "answered")
          throw fail.conflict(`only an answered request can be reopened (it is ${r.state})`, "state");
        patch = {
          state: "acknowledged",
          answeredAt: null,
          answeredBy: null,
          respondDueAt: cal!.addWorkingDays(now, r.respondDays),
        };
        tell = r.answeredBy ? [r.answeredBy] : await peopleOfTarget(tx, r, targetAgencyId);
        title = { "zh-TW": `求救已重新開啟：${r.title}`, en: `Request reopened: ${r.title}` };
        break;
      case "withdraw":
        if (!isRequester) throw fail.forbidden();
        if (!running) throw fail.conflict(`the request is ${r.state}`, "state");
        patch = { state: "withdrawn", withdrawnAt: now };
        tell = await peopleOfTarget(tx, r, targetAgencyId);
        title = { "zh-TW": `求救已撤回：${r.title}`, en: `Request withdrawn: ${r.title}` };
        break;
    }
    const merged = { ...r, ...patch };
    patch.nextDueAt = nextDue({ ...merged, chainLength: chain.length });
    patch.updatedAt = now;
    const updated = await repo.updateRequest(tx, r.id, patch);
    await repo.addEvent(tx, {
      requestId: r.id,
      at: now,
      actorId: actor.personId,
      kind: { acknowledge: "acknowledged", respond: "responded", reopen: "reopened", withdraw: "withdrawn" }[
        action.do
      ],
      data:
        "body" in action
          ? { body: action.body }
          : "reason" in action
            ? { reason: action.reason ?? null }
            : null,
    });
    // Everyone the request reached on the way is kept informed of the outcome.
    const earlier: string[] = [];
    if (action.do === "respond" || action.do === "withdraw") {
      for (const e of escalations) {
        const step = chain[e.level - 1];
        if (step) earlier.push(...(await peopleOfStep(tx, step)));
      }
    }
    await notify(
      tx,
      { now, publicUrl: deps.publicUrl },
      {
        recipientIds: [...tell, ...earlier],
        actorId: actor.personId,
        kind: `help-request.${action.do}`,
        title,
        body: "body" in action ? { "zh-TW": action.body, en: action.body } : undefined,
        url: `/help-requests/${r.id}`,
        mergeKey: `help-request:${r.id}:${action.do}`,
      },
    );
    return {
      value: updated,
      audit: [
        {
          action: `help-request.${action.do}`,
          entityType: "help-request",
          entityId: r.id,
          subjectIds: [r.requesterId],
          before: { state: r.state },
          after: { state: updated.state },
        },
      ],
    };
  });
  return getHelpRequest(deps, actor, id);
}
