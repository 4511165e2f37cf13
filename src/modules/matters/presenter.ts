import type { LocaleText } from "../directory/index.ts";
import type {
  DecisionRow,
  EventRow,
  MatterAgencyRow,
  MatterRow,
  MemberRow,
  OwnerRow,
  RefusalRow,
} from "./repository.ts";

/** Labels of orgs and people, fetched once per response. */
export interface Labels {
  orgs: Map<string, { id: string; slug: string; name: LocaleText }>;
  people: Map<string, { id: string; name: string; nameEn: string | null }>;
}

/** Who is reading: the network sees the working group; the public and outsiders do not. */
export type Audience = "network" | "outside";

/** Everything a matter page shows, as loaded from the repository. */
export interface MatterParts {
  matter: MatterRow;
  owners: OwnerRow[];
  agencies: MatterAgencyRow[];
  refusals: RefusalRow[];
  decisions: DecisionRow[];
  members: MemberRow[];
  events: EventRow[];
}

// History kinds about people in the working group: shown to the network only.
const memberEventKinds = new Set(["member.added", "member.removed", "working-group.dissolved"]);

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

function org(labels: Labels, id: string) {
  const o = labels.orgs.get(id);
  return o ? { id: o.id, slug: o.slug, name: o.name } : { id, slug: "", name: { "zh-TW": "", en: "" } };
}

function person(labels: Labels, id: string | null) {
  if (!id) return null;
  const p = labels.people.get(id);
  return p ? { id: p.id, name: p.name, nameEn: p.nameEn } : null;
}

/** A matter in lists. */
export function presentMatterListItem(m: MatterRow) {
  return {
    id: m.id,
    reference: m.reference,
    title: m.title,
    state: m.state,
    visibility: m.visibility,
    triage: m.triage,
    createdAt: iso(m.createdAt),
    updatedAt: iso(m.updatedAt),
    closedAt: isoOrNull(m.closedAt),
  };
}

/** A refusal with its decisions and contests. */
export function presentRefusal(r: RefusalRow, decisions: DecisionRow[], labels: Labels) {
  return {
    id: r.id,
    unit: org(labels, r.unitId),
    proposedOwnerUnit: org(labels, r.proposedUnitId),
    reason: r.reason,
    state: r.state,
    level: r.level,
    final: r.state === "rejected" && r.level === "minister-office",
    refusedBy: person(labels, r.refusedBy),
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    decisions: decisions
      .filter((d) => d.refusalId === r.id)
      .map((d) => ({
        level: d.level,
        decision: d.decision,
        note: d.note,
        decidedBy: person(labels, d.decidedBy),
        decidedAt: iso(d.decidedAt),
        contest:
          d.contestedAt && d.contestReason
            ? { reason: d.contestReason, by: person(labels, d.contestedBy), at: iso(d.contestedAt) }
            : null,
      })),
  };
}

/** A working-group member. */
export function presentMember(m: MemberRow, labels: Labels) {
  return {
    person: person(labels, m.personId) ?? { id: m.personId, name: "", nameEn: null },
    addedBy: person(labels, m.addedBy),
    addedAt: iso(m.addedAt),
    removedAt: isoOrNull(m.removedAt),
  };
}

/** The ids a matter's presentation needs labels for. */
export function labelIds(parts: MatterParts): { orgIds: string[]; personIds: string[] } {
  const { matter, owners, agencies, refusals, decisions, members, events } = parts;
  const orgIds = [
    ...owners.map((o) => o.unitId),
    ...agencies.map((a) => a.agencyId),
    ...refusals.flatMap((r) => [r.unitId, r.proposedUnitId]),
  ];
  const personIds = [
    matter.createdBy,
    ...refusals.map((r) => r.refusedBy),
    ...decisions.flatMap((d) => [d.decidedBy, d.contestedBy]),
    ...members.flatMap((m) => [m.personId, m.addedBy]),
    ...events.map((e) => e.actorId),
  ].filter((x): x is string => !!x);
  return { orgIds, personIds };
}

/** A matter with owners, agencies, triage, refusals, working group and history. */
export function presentMatter(parts: MatterParts, labels: Labels, audience: Audience) {
  const { matter, owners, agencies, refusals, decisions, members, events } = parts;
  return {
    ...presentMatterListItem(matter),
    description: matter.description,
    createdBy: person(labels, matter.createdBy),
    triagedAt: iso(matter.triagedAt),
    owners: owners.map((o) => ({ ...org(labels, o.unitId), agencyId: o.agencyId, since: iso(o.addedAt) })),
    agencies: agencies.map((a) => ({ ...org(labels, a.agencyId), role: a.role, named: a.named })),
    refusals: refusals.map((r) => presentRefusal(r, decisions, labels)),
    workingGroup: audience === "network" ? members.map((m) => presentMember(m, labels)) : null,
    history: events
      .filter((e) => audience === "network" || !memberEventKinds.has(e.kind))
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        at: iso(e.at),
        actor: person(labels, e.actorId),
        data: e.data,
      })),
  };
}
