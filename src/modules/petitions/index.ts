// Public surface of the petitions module: other modules import only from here.
import type { Queryable } from "../../platform/db/database.ts";
import { fail } from "../../platform/http/errors.ts";
import type { Sweep } from "../../platform/jobs/index.ts";
import { findPetition, listAgencies, petitionsByIds } from "./repository.ts";
import { accessOf } from "./use-cases/shared.ts";
import type { PetitionsDeps } from "./use-cases/deps.ts";
import { sweepPetitionClocks } from "./use-cases/sweep-petition-clocks.ts";

export {
  petitions,
  petitionAgencies,
  petitionClocks,
  petitionEndorsements,
  petitionEscalations,
  petitionEvents,
  petitionFollowers,
  petitionResponses,
  petitionSettings,
  petitionUpdates,
  petitionStates,
} from "./tables.ts";
export type { PetitionKind, PetitionState, PetitionAgencyRole } from "./tables.ts";
export type { PetitionsDeps } from "./use-cases/deps.ts";
export { PETITION_DEFAULTS, calendarDeadline } from "./rules.ts";
export { can as canOnPetition } from "./policy.ts";
export { createPetition } from "./use-cases/create-petition.ts";
export { importPetitions, type PetitionImportSummary } from "./use-cases/import-petitions.ts";
export { CSV_COLUMNS as PETITION_IMPORT_COLUMNS } from "./import-file.ts";
export { recordEndorsements } from "./use-cases/record-endorsements.ts";
export { assignPetition } from "./use-cases/assign-petition.ts";
export { publishPlan } from "./use-cases/publish-plan.ts";
export { saveResponse } from "./use-cases/save-response.ts";
export { publishResponse } from "./use-cases/publish-response.ts";
export { extendResponse } from "./use-cases/extend-response.ts";
export { addUpdate } from "./use-cases/add-update.ts";
export { withdrawPetition } from "./use-cases/withdraw-petition.ts";
export { followPetition } from "./use-cases/follow-petition.ts";
export { getPetition, type PetitionView } from "./use-cases/get-petition.ts";
export { listPetitions } from "./use-cases/list-petitions.ts";
export { exportPetitions, petitionsCsv } from "./use-cases/export-petitions.ts";
export { exportResponses, responsesCsv } from "./use-cases/export-responses.ts";
export { getPetitionSettings, setPetitionSettings } from "./use-cases/petition-settings.ts";
export { sweepPetitionClocks } from "./use-cases/sweep-petition-clocks.ts";
export { petitionRoutes } from "./routes.ts";
export { petitionSearchPart, responseSearchPart, ensurePetitionSearch } from "./search-source.ts";

/** What another module shows of a petition it links to (a vote candidate, a case). Petitions are public. */
export interface PetitionSummary {
  id: string;
  title: string;
  kind: string;
  state: string;
  endorsementCount: number;
  threshold: number;
  url: string;
  /** When its response (a notice's consolidated reply) was published; null before. */
  respondedAt: string | null;
}

/**
 * A petition's summary by id; null when there is none. With `share`, the row stays locked against a
 * concurrent withdrawal until the caller's transaction ends (for a link made in that transaction).
 */
export async function petitionSummary(
  db: Queryable,
  id: string,
  lock?: "share",
): Promise<PetitionSummary | null> {
  const p = await findPetition(db, id, lock ?? false);
  if (!p) return null;
  return {
    id: p.id,
    title: p.title,
    kind: p.kind,
    state: p.state,
    endorsementCount: p.endorsementCount,
    threshold: p.threshold,
    url: `/petitions/${p.id}`,
    respondedAt: p.respondedAt?.toISOString() ?? null,
  };
}

/** Titles of many petitions by id, in one query (for lists that link petitions). */
export async function petitionTitles(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  const rows = await petitionsByIds(db, ids);
  return new Map(rows.map((p) => [p.id, p.title]));
}

/**
 * The petition a vote candidate or a case is to link, by id: a 400 naming the field when there is none
 * or it was withdrawn (a withdrawn entry is a mistake, not a topic). Called inside the linking
 * transaction, it holds the row (`FOR SHARE`) so a withdrawal cannot slip in before the link commits.
 */
export async function linkablePetition(db: Queryable, id: string, field = "petitionId") {
  const p = await petitionSummary(db, id, "share");
  if (!p) throw fail.invalid(field, "no such petition");
  if (p.state === "withdrawn") throw fail.invalid(field, "the petition was withdrawn");
  return p;
}

/** The sweep of petition timers: windows, deadlines and their escalation, no-response warnings. */
export function petitionSweep(deps: Omit<PetitionsDeps, "clock">): Sweep {
  return {
    name: "petitions",
    run: async (now) => sweepPetitionClocks({ ...deps, clock: { now: () => now } }),
  };
}

/** A petition's agencies by role (who may answer or update it, with `canOnPetition`); null when none. */
export async function petitionAccess(db: Queryable, id: string, lock?: "share") {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const p = await findPetition(db, id, lock ?? false);
  if (!p) return null;
  return { id: p.id, title: p.title, state: p.state, access: accessOf(await listAgencies(db, [p.id])) };
}
