import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import { creatorAgency } from "../triage.ts";
import { fail } from "../../../platform/http/errors.ts";
import { taipeiDate } from "../../../platform/calendar/index.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import type { MatterVisibility } from "../tables.ts";
import type { MattersDeps } from "./deps.ts";
import { recordEvent } from "./matter-of.ts";
import {
  ownershipSnapshot,
  resolveOwnership,
  saveTriage,
  triageInput,
  type OwnershipInput,
} from "./ownership.ts";

/** Input of createMatter. */
export interface CreateMatterInput extends OwnershipInput {
  title: string;
  description?: string;
  visibility?: MatterVisibility;
}

/** Formats a reference number: M-2026-0001. */
export const formatReference = (year: number, n: number) => `M-${year}-${String(n).padStart(4, "0")}`;

/**
 * Raises a matter and triages it: any signed-in person with a network role may. With no unit and no
 * agency named, the creator's own agency coordinates it.
 */
export async function createMatter(deps: MattersDeps, actor: Actor, input: CreateMatterInput) {
  if (!actor.personId && !actor.isAdmin) throw fail.unauthenticated();
  if (!can(actor, { do: "create" })) throw fail.forbidden();
  const ownership = await resolveOwnership(deps.db, input);
  const t = triageInput(ownership, creatorAgency(actor.grants));
  const now = deps.clock.now();
  const year = Number(taipeiDate(now).slice(0, 4));
  return writeAudited(deps.db, actor, async (tx) => {
    const n = await repo.nextReferenceNumber(tx, year);
    const created = await repo.insertMatter(tx, {
      reference: formatReference(year, n),
      title: input.title.trim(),
      description: input.description?.trim() || null,
      visibility: input.visibility ?? "network",
      route: t.route,
      leadAgencyId: t.leadAgencyId,
      requestedLeadAgencyId: ownership.leadAgencyId,
      triage: t,
      triagedAt: now,
      createdBy: actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    const matter = await saveTriage(tx, created.id, ownership, t, now, actor.personId);
    await recordEvent(tx, matter.id, "created", actor, now, {
      reference: matter.reference,
      title: matter.title,
      visibility: matter.visibility,
    });
    await recordEvent(tx, matter.id, "triaged", actor, now, { after: ownershipSnapshot(ownership, t) });
    return {
      value: matter,
      audit: [{ action: "matter.create", entityType: "matter", entityId: matter.id, after: matter }],
    };
  });
}
