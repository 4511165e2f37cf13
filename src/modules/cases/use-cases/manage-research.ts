import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { caseError } from "../errors.ts";
import { makesCycle } from "../policy.ts";
import { researchAudit } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { ResearchKind } from "../repository.ts";
import type { CasesDeps } from "./deps.ts";
import { getResearch } from "./get-research.ts";
import { loadForOrganiser, parseCaseNumber } from "./shared.ts";
import type { Tx } from "../../../platform/db/database.ts";

/** The fields of a research entry, as the kind's schema validated them. */
export type ResearchInput = Record<string, unknown> & { position?: number };

/** Checks what the schema cannot: links to the case's own stakeholder map and mind-map nodes. */
async function checkLinks(tx: Tx, kind: ResearchKind, caseId: string, input: ResearchInput, id?: string) {
  if (kind === "analysis" && Array.isArray(input.stakeholderIds)) {
    const ids = [...new Set(input.stakeholderIds as string[])];
    const known = await repo.stakeholdersOfCase(tx, caseId, ids);
    if (known.length !== ids.length)
      throw fail.invalid("stakeholderIds", "must be entries of this case's stakeholder map");
    input.stakeholderIds = ids;
  }
  if (kind === "mind-map" && typeof input.parentId === "string") {
    if (!(await repo.findResearch(tx, "mind-map", caseId, input.parentId)))
      throw fail.invalid("parentId", "must be a node of this case's mind map");
    if (id && makesCycle(await repo.mindMapParents(tx, caseId), id, input.parentId))
      throw caseError("mind_map_cycle", {}, "parentId");
  }
}

/** Adds an entry to one of the case's research artefacts (organisers); appended unless placed. */
export async function addResearchEntry(
  deps: CasesDeps,
  actor: Actor,
  rawNumber: string,
  kind: ResearchKind,
  input: ResearchInput,
) {
  const number = parseCaseNumber(rawNumber);
  const now = deps.clock.now();
  const row = await writeAudited(deps.db, actor, async (tx) => {
    const { c } = await loadForOrganiser(tx, actor, number);
    await checkLinks(tx, kind, c.id, input);
    const position =
      input.position ??
      (await repo.nextResearchPosition(
        tx,
        kind,
        c.id,
        (input.parentId as string | null | undefined) ?? null,
      ));
    const row = await repo.insertResearch(tx, kind, {
      ...input,
      caseId: c.id,
      position,
      createdAt: now,
      updatedAt: now,
    });
    return {
      value: row,
      audit: [
        {
          action: `case.research.${kind}.add`,
          entityType: "case",
          entityId: c.id,
          after: researchAudit(kind, row),
        },
      ],
    };
  });
  return { id: row.id, research: await getResearch(deps, actor, number) };
}

/** Changes an entry of a research artefact (organisers); 404 when the case has no such entry. */
export async function updateResearchEntry(
  deps: CasesDeps,
  actor: Actor,
  rawNumber: string,
  kind: ResearchKind,
  id: string,
  input: ResearchInput,
) {
  const number = parseCaseNumber(rawNumber);
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const { c } = await loadForOrganiser(tx, actor, number);
    const before = await repo.findResearch(tx, kind, c.id, id);
    if (!before) throw fail.notFound();
    await checkLinks(tx, kind, c.id, input, id);
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const after = await repo.updateResearch(tx, kind, c.id, id, { ...patch, updatedAt: now });
    return {
      value: after,
      audit: [
        {
          action: `case.research.${kind}.update`,
          entityType: "case",
          entityId: c.id,
          before: researchAudit(kind, before),
          after: { ...(researchAudit(kind, after) as object), changed: Object.keys(patch) },
        },
      ],
    };
  });
  return getResearch(deps, actor, number);
}

/**
 * Removes an entry of a research artefact (organisers). A mind-map node takes its branch with it; a
 * stakeholder-map entry is unlinked from the analysis rows that named it.
 */
export async function removeResearchEntry(
  deps: CasesDeps,
  actor: Actor,
  rawNumber: string,
  kind: ResearchKind,
  id: string,
) {
  const number = parseCaseNumber(rawNumber);
  await writeAudited(deps.db, actor, async (tx) => {
    const { c } = await loadForOrganiser(tx, actor, number);
    const before = await repo.findResearch(tx, kind, c.id, id);
    if (!before) throw fail.notFound();
    if (kind === "stakeholders") await repo.unlinkStakeholder(tx, c.id, id);
    await repo.deleteResearch(tx, kind, c.id, id);
    return {
      value: null,
      audit: [
        {
          action: `case.research.${kind}.remove`,
          entityType: "case",
          entityId: c.id,
          before: researchAudit(kind, before),
        },
      ],
    };
  });
  return getResearch(deps, actor, number);
}
