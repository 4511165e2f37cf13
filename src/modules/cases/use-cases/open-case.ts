import type { Tx } from "../../../platform/db/database.ts";
import { taipeiDate } from "../../../platform/calendar/index.ts";
import type { AuditEntry } from "../../audit/index.ts";
import { membersOf } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
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
  /** For the links in notifications. */
  publicUrl: string;
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
  // The lead agency's POs hear of their new case; a cooling-down agency's POs are asked to consent.
  const told = input.leadAgencyId ? await membersOf(tx, input.leadAgencyId, "po") : [];
  await notify(
    tx,
    { now: input.now, publicUrl: input.publicUrl },
    {
      recipientIds: told.map((m) => m.personId),
      actorId: input.actorId,
      kind: pendingLeadAgencyId ? "case.lead-consent" : "case.opened",
      title: pendingLeadAgencyId
        ? {
            "zh-TW": `請確認是否主辦：序號 ${number} ${row.title}`,
            en: `Will your agency lead case ${number}, ${row.title}?`,
          }
        : { "zh-TW": `新協作案件：序號 ${number} ${row.title}`, en: `New case ${number}: ${row.title}` },
      body: pendingLeadAgencyId
        ? {
            "zh-TW": `貴機關過去 ${days} 天內已主辦協作會議；須經貴機關 PO 同意才擔任本案主辦。`,
            en: `Your agency led a collaborative meeting in the last ${days} days; it leads this case only if its PO consents.`,
          }
        : undefined,
      url: `/cases/${number}`,
    },
  );
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
