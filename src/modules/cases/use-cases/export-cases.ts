import { spreadsheetCsv } from "../../../platform/http/csv.ts";
import { caseStages } from "../tables.ts";
import { presentCaseSummary } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { CasesDeps } from "./deps.ts";
import { labelsFor } from "./get-case.ts";

/**
 * Open data: every collaborative meeting case — its number, title, summary, origin, stage, agencies
 * by role, the dates each stage started and ended with its public artefact, its links (petition,
 * selecting meeting, published transcript) and its release. Seats, attendees, evidence details and
 * internal notes are not part of it.
 */
export async function exportCases(deps: CasesDeps) {
  const { rows, stages, transcriptSlugs } = await repo.allCasesForExport(deps.db);
  const roles = await repo.listRoles(
    deps.db,
    rows.map((c) => c.id),
  );
  const labels = await labelsFor(
    deps.db,
    roles.map((r) => r.agencyId),
    [],
  );
  const slug = (id: string | null) => (id ? (labels.orgs.get(id)?.slug ?? null) : null);
  return rows.map((c) => {
    const mine = roles.filter((r) => r.caseId === c.id);
    const agencies = (kind: string) =>
      mine.filter((r) => r.kind === kind && r.agencyId).map((r) => slug(r.agencyId)!);
    const byStage = new Map(stages.filter((s) => s.caseId === c.id).map((s) => [s.stage, s]));
    return {
      ...presentCaseSummary(c, mine, labels),
      summary: c.summary,
      coOrganisers: agencies("co-organiser"),
      relatedAgencies: agencies("related"),
      stages: caseStages.map((stage) => {
        const s = byStage.get(stage);
        return {
          stage,
          startedAt: s?.startedAt?.toISOString() ?? null,
          completedAt: s?.completedAt?.toISOString() ?? null,
          artefactUrl: s?.artefactUrl ?? null,
        };
      }),
      petition: c.petitionId || c.petitionRef ? { id: c.petitionId, ref: c.petitionRef } : null,
      meetingId: c.meetingId,
      transcript: c.transcriptId ? (transcriptSlugs.get(c.transcriptId) ?? null) : null,
    };
  });
}

/** Column order of the CSV export: one row per case, a started/completed pair per stage. */
export const CASE_EXPORT_COLUMNS = [
  "number",
  "title",
  "summary",
  "origin",
  "urgent",
  "stage",
  "year",
  "selected_at",
  "released_at",
  "lead_agency",
  "co_organisers",
  "related_agencies",
  "petition_id",
  "petition_ref",
  "meeting_id",
  "transcript",
  ...caseStages.flatMap((s) => [`${s}_started_at`, `${s}_completed_at`]),
] as const;

/** The export as CSV (UTF-8 with a BOM, so spreadsheet programs read the Chinese text). */
export function casesCsv(items: Awaited<ReturnType<typeof exportCases>>): string {
  const records = items.map((c) => [
    c.number,
    c.title,
    c.summary,
    c.origin,
    c.urgent,
    c.stage,
    c.year,
    c.selectedAt,
    c.releasedAt ?? "",
    c.leadAgency?.slug ?? "",
    c.coOrganisers.join(";"),
    c.relatedAgencies.join(";"),
    c.petition?.id ?? "",
    c.petition?.ref ?? "",
    c.meetingId ?? "",
    c.transcript ?? "",
    ...c.stages.flatMap((s) => [s.startedAt ?? "", s.completedAt ?? ""]),
  ]);
  return spreadsheetCsv(CASE_EXPORT_COLUMNS, records);
}
