import type { Queryable } from "../../../platform/db/database.ts";
import { fail } from "../../../platform/http/errors.ts";
import { findOrg, type Actor } from "../../directory/index.ts";
import { escalationChain } from "../chain.ts";
import * as repo from "../repository.ts";
import { canAnswer, canSee } from "../access.ts";

/** The agency a target belongs to (a unit's parent agency; the agency itself for its PO team). */
export async function targetAgencyOf(db: Queryable, r: { targetKind: string; targetId: string | null }) {
  if (r.targetKind === "agency-po") return r.targetId;
  if (r.targetKind === "unit" && r.targetId) return (await findOrg(db, r.targetId))?.parentId ?? null;
  return null;
}

/** Loads a request the actor may see (404 otherwise), with what policies need. */
export async function loadVisible(db: Queryable, actor: Actor, id: string, forUpdate = false) {
  const r = await repo.findRequest(db, id, forUpdate);
  if (!r) throw fail.notFound();
  const targetAgencyId = await targetAgencyOf(db, r);
  const escalations = await repo.listEscalations(db, [r.id]);
  if (!canSee(actor, r, targetAgencyId, escalations)) throw fail.notFound();
  const chain = escalationChain({
    kind: r.targetKind,
    agencyId: targetAgencyId,
    requesterAgencyId: r.requesterAgencyId,
  });
  return {
    r,
    targetAgencyId,
    escalations,
    chain,
    mayAnswer: canAnswer(actor, r, targetAgencyId, escalations),
  };
}

/** The agency an actor asks from: their PO agency first, then any other grant's agency. */
export function requesterAgency(actor: Actor): string | null {
  const order = ["po", "unit-staff", "supervisor", "pdis"] as const;
  for (const role of order) {
    const g = actor.grants.find((x) => x.role === role);
    if (g) return g.agencyId;
  }
  return null;
}
