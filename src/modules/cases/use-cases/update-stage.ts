import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { findOrg, findPerson, type Actor } from "../../directory/index.ts";
import * as repo from "../repository.ts";
import type { CaseStage } from "../tables.ts";
import type { CasesDeps } from "./deps.ts";
import { getCase } from "./get-case.ts";
import { loadForOrganiser, parseCaseNumber } from "./shared.ts";

/** What may be set on a stage: owners, due date, its meeting, its artefact, a public note. */
export interface StageInput {
  ownerAgencyId?: string | null;
  ownerPersonId?: string | null;
  dueOn?: string | null;
  meetingId?: string | null;
  artefactUrl?: string | null;
  note?: string | null;
}

/** Sets a stage's owners, due date, meeting, artefact and note (organisers). */
export async function updateStage(
  deps: CasesDeps,
  actor: Actor,
  rawNumber: string,
  stage: CaseStage,
  input: StageInput,
) {
  const number = parseCaseNumber(rawNumber);
  if (input.ownerAgencyId) {
    const o = await findOrg(deps.db, input.ownerAgencyId);
    if (!o || o.kind !== "agency") throw fail.invalid("ownerAgencyId", "must be an agency");
  }
  if (input.ownerPersonId && !(await findPerson(deps.db, input.ownerPersonId)))
    throw fail.invalid("ownerPersonId", "no such person");
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const { c } = await loadForOrganiser(tx, actor, number);
    const before = (await repo.listStages(tx, c.id)).find((s) => s.stage === stage)!;
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const after = await repo.updateStage(tx, c.id, stage, patch);
    await repo.updateCase(tx, c.id, { updatedAt: now });
    return {
      value: after,
      audit: [{ action: "case.stage-update", entityType: "case", entityId: c.id, before, after }],
    };
  });
  return getCase(deps, actor, number);
}
