import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { caseError } from "../errors.ts";
import * as repo from "../repository.ts";
import { caseStages, type CaseStage } from "../tables.ts";
import type { CasesDeps } from "./deps.ts";
import { getCase } from "./get-case.ts";
import { loadForOrganiser, parseCaseNumber } from "./shared.ts";

/** Input of advanceStage: the stage to move to (it must be the next one) and its public artefact. */
export interface AdvanceInput {
  to: CaseStage;
  artefactUrl?: string;
  note?: string;
}

/**
 * Moves a case on to its next stage (organisers). Stages never skip; the issue handbook needs its
 * address; releasing goes through releaseCase, which checks the evidence.
 */
export async function advanceStage(deps: CasesDeps, actor: Actor, rawNumber: string, input: AdvanceInput) {
  const number = parseCaseNumber(rawNumber);
  if (input.to === "released")
    throw fail.invalid("to", "a case is released with POST /cases/{number}/release");
  if (input.to === "handbook-published" && !input.artefactUrl)
    throw fail.invalid("artefactUrl", "is required: the address of the published issue handbook");
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const { c } = await loadForOrganiser(tx, actor, number);
    const next = caseStages[caseStages.indexOf(c.stage) + 1]!;
    if (input.to !== next) throw caseError("stage_order", { current: c.stage, next }, "to");
    await repo.updateStage(tx, c.id, c.stage, { completedAt: now });
    await repo.updateStage(tx, c.id, next, {
      startedAt: now,
      ...(input.artefactUrl ? { artefactUrl: input.artefactUrl } : {}),
      ...(input.note ? { note: input.note } : {}),
    });
    const row = await repo.updateCase(tx, c.id, { stage: next, updatedAt: now });
    await repo.addEvent(tx, {
      caseId: c.id,
      at: now,
      actorId: actor.personId,
      kind: "stage",
      data: { from: c.stage, to: next },
    });
    return {
      value: row,
      audit: [
        {
          action: "case.stage",
          entityType: "case",
          entityId: c.id,
          before: { stage: c.stage },
          after: { stage: next },
        },
      ],
    };
  });
  return getCase(deps, actor, number);
}
