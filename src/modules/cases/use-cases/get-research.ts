import { fail } from "../../../platform/http/errors.ts";
import { recordRead } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { isCaseOrganiser } from "../policy.ts";
import { presentResearch } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { CasesDeps } from "./deps.ts";
import { labelsFor } from "./get-case.ts";
import { loadCase, parseCaseNumber } from "./shared.ts";

/** Loads every research entry of a case and the challenge statement's wordings, newest first. */
export async function researchParts(db: CasesDeps["db"], caseId: string) {
  const [entries, challenge] = await Promise.all([
    repo.listResearch(db, caseId),
    repo.listChallengeVersions(db, caseId),
  ]);
  return { ...entries, challenge };
}

/**
 * The research of a case as its organisers work on it (403 for anyone else): working material —
 * stakeholders' contacts, every interview, the challenge's earlier wordings — is theirs alone.
 */
export async function getResearch(deps: CasesDeps, actor: Actor, rawNumber: string | number) {
  const number = parseCaseNumber(rawNumber);
  const { c, roles } = await loadCase(deps.db, number);
  if (!isCaseOrganiser(actor, roles)) throw fail.forbidden();
  const parts = await researchParts(deps.db, c.id);
  // Contacts and unpublished interviews are restricted: every read of them is on the record.
  await recordRead(deps.db, actor, "case-research", c.id);
  const labels = await labelsFor(
    deps.db,
    [],
    parts.challenge.map((v) => v.authorId),
  );
  return presentResearch(c, parts, labels);
}
