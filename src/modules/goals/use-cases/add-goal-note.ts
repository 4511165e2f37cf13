import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { fail } from "../../../platform/http/errors.ts";
import { ownsGoal } from "../policy.ts";
import * as repo from "../repository.ts";
import { bodies } from "../schema.ts";
import type { GoalsDeps } from "./deps.ts";
import { getGoal } from "./get-goal.ts";
import { findVisibleGoal, parseInput } from "./shared.ts";

/** Adds a dated progress note to a goal (owners only), optionally moving its status. */
export async function addGoalNote(deps: GoalsDeps, actor: Actor, id: string, raw: unknown) {
  const input = parseInput(bodies.note, raw);
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const g = await findVisibleGoal(tx, actor, id, true);
    if (!ownsGoal(actor, g)) throw fail.forbidden();
    const moves = input.status !== undefined && input.status !== g.status;
    const note = await repo.insertNote(tx, {
      goalId: g.id,
      at: now,
      authorId: actor.personId,
      body: input.body,
      status: moves ? input.status! : null,
    });
    await repo.updateGoal(tx, g.id, { ...(moves ? { status: input.status! } : {}), updatedAt: now });
    const after = { noteId: note.id, status: note.status, withText: note.body !== "" };
    return { value: note, audit: [{ action: "goal.note", entityType: "goal", entityId: g.id, after }] };
  });
  return getGoal(deps, actor, id);
}
