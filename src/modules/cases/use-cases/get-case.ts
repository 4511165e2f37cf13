import type { Queryable } from "../../../platform/db/database.ts";
import { orgLabels, personLabels, type Actor } from "../../directory/index.ts";
import { isCaseOrganiser } from "../policy.ts";
import { presentCase, type Labels } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { CasesDeps } from "./deps.ts";
import { loadCase, parseCaseNumber } from "./shared.ts";
import { petitionSummary } from "../../petitions/index.ts";

/** Resolves the agency and person ids of cases to labels in two queries. */
export async function labelsFor(
  db: Queryable,
  orgIds: Array<string | null>,
  personIds: Array<string | null>,
): Promise<Labels> {
  return {
    orgs: await orgLabels(
      db,
      orgIds.filter((x): x is string => !!x),
    ),
    people: await personLabels(
      db,
      personIds.filter((x): x is string => !!x),
    ),
  };
}

/** A case by number, public: its stages, roles, seat counts, livestream, links, evidence and trail. */
export async function getCase(deps: CasesDeps, actor: Actor, rawNumber: string | number) {
  const number = parseCaseNumber(rawNumber);
  const { c, roles } = await loadCase(deps.db, number);
  const [stages, seats, evidence, events] = await Promise.all([
    repo.listStages(deps.db, c.id),
    repo.listSeats(deps.db, c.id),
    repo.listEvidence(deps.db, c.id),
    repo.listEvents(deps.db, c.id),
  ]);
  const t = c.transcriptId ? await repo.publishedTranscript(deps.db, c.transcriptId) : null;
  const petition = c.petitionId ? await petitionSummary(deps.db, c.petitionId) : null;
  const labels = await labelsFor(
    deps.db,
    [
      ...roles.map((r) => r.agencyId),
      ...stages.map((s) => s.ownerAgencyId),
      ...seats.map((s) => s.invitingAgencyId),
      c.pendingLeadAgencyId,
    ],
    [...roles.map((r) => r.personId), ...stages.map((s) => s.ownerPersonId)],
  );
  const commitments = (await deps.commitmentsOf?.(c.id)) ?? { items: [], decision: null };
  const view = presentCase(c, {
    stages,
    roles,
    seats,
    evidence,
    events,
    transcript: t?.published ? t : null,
    petition,
    labels,
    can: { organise: c.stage !== "released" && isCaseOrganiser(actor, roles) },
  });
  return { ...view, commitments };
}
