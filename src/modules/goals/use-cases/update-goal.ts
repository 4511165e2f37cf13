import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { fail } from "../../../platform/http/errors.ts";
import { ownsGoal } from "../policy.ts";
import * as repo from "../repository.ts";
import { bodies } from "../schema.ts";
import type { GoalsDeps } from "./deps.ts";
import { getGoal } from "./get-goal.ts";
import { findVisibleGoal, goalAudit, parseInput } from "./shared.ts";

/**
 * Edits a goal (its owners only: 403 for someone who can see a shared goal, 404 for a private one).
 * A change of status is also written down as a dated note.
 */
export async function updateGoal(deps: GoalsDeps, actor: Actor, id: string, raw: unknown) {
  const input = parseInput(bodies.updateGoal, raw);
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const before = await findVisibleGoal(tx, actor, id, true);
    if (!ownsGoal(actor, before)) throw fail.forbidden();
    const after = await repo.updateGoal(tx, before.id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.targetOn !== undefined ? { targetOn: input.targetOn } : {}),
      ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      updatedAt: now,
    });
    if (input.status && input.status !== before.status)
      await repo.insertNote(tx, {
        goalId: before.id,
        at: now,
        authorId: actor.personId,
        body: "",
        status: input.status,
      });
    return {
      value: after,
      audit: [
        {
          action: "goal.update",
          entityType: "goal",
          entityId: before.id,
          before: goalAudit(before),
          after: { ...goalAudit(after), changed: Object.keys(input) },
        },
      ],
    };
  });
  return getGoal(deps, actor, id);
}
