import type { LocaleText } from "../directory/index.ts";
import type { CommitmentRow, DecisionRow, RevisionRow, UpdateRow } from "./repository.ts";

type OrgLabel = { id: string; slug: string; name: LocaleText };

/** What the presenter resolves ids with. */
export interface Labels {
  orgs: Map<string, OrgLabel>;
  cases: Map<string, { number: number; title: string }>;
  petitions: Map<string, { title: string }>;
}

const org = (l: Labels, id: string | null) => {
  if (!id) return null;
  const o = l.orgs.get(id);
  return o ? { id: o.id, slug: o.slug, name: o.name } : { id, slug: id, name: { "zh-TW": id, en: id } };
};

/** Overdue as the public sees it: flagged by the sweep and not finished. */
export const isOverdue = (c: CommitmentRow) =>
  !!c.overdueAt && (c.status === "open" || c.status === "in-progress");

/** A status update as everyone may read it (who wrote it is in the audit log, not here). */
export function presentUpdate(u: UpdateRow, labels: Labels) {
  return {
    status: u.status,
    body: u.body,
    evidence: u.evidence,
    agency: org(labels, u.agencyId),
    at: u.at.toISOString(),
  };
}

/** The fields a revision changed, each before and after (an agency as a reference). */
export function revisionChanges<A>(r: RevisionRow, agency: (id: string) => A) {
  return {
    ...(r.textAfter !== null ? { text: { before: r.textBefore ?? "", after: r.textAfter } } : {}),
    ...(r.ownerAgencyAfter !== null
      ? {
          ownerAgency: {
            before: agency(r.ownerAgencyBefore ?? r.ownerAgencyAfter),
            after: agency(r.ownerAgencyAfter),
          },
        }
      : {}),
    ...(r.dueOnAfter !== null ? { dueOn: { before: r.dueOnBefore ?? "", after: r.dueOnAfter } } : {}),
  };
}

/**
 * A revision as everyone may read it: what changed (before and after), the public reason, when, the
 * agency the author spoke for, and the overdue flag it cleared (who revised is in the audit log).
 */
export function presentRevision(r: RevisionRow, labels: Labels) {
  return {
    id: r.id,
    reason: r.reason,
    changes: revisionChanges(r, (id) => org(labels, id)),
    clearedOverdueAt: r.overdueAtBefore?.toISOString() ?? null,
    agency: org(labels, r.agencyId),
    at: r.at.toISOString(),
  };
}

/** The due date first promised: the "before" of the first revision that moved it, else null (never moved). */
export const originalDueOn = (revisions: RevisionRow[]) =>
  revisions.find((r) => r.dueOnBefore !== null)?.dueOnBefore ?? null;

/** A commitment in a list: its text, owner, due date, status, source and overdue flag. */
export function presentCommitmentSummary(c: CommitmentRow, labels: Labels) {
  const kase = c.caseId ? labels.cases.get(c.caseId) : undefined;
  const petition = c.petitionId ? labels.petitions.get(c.petitionId) : undefined;
  return {
    id: c.id,
    text: c.text,
    ownerAgency: org(labels, c.ownerAgencyId),
    dueOn: c.dueOn,
    status: c.status,
    overdue: isOverdue(c),
    overdueAt: c.overdueAt?.toISOString() ?? null,
    droppedReason: c.droppedReason,
    case: kase ? { number: kase.number, title: kase.title, url: `/cases/${kase.number}` } : null,
    meeting: c.meetingId ? { id: c.meetingId, url: `/meetings/${c.meetingId}` } : null,
    petition:
      c.petitionId && petition
        ? { id: c.petitionId, title: petition.title, url: `/petitions/${c.petitionId}` }
        : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    url: `/commitments/${c.id}`,
  };
}

/** A commitment with its dated status history and its public revisions. */
export function presentCommitment(
  c: CommitmentRow,
  updates: UpdateRow[],
  revisions: RevisionRow[],
  labels: Labels,
  can: { update: boolean; revise: boolean; moveDueDate: boolean },
) {
  return {
    ...presentCommitmentSummary(c, labels),
    originalDueOn: originalDueOn(revisions),
    updates: updates.map((u) => presentUpdate(u, labels)),
    revisions: revisions.map((r) => presentRevision(r, labels)),
    can,
  };
}

/** The chair's decision on a case at a meeting. */
export function presentDecision(d: DecisionRow) {
  return {
    meeting: { id: d.meetingId, url: `/meetings/${d.meetingId}` },
    decision: d.decision,
    note: d.note,
    decidedAt: d.decidedAt.toISOString(),
  };
}
