import type { Queryable } from "../../../platform/db/database.ts";
import { fail } from "../../../platform/http/errors.ts";
import { recordRead } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { effectiveLivestream, isCaseOrganiser, mayReadHandbook } from "../policy.ts";
import { presentHandbook } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { CaseRow, RoleRow } from "../repository.ts";
import type { CasesDeps } from "./deps.ts";
import { labelsFor } from "./get-case.ts";
import { researchParts } from "./get-research.ts";
import { loadCase, parseCaseNumber } from "./shared.ts";

/** Composes the handbook of a loaded case from its research, roles and collaborative meeting. */
export async function composeHandbook(db: Queryable, c: CaseRow, roles: RoleRow[]) {
  const [parts, stages, seats] = await Promise.all([
    researchParts(db as CasesDeps["db"], c.id),
    repo.listStages(db, c.id),
    repo.listSeats(db, c.id),
  ]);
  const labels = await labelsFor(
    db,
    roles.map((r) => r.agencyId),
    [],
  );
  return presentHandbook(c, {
    ...parts,
    roles,
    meetingStage: stages.find((s) => s.stage === "collaborative-meeting"),
    livestream: effectiveLivestream(
      c.livestreamRequested,
      seats.filter((s) => s.state === "confirmed").map((s) => s.livestreamConsent),
    ),
    labels,
  });
}

/**
 * The issue handbook of a case: public once published; before that a preview for its organisers,
 * and a 404 for everyone else (an unpublished handbook does not exist for the public).
 */
export async function getHandbook(deps: CasesDeps, actor: Actor, rawNumber: string | number) {
  const number = parseCaseNumber(rawNumber);
  const { c, roles } = await loadCase(deps.db, number);
  if (!mayReadHandbook(actor, roles, c.handbookPublishedAt)) throw fail.notFound();
  // The preview of an unpublished handbook is restricted: its reads are on the record.
  if (!c.handbookPublishedAt) await recordRead(deps.db, actor, "case-handbook-preview", c.id);
  const handbook = await composeHandbook(deps.db, c, roles);
  return { ...handbook, can: { organise: c.stage !== "released" && isCaseOrganiser(actor, roles) } };
}
