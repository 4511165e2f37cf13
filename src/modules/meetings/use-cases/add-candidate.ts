import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { findOrg, holds, type Actor } from "../../directory/index.ts";
import { checkCriteria, DEFAULT_THRESHOLD } from "../criteria.ts";
import { meetingError } from "../errors.ts";
import * as repo from "../repository.ts";
import type { CandidateSource } from "../tables.ts";
import type { MeetingsDeps } from "./deps.ts";
import { getMeeting } from "./get-meeting.ts";
import { linkablePetition } from "../../petitions/index.ts";
import { loadMeeting, runsNetworkMeetings } from "./shared.ts";

/** A candidate topic for a monthly meeting's vote. */
export interface CandidateInput {
  source: CandidateSource;
  title: string;
  summary?: string;
  petitionId?: string | null;
  petitionRef?: string | null;
  endorsements?: number;
  threshold?: number;
  proposingAgencyId?: string;
  proposedLeadAgencyId?: string;
  leadConsent?: boolean;
  criteria?: Record<string, boolean>;
  internalNote?: string;
  urgent?: boolean;
}

/**
 * Puts a topic to a monthly meeting's vote, with its selection criteria checked: a required
 * criterion not met is refused (400 naming `criteria.<key>`). PDIS (or an admin, acting for the
 * ministers' offices) adds any source; an agency's PO adds the agency's own topics.
 */
export async function addCandidate(
  deps: MeetingsDeps,
  actor: Actor,
  meetingId: string,
  input: CandidateInput,
) {
  const network = runsNetworkMeetings(actor);
  if (!network) {
    if (input.source !== "agency" || !input.proposingAgencyId || !holds(actor, "po", input.proposingAgencyId))
      throw fail.forbidden();
    if (input.urgent) throw fail.invalid("urgent", "only PDIS marks a topic urgent");
  }
  // A petition in the product speaks for itself: its endorsement count and threshold are the record's,
  // not the proposer's. One known only by address (e.g. on Join) needs the count typed in.
  const petition = input.petitionId ? await linkablePetition(deps.db, input.petitionId) : null;
  if (petition && input.source !== "petition")
    throw fail.invalid("petitionId", "only a petition's topic links a petition");
  if (input.source === "petition" && !petition && input.endorsements === undefined)
    throw fail.invalid("endorsements", "is required for a petition known only by its address");
  if (input.source === "petition" && !input.petitionId && !input.petitionRef)
    throw fail.invalid("petitionRef", "a petition candidate needs its id or address");
  const endorsements = petition ? petition.endorsementCount : input.endorsements;
  if (input.source === "agency" && !input.proposingAgencyId)
    throw fail.invalid("proposingAgencyId", "is required for an agency's topic");
  for (const field of ["proposingAgencyId", "proposedLeadAgencyId"] as const) {
    const id = input[field];
    if (!id) continue;
    const o = await findOrg(deps.db, id);
    if (!o || o.kind !== "agency") throw fail.invalid(field, "must be an agency");
  }
  const threshold = petition?.threshold ?? input.threshold ?? DEFAULT_THRESHOLD;
  const answers = input.criteria ?? {};
  const results = checkCriteria(
    {
      source: input.source,
      endorsements: endorsements ?? null,
      threshold,
      proposedLeadAgencyId: input.proposedLeadAgencyId ?? null,
    },
    answers,
  );
  const failed = results.find((r) => r.required && !r.met);
  if (failed) throw meetingError("criteria_not_met", { label: failed.label.en }, `criteria.${failed.key}`);
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    // Held FOR SHARE until the candidate is in: a withdrawal in between is refused or seen here.
    if (input.petitionId) await linkablePetition(tx, input.petitionId);
    const m = await loadMeeting(tx, meetingId, "update");
    if (m.kind !== "monthly") throw meetingError("ballot_not_monthly");
    if (m.ballotState !== "none") throw meetingError("ballot_locked");
    const row = await repo.insertCandidate(tx, {
      meetingId: m.id,
      source: input.source,
      title: input.title,
      summary: input.summary ?? "",
      petitionId: input.petitionId ?? null,
      petitionRef: input.petitionRef ?? null,
      endorsements: endorsements ?? null,
      threshold: input.source === "petition" ? threshold : null,
      proposingAgencyId: input.proposingAgencyId ?? null,
      proposedLeadAgencyId: input.proposedLeadAgencyId ?? null,
      leadConsent: input.leadConsent ?? false,
      criteria: Object.fromEntries(results.filter((r) => !r.automatic).map((r) => [r.key, r.met])),
      internalNote: input.internalNote ?? null,
      urgent: input.urgent ?? false,
      createdBy: actor.personId,
      createdAt: now,
    });
    return {
      value: row,
      audit: [
        { action: "meeting.candidate-add", entityType: "meeting-candidate", entityId: row.id, after: row },
      ],
    };
  });
  return getMeeting(deps, actor, meetingId);
}

/** Withdraws a candidate before the ballot opens (PDIS). */
export async function withdrawCandidate(
  deps: MeetingsDeps,
  actor: Actor,
  meetingId: string,
  candidateId: string,
) {
  await writeAudited(deps.db, actor, async (tx) => {
    const m = await loadMeeting(tx, meetingId, "update");
    if (!runsNetworkMeetings(actor)) throw fail.forbidden();
    if (m.ballotState !== "none") throw meetingError("ballot_locked");
    const c = (await repo.listCandidates(tx, m.id)).find((x) => x.id === candidateId);
    if (!c) throw fail.notFound();
    const row = await repo.updateCandidate(tx, c.id, { state: "withdrawn" });
    return {
      value: row,
      audit: [
        {
          action: "meeting.candidate-withdraw",
          entityType: "meeting-candidate",
          entityId: c.id,
          before: c,
          after: row,
        },
      ],
    };
  });
  return getMeeting(deps, actor, meetingId);
}
