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

/**
 * The collaborative meeting of a case as the handbook shows it: the stage (its due date) and, when a
 * meeting is linked to it and the meetings module is composed in, that meeting's date, time and place.
 */
export async function collaborativeMeeting(
  deps: Pick<CasesDeps, "meetingOf">,
  db: Queryable,
  caseId: string,
) {
  const stage = (await repo.listStages(db, caseId)).find((s) => s.stage === "collaborative-meeting");
  const meeting = stage?.meetingId && deps.meetingOf ? await deps.meetingOf(db, stage.meetingId) : null;
  return { stage, meeting };
}

/** Composes the handbook of a loaded case from its research, roles and collaborative meeting. */
export async function composeHandbook(
  deps: Pick<CasesDeps, "meetingOf">,
  db: Queryable,
  c: CaseRow,
  roles: RoleRow[],
) {
  const [parts, collaborative, seats] = await Promise.all([
    researchParts(db as CasesDeps["db"], c.id),
    collaborativeMeeting(deps, db, c.id),
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
    meetingStage: collaborative.stage,
    meeting: collaborative.meeting,
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
  const handbook = await composeHandbook(deps, deps.db, c, roles);
  return { ...handbook, can: { organise: c.stage !== "released" && isCaseOrganiser(actor, roles) } };
}
