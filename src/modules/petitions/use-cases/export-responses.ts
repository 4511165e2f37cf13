import { spreadsheetCsv } from "../../../platform/http/csv.ts";
import { orgLabels } from "../../directory/index.ts";
import { presentResponse, presentSummary, presentUpdate } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { PetitionsDeps } from "./deps.ts";

/**
 * Open data: every published response (a petition's formal response, a notice's consolidated reply) with
 * its petition, the agencies that answered, the deadline it answered and its follow-up updates, oldest
 * response first. Drafts are never in it.
 */
export async function exportResponses(deps: PetitionsDeps) {
  const now = deps.clock.now();
  // Only answered petitions are read: every query is bounded by the published responses.
  const responses = await repo.allPublishedResponses(deps.db);
  const ids = responses.map((r) => r.petitionId);
  const [rows, agencies, clocks, updates] = await Promise.all([
    repo.petitionsByIds(deps.db, ids),
    repo.listAgencies(deps.db, ids),
    repo.listClocks(deps.db, ids),
    repo.updatesOf(deps.db, ids),
  ]);
  const labels = await orgLabels(
    deps.db,
    agencies.map((a) => a.agencyId),
  );
  const byId = new Map(rows.map((p) => [p.id, p]));
  return responses
    .map((r) => {
      const s = presentSummary(byId.get(r.petitionId)!, agencies, clocks, labels, now);
      return {
        ...presentResponse(r, deps.publicUrl),
        petition: {
          id: s.id,
          kind: s.kind,
          externalId: s.externalId,
          title: s.title,
          page: `${deps.publicUrl}/petitions/${s.id}`,
          url: s.url,
          lead: s.agencies.lead,
          co: s.agencies.co,
          responseDueAt: s.kind === "notice" ? s.replyDueAt : s.responseDueAt,
          extension: s.extension,
        },
        updates: updates.filter((u) => u.petitionId === r.petitionId).map(presentUpdate),
      };
    })
    .sort((a, b) => (a.publishedAt ?? "").localeCompare(b.publishedAt ?? ""));
}

/** Column order of the responses CSV. */
export const RESPONSE_COLUMNS = [
  "petition_id",
  "kind",
  "external_id",
  "title",
  "page",
  "url",
  "lead_agency",
  "co_agencies",
  "due_at",
  "extension_reason",
  "published_at",
  "last_updated_at",
  "analysis",
  "suggestion",
  "plan",
  "references",
  "citations",
  "evaluated_by",
  "evaluation_method",
  "updates",
] as const;

/** The responses export as CSV (UTF-8 with a BOM); each follow-up update on its own line of one cell. */
export function responsesCsv(items: Awaited<ReturnType<typeof exportResponses>>): string {
  const records = items.map((r) => [
    r.petition.id,
    r.petition.kind,
    r.petition.externalId ?? "",
    r.petition.title,
    r.petition.page,
    r.petition.url ?? "",
    r.petition.lead?.slug ?? "",
    r.petition.co.map((a) => a.slug).join(";"),
    r.petition.responseDueAt ?? "",
    r.petition.extension?.reason ?? "",
    r.publishedAt ?? "",
    r.lastUpdatedAt,
    r.analysis,
    r.suggestion,
    r.plan,
    r.references.map((x) => (x.url ? `${x.title} <${x.url}>` : x.title)).join("\n"),
    r.citations.map((c) => c.permalink).join("\n"),
    r.evaluatedBy,
    r.evaluationMethod,
    r.updates.map((u) => `${u.at} ${u.body}`).join("\n"),
  ]);
  return spreadsheetCsv(RESPONSE_COLUMNS, records);
}
