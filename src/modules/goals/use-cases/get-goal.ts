import type { Actor } from "../../directory/index.ts";
import { presentGoal } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { GoalsDeps } from "./deps.ts";
import { findVisibleGoal, labelsFor } from "./shared.ts";

/** One goal with its progress notes: owners, or anyone signed in when it is shared; 404 otherwise. */
export async function getGoal(deps: GoalsDeps, actor: Actor, id: string) {
  const g = await findVisibleGoal(deps.db, actor, id);
  const notes = await repo.listNotes(deps.db, g.id);
  const labels = await labelsFor(deps.db, [g.ownerPersonId, ...notes.map((n) => n.authorId)], [g.ownerOrgId]);
  return presentGoal(actor, g, labels, notes);
}
