import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { findOrg, type Actor } from "../../directory/index.ts";
import { goalError } from "../errors.ts";
import { isTeamMember } from "../policy.ts";
import * as repo from "../repository.ts";
import { bodies } from "../schema.ts";
import type { GoalsDeps } from "./deps.ts";
import { getGoal } from "./get-goal.ts";
import { goalAudit, parseInput } from "./shared.ts";

/** Sets a goal for oneself, or (with `teamId`) for a team one belongs to. Private unless shared. */
export async function createGoal(deps: GoalsDeps, actor: Actor, raw: unknown) {
  if (!actor.personId) throw fail.unauthenticated();
  const input = parseInput(bodies.createGoal, raw);
  if (input.teamId) {
    const team = await findOrg(deps.db, input.teamId);
    if (!team || team.kind === "executive-yuan") throw fail.invalid("teamId", "must be an agency or unit");
    if (!isTeamMember(actor, team.id)) throw goalError("not_a_member", "teamId");
  }
  const now = deps.clock.now();
  const goal = await writeAudited(deps.db, actor, async (tx) => {
    const g = await repo.insertGoal(tx, {
      ownerPersonId: input.teamId ? null : actor.personId,
      ownerOrgId: input.teamId ?? null,
      title: input.title,
      description: input.description ?? "",
      targetOn: input.targetOn ?? null,
      visibility: input.visibility,
      status: "active",
      createdBy: actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    return {
      value: g,
      audit: [{ action: "goal.create", entityType: "goal", entityId: g.id, after: goalAudit(g) }],
    };
  });
  return getGoal(deps, actor, goal.id);
}
