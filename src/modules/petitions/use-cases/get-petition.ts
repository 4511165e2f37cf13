import { orgLabels, type Actor } from "../../directory/index.ts";
import { can } from "../policy.ts";
import {
  presentEndorsement,
  presentEscalation,
  presentEvent,
  presentResponse,
  presentSummary,
  presentUpdate,
} from "../presenter.ts";
import * as repo from "../repository.ts";
import type { PetitionsDeps } from "./deps.ts";
import { loadPetition, seesInternal } from "./shared.ts";

/**
 * A petition with its text, endorsement history, agencies, deadlines, timeline, response and updates.
 * Public; internal material (draft response, escalations, automatic warnings, internal timeline entries)
 * only for those who may see it (`internal` is null otherwise).
 */
export async function getPetition(deps: PetitionsDeps, actor: Actor, id: string) {
  const now = deps.clock.now();
  const { p, agencies, access } = await loadPetition(deps.db, id);
  const internal = seesInternal(actor, access);
  const [clocks, labels, endorsements, events, response, updates, follow] = await Promise.all([
    repo.listClocks(deps.db, [p.id]),
    orgLabels(
      deps.db,
      agencies.map((a) => a.agencyId),
    ),
    repo.listEndorsements(deps.db, p.id),
    repo.listEvents(deps.db, p.id, internal),
    repo.findResponse(deps.db, p.id),
    repo.listUpdates(deps.db, p.id),
    repo.followState(deps.db, p.id, actor.personId),
  ]);
  const cases = (await deps.linkedCases?.(deps.db, p.id)) ?? [];
  const commitments = (await deps.linkedCommitments?.(deps.db, p.id)) ?? [];
  const shownResponse = response && (response.publishedAt || internal) ? response : null;
  const escalations = internal ? await repo.listEscalations(deps.db, p.id) : [];
  const respondable = ["qualified", "assigned", "plan-published"].includes(p.state);
  const mayAnswer = can(actor, { do: "answer", petition: access });
  return {
    ...presentSummary(p, agencies, clocks, labels, now),
    text: p.body,
    plan: p.planPublishedAt ? { body: p.planBody!, publishedAt: p.planPublishedAt.toISOString() } : null,
    endorsements: endorsements.map(presentEndorsement),
    response: shownResponse ? presentResponse(shownResponse, deps.publicUrl) : null,
    updates: updates.map(presentUpdate),
    timeline: events.map(presentEvent),
    followers: { count: follow.count, following: follow.mine },
    cases: cases.map((c) => ({
      number: c.number,
      title: c.title,
      stage: c.stage,
      url: `/cases/${c.number}`,
    })),
    commitments,
    internal: internal
      ? {
          escalations: escalations.map(presentEscalation),
          warnings: { thresholdShare: p.thresholdWarningId, noResponse: p.noResponseWarningId },
        }
      : null,
    can: {
      manage: can(actor, { do: "manage" }),
      plan: mayAnswer && p.kind === "petition" && respondable && access.lead.length > 0,
      respond:
        mayAnswer &&
        !response?.publishedAt &&
        (p.kind === "petition" ? respondable : p.state === "open" || p.state === "closed"),
      extend: mayAnswer && p.kind === "petition" && respondable && !p.extendedAt,
      update: can(actor, { do: "update", petition: access }) && (respondable || p.state === "responded"),
      follow: can(actor, { do: "follow" }),
    },
  };
}

/** A petition as the API shows it. */
export type PetitionView = Awaited<ReturnType<typeof getPetition>>;
