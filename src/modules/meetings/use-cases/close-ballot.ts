import type { Tx } from "../../../platform/db/database.ts";
import { fail } from "../../../platform/http/errors.ts";
import { appendAudit, writeAudited, type AuditEntry } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { openCase } from "../../cases/index.ts";
import { meetingError } from "../errors.ts";
import * as repo from "../repository.ts";
import { countBallot, type Tally } from "../tally.ts";
import type { MeetingsDeps } from "./deps.ts";
import { getMeeting } from "./get-meeting.ts";
import { loadForOrganiser, loadMeeting, runsNetworkMeetings } from "./shared.ts";

/** Opens the case of a winning candidate (inside the caller's transaction). */
async function caseForWinner(
  tx: Tx,
  m: repo.MeetingRow,
  c: repo.CandidateRow,
  ctx: { actorId: string | null; now: Date; publicUrl: string },
) {
  const opened = await openCase(tx, {
    title: c.title,
    summary: c.summary,
    origin: "voted",
    urgent: c.urgent,
    meetingId: m.id,
    candidateId: c.id,
    petitionId: c.petitionId,
    petitionRef: c.petitionRef,
    leadAgencyId: c.proposedLeadAgencyId,
    leadConsent: c.leadConsent,
    leadConsentBy: c.leadConsent ? c.createdBy : null,
    actorId: ctx.actorId,
    now: ctx.now,
    publicUrl: ctx.publicUrl,
    cooldownDays: m.rules.leadCooldownDays,
  });
  return opened.audit;
}

/**
 * Closes a ballot and publishes its tally, in one transaction: more ballots than eligible voters
 * present voids the vote (re-run); otherwise each winner becomes a case with the next case number
 * (most votes first), ties wait for the chair, and losing topics carry over once.
 */
export async function closeAndTally(
  tx: Tx,
  m: repo.MeetingRow,
  ctx: { actorId: string | null; now: Date; publicUrl: string },
) {
  const { now } = ctx;
  const candidates = (await repo.listCandidates(tx, m.id)).filter((c) => c.state === "candidate");
  const voters = await repo.votersOf(tx, m.id, m.ballotRound);
  const voterIds = new Set(voters.map((v) => v.personId));
  const present = (await repo.attendanceOf(tx, m.id)).filter((p) => voterIds.has(p)).length;
  const tally: Tally & { named?: Array<{ voterId: string | null; choices: string[] }> } = countBallot({
    round: m.ballotRound,
    rules: m.rules,
    candidates: candidates.map((c) => ({ id: c.id, urgent: c.urgent })),
    votes: await repo.voteCounts(tx, m.id, m.ballotRound),
    ballotsCast: await repo.countBallots(tx, m.id, m.ballotRound),
    eligibleVoters: voters.length,
    present,
  });
  if (!m.anonymous)
    tally.named = (await repo.namedBallotsOf(tx, m.id, m.ballotRound)).map((b) => ({
      voterId: b.voterId,
      choices: b.choices,
    }));
  const audit: AuditEntry[] = [
    { action: "meeting.ballot-close", entityType: "meeting", entityId: m.id, after: tally },
  ];
  if (!tally.rerunRequired) {
    const byId = new Map(candidates.map((c) => [c.id, c]));
    for (const r of tally.results) {
      const c = byId.get(r.candidateId)!;
      if (r.outcome === "won") {
        await repo.updateCandidate(tx, c.id, { state: "won" });
        audit.push(await caseForWinner(tx, m, c, ctx));
      } else if (r.outcome === "tied") await repo.updateCandidate(tx, c.id, { state: "tied" });
      else await repo.updateCandidate(tx, c.id, { state: c.carryCount === 0 ? "carry-pending" : "lost" });
    }
  }
  await repo.updateMeeting(tx, m.id, {
    ballotState: "closed",
    ballotClosedAt: now,
    tally,
    rerunRequired: tally.rerunRequired,
    updatedAt: now,
  });
  return audit;
}

/** Closes the ballot now (PDIS) and returns the meeting with its tally. */
export async function closeBallot(deps: MeetingsDeps, actor: Actor, meetingId: string) {
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const m = await loadForOrganiser(tx, actor, meetingId);
    if (m.ballotState !== "open") throw meetingError("ballot_not_open", { state: m.ballotState });
    const [first, ...rest] = await closeAndTally(tx, m, {
      actorId: actor.personId,
      now,
      publicUrl: deps.publicUrl,
    });
    return { value: null, audit: [first!, ...rest] };
  });
  return getMeeting(deps, actor, meetingId);
}

/** The published tally of a closed ballot (409 before it closes: counts are never shown early). */
export async function getTally(deps: MeetingsDeps, meetingId: string) {
  const m = await loadMeeting(deps.db, meetingId);
  if (m.ballotState !== "closed" || !m.tally) throw meetingError("tally_not_public");
  return m.tally as Tally;
}

/**
 * The chair decides a tie: the chosen topic wins and becomes a case, if a slot of its kind (regular
 * or urgent) is left; when the slots are full the other tied topics carry over.
 */
export async function chooseTiedCandidate(
  deps: MeetingsDeps,
  actor: Actor,
  meetingId: string,
  candidateId: string,
) {
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const m = await loadForOrganiser(tx, actor, meetingId);
    const all = await repo.listCandidates(tx, m.id);
    const c = all.find((x) => x.id === candidateId);
    if (!c) throw fail.notFound();
    if (c.state !== "tied") throw meetingError("candidate_not_tied", { state: c.state });
    const cap = c.urgent ? m.rules.maxUrgent : m.rules.maxWinners;
    const group = all.filter((x) => x.urgent === c.urgent);
    const won = group.filter((x) => x.state === "won").length;
    if (won >= cap)
      throw meetingError("winners_cap_reached", {
        cap,
        kindZh: c.urgent ? "緊急" : "",
        kindEn: c.urgent ? "urgent" : "regular",
      });
    await repo.updateCandidate(tx, c.id, { state: "won" });
    const audit: [AuditEntry, ...AuditEntry[]] = [
      {
        action: "meeting.tie-decide",
        entityType: "meeting-candidate",
        entityId: c.id,
        after: { state: "won" },
      },
      await caseForWinner(tx, m, c, { actorId: actor.personId, now, publicUrl: deps.publicUrl }),
    ];
    if (won + 1 >= cap) {
      for (const other of group.filter((x) => x.state === "tied" && x.id !== c.id))
        await repo.updateCandidate(tx, other.id, {
          state: other.carryCount === 0 ? "carry-pending" : "lost",
        });
    }
    return { value: null, audit };
  });
  return getMeeting(deps, actor, meetingId);
}

/** Closes every open ballot whose closing time has come (the sweep); one transaction per meeting. */
export async function closeDueBallots(
  deps: Pick<MeetingsDeps, "db" | "clock" | "publicUrl">,
): Promise<number> {
  const now = deps.clock.now();
  let closed = 0;
  for (;;) {
    const done = await deps.db.transaction(async (tx) => {
      const [m] = await repo.claimDueBallots(tx, now, 1);
      if (!m) return false;
      await appendAudit(
        tx,
        { personId: null },
        await closeAndTally(tx, m, { actorId: null, now, publicUrl: deps.publicUrl }),
      );
      return true;
    });
    if (!done) return closed;
    closed++;
  }
}

/** True when the actor may see the meeting's organiser view. */
export const organises = runsNetworkMeetings;
