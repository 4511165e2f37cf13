import * as repo from "../repository.ts";
import { presentAuthorisation } from "../presenter.ts";
import { can } from "../policy.ts";
import type { Actor } from "../actor.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { LocaleText } from "../tables.ts";
import type { DirectoryDeps } from "./deps.ts";
import { agencyOrFail } from "./agency-of.ts";

/** The agency's supervisor sets its authorisation table (授權表), overriding the size-based defaults. */
export async function setAuthorisationTable(
  deps: DirectoryDeps,
  actor: Actor,
  agencyIdOrSlug: string,
  input: {
    maxUnitsWithoutSignoff: number;
    maxAgenciesWithoutSignoff: number;
    maxWorkingGroupSize: number;
    notes?: LocaleText;
  },
) {
  const agency = await agencyOrFail(deps.db, agencyIdOrSlug);
  if (!can(actor, { do: "set-authorisation", agencyId: agency.id })) throw fail.forbidden();
  const before = await repo.findAuthorisation(deps.db, agency.id);
  const row = await writeAudited(deps.db, actor, async (tx) => {
    const saved = await repo.upsertAuthorisation(tx, {
      agencyId: agency.id,
      maxUnitsWithoutSignoff: input.maxUnitsWithoutSignoff,
      maxAgenciesWithoutSignoff: input.maxAgenciesWithoutSignoff,
      maxWorkingGroupSize: input.maxWorkingGroupSize,
      notes: input.notes ?? null,
      updatedBy: actor.personId,
    });
    return {
      value: saved,
      audit: [{ action: "authorisation.set", entityType: "org", entityId: agency.id, before, after: saved }],
    };
  });
  return presentAuthorisation(row, { subAgencies: 0, units: 0 });
}
