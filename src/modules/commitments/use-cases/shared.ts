import type { Queryable } from "../../../platform/db/database.ts";
import { fail } from "../../../platform/http/errors.ts";
import { caseForLink, caseNumbers, caseRefs } from "../../cases/index.ts";
import { orgLabels, type Actor } from "../../directory/index.ts";
import { canOnPetition, petitionAccess, petitionTitles } from "../../petitions/index.ts";
import type { Labels } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { CommitmentRow } from "../repository.ts";

/** Resolves the agencies, cases and petitions of commitments (and updates) to labels. */
export async function labelsFor(
  db: Queryable,
  rows: CommitmentRow[],
  extraOrgIds: Array<string | null> = [],
): Promise<Labels> {
  const caseIds = [...new Set(rows.map((r) => r.caseId).filter((x): x is string => !!x))];
  const petitionIds = [...new Set(rows.map((r) => r.petitionId).filter((x): x is string => !!x))];
  const [orgs, cases, petitions] = await Promise.all([
    orgLabels(
      db,
      [...rows.map((r) => r.ownerAgencyId), ...extraOrgIds].filter((x): x is string => !!x),
    ),
    caseRefs(db, caseIds),
    petitionTitles(db, petitionIds),
  ]);
  return {
    orgs,
    cases: new Map(cases.map((c) => [c.id, { number: c.number, title: c.title }])),
    petitions: new Map([...petitions].map(([id, title]) => [id, { title }])),
  };
}

/** Loads a commitment (404 when there is none), optionally locked. */
export async function loadCommitment(db: Queryable, id: string, forUpdate = false) {
  const c = await repo.findCommitment(db, id, forUpdate);
  if (!c) throw fail.notFound();
  return c;
}

/**
 * Whether the actor answers for every source of a commitment, as recording one requires: the case's
 * organisers (PDIS, admins, its lead and co-organising agencies' POs) for its case, and whoever may
 * post the petition's updates (PDIS, admins, its lead and co-organising agencies' POs) for its petition.
 */
export async function answersForSources(db: Queryable, actor: Actor, c: CommitmentRow): Promise<boolean> {
  if (!actor.personId && !actor.isAdmin) return false;
  if (actor.isAdmin) return true;
  if (c.caseId && !(await organisesCaseOf(db, actor, c))) return false;
  if (c.petitionId) {
    const p = await petitionAccess(db, c.petitionId);
    if (!p || !canOnPetition(actor, { do: "update", petition: p.access })) return false;
  }
  return true;
}

/** Whether the actor organises the case a commitment comes from. */
export async function organisesCaseOf(db: Queryable, actor: Actor, c: CommitmentRow): Promise<boolean> {
  if (!c.caseId || !actor.personId) return false;
  const n = (await caseNumbers(db, [c.caseId])).get(c.caseId);
  return n ? ((await caseForLink(db, actor, n))?.organiser ?? false) : false;
}
