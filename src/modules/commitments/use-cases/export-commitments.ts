import { spreadsheetCsv } from "../../../platform/http/csv.ts";
import { originalDueOn, presentCommitmentSummary, revisionChanges } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { CommitmentsDeps } from "./deps.ts";
import { labelsFor } from "./shared.ts";

/**
 * Open data: every commitment — its text, owner agency, due date, status, overdue flag, dropped reason,
 * source (case number, meeting, petition), dates, its dated status updates with their evidence, and its
 * revisions (the changed fields before and after, the public reason) with the due date first promised.
 * Who recorded, updated or revised it is not part of it (that is in the audit log).
 */
export async function exportCommitments(deps: CommitmentsDeps) {
  const rows = await repo.allCommitments(deps.db);
  const ids = rows.map((r) => r.id);
  const [updates, revisions] = await Promise.all([
    repo.listUpdates(deps.db, ids),
    repo.listRevisions(deps.db, ids),
  ]);
  const labels = await labelsFor(deps.db, rows, [
    ...updates.map((u) => u.agencyId),
    ...revisions.flatMap((r) => [r.agencyId, r.ownerAgencyBefore, r.ownerAgencyAfter]),
  ]);
  const slug = (id: string | null) => (id ? (labels.orgs.get(id)?.slug ?? id) : null);
  return rows.map((c) => {
    const s = presentCommitmentSummary(c, labels);
    const mine = updates.filter((u) => u.commitmentId === c.id);
    const revised = revisions.filter((r) => r.commitmentId === c.id);
    return {
      id: s.id,
      text: s.text,
      ownerAgency: s.ownerAgency?.slug ?? null,
      dueOn: s.dueOn,
      status: s.status,
      overdue: s.overdue,
      overdueAt: s.overdueAt,
      droppedReason: s.droppedReason,
      caseNumber: s.case?.number ?? null,
      meetingId: c.meetingId,
      petitionId: c.petitionId,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      originalDueOn: originalDueOn(revised),
      updates: mine.map((u) => ({
        status: u.status,
        body: u.body,
        evidence: u.evidence,
        agency: u.agencyId ? (labels.orgs.get(u.agencyId)?.slug ?? null) : null,
        at: u.at.toISOString(),
      })),
      revisions: revised.map((r) => ({
        reason: r.reason,
        changes: revisionChanges(r, slug),
        clearedOverdueAt: r.overdueAtBefore?.toISOString() ?? null,
        agency: slug(r.agencyId),
        at: r.at.toISOString(),
      })),
    };
  });
}

/**
 * Column order of the CSV export: one row per commitment, with its latest update; then its revisions
 * (how many, the latest's date and reason) and the due date first promised (empty when never moved).
 */
export const COMMITMENT_EXPORT_COLUMNS = [
  "id",
  "text",
  "owner_agency",
  "due_on",
  "status",
  "overdue",
  "overdue_at",
  "dropped_reason",
  "case_number",
  "meeting_id",
  "petition_id",
  "created_at",
  "updated_at",
  "updates",
  "latest_update_at",
  "latest_update",
  "latest_evidence",
  "revisions",
  "last_revised_at",
  "last_revision_reason",
  "original_due_on",
] as const;

/** The export as CSV (UTF-8 with a BOM, so spreadsheet programs read the Chinese text). */
export function commitmentsCsv(items: Awaited<ReturnType<typeof exportCommitments>>): string {
  const records = items.map((c) => {
    const last = c.updates[c.updates.length - 1];
    const revised = c.revisions[c.revisions.length - 1];
    return [
      c.id,
      c.text,
      c.ownerAgency ?? "",
      c.dueOn,
      c.status,
      c.overdue ? "true" : "false",
      c.overdueAt ?? "",
      c.droppedReason ?? "",
      c.caseNumber ?? "",
      c.meetingId ?? "",
      c.petitionId ?? "",
      c.createdAt,
      c.updatedAt,
      c.updates.length,
      last?.at ?? "",
      last?.body ?? "",
      last?.evidence.join(" ") ?? "",
      c.revisions.length,
      revised?.at ?? "",
      revised?.reason ?? "",
      c.originalDueOn ?? "",
    ];
  });
  return spreadsheetCsv(COMMITMENT_EXPORT_COLUMNS, records);
}
