import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { fail } from "../../../platform/http/errors.ts";
import * as repo from "../repository.ts";
import type { PetitionsDeps } from "./deps.ts";
import { settingsOf } from "./shared.ts";

/** The automatic early warnings' settings (readable by anyone: they are rules, not data about people). */
export async function getPetitionSettings(deps: PetitionsDeps) {
  return settingsOf(deps.db);
}

/**
 * An admin sets the automatic early warnings: the share of the threshold (percent) at which a petition
 * raises one, and the days after qualifying without a response. New values apply to petitions that
 * qualify from then on (a running no-response timer keeps its time).
 */
export async function setPetitionSettings(
  deps: PetitionsDeps,
  actor: Actor,
  input: { warnAtPercent: number; noResponseDays: number },
) {
  if (!actor.personId && !actor.isAdmin) throw fail.unauthenticated();
  if (!actor.isAdmin) throw fail.forbidden();
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const before = await repo.findSettings(tx);
    const row = await repo.upsertSettings(tx, { ...input, updatedAt: now });
    return {
      value: row,
      audit: [
        { action: "petition.settings", entityType: "petition-settings", entityId: "1", before, after: row },
      ],
    };
  });
  return settingsOf(deps.db);
}
