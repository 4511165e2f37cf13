import type { TargetKind } from "./tables.ts";

/** One step of the escalation chain. */
export interface EscalationStep {
  kind: "agency-po" | "supervisor" | "pdis" | "minister-office";
  /** The agency whose POs or supervisor are asked (none for PDIS). */
  agencyId: string | null;
}

/**
 * The chain a lapsed clock climbs, one step per lapse: the target's PO → the target agency's supervisor
 * → PDIS → the supervising minister's office. Steps the target already is are skipped: a request to an
 * agency's PO team starts at its supervisor; a request to PDIS goes straight to the minister's office.
 * Outside partners and pools have no agency: their chain starts at the requester's own agency's PO.
 */
export function escalationChain(target: {
  kind: TargetKind;
  agencyId: string | null;
  requesterAgencyId: string | null;
}): EscalationStep[] {
  const tail: EscalationStep[] = [
    { kind: "pdis", agencyId: null },
    { kind: "minister-office", agencyId: target.agencyId ?? target.requesterAgencyId },
  ];
  switch (target.kind) {
    case "unit":
      return [
        { kind: "agency-po", agencyId: target.agencyId },
        { kind: "supervisor", agencyId: target.agencyId },
        ...tail,
      ];
    case "agency-po":
      return [{ kind: "supervisor", agencyId: target.agencyId }, ...tail];
    case "pdis":
      return [tail[1]!];
    case "partner":
    case "pool":
      return target.requesterAgencyId
        ? [{ kind: "agency-po", agencyId: target.requesterAgencyId }, ...tail]
        : tail;
  }
}

/** Default clock lengths in working days: acknowledge in 1, respond in 5. */
export const DEFAULT_CLOCKS = { acknowledgeDays: 1, respondDays: 5 } as const;

/** The earliest running clock, or null when none runs (answered, withdrawn, or the chain is used up). */
export function nextDue(r: {
  state: string;
  acknowledgeDueAt: Date;
  respondDueAt: Date;
  acknowledgedAt: Date | null;
  escalationLevel: number;
  chainLength: number;
  lapsed?: { acknowledge: boolean; respond: boolean };
}): Date | null {
  if (r.state === "answered" || r.state === "withdrawn") return null;
  if (r.escalationLevel >= r.chainLength && r.lapsed && (r.lapsed.acknowledge || r.lapsed.respond))
    return null;
  const clocks = [r.respondDueAt];
  if (!r.acknowledgedAt) clocks.push(r.acknowledgeDueAt);
  return new Date(Math.min(...clocks.map((d) => d.getTime())));
}
