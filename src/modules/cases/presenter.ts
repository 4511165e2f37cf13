import type { LocaleText } from "../directory/index.ts";
import { effectiveLivestream } from "./policy.ts";
import type { CaseRow, EvidenceRow, RoleRow, SeatRow, StageRow } from "./repository.ts";
import { caseStages } from "./tables.ts";
import { SEAT_CAPS } from "./use-cases/deps.ts";

type OrgLabel = { id: string; slug: string; name: LocaleText };
type PersonLabel = { id: string; name: string; nameEn: string | null };

/** Labels the presenter resolves ids with. */
export interface Labels {
  orgs: Map<string, OrgLabel>;
  people: Map<string, PersonLabel>;
}

const org = (l: Labels, id: string | null) => {
  if (!id) return null;
  const o = l.orgs.get(id);
  return o ? { id: o.id, slug: o.slug, name: o.name } : { id, slug: id, name: { "zh-TW": id, en: id } };
};
const person = (l: Labels, id: string | null) => {
  if (!id) return null;
  const p = l.people.get(id);
  return { id, name: p?.name ?? "", nameEn: p?.nameEn ?? null };
};

/** A case in the public index. */
export function presentCaseSummary(c: CaseRow, roles: RoleRow[], labels: Labels) {
  const lead = roles.find((r) => r.kind === "lead");
  return {
    number: c.number,
    title: c.title,
    origin: c.origin,
    urgent: c.urgent,
    stage: c.stage,
    year: c.year,
    selectedAt: c.selectedAt.toISOString(),
    releasedAt: c.releasedAt?.toISOString() ?? null,
    updatedAt: c.updatedAt.toISOString(),
    leadAgency: org(labels, lead?.agencyId ?? null),
    url: `/cases/${c.number}`,
  };
}

/** A case as everyone may read it: stages, roles, seat counts, livestream, links, evidence, trail. */
export function presentCase(
  c: CaseRow,
  parts: {
    stages: StageRow[];
    roles: RoleRow[];
    seats: SeatRow[];
    evidence: EvidenceRow[];
    events: Array<{ at: Date; kind: string; actorId: string | null; data: string | null }>;
    transcript: { slug: string; title: string } | null;
    /** The linked petition, when it is in the product (only `getCase` looks it up). */
    petition?: { title: string; url: string } | null;
    labels: Labels;
    can: { organise: boolean };
  },
) {
  const { labels } = parts;
  const current = caseStages.indexOf(c.stage);
  const live = parts.seats.filter((s) => s.state !== "withdrawn");
  const confirmed = live.filter((s) => s.state === "confirmed");
  const byAgency = new Map<string, number>();
  for (const s of confirmed) {
    if (s.category === "agency-stakeholder" && s.invitingAgencyId)
      byAgency.set(s.invitingAgencyId, (byAgency.get(s.invitingAgencyId) ?? 0) + 1);
  }
  const consents = { none: 0, record: 0, live: 0 };
  for (const s of confirmed) consents[s.livestreamConsent]++;
  return {
    ...presentCaseSummary(c, parts.roles, labels),
    summary: c.summary,
    pendingLead: c.pendingLeadAgencyId
      ? { agency: org(labels, c.pendingLeadAgencyId), reason: "cooldown" as const }
      : null,
    stages: parts.stages.map((s) => {
      const i = caseStages.indexOf(s.stage);
      return {
        stage: s.stage,
        status: (i < current || c.stage === "released" ? "done" : i === current ? "current" : "upcoming") as
          "done" | "current" | "upcoming",
        ownerAgency: org(labels, s.ownerAgencyId),
        ownerPerson: person(labels, s.ownerPersonId),
        dueOn: s.dueOn,
        startedAt: s.startedAt?.toISOString() ?? null,
        completedAt: s.completedAt?.toISOString() ?? null,
        meeting: s.meetingId ? { id: s.meetingId, url: `/meetings/${s.meetingId}` } : null,
        artefactUrl: s.artefactUrl,
        note: s.note,
      };
    }),
    roles: parts.roles.map((r) => ({
      id: r.id,
      kind: r.kind,
      agency: org(labels, r.agencyId),
      person: person(labels, r.personId),
      label: r.label,
      consented: !!r.consentedBy,
    })),
    seats: {
      agencyStakeholders: {
        cap: SEAT_CAPS.perInvitingAgency,
        byAgency: [...byAgency.entries()].map(([id, count]) => ({ agency: org(labels, id), count })),
      },
      coSigners: {
        cap: SEAT_CAPS.coSigners,
        confirmed: confirmed.filter((s) => s.category === "co-signer").length,
        waiting: live.filter((s) => s.category === "co-signer" && s.state === "waiting").length,
      },
      otherStakeholders: {
        cap: SEAT_CAPS.otherStakeholders,
        confirmed: confirmed.filter((s) => s.category === "other-stakeholder").length,
        groups: confirmed.filter((s) => s.category === "other-stakeholder").map((s) => s.groupName ?? ""),
      },
    },
    livestream: {
      requested: c.livestreamRequested,
      effective: effectiveLivestream(
        c.livestreamRequested,
        confirmed.map((s) => s.livestreamConsent),
      ),
      consents,
    },
    links: {
      meeting: c.meetingId ? { id: c.meetingId, url: `/meetings/${c.meetingId}` } : null,
      petition:
        c.petitionId || c.petitionRef
          ? {
              id: c.petitionId,
              ref: c.petitionRef,
              title: parts.petition?.title ?? null,
              url: parts.petition?.url ?? null,
            }
          : null,
      transcript: parts.transcript
        ? {
            slug: parts.transcript.slug,
            title: parts.transcript.title,
            url: `/transcripts/${encodeURIComponent(parts.transcript.slug)}`,
          }
        : null,
    },
    evidence: parts.evidence.map((e) => ({
      kind: e.kind,
      audiences: e.audiences,
      url: e.url,
      note: e.note,
      at: e.at.toISOString(),
    })),
    history: parts.events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      data: e.data ? (JSON.parse(e.data) as unknown) : null,
    })),
    can: parts.can,
  };
}

/** A seat as the organisers see it (names and e-mail are not public). */
export function presentSeat(s: SeatRow, labels: Labels) {
  return {
    id: s.id,
    category: s.category,
    state: s.state,
    invitingAgency: org(labels, s.invitingAgencyId),
    groupName: s.groupName,
    name: s.name,
    email: s.email,
    organisation: s.organisation,
    personId: s.personId,
    livestreamConsent: s.livestreamConsent,
    createdAt: s.createdAt.toISOString(),
  };
}
