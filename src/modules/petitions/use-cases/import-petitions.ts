import { writeAudited, type AuditEntry } from "../../audit/index.ts";
import { orgsByRef, type Actor } from "../../directory/index.ts";
import { can } from "../policy.ts";
import * as repo from "../repository.ts";
import { readPetitionFile, type ImportProblem } from "../import-file.ts";
import type { PetitionsDeps } from "./deps.ts";
import { authorise } from "./shared.ts";
import { insertPetition, updateImported } from "./upsert-petition.ts";

/** The summary of an import. */
export interface PetitionImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  qualified: number;
  problems: ImportProblem[];
}

/**
 * Imports petitions from a CSV or JSON file (PDIS, admins, the CLI). Idempotent on the external id:
 * a petition seen before is updated from the newer copy, an identical copy changes nothing. The whole
 * file is checked first — fields, agencies, duplicates — and any problem means nothing is written;
 * otherwise every row is written in one transaction with its audit entries.
 */
export async function importPetitions(
  deps: PetitionsDeps,
  actor: Actor,
  text: string,
): Promise<PetitionImportSummary> {
  authorise(actor, can(actor, { do: "manage" }));
  const { rows, problems } = readPetitionFile(text);
  const summary: PetitionImportSummary = {
    rows: rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    qualified: 0,
    problems,
  };
  // Agencies: resolved once for the whole file.
  const refs = [...new Set(rows.flatMap((r) => r.agencies))];
  const found = refs.length ? await orgsByRef(deps.db, refs) : [];
  const agencyIds = new Map<number, string[]>();
  for (const r of rows) {
    const ids: string[] = [];
    for (const ref of r.agencies) {
      const o = found.find((x) => x.id === ref.toLowerCase() || x.slug === ref);
      if (!o) {
        problems.push({ line: r.line, field: "agencies", message: `no such agency: ${ref}` });
        break;
      }
      if (o.kind === "unit") {
        problems.push({ line: r.line, field: "agencies", message: `${ref} is a unit, not an agency` });
        break;
      }
      if (!ids.includes(o.id)) ids.push(o.id);
    }
    agencyIds.set(r.line, ids);
  }
  // An imported petition keeps its kind: a file saying otherwise is a mistake.
  for (const old of await repo.findPetitionsByExternalIds(
    deps.db,
    rows.map((r) => r.externalId),
  )) {
    const r = rows.find((x) => x.externalId === old.externalId)!;
    if (old.kind !== r.kind)
      problems.push({
        line: r.line,
        field: "kind",
        message: `${r.externalId} was imported as a ${old.kind}`,
      });
  }
  problems.sort((a, b) => a.line - b.line);
  if (problems.length || !rows.length) {
    if (!rows.length && !problems.length) problems.push({ line: 1, message: "the file holds no petitions" });
    return summary;
  }
  const now = deps.clock.now();
  const ctx = { now, publicUrl: deps.publicUrl, actorId: actor.personId };
  return writeAudited(deps.db, actor, async (tx) => {
    const existing = new Map(
      (
        await repo.findByExternalIds(
          tx,
          rows.map((r) => r.externalId),
        )
      ).map((p) => [p.externalId!, p]),
    );
    const audit: AuditEntry[] = [];
    for (const r of rows) {
      const input = { ...r, agencyIds: agencyIds.get(r.line) ?? [] };
      const old = existing.get(r.externalId);
      if (old) {
        const out = await updateImported(tx, ctx, old, input);
        summary[out.outcome]++;
        if (out.qualified) summary.qualified++;
        if (out.outcome === "updated")
          audit.push({
            action: "petition.import-update",
            entityType: "petition",
            entityId: old.id,
            after: { externalId: r.externalId, endorsements: r.endorsements ?? null },
          });
      } else {
        const out = await insertPetition(tx, { ...ctx, source: "import" }, input);
        summary.created++;
        if (out.qualified) summary.qualified++;
        audit.push({
          action: "petition.import",
          entityType: "petition",
          entityId: out.petition.id,
          after: { externalId: r.externalId, title: r.title, state: out.petition.state },
        });
      }
    }
    if (!audit.length)
      audit.push({
        action: "petition.import-unchanged",
        entityType: "petition-import",
        entityId: "-",
        after: summary,
      });
    return { value: summary, audit: audit as [AuditEntry, ...AuditEntry[]] };
  });
}
