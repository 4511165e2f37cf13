/** Size of an agency: its third-level agencies and its units (including those of its sub-agencies). */
export interface AgencySize {
  subAgencies: number;
  units: number;
}

/** The defaults an authorisation table starts from. */
export interface AuthorisationDefaults {
  maxUnitsWithoutSignoff: number;
  maxAgenciesWithoutSignoff: number;
  maxWorkingGroupSize: number;
}

/**
 * Coordination weight 1–5 from agency size: a larger agency has more units to convene, so its PO
 * gets more default authority and is prompted to have more POs. Steps: ≤3 → 1, ≤10 → 2, ≤25 → 3,
 * ≤50 → 4, larger → 5 (documented in docs/directory.md).
 */
export function coordinationWeight(size: AgencySize): number {
  const n = size.subAgencies + size.units;
  if (n <= 3) return 1;
  if (n <= 10) return 2;
  if (n <= 25) return 3;
  if (n <= 50) return 4;
  return 5;
}

/** Default authorisation table for a weight: how far a PO may convene without supervisor sign-off. */
export function defaultAuthorisation(weight: number): AuthorisationDefaults {
  return {
    maxUnitsWithoutSignoff: weight + 1,
    maxAgenciesWithoutSignoff: Math.max(1, weight - 1),
    maxWorkingGroupSize: 4 + 2 * weight,
  };
}

/** POs suggested for an agency of this size: one per started ten units or sub-agencies, at least one. */
export function suggestedPoCount(size: AgencySize): number {
  return Math.max(1, Math.ceil((size.subAgencies + size.units) / 10));
}
