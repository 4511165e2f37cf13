import * as repo from "../repository.ts";
import { presentRoster } from "../presenter.ts";
import { can } from "../policy.ts";
import type { Actor } from "../actor.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { DirectoryDeps } from "./deps.ts";
import { agencyOrFail } from "./agency-of.ts";

/**
 * Files the agency's PO list for a year: a snapshot of its current POs. Filing again for the same
 * year adds a newer filing; earlier ones stay as history.
 */
export async function fileRoster(
  deps: DirectoryDeps,
  actor: Actor,
  agencyIdOrSlug: string,
  input: { year: number; note?: string },
) {
  const agency = await agencyOrFail(deps.db, agencyIdOrSlug);
  if (!can(actor, { do: "file-roster", agencyId: agency.id })) throw fail.forbidden();
  const pos = await repo.listMemberships(deps.db, { orgId: agency.id, role: "po" });
  const row = await writeAudited(deps.db, actor, async (tx) => {
    const roster = await repo.insertRoster(tx, {
      agencyId: agency.id,
      year: input.year,
      filedBy: actor.personId,
      note: input.note ?? null,
      entries: pos.map((p) => ({ personId: p.personId, name: p.personName, tags: p.tags })),
      filedAt: deps.clock.now(),
    });
    return {
      value: roster,
      audit: [
        {
          action: "roster.file",
          entityType: "roster",
          entityId: roster.id,
          subjectIds: pos.map((p) => p.personId),
          after: roster,
        },
      ],
    };
  });
  return presentRoster(row);
}

/** The roster history of an agency, newest first. */
export async function listRosters(deps: DirectoryDeps, agencyIdOrSlug: string) {
  const agency = await agencyOrFail(deps.db, agencyIdOrSlug);
  return (await repo.listRosters(deps.db, agency.id)).map(presentRoster);
}
