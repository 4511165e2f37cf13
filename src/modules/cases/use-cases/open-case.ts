import type { Tx } from "../../../platform/db/database.ts";
import { taipeiDate } from "../../../platform/calendar/index.ts";
import type { AuditEntry } from "../../audit/index.ts";
import * as repo from "../repository.ts";
import { LEAD_COOLDOWN_DAYS } from "./deps.ts";

/** What a new case is made from: a winning candidate, or an agency's self-proposed topic. */
export interface OpenCaseInput {
  title: string;
  summary: string;
  origin: "voted" | "self-proposed";
  urgent: boolean;
  meetingId: string | null;
  candidateId: string | null;
  petitionId: string | null;
  petitionRef: string | null;
  leadAgencyId: string | null;
  /** The lead agency consented to lead (lifts the cool-down). */
  leadConsent: boolean;
  /** Who gave that consent, when known (the agency's PO). */
  leadConsentBy: string | null;
  actorId: string | null;
  now: Date;
  /** Cool-down in days (the meeting's rule; 45 by default). */
  cooldownDays?: number;
}

/**
 * Opens a case inside the caller's transaction: the next case number (序號), its ten stages, the
 * lead agency — unless that agency led a collaborative meeting within the cool-down and has not
 * consented, in which case the case waits for its consent (or another lead). Returns the row and
 * the audit entry for the caller's trail.
 */
export async function openCase(
  tx: Tx,
  input: OpenCaseInput,
): Promise<{ row: repo.CaseRow; audit: AuditEntry }> {
  const days = input.cooldownDays ?? LEAD_COOLDOWN_DAYS;
  let pendingLeadAgencyId: string | null = null;
  let consented = false;
  if (input.leadAgencyId) {
    const since = new Date(input.now.getTime() - days * 24 * 3600 * 1000);
    const cooling = await repo.ledCollaborativeMeetingSince(tx, input.leadAgencyId, since, null);
    if (cooling && !input.leadConsent) pendingLeadAgencyId = input.leadAgencyId;
    consented = cooling && input.leadConsent;
  }
  const number = await repo.nextCaseNumber(tx);
  const row = await repo.insertCase(tx, {
    number,
    title: input.title,
    summary: input.summary,
    origin: input.origin,
    urgent: input.urgent,
    meetingId: input.meetingId,
    candidateId: input.candidateId,
    petitionId: input.petitionId,
    petitionRef: input.petitionRef,
    pendingLeadAgencyId,
    selectedAt: input.now,
    year: Number(taipeiDate(input.now).slice(0, 4)),
    createdBy: input.actorId,
    createdAt: input.now,
    updatedAt: input.now,
  });
  if (input.leadAgencyId && !pendingLeadAgencyId) {
    await repo.insertRole(tx, {
      caseId: row.id,
      kind: "lead",
      agencyId: input.leadAgencyId,
      consentedBy: consented ? input.leadConsentBy : null,
      createdAt: input.now,
    });
  }
  await repo.addEvent(tx, {
    caseId: row.id,
    at: input.now,
    actorId: input.actorId,
    kind: "selected",
    data: { origin: input.origin, meetingId: input.meetingId, pendingLeadAgencyId },
  });
  return {
    row,
    audit: { action: "case.open", entityType: "case", entityId: row.id, after: row },
  };
}
