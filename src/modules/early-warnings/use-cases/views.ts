import * as repo from "../repository.ts";
import { labelIds, type DetailParts, type Labels, type ListParts } from "../presenter.ts";
import { orgLabels, personLabels } from "../../directory/index.ts";
import type { Queryable } from "../../../platform/db/database.ts";

/** Agencies and evidence of many warnings, in two queries. */
export async function listParts(db: Queryable, rows: repo.WarningRow[]): Promise<ListParts[]> {
  const ids = rows.map((w) => w.id);
  const agencies = await repo.listAgencies(db, ids);
  const evidence = await repo.listEvidence(db, ids);
  return rows.map((warning) => ({
    warning,
    agencies: agencies.filter((a) => a.warningId === warning.id),
    evidence: evidence.filter((e) => e.warningId === warning.id),
  }));
}

/** Everything one warning's detail shows. */
export async function detailParts(
  db: Queryable,
  warning: repo.WarningRow,
  agencies: repo.WarningAgencyRow[],
): Promise<DetailParts> {
  return {
    warning,
    agencies,
    evidence: await repo.listEvidence(db, [warning.id]),
    mergedFrom: await repo.listMergedInto(db, warning.id),
    comments: await repo.listComments(db, warning.id),
    events: await repo.listEvents(db, warning.id),
  };
}

/** Names of the orgs, people and warnings the parts mention. */
export async function labelsFor(db: Queryable, parts: Array<ListParts | DetailParts>): Promise<Labels> {
  const { orgIds, personIds, warningIds } = labelIds(parts);
  const warnings = await repo.findWarnings(db, warningIds);
  return {
    orgs: await orgLabels(db, orgIds),
    people: await personLabels(db, personIds),
    warnings: new Map(warnings.map((w) => [w.id, { id: w.id, title: w.title }])),
  };
}
