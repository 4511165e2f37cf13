import type { Actor } from "../directory/index.ts";
import { ownsGoal } from "./policy.ts";
import type { ChecklistRow, GoalNoteRow, GoalRow, ReviewRequestRow, ReviewRow } from "./repository.ts";
import { checklistItems } from "./tables.ts";

type LocaleText = { "zh-TW": string; en: string };
type PersonLabel = { id: string; name: string; nameEn: string | null };
type OrgLabel = { id: string; slug: string; name: LocaleText };
/** Labels of the people and orgs a view mentions. */
export interface Labels {
  people: Map<string, PersonLabel>;
  orgs: Map<string, OrgLabel>;
}

const person = (l: Labels, id: string | null) => {
  const p = id ? l.people.get(id) : undefined;
  return p ? { id: p.id, name: p.name, nameEn: p.nameEn } : null;
};
const org = (l: Labels, id: string | null) => {
  const o = id ? l.orgs.get(id) : undefined;
  return o ? { id: o.id, slug: o.slug, name: o.name } : null;
};

/** A goal in a list, as the API shows it. */
export function presentGoalSummary(actor: Actor, g: GoalRow, labels: Labels) {
  return {
    id: g.id,
    url: `/goals/${g.id}`,
    owner: {
      kind: g.ownerPersonId ? ("person" as const) : ("team" as const),
      person: person(labels, g.ownerPersonId),
      team: org(labels, g.ownerOrgId),
    },
    title: g.title,
    description: g.description,
    targetOn: g.targetOn,
    status: g.status,
    visibility: g.visibility,
    visibleTo: g.visibility === "shared" ? ("network" as const) : ("owners" as const),
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
    can: { edit: ownsGoal(actor, g) },
  };
}

/** A goal with its dated progress notes, oldest first. */
export function presentGoal(actor: Actor, g: GoalRow, labels: Labels, notes: GoalNoteRow[]) {
  return {
    ...presentGoalSummary(actor, g, labels),
    notes: notes.map((n) => ({
      at: n.at.toISOString(),
      author: person(labels, n.authorId),
      body: n.body,
      status: n.status,
    })),
  };
}

/** A case's checklist, every item listed (not-yet-ticked ones as not done), with its reviews. */
export function presentChecklist(
  c: { number: number; title: string },
  rows: ChecklistRow[],
  requests: ReviewRequestRow[],
  reviews: ReviewRow[],
  labels: Labels,
  can: { edit: boolean; reviewFor: string[] },
) {
  const byItem = new Map(rows.map((r) => [r.item, r]));
  return {
    case: { number: c.number, title: c.title, url: `/cases/${c.number}` },
    visibleTo: "public" as const,
    items: checklistItems.map((item) => {
      const r = byItem.get(item);
      return {
        item,
        done: r?.done ?? false,
        note: r?.note ?? null,
        evidenceUrl: r?.evidenceUrl ?? null,
        updatedBy: person(labels, r?.updatedBy ?? null),
        updatedAt: r?.updatedAt.toISOString() ?? null,
      };
    }),
    reviews: requests.map((q) => ({
      agency: org(labels, q.reviewerAgencyId),
      note: q.note,
      requestedBy: person(labels, q.requestedBy),
      requestedAt: q.requestedAt.toISOString(),
      items: checklistItems.flatMap((item) => {
        const r = reviews.find((x) => x.requestId === q.id && x.item === item);
        return r
          ? [
              {
                item,
                verdict: r.verdict,
                comment: r.comment,
                reviewer: person(labels, r.reviewerId),
                at: r.at.toISOString(),
              },
            ]
          : [];
      }),
    })),
    can,
  };
}
