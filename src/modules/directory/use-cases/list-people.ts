import * as repo from "../repository.ts";
import { presentPersonBase } from "../presenter.ts";
import { can } from "../policy.ts";
import type { Actor } from "../actor.ts";
import type { DirectoryDeps } from "./deps.ts";

/** Lists people: the public sees those with a network role; PDIS and admins see everyone. */
export async function listPeople(
  deps: DirectoryDeps,
  actor: Actor,
  input: { q?: string; limit: number; after?: string },
) {
  const everyone = can(actor, { do: "manage-people" });
  const rows = await repo.listPeople(deps.db, {
    q: input.q,
    withRoleOnly: !everyone,
    limit: input.limit + 1,
    after: input.after,
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((p) => presentPersonBase(p, everyone || actor.grants.length > 0)),
    next: rows.length > input.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
