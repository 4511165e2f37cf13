import { taipeiDate } from "../../../platform/calendar/working-days.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { caseError } from "../errors.ts";
import { handbookTiming } from "../policy.ts";
import * as repo from "../repository.ts";
import type { CasesDeps } from "./deps.ts";
import { collaborativeMeeting, getHandbook } from "./get-handbook.ts";
import { loadForOrganiser, parseCaseNumber } from "./shared.ts";

/**
 * Publishes the issue handbook (organisers): records the time, makes the handbook page the artefact of
 * the `handbook-published` stage and moves a case at its prep meeting on to that stage. Publishing
 * outside the 2–3 days before the collaborative meeting's date (the linked meeting's own date, or else
 * the stage's due date) is allowed — meetings move — and answered with a warning in `timing`. It needs
 * a challenge statement; it is done once.
 */
export async function publishHandbook(deps: CasesDeps, actor: Actor, rawNumber: string) {
  const number = parseCaseNumber(rawNumber);
  const now = deps.clock.now();
  const timing = await writeAudited(deps.db, actor, async (tx) => {
    const { c } = await loadForOrganiser(tx, actor, number);
    if (c.handbookPublishedAt)
      throw caseError("handbook_published", { at: taipeiDate(c.handbookPublishedAt) });
    if (!(await repo.listChallengeVersions(tx, c.id)).length)
      throw caseError("handbook_needs_challenge", {}, "challenge");
    const collaborative = await collaborativeMeeting(deps, tx, c.id);
    const meetingOn = collaborative.meeting?.date ?? collaborative.stage?.dueOn ?? null;
    const url = `${deps.publicUrl}/cases/${c.number}/handbook`;
    const moves = c.stage === "prep-meeting";
    if (moves) await repo.updateStage(tx, c.id, "prep-meeting", { completedAt: now });
    await repo.updateStage(tx, c.id, "handbook-published", {
      artefactUrl: url,
      ...(moves ? { startedAt: now } : {}),
    });
    await repo.updateCase(tx, c.id, {
      handbookPublishedAt: now,
      updatedAt: now,
      ...(moves ? { stage: "handbook-published" as const } : {}),
    });
    await repo.addEvent(tx, {
      caseId: c.id,
      at: now,
      actorId: actor.personId,
      kind: "handbook",
      data: { url },
    });
    if (moves)
      await repo.addEvent(tx, {
        caseId: c.id,
        at: now,
        actorId: actor.personId,
        kind: "stage",
        data: { from: "prep-meeting", to: "handbook-published" },
      });
    const timing = { meetingOn, ...handbookTiming(taipeiDate(now), meetingOn) };
    return {
      value: timing,
      audit: [
        {
          action: "case.handbook-publish",
          entityType: "case",
          entityId: c.id,
          before: { handbookPublishedAt: null, stage: c.stage },
          after: {
            handbookPublishedAt: now.toISOString(),
            stage: moves ? "handbook-published" : c.stage,
            timing,
          },
        },
      ],
    };
  });
  return { handbook: await getHandbook(deps, actor, number), timing };
}
