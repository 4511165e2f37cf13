import { spreadsheetCsv } from "../../../platform/http/csv.ts";
import { presentCommitmentSummary } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { CommitmentsDeps } from "./deps.ts";
import { labelsFor } from "./shared.ts";

/**
 * Open data: every commitment — its text, owner agency, due date, status, overdue flag, dropped reason,
 * source (case number, meeting, petition), dates, and its dated status updates with their evidence.
 * Who recorded or updated it is not part of it (that is in the audit log).
 */
export async function exportCommitments(deps: CommitmentsDeps) {
  const rows = await repo.allCommitments(deps.db);
  const updates = await repo.listUpdates(
    deps.db,
    rows.map((r) => r.id),
  );
  const labels = await labelsFor(
    deps.db,
    rows,
    updates.map((u) => u.agencyId),
  );
  return rows.map((c) => {
    const s = presentCommitmentSummary(c, labels);
    const mine = updates.filter((u) => u.commitmentId === c.id);
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
      updates: mine.map((u) => ({
        status: u.status,
        body: u.body,
        evidence: u.evidence,
        agency: u.agencyId ? (labels.orgs.get(u.agencyId)?.slug ?? null) : null,
        at: u.at.toISOString(),
      })),
    };
  });
}

/** Column order of the CSV export: one row per commitment, with its latest update. */
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
] as const;

/** The export as CSV (UTF-8 with a BOM, so spreadsheet programs read the Chinese text). */
export function commitmentsCsv(items: Awaited<ReturnType<typeof exportCommitments>>): string {
  const records = items.map((c) => {
    const last = c.updates[c.updates.length - 1];
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
    ];
  });
  return spreadsheetCsv(COMMITMENT_EXPORT_COLUMNS, records);
}
