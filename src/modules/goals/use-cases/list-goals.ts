import { fail } from "../../../platform/http/errors.ts";
import type { Actor } from "../../directory/index.ts";
import { teamIdsOf } from "../policy.ts";
import { presentGoalSummary } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { GoalsDeps } from "./deps.ts";
import { labelsFor } from "./shared.ts";

/**
 * The goals a signed-in person may see, most recently changed first: their own, their teams', and
 * others' shared goals. Never ordered by status or achievement, and no totals per person.
 */
export async function listGoals(
  deps: GoalsDeps,
  actor: Actor,
  input: { scope?: "all" | "mine" | "teams" | "shared" } = {},
) {
  if (!actor.personId) throw fail.unauthenticated();
  const rows = await repo.listVisibleGoals(deps.db, actor.personId, teamIdsOf(actor), input.scope ?? "all");
  const labels = await labelsFor(
    deps.db,
    rows.map((g) => g.ownerPersonId),
    rows.map((g) => g.ownerOrgId),
  );
  return { items: rows.map((g) => presentGoalSummary(actor, g, labels)) };
}
