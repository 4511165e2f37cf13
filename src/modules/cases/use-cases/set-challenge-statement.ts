import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import * as repo from "../repository.ts";
import type { CasesDeps } from "./deps.ts";
import { getResearch } from "./get-research.ts";
import { loadForOrganiser, parseCaseNumber } from "./shared.ts";

/**
 * Saves a new wording of the challenge statement (organisers). Every wording is kept, so the history
 * shows how the question was sharpened; the handbook shows only the newest. Saving the text it
 * already has adds no version.
 */
export async function setChallengeStatement(
  deps: CasesDeps,
  actor: Actor,
  rawNumber: string,
  input: { text: string },
) {
  const number = parseCaseNumber(rawNumber);
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const { c } = await loadForOrganiser(tx, actor, number);
    const [current] = await repo.listChallengeVersions(tx, c.id);
    const row =
      current?.text === input.text
        ? current
        : await repo.insertChallengeVersion(tx, {
            caseId: c.id,
            text: input.text,
            authorId: actor.personId,
            at: now,
          });
    return {
      value: row,
      audit: [
        {
          action: "case.research.challenge",
          entityType: "case",
          entityId: c.id,
          // The wording stays in its versions (earlier ones are working notes, kept from the log).
          before: current ? { version: current.id } : null,
          after: { version: row.id },
        },
      ],
    };
  });
  return getResearch(deps, actor, number);
}
