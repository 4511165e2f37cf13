import * as repo from "../repository.ts";
import { hasNetworkRole } from "../policy.ts";
import { presentMatterListItem } from "../presenter.ts";
import { appendAudit } from "../../audit/index.ts";
import { fail } from "../../../platform/http/errors.ts";
import type { Actor } from "../../directory/index.ts";
import type { MatterRoute, MatterState } from "../tables.ts";
import type { MattersDeps } from "./deps.ts";

/** Filters of the matter list. */
export interface ListMattersInput {
  agency?: string;
  route?: MatterRoute;
  state?: MatterState;
  mine?: "coordinating";
  limit: number;
  after?: string;
}

const encodeCursor = (m: repo.MatterRow) => `${m.createdAt.toISOString()}_${m.id}`;

function decodeCursor(s: string): { createdAt: Date; id: string } {
  const [at = "", id = ""] = s.split("_");
  const createdAt = new Date(at);
  if (Number.isNaN(createdAt.getTime()) || !repo.isUuid(id)) throw fail.invalid("after", "is not a cursor");
  return { createdAt, id };
}

/**
 * Matters newest first, keyset-paginated, filtered by agency, route, state, or those I coordinate.
 * The public sees public matters; the network sees all; a working-group member without a network role
 * also sees the open matters they work on, and those reads are audited.
 */
export async function listMatters(deps: MattersDeps, actor: Actor, input: ListMattersInput) {
  let agencyId: string | undefined;
  if (input.agency) {
    const [org] = await repo.orgsByRef(deps.db, [input.agency]);
    if (!org || org.kind === "unit") throw fail.invalid("agency", "no such agency");
    agencyId = org.id;
  }
  let coordinatingAgencyIds: string[] | undefined;
  if (input.mine === "coordinating") {
    if (!actor.personId) throw fail.unauthenticated();
    coordinatingAgencyIds = [...new Set(actor.grants.filter((g) => g.role === "po").map((g) => g.agencyId))];
  }
  const network = hasNetworkRole(actor);
  const rows = await repo.listMatters(deps.db, {
    agencyId,
    route: input.route,
    state: input.state,
    coordinatingAgencyIds,
    visibleTo: network ? { all: true } : { all: false, memberId: actor.personId },
    after: input.after ? decodeCursor(input.after) : undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const restricted = network ? [] : page.filter((m) => m.visibility === "network");
  if (restricted.length) {
    await appendAudit(
      deps.db,
      actor,
      restricted.map((m) => ({ action: "read", entityType: "matter", entityId: m.id })),
    );
  }
  const last = page[page.length - 1];
  return {
    items: page.map(presentMatterListItem),
    next: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}
