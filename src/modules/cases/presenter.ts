import type { LocaleText } from "../directory/index.ts";
import { effectiveLivestream } from "./policy.ts";
import type {
  AnalysisRow,
  CaseRow,
  ChallengeRow,
  EvidenceRow,
  InterviewRow,
  MindMapNodeRow,
  RoleRow,
  SeatRow,
  StageRow,
  StakeholderRow,
} from "./repository.ts";
import { caseStages } from "./tables.ts";
import { SEAT_CAPS, type CaseMeeting } from "./use-cases/deps.ts";

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
    petition?: { title: string; url: string; respondedAt: string | null } | null;
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
      // The petition's published response, where the trail goes on after the meeting.
      response: parts.petition?.respondedAt
        ? { publishedAt: parts.petition.respondedAt, url: `${parts.petition.url}#response-title` }
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
    handbook: {
      url: `/cases/${c.number}/handbook`,
      publishedAt: c.handbookPublishedAt?.toISOString() ?? null,
    },
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

/** The research entries of a case, as the repository lists them. */
export interface ResearchParts {
  analysis: AnalysisRow[];
  stakeholders: StakeholderRow[];
  interviews: InterviewRow[];
  mindMap: MindMapNodeRow[];
  /** Newest first. */
  challenge: ChallengeRow[];
}

type OutlineNode = { id: string; label: string; position: number; children: OutlineNode[] };

/** The mind map's rows as a nested outline, siblings in order. */
export function mindMapTree(rows: MindMapNodeRow[]): OutlineNode[] {
  const byParent = new Map<string | null, MindMapNodeRow[]>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const build = (parent: string | null): OutlineNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime())
      .map((r) => ({ id: r.id, label: r.label, position: r.position, children: build(r.id) }));
  return build(null);
}

const analysisRow = (r: AnalysisRow) => ({
  id: r.id,
  position: r.position,
  kind: r.kind,
  claim: r.claim,
  aspect: r.aspect,
  stakeholders: r.stakeholders,
  stakeholderIds: r.stakeholderIds,
  currentResponse: r.currentResponse,
  possibleResponse: r.possibleResponse,
  evidence: r.evidence,
});
const publicStakeholder = (s: StakeholderRow) => ({
  id: s.id,
  position: s.position,
  name: s.name,
  kind: s.kind,
  interest: s.interest,
  influence: s.influence,
});
const publicInterview = (i: InterviewRow) => ({
  id: i.id,
  position: i.position,
  heldOn: i.heldOn,
  interviewee: i.interviewee,
  interviewer: i.interviewer,
  summary: i.summary,
});
const challengeOf = (versions: ChallengeRow[]) =>
  versions[0]
    ? { text: versions[0].text, updatedAt: versions[0].at.toISOString(), versions: versions.length }
    : null;

/**
 * What the audit log keeps of a research entry: its public fields only. Admins read the audit log, so
 * a stakeholder's contact and an interview without consent to publish (who, and what was said) stay
 * in the entry itself; the log notes that they are there.
 */
export function researchAudit(kind: string, row: unknown) {
  if (kind === "stakeholders") {
    const s = row as StakeholderRow;
    return { ...publicStakeholder(s), contactGiven: !!s.contact };
  }
  if (kind === "interviews") {
    const i = row as InterviewRow;
    return i.consentToPublish
      ? { ...publicInterview(i), consentToPublish: true }
      : { id: i.id, position: i.position, heldOn: i.heldOn, consentToPublish: false };
  }
  return row;
}

/** The research as its organisers work on it: every entry and field, and the challenge's history. */
export function presentResearch(c: CaseRow, parts: ResearchParts, labels: Labels) {
  return {
    number: c.number,
    title: c.title,
    challenge: challengeOf(parts.challenge),
    challengeHistory: parts.challenge.map((v) => ({
      text: v.text,
      at: v.at.toISOString(),
      author: person(labels, v.authorId),
    })),
    analysis: parts.analysis.map((r) => ({ ...analysisRow(r), updatedAt: r.updatedAt.toISOString() })),
    stakeholders: parts.stakeholders.map((s) => ({
      ...publicStakeholder(s),
      contact: s.contact,
      updatedAt: s.updatedAt.toISOString(),
    })),
    interviews: parts.interviews.map((i) => ({
      ...publicInterview(i),
      consentToPublish: i.consentToPublish,
      updatedAt: i.updatedAt.toISOString(),
    })),
    mindMap: mindMapTree(parts.mindMap),
    handbook: {
      publishedAt: c.handbookPublishedAt?.toISOString() ?? null,
      url: `/cases/${c.number}/handbook`,
    },
  };
}

/**
 * The issue handbook: the public parts of the research only. Stakeholders' contacts, interviews
 * without consent to publish and earlier wordings of the challenge never leave through here.
 */
export function presentHandbook(
  c: CaseRow,
  parts: ResearchParts & {
    roles: RoleRow[];
    meetingStage: StageRow | undefined;
    /** The meeting linked to the collaborative-meeting stage, when the meetings module provides it. */
    meeting: CaseMeeting | null;
    livestream: LivestreamLevel;
    labels: Labels;
  },
) {
  const times = [
    c.updatedAt,
    ...parts.analysis.map((r) => r.updatedAt),
    ...parts.stakeholders.map((r) => r.updatedAt),
    ...parts.interviews.filter((i) => i.consentToPublish).map((r) => r.updatedAt),
    ...parts.mindMap.map((r) => r.updatedAt),
    ...parts.challenge.slice(0, 1).map((r) => r.at),
  ];
  const lead = parts.roles.find((r) => r.kind === "lead");
  return {
    number: c.number,
    title: c.title,
    summary: c.summary,
    url: `/cases/${c.number}/handbook`,
    caseUrl: `/cases/${c.number}`,
    publishedAt: c.handbookPublishedAt?.toISOString() ?? null,
    updatedAt: new Date(Math.max(...times.map((d) => d.getTime()))).toISOString(),
    leadAgency: org(parts.labels, lead?.agencyId ?? null),
    coOrganisers: parts.roles
      .filter((r) => r.kind === "co-organiser")
      .map((r) => org(parts.labels, r.agencyId)),
    challenge: challengeOf(parts.challenge),
    analysis: parts.analysis.map(analysisRow),
    stakeholders: parts.stakeholders.map(publicStakeholder),
    interviews: parts.interviews.filter((i) => i.consentToPublish).map(publicInterview),
    mindMap: mindMapTree(parts.mindMap),
    meeting: {
      // The meeting's own date when there is one; the stage's due date otherwise.
      date: parts.meeting?.date ?? parts.meetingStage?.dueOn ?? null,
      dueOn: parts.meetingStage?.dueOn ?? null,
      meeting: parts.meetingStage?.meetingId
        ? {
            id: parts.meetingStage.meetingId,
            url: `/meetings/${parts.meetingStage.meetingId}`,
            title: parts.meeting?.title ?? null,
            date: parts.meeting?.date ?? null,
            startTime: parts.meeting?.startTime ?? null,
            location: parts.meeting?.location ?? null,
          }
        : null,
      livestream: parts.livestream,
    },
  };
}
type LivestreamLevel = "none" | "record" | "live";

const timingWarnings = {
  noDate: {
    "zh-TW": "協作會議還沒有日期，無法確認議題手冊是否在會前 2–3 天發布。",
    en: "The collaborative meeting has no date yet, so it is not known whether the handbook came 2–3 days before it.",
  },
  early: {
    "zh-TW": "議題手冊在協作會議前 {days} 天發布，比建議的 2–3 天早；會議前請再檢查內容是否仍正確。",
    en: "The handbook was published {days} days before the collaborative meeting, earlier than the 2–3 days asked for; check it is still right before the meeting.",
  },
  late: {
    "zh-TW": "議題手冊在協作會議前 {days} 天發布，少於建議的 2 天，參與者可能來不及閱讀。",
    en: "The handbook was published {days} days before the collaborative meeting, less than the 2 days asked for; participants may not have time to read it.",
  },
} as const;

/** The warning that goes with a handbook published outside 2–3 days before the meeting, or null. */
export function handbookTimingWarning(
  timing: { daysBefore: number | null; onTime: boolean | null },
  locale: "zh-TW" | "en",
): string | null {
  if (timing.onTime) return null;
  if (timing.daysBefore === null) return timingWarnings.noDate[locale];
  const which = timing.daysBefore > 3 ? "early" : "late";
  return timingWarnings[which][locale].replace("{days}", String(timing.daysBefore));
}
