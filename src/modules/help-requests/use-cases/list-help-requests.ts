import { fail } from "../../../platform/http/errors.ts";
import { isPdis, isUuid, type Actor } from "../../directory/index.ts";
import * as repo from "../repository.ts";
import { presentRequest } from "../presenter.ts";
import { escalationChain } from "../chain.ts";
import { canAnswer } from "../access.ts";
import type { TargetKind } from "../tables.ts";
import type { HelpDeps } from "./deps.ts";
import { targetAgencyOf } from "./shared.ts";

/**
 * Requests the actor may see. `box`: "mine" (I asked), "to-me" (my units, my agency's PO team, PDIS
 * for PDIS staff, and whatever escalated to me), or all visible. Never a per-person tally.
 */
export async function listHelpRequests(
  deps: HelpDeps,
  actor: Actor,
  q: {
    box?: "mine" | "to-me";
    state?: string;
    targetKind?: TargetKind;
    matter?: string;
    before?: string;
    limit: number;
  },
) {
  if (!actor.personId && !actor.isAdmin) throw fail.unauthenticated();
  if (q.matter && !isUuid(q.matter)) throw fail.invalid("matter", "must be a matter id");
  const agencyIds = [...new Set(actor.grants.filter((g) => g.role !== "unit-staff").map((g) => g.agencyId))];
  const unitIds = actor.grants.filter((g) => g.role === "unit-staff").map((g) => g.orgId);
  let before: { createdAt: Date; id: string } | undefined;
  if (q.before) {
    const [at, id] = q.before.split("|");
    const createdAt = new Date(at ?? "");
    if (!id || Number.isNaN(createdAt.getTime()))
      throw fail.invalid("before", "is not a cursor from this list");
    before = { createdAt, id };
  }
  const rows = await repo.listRequests(deps.db, {
    visibleTo: {
      personId: actor.personId ?? "",
      agencyIds,
      unitIds,
      pdis: isPdis(actor),
      all: actor.isAdmin,
    },
    requesterId: q.box === "mine" ? (actor.personId ?? undefined) : undefined,
    state: q.state,
    targetKind: q.targetKind,
    matterId: q.matter,
    before,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const escalations = await repo.listEscalations(
    deps.db,
    page.map((r) => r.id),
  );
  const now = deps.clock.now();
  const items = [];
  for (const r of page) {
    const targetAgencyId = await targetAgencyOf(deps.db, r);
    const mine = escalations.filter((e) => e.requestId === r.id);
    const mayAnswer = canAnswer(actor, r, targetAgencyId, mine);
    if (q.box === "to-me" && (!mayAnswer || r.requesterId === actor.personId)) continue;
    const chain = escalationChain({
      kind: r.targetKind,
      agencyId: targetAgencyId,
      requesterAgencyId: r.requesterAgencyId,
    });
    const { history: _h, ...rest } = presentRequest(r, mine, [], {
      mayAnswer,
      isRequester: r.requesterId === actor.personId,
      chainLength: chain.length,
      now,
    });
    items.push(rest);
  }
  const last = page[page.length - 1];
  return {
    items,
    next: rows.length > q.limit && last ? `${last.createdAt.toISOString()}|${last.id}` : null,
  };
}
