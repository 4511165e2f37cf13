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
  const filter = {
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
  };
  // "To me" depends on who may answer each request (its escalations included), which is decided here,
  // not in SQL: read in batches along the keyset until the page is full, so that no page comes back
  // short while later requests still match. The cursor is the last request read, shown or not.
  const now = deps.clock.now();
  const batch = q.box === "to-me" ? Math.max(q.limit * 2, 50) : q.limit + 1;
  const items = [];
  let cursor = before;
  let more = true;
  for (let round = 0; more && items.length < q.limit && round < 20; round++) {
    const rows = await repo.listRequests(deps.db, { ...filter, before: cursor, limit: batch });
    more = rows.length === batch;
    const escalations = await repo.listEscalations(
      deps.db,
      rows.map((r) => r.id),
    );
    for (const r of rows) {
      if (items.length === q.limit) {
        more = true; // a matching or unread request remains after the last one shown
        break;
      }
      cursor = { createdAt: r.createdAt, id: r.id };
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
  }
  return {
    items,
    next: more && cursor ? `${cursor.createdAt.toISOString()}|${cursor.id}` : null,
  };
}
