import type { Queryable } from "../../../platform/db/database.ts";
import { caseRefs, trackedCases } from "../../cases/index.ts";
import { orgLabels } from "../../directory/index.ts";
import { presentDecision } from "../presenter.ts";
import * as repo from "../repository.ts";

/**
 * The monthly tracking list (列管清單) of a meeting, by case number: every tracked case, and every case
 * the chair decided on at this meeting (so a past meeting keeps its list after a release). For each:
 * the lead agency, the latest status update on the case's commitments, its unfinished and overdue
 * commitments, and the chair's decision at this meeting (continue / release / noted) once recorded.
 */
export async function trackingList(db: Queryable, meetingId: string) {
  const decisions = await repo.decisionsOfMeeting(db, meetingId);
  const tracked = await trackedCases(db);
  const ids = [...new Set([...tracked.map((c) => c.id), ...decisions.map((d) => d.caseId)])];
  const [refs, standing, latest] = await Promise.all([
    caseRefs(db, ids),
    repo.caseStanding(db, ids),
    repo.latestUpdateByCase(db, ids),
  ]);
  const orgs = await orgLabels(db, [
    ...refs.map((r) => r.leadAgencyId).filter((x): x is string => !!x),
    ...latest.map((l) => l.update.agencyId ?? l.ownerAgencyId),
  ]);
  const org = (id: string | null) => {
    const o = id ? orgs.get(id) : undefined;
    return o ? { id: o.id, slug: o.slug, name: o.name } : null;
  };
  return refs.map((r) => {
    const s = standing.find((x) => x.caseId === r.id);
    const l = latest.find((x) => x.caseId === r.id);
    const d = decisions.find((x) => x.caseId === r.id);
    return {
      number: r.number,
      title: r.title,
      stage: r.stage,
      url: `/cases/${r.number}`,
      leadAgency: org(r.leadAgencyId),
      latestUpdate: l
        ? {
            commitment: { id: l.commitmentId, text: l.commitmentText, url: `/commitments/${l.commitmentId}` },
            status: l.update.status,
            body: l.update.body,
            agency: org(l.update.agencyId ?? l.ownerAgencyId),
            at: l.update.at.toISOString(),
          }
        : null,
      commitments: { total: s?.total ?? 0, open: s?.open ?? 0, overdue: s?.overdue ?? 0 },
      decision: d ? presentDecision(d) : null,
    };
  });
}
