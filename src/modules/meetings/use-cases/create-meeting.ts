import { fail } from "../../../platform/http/errors.ts";
import { loadCalendar } from "../../../platform/calendar/index.ts";
import { writeAudited, type AuditEntry } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { caseForLink, linkStageMeeting } from "../../cases/index.ts";
import { defaultMonthlyDate, defaultQuarterlyDate, QUARTER_MONTHS } from "../dates.ts";
import * as repo from "../repository.ts";
import { DEFAULT_RULES } from "../tally.ts";
import type { MeetingKind, VotingRules } from "../tables.ts";
import type { MeetingsDeps } from "./deps.ts";
import { getMeeting } from "./get-meeting.ts";
import { runsNetworkMeetings } from "./shared.ts";

/** Input of createMeeting. */
export interface CreateMeetingInput {
  kind: MeetingKind;
  /** YYYY-MM: with no date, a monthly meeting is on the first Monday, a quarterly one in the last week. */
  month?: string;
  date?: string;
  title?: string;
  startTime?: string;
  location?: string;
  /** The case a collaborative, prep or working meeting belongs to. */
  caseNumber?: number;
  anonymous?: boolean;
  rules?: Partial<Omit<VotingRules, "voters">> & { voters?: VotingRules["voters"] };
  ballotClosesAt?: string;
  otherBusiness?: string;
}

const stageOfKind = {
  working: "working-meeting",
  prep: "prep-meeting",
  collaborative: "collaborative-meeting",
} as const;
const kindNames: Record<MeetingKind, { zh: string; en: string }> = {
  monthly: { zh: "開放政府聯絡人月會", en: "PO monthly meeting" },
  quarterly: { zh: "開放政府政策協調聯繫會議（季會）", en: "Quarterly coordination meeting" },
  collaborative: { zh: "協作會議", en: "Collaborative meeting" },
  prep: { zh: "會前會", en: "Prep meeting" },
  working: { zh: "工作會議", en: "Working meeting" },
};

/**
 * Schedules a meeting. PDIS (or an admin) schedules monthly and quarterly meetings; a case's
 * organisers schedule its working, prep and collaborative meetings, which are then linked to the
 * case's stage. Losing topics waiting to carry over join the next monthly meeting created after them.
 */
export async function createMeeting(deps: MeetingsDeps, actor: Actor, input: CreateMeetingInput) {
  const network = input.kind === "monthly" || input.kind === "quarterly";
  let caseRef: Awaited<ReturnType<typeof caseForLink>> = null;
  if (network) {
    if (!runsNetworkMeetings(actor)) throw fail.forbidden();
    if (input.caseNumber !== undefined)
      throw fail.invalid("caseNumber", `a ${input.kind} meeting has no case`);
  } else {
    if (input.caseNumber === undefined)
      throw fail.invalid("caseNumber", `is required for a ${input.kind} meeting`);
    caseRef = await caseForLink(deps.db, actor, input.caseNumber);
    if (!caseRef) throw fail.invalid("caseNumber", "no such case");
    if (!caseRef.organiser) throw fail.forbidden();
  }
  const date = await meetingDate(deps, input);
  if (network && (await repo.findNetworkMeeting(deps.db, input.kind as "monthly" | "quarterly", date)))
    throw fail.conflict(`a ${input.kind} meeting is already scheduled on ${date}`, "date");
  const now = deps.clock.now();
  const rules: VotingRules = {
    ...DEFAULT_RULES,
    ...input.rules,
    voters: input.rules?.voters ?? DEFAULT_RULES.voters,
  };
  if (rules.threshold <= 0 || rules.threshold > 1)
    throw fail.invalid("rules.threshold", "must be above 0 and at most 1");
  const ballotClosesAt = input.ballotClosesAt ? new Date(input.ballotClosesAt) : null;
  const name = kindNames[input.kind];
  const title =
    input.title ??
    (caseRef
      ? `${name.zh}：${caseRef.title} / ${name.en}: case ${caseRef.number}`
      : `${date} ${name.zh} / ${name.en}`);
  const row = await writeAudited(deps.db, actor, async (tx) => {
    const m = await repo.insertMeeting(tx, {
      kind: input.kind,
      title,
      date,
      startTime: input.startTime ?? "14:00",
      location: input.location ?? null,
      caseId: caseRef?.id ?? null,
      otherBusiness: input.otherBusiness ?? null,
      rules,
      anonymous: input.anonymous ?? true,
      ballotClosesAt,
      createdBy: actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    const audit: [AuditEntry, ...AuditEntry[]] = [
      { action: "meeting.create", entityType: "meeting", entityId: m.id, after: m },
    ];
    if (caseRef && input.kind in stageOfKind)
      await linkStageMeeting(tx, caseRef.id, stageOfKind[input.kind as keyof typeof stageOfKind], m.id);
    if (input.kind === "monthly") {
      // Losing topics carry over once: into the first monthly meeting scheduled after theirs.
      for (const c of await repo.carryPending(tx, m.date)) {
        const copy = await repo.insertCandidate(tx, {
          meetingId: m.id,
          source: c.source,
          title: c.title,
          summary: c.summary,
          petitionId: c.petitionId,
          petitionRef: c.petitionRef,
          endorsements: c.endorsements,
          threshold: c.threshold,
          proposingAgencyId: c.proposingAgencyId,
          proposedLeadAgencyId: c.proposedLeadAgencyId,
          leadConsent: c.leadConsent,
          criteria: c.criteria,
          internalNote: c.internalNote,
          urgent: c.urgent,
          carryCount: c.carryCount + 1,
          carriedFromId: c.id,
          createdBy: c.createdBy,
          createdAt: now,
        });
        await repo.updateCandidate(tx, c.id, { state: "carried" });
        audit.push({
          action: "meeting.candidate-carry",
          entityType: "meeting-candidate",
          entityId: copy.id,
          before: { from: c.id },
        });
      }
    }
    return { value: m, audit };
  });
  return getMeeting(deps, actor, row.id);
}

/** The meeting's day: the one given, or the default day of its month for monthly and quarterly meetings. */
async function meetingDate(deps: MeetingsDeps, input: CreateMeetingInput): Promise<string> {
  if (input.date) return input.date;
  if (!input.month)
    throw fail.invalid("date", "give a date (YYYY-MM-DD), or a month (YYYY-MM) for the default day");
  const cal = (await loadCalendar(deps.db, deps.clock.now())).data;
  if (input.kind === "monthly") return defaultMonthlyDate(input.month, cal);
  if (input.kind === "quarterly") {
    if (!QUARTER_MONTHS.includes(input.month.slice(5)))
      throw fail.invalid("month", "a quarterly meeting is held in March, June, September or December");
    return defaultQuarterlyDate(input.month, cal);
  }
  throw fail.invalid("date", `is required for a ${input.kind} meeting`);
}

/**
 * Schedules the monthly or quarterly meeting of a month on its default day, unless it is scheduled
 * already (idempotent: `po-network meetings schedule`).
 */
export async function scheduleNetworkMeeting(
  deps: MeetingsDeps,
  actor: Actor,
  input: { kind: "monthly" | "quarterly"; month: string },
) {
  const date = await meetingDate(deps, input);
  const existing = await repo.findNetworkMeeting(deps.db, input.kind, date);
  if (existing) return { created: false, meeting: await getMeeting(deps, actor, existing.id) };
  return { created: true, meeting: await createMeeting(deps, actor, { ...input, date }) };
}
