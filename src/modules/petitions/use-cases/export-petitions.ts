import { spreadsheetCsv } from "../../../platform/http/csv.ts";
import { orgLabels } from "../../directory/index.ts";
import { presentResponse, presentSummary } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { PetitionsDeps } from "./deps.ts";

/**
 * Open data: every petition and notice with its published response (never drafts, escalations or
 * warnings), as JSON records or CSV (one row per petition, the response in columns).
 */
export async function exportPetitions(deps: PetitionsDeps) {
  const now = deps.clock.now();
  const rows = await repo.allPetitions(deps.db);
  const ids = rows.map((p) => p.id);
  const [agencies, clocks, responses] = await Promise.all([
    repo.listAgencies(deps.db, ids),
    repo.listClocks(deps.db, ids),
    repo.publishedResponses(deps.db, ids),
  ]);
  const labels = await orgLabels(
    deps.db,
    agencies.map((a) => a.agencyId),
  );
  const byId = new Map(responses.map((r) => [r.petitionId, r]));
  return rows.map((p) => {
    const r = byId.get(p.id);
    return {
      ...presentSummary(p, agencies, clocks, labels, now),
      text: p.body,
      plan: p.planPublishedAt ? { body: p.planBody!, publishedAt: p.planPublishedAt.toISOString() } : null,
      response: r ? presentResponse(r, deps.publicUrl) : null,
    };
  });
}

/** Column order of the CSV export. */
export const EXPORT_COLUMNS = [
  "id",
  "kind",
  "external_id",
  "url",
  "title",
  "text",
  "proposer",
  "state",
  "threshold",
  "endorsements",
  "endorsements_at",
  "opens_at",
  "closes_at",
  "qualified_at",
  "named_agencies",
  "lead_agency",
  "co_agencies",
  "related_agencies",
  "plan_due_at",
  "plan",
  "plan_published_at",
  "response_due_at",
  "original_response_due_at",
  "extension_reason",
  "reply_due_at",
  "responded_at",
  "response_analysis",
  "response_suggestion",
  "response_plan",
  "response_references",
  "response_citations",
  "response_evaluated_by",
  "response_evaluation_method",
  "response_last_updated_at",
] as const;

/** The export as CSV (UTF-8 with a BOM, so spreadsheet programs read the Chinese text). */
export function petitionsCsv(items: Awaited<ReturnType<typeof exportPetitions>>): string {
  const slugs = (xs: Array<{ slug: string }>) => xs.map((x) => x.slug).join(";");
  const records = items.map((p) => [
    p.id,
    p.kind,
    p.externalId ?? "",
    p.url ?? "",
    p.title,
    p.text,
    p.proposer ?? "",
    p.state,
    p.threshold,
    p.endorsementCount,
    p.endorsementCountAt ?? "",
    p.opensAt,
    p.closesAt,
    p.qualifiedAt ?? "",
    slugs(p.agencies.named),
    p.agencies.lead?.slug ?? "",
    slugs(p.agencies.co),
    slugs(p.agencies.related),
    p.planDueAt ?? "",
    p.plan?.body ?? "",
    p.plan?.publishedAt ?? "",
    p.responseDueAt ?? "",
    p.originalResponseDueAt ?? "",
    p.extension?.reason ?? "",
    p.replyDueAt ?? "",
    p.respondedAt ?? "",
    p.response?.analysis ?? "",
    p.response?.suggestion ?? "",
    p.response?.plan ?? "",
    p.response
      ? p.response.references.map((r) => (r.url ? `${r.title} <${r.url}>` : r.title)).join("\n")
      : "",
    p.response ? p.response.citations.map((c) => c.permalink).join("\n") : "",
    p.response?.evaluatedBy ?? "",
    p.response?.evaluationMethod ?? "",
    p.response?.lastUpdatedAt ?? "",
  ]);
  return spreadsheetCsv(EXPORT_COLUMNS, records);
}
