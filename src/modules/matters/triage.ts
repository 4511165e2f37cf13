// The ownership triage rule of the PO handbook, as a pure function.
import type { Grant } from "../directory/index.ts";

/** Where a matter goes: to its one unit, to its agency's PO, or to a cross-agency case. */
export type TriageRoute = "unit" | "po" | "cross-agency";

/**
 * Why the rule chose the route; a key under `matters.triage.` in the module's locale files.
 * `no-agency` means nobody could be chosen to coordinate (no unit, no agency, no creator agency).
 */
export type TriageReason =
  | "single-unit"
  | "no-owner"
  | "no-owner-creator-agency"
  | "units-in-one-agency"
  | "cross-agency"
  | "no-agency";

/** The triage result stored on a matter and shown by the API. */
export interface Triage {
  route: TriageRoute;
  /** The lead agency (主辦): the unit's agency, the coordinating agency, or the cross-agency lead. */
  leadAgencyId: string | null;
  /** Other agencies owning units (協辦). */
  coOrganiserAgencyIds: string[];
  /** Agencies named but owning no unit (有關機關). */
  relatedAgencyIds: string[];
  /** Agencies whose PO coordinates: none for a unit's own job, the agency for "po", all for cross-agency. */
  coordinatorAgencyIds: string[];
  ownerUnitIds: string[];
  reason: TriageReason;
}

/** What the rule looks at. */
export interface TriageInput {
  /** Owning units in the order given, each with the agency it belongs to. */
  ownerUnits: ReadonlyArray<{ unitId: string; agencyId: string }>;
  /** Agencies named on the matter (they may or may not own units). */
  namedAgencyIds?: readonly string[];
  /** An explicit lead agency; honoured only when it is one of the involved agencies. */
  leadAgencyId?: string | null;
  /** Who coordinates when no unit and no agency is named: the creator's agency (or the current lead). */
  fallbackAgencyId?: string | null;
}

const unique = <T>(xs: Iterable<T>) => [...new Set(xs)];

/**
 * The rule: exactly one owning unit → that unit's job; zero owning units, or several in one agency →
 * that agency's PO coordinates; units or agencies in two or more agencies → a cross-agency case with a
 * lead, co-organisers (other agencies owning units) and related agencies (named, owning none), each
 * with a coordinating PO.
 */
export function triage(input: TriageInput): Triage {
  const owners = dedupeUnits(input.ownerUnits);
  const ownerUnitIds = owners.map((u) => u.unitId);
  const ownerAgencyIds = unique(owners.map((u) => u.agencyId));
  const named = unique(input.namedAgencyIds ?? []);
  const involved = unique([...ownerAgencyIds, ...named]);

  if (involved.length >= 2) {
    const explicit = input.leadAgencyId && involved.includes(input.leadAgencyId) ? input.leadAgencyId : null;
    const lead = explicit ?? ownerAgencyIds[0] ?? named[0]!;
    const co = ownerAgencyIds.filter((a) => a !== lead);
    const related = named.filter((a) => a !== lead && !ownerAgencyIds.includes(a));
    return {
      route: "cross-agency",
      leadAgencyId: lead,
      coOrganiserAgencyIds: co,
      relatedAgencyIds: related,
      coordinatorAgencyIds: [lead, ...co, ...related],
      ownerUnitIds,
      reason: "cross-agency",
    };
  }

  const none = { coOrganiserAgencyIds: [], relatedAgencyIds: [], ownerUnitIds };
  if (owners.length === 1) {
    return {
      route: "unit",
      leadAgencyId: owners[0]!.agencyId,
      coordinatorAgencyIds: [],
      ...none,
      reason: "single-unit",
    };
  }
  if (owners.length >= 2) {
    const agency = owners[0]!.agencyId;
    return {
      route: "po",
      leadAgencyId: agency,
      coordinatorAgencyIds: [agency],
      ...none,
      reason: "units-in-one-agency",
    };
  }
  if (involved.length === 1) {
    return {
      route: "po",
      leadAgencyId: involved[0]!,
      coordinatorAgencyIds: [involved[0]!],
      ...none,
      reason: "no-owner",
    };
  }
  const fallback = input.fallbackAgencyId ?? null;
  return {
    route: "po",
    leadAgencyId: fallback,
    coordinatorAgencyIds: fallback ? [fallback] : [],
    ...none,
    reason: fallback ? "no-owner-creator-agency" : "no-agency",
  };
}

function dedupeUnits(units: TriageInput["ownerUnits"]) {
  const seen = new Set<string>();
  return units.filter((u) => (seen.has(u.unitId) ? false : (seen.add(u.unitId), true)));
}

const rolePreference: Grant["role"][] = ["po", "unit-staff", "supervisor", "pdis"];

/**
 * The agency a person acts for when they raise a matter without naming one: their PO agency first,
 * then their unit's agency, then the agency they supervise, then PDIS's (the Executive Yuan).
 */
export function creatorAgency(grants: readonly Grant[]): string | null {
  for (const role of rolePreference) {
    const g = grants.find((x) => x.role === role);
    if (g) return g.agencyId;
  }
  return null;
}
