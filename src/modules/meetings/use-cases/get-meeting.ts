import { startOfTaipeiDay } from "../../../platform/calendar/index.ts";
import { recordRead } from "../../audit/index.ts";
import { orgLabels, personLabels, type Actor } from "../../directory/index.ts";
import { caseNumbers, casesOfCandidates, selfProposedBetween } from "../../cases/index.ts";
import { trackingList } from "../../commitments/index.ts";
import { checkCriteria, petitionStanding, DEFAULT_THRESHOLD } from "../criteria.ts";
import * as repo from "../repository.ts";
import { votesPerVoter, type Tally } from "../tally.ts";
import type { MeetingsDeps } from "./deps.ts";
import { inVote, loadMeeting, runsNetworkMeetings } from "./shared.ts";

type OrgLabel = { id: string; slug: string; name: { "zh-TW": string; en: string } };

/** A candidate as shown: the criteria as checked; the internal note only to the organisers. */
export function presentCandidate(
  c: repo.CandidateRow,
  ctx: { orgs: Map<string, OrgLabel>; organiser: boolean; caseNumber: number | null },
) {
  const org = (id: string | null) => (id ? (ctx.orgs.get(id) ?? null) : null);
  const threshold = c.threshold ?? DEFAULT_THRESHOLD;
  return {
    id: c.id,
    source: c.source,
    title: c.title,
    summary: c.summary,
    petition:
      c.source === "petition" || c.petitionId || c.petitionRef
        ? {
            id: c.petitionId,
            ref: c.petitionRef,
            endorsements: c.endorsements,
            threshold,
            standing: petitionStanding(c.endorsements, threshold),
          }
        : null,
    proposingAgency: org(c.proposingAgencyId),
    proposedLeadAgency: org(c.proposedLeadAgencyId),
    leadConsent: c.leadConsent,
    criteria: checkCriteria(
      {
        source: c.source,
        endorsements: c.endorsements,
        threshold,
        proposedLeadAgencyId: c.proposedLeadAgencyId,
      },
      c.criteria,
    ),
    urgent: c.urgent,
    state: c.state,
    carryCount: c.carryCount,
    carriedFromId: c.carriedFromId,
    case: ctx.caseNumber ? { number: ctx.caseNumber, url: `/cases/${ctx.caseNumber}` } : null,
    ...(ctx.organiser ? { internalNote: c.internalNote } : {}),
  };
}

/**
 * A meeting with its agenda (tracked cases by number, self-proposed cases, candidates, the vote,
 * other business), its ballot's state and, once closed, its tally. Public; candidates' internal notes
 * and the turnout before closing only for the organisers; who voted what only when the vote is named.
 */
export async function getMeeting(deps: MeetingsDeps, actor: Actor, id: string) {
  const m = await loadMeeting(deps.db, id);
  const organiser = runsNetworkMeetings(actor);
  const candidates = await repo.listCandidates(deps.db, m.id);
  const voting = candidates.filter((c) => inVote(c) && c.state !== "carried");
  const caseRows = await casesOfCandidates(
    deps.db,
    candidates.map((c) => c.id),
  );
  const caseOf = new Map(caseRows.map((r) => [r.candidateId!, r.number]));
  const orgs = await orgLabels(
    deps.db,
    candidates.flatMap((c) => [c.proposingAgencyId, c.proposedLeadAgencyId]).filter((x): x is string => !!x),
  );
  // Candidates' internal notes are restricted: the organisers' reading them is on the record.
  if (organiser && candidates.some((c) => c.internalNote))
    await recordRead(deps.db, actor, "meeting-candidates", m.id);
  const presented = candidates.map((c) =>
    presentCandidate(c, { orgs, organiser, caseNumber: caseOf.get(c.id) ?? null }),
  );
  const present = await repo.attendanceOf(deps.db, m.id);
  const voters = m.ballotRound > 0 ? await repo.votersOf(deps.db, m.id, m.ballotRound) : [];
  const cast =
    m.ballotRound > 0 && (organiser || m.ballotState === "closed")
      ? await repo.countBallots(deps.db, m.id, m.ballotRound)
      : null;
  const agenda: Array<{ item: string; entries: unknown[] }> = [];
  if (m.kind === "monthly" || m.kind === "quarterly") {
    agenda.push({
      item: "tracked-cases",
      // The monthly tracking list: each tracked case by number with its lead agency's latest update,
      // open and overdue commitments, and the chair's decision at this meeting.
      entries: await trackingList(deps.db, m.id),
    });
  }
  if (m.kind === "monthly") {
    const prev = await repo.previousMonthly(deps.db, m.date, m.id);
    const from = prev ? startOfTaipeiDay(prev.date) : new Date(0);
    const selfProposed = await selfProposedBetween(deps.db, from, startOfTaipeiDay(m.date));
    agenda.push({
      item: "self-proposed-cases",
      entries: selfProposed.map((c) => ({ number: c.number, title: c.title, url: `/cases/${c.number}` })),
    });
    agenda.push({
      item: "candidates",
      entries: presented
        .filter((c) => c.state !== "carried")
        .map((c) => ({ id: c.id, title: c.title, source: c.source, urgent: c.urgent })),
    });
    agenda.push({ item: "vote", entries: [] });
  }
  if (m.caseId) {
    const n = (await caseNumbers(deps.db, [m.caseId])).get(m.caseId);
    agenda.push({ item: "case", entries: n ? [{ number: n, url: `/cases/${n}` }] : [] });
  }
  agenda.push({ item: "other-business", entries: m.otherBusiness ? [m.otherBusiness] : [] });
  const tally = m.ballotState === "closed" ? (m.tally as Tally | null) : null;
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    date: m.date,
    startTime: m.startTime,
    location: m.location,
    caseNumber: agenda.find((a) => a.item === "case")?.entries.length
      ? (agenda.find((a) => a.item === "case")!.entries[0] as { number: number }).number
      : null,
    anonymous: m.anonymous,
    rules: m.rules,
    agenda,
    candidates: presented,
    ballot: {
      state: m.ballotState,
      round: m.ballotRound,
      votesPerVoter: votesPerVoter(m.rules, voting.length),
      eligibleVoters: voters.length,
      present: present.length,
      ballotsCast: cast,
      openedAt: m.ballotOpenedAt?.toISOString() ?? null,
      closesAt: m.ballotClosesAt?.toISOString() ?? null,
      closedAt: m.ballotClosedAt?.toISOString() ?? null,
      rerunRequired: m.rerunRequired,
    },
    tally,
    url: `/meetings/${m.id}`,
    can: { organise: organiser },
    // The roll call, for the organisers: each eligible voter of the round and whether recorded present.
    ...(organiser
      ? {
          rollCall: await (async () => {
            const names = await personLabels(
              deps.db,
              voters.map((x) => x.personId),
            );
            const here = new Set(present);
            return voters
              .map((x) => ({
                personId: x.personId,
                name: names.get(x.personId)?.name ?? "",
                nameEn: names.get(x.personId)?.nameEn ?? null,
                present: here.has(x.personId),
              }))
              .sort((a, b) => a.name.localeCompare(b.name, "zh-TW"));
          })(),
        }
      : {}),
  };
}
