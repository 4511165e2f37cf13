import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import * as repo from "../repository.ts";
import type { LivestreamConsent } from "../tables.ts";
import type { CasesDeps } from "./deps.ts";
import { getCase } from "./get-case.ts";
import { linkablePetition } from "../../petitions/index.ts";
import { loadForOrganiser, parseCaseNumber } from "./shared.ts";

/** What organisers may change on a case. */
export interface UpdateCaseInput {
  title?: string;
  summary?: string;
  petitionId?: string | null;
  petitionRef?: string | null;
  transcriptId?: string | null;
  livestreamRequested?: LivestreamConsent;
}

/** Edits a case's text and links: petition (by id and/or address), transcript, requested livestream. */
export async function updateCase(deps: CasesDeps, actor: Actor, rawNumber: string, input: UpdateCaseInput) {
  const number = parseCaseNumber(rawNumber);
  if (input.transcriptId && !(await repo.publishedTranscript(deps.db, input.transcriptId)))
    throw fail.invalid("transcriptId", "no such transcript");
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const { c } = await loadForOrganiser(tx, actor, number);
    if (input.petitionId) await linkablePetition(tx, input.petitionId);
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const row = await repo.updateCase(tx, c.id, { ...patch, updatedAt: now });
    await repo.addEvent(tx, {
      caseId: c.id,
      at: now,
      actorId: actor.personId,
      kind: "updated",
      data: Object.keys(patch),
    });
    return {
      value: row,
      audit: [{ action: "case.update", entityType: "case", entityId: c.id, before: c, after: row }],
    };
  });
  return getCase(deps, actor, number);
}
