import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { caseError } from "../errors.ts";
import * as repo from "../repository.ts";
import { evidenceAudiences } from "../tables.ts";
import type { CasesDeps } from "./deps.ts";
import { getCase } from "./get-case.ts";
import { loadForOrganiser, parseCaseNumber } from "./shared.ts";

/** Evidence that the outcome reached people: a link, a post or a mail-out, and whom it reached. */
export interface EvidenceInput {
  kind: "link" | "post" | "mail-out";
  audiences: Array<(typeof evidenceAudiences)[number]>;
  url?: string;
  note?: string;
}

/** Records evidence that the outcome reached the proposer, co-signers and/or participants (organisers). */
export async function recordEvidence(deps: CasesDeps, actor: Actor, rawNumber: string, input: EvidenceInput) {
  const number = parseCaseNumber(rawNumber);
  if (!input.url && !input.note) throw fail.invalid("url", "give the address of the evidence, or a note");
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const { c } = await loadForOrganiser(tx, actor, number);
    const row = await repo.insertEvidence(tx, {
      caseId: c.id,
      kind: input.kind,
      audiences: [...new Set(input.audiences)],
      url: input.url ?? null,
      note: input.note ?? null,
      recordedBy: actor.personId,
      at: now,
    });
    await repo.addEvent(tx, {
      caseId: c.id,
      at: now,
      actorId: actor.personId,
      kind: "evidence",
      data: { kind: row.kind, audiences: row.audiences },
    });
    return {
      value: row,
      audit: [{ action: "case.evidence", entityType: "case", entityId: c.id, after: row }],
    };
  });
  return getCase(deps, actor, number);
}

/**
 * Releases a tracked case (解除列管): only when evidence shows the outcome reached the proposer, the
 * co-signers and the participants (409 naming what is missing otherwise).
 */
export async function releaseCase(
  deps: CasesDeps,
  actor: Actor,
  rawNumber: string,
  input: { note?: string },
) {
  const number = parseCaseNumber(rawNumber);
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const { c } = await loadForOrganiser(tx, actor, number);
    if (c.stage !== "tracked") throw caseError("release_not_tracked", { current: c.stage });
    const reached = new Set((await repo.listEvidence(tx, c.id)).flatMap((e) => e.audiences));
    const missing = evidenceAudiences.filter((a) => !reached.has(a));
    if (missing.length)
      throw caseError("release_needs_evidence", { missing: missing.join(", ") }, "evidence");
    await repo.updateStage(tx, c.id, "tracked", { completedAt: now });
    await repo.updateStage(tx, c.id, "released", {
      startedAt: now,
      completedAt: now,
      note: input.note ?? null,
    });
    const row = await repo.updateCase(tx, c.id, { stage: "released", releasedAt: now, updatedAt: now });
    await repo.addEvent(tx, { caseId: c.id, at: now, actorId: actor.personId, kind: "released" });
    return {
      value: row,
      audit: [
        {
          action: "case.release",
          entityType: "case",
          entityId: c.id,
          before: { stage: c.stage },
          after: { stage: "released" },
        },
      ],
    };
  });
  return getCase(deps, actor, number);
}
