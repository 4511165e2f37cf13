import * as repo from "../repository.ts";
import { triage, type Triage } from "../triage.ts";
import { matterError } from "../errors.ts";
import { fail } from "../../../platform/http/errors.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { MatterAgencyRole } from "../tables.ts";

/** Owners and agencies as a person gave them, checked against the directory. */
export interface Ownership {
  ownerUnits: Array<{ unitId: string; agencyId: string }>;
  namedAgencyIds: string[];
  leadAgencyId: string | null;
}

/** Ownership input by id or slug. */
export interface OwnershipInput {
  ownerUnitIds: string[];
  agencyIds?: string[];
  leadAgencyId?: string;
}

const isAgency = (o: repo.OrgRef) => o.kind === "agency" || o.kind === "executive-yuan";

/**
 * Resolves unit and agency ids (or slugs) in one query: every owner must be a unit, every named agency
 * an agency; anything unknown is a 400 naming the field.
 */
export async function resolveOwnership(db: Queryable, input: OwnershipInput): Promise<Ownership> {
  const refs = [
    ...input.ownerUnitIds,
    ...(input.agencyIds ?? []),
    ...(input.leadAgencyId ? [input.leadAgencyId] : []),
  ];
  const found = await repo.orgsByRef(db, refs);
  const byRef = (ref: string) => found.find((o) => o.id === ref.toLowerCase() || o.slug === ref);

  const ownerUnits: Ownership["ownerUnits"] = [];
  for (const ref of input.ownerUnitIds) {
    const o = byRef(ref);
    if (!o) throw fail.invalid("ownerUnitIds", `no such unit: ${ref}`);
    if (o.kind !== "unit" || !o.parentId) throw fail.invalid("ownerUnitIds", `${ref} is not a unit`);
    if (!ownerUnits.some((u) => u.unitId === o.id)) ownerUnits.push({ unitId: o.id, agencyId: o.parentId });
  }
  const namedAgencyIds: string[] = [];
  for (const ref of input.agencyIds ?? []) {
    const o = byRef(ref);
    if (!o) throw fail.invalid("agencyIds", `no such agency: ${ref}`);
    if (!isAgency(o)) throw fail.invalid("agencyIds", `${ref} is a unit, not an agency`);
    if (!namedAgencyIds.includes(o.id)) namedAgencyIds.push(o.id);
  }
  let leadAgencyId: string | null = null;
  if (input.leadAgencyId) {
    const o = byRef(input.leadAgencyId);
    if (!o) throw fail.invalid("leadAgencyId", `no such agency: ${input.leadAgencyId}`);
    if (!isAgency(o)) throw fail.invalid("leadAgencyId", "must be an agency, not a unit");
    leadAgencyId = o.id;
  }
  return { ownerUnits, namedAgencyIds, leadAgencyId };
}

/**
 * Runs the triage rule on input a person gave: an explicit lead agency must be involved, and someone
 * must be able to coordinate (a unit, an agency, or the fallback agency).
 */
export function triageInput(
  o: Ownership,
  fallbackAgencyId: string | null,
): Triage & { leadAgencyId: string } {
  const t = triage({ ...o, fallbackAgencyId });
  if (o.leadAgencyId && t.leadAgencyId !== o.leadAgencyId)
    throw matterError("lead_not_involved", "leadAgencyId");
  if (!t.leadAgencyId) throw matterError("no_coordinating_agency", "agencyIds");
  return t as Triage & { leadAgencyId: string };
}

/** Writes a triage result: owners, agencies with their parts, and the matter's route and lead. */
export async function saveTriage(
  tx: Queryable,
  matterId: string,
  o: Ownership,
  t: Triage & { leadAgencyId: string },
  at: Date,
  actorId: string | null,
): Promise<repo.MatterRow> {
  await repo.replaceOwners(tx, matterId, o.ownerUnits, at, actorId);
  const roles: Array<{ agencyId: string; role: MatterAgencyRole }> = [
    { agencyId: t.leadAgencyId, role: "lead" },
    ...t.coOrganiserAgencyIds.map((agencyId) => ({ agencyId, role: "co" as const })),
    ...t.relatedAgencyIds.map((agencyId) => ({ agencyId, role: "related" as const })),
  ];
  await repo.replaceAgencies(
    tx,
    matterId,
    roles.map((r) => ({ ...r, named: o.namedAgencyIds.includes(r.agencyId) })),
  );
  return repo.updateMatter(tx, matterId, {
    route: t.route,
    leadAgencyId: t.leadAgencyId,
    requestedLeadAgencyId: o.leadAgencyId,
    triage: t,
    triagedAt: at,
    updatedAt: at,
  });
}

/** The ownership currently stored on a matter, as triage input. */
export function storedOwnership(
  matter: repo.MatterRow,
  owners: repo.OwnerRow[],
  agencies: repo.MatterAgencyRow[],
): Ownership {
  return {
    ownerUnits: owners.map((o) => ({ unitId: o.unitId, agencyId: o.agencyId })),
    namedAgencyIds: agencies.filter((a) => a.named).map((a) => a.agencyId),
    leadAgencyId: matter.requestedLeadAgencyId,
  };
}

/** A snapshot of ownership for the history: owners, named agencies and the triage result. */
export function ownershipSnapshot(o: Ownership, t: Triage) {
  return { ownerUnitIds: o.ownerUnits.map((u) => u.unitId), agencyIds: o.namedAgencyIds, triage: t };
}
