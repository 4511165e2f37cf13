import * as repo from "../repository.ts";
import { presentRefusal } from "../presenter.ts";
import { orgLabels, personLabels } from "../../directory/index.ts";
import type { Queryable } from "../../../platform/db/database.ts";

/** A refusal as the API shows it, with its decisions and the names it mentions. */
export async function refusalView(db: Queryable, refusal: repo.RefusalRow) {
  const decisions = await repo.listDecisions(db, [refusal.id]);
  const orgs = await orgLabels(db, [refusal.unitId, refusal.proposedUnitId]);
  const people = await personLabels(
    db,
    [refusal.refusedBy, ...decisions.flatMap((d) => [d.decidedBy, d.contestedBy])].filter(
      (x): x is string => !!x,
    ),
  );
  return presentRefusal(refusal, decisions, { orgs, people });
}
