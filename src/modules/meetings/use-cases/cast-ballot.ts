import { fail } from "../../../platform/http/errors.ts";
import { hashSecret } from "../../../platform/http/tokens.ts";
import { failedLookupLimit } from "../../auth/index.ts";
import { writeAudited } from "../../audit/index.ts";
import { orgLabels } from "../../directory/index.ts";
import { meetingError } from "../errors.ts";
import * as repo from "../repository.ts";
import { votesPerVoter } from "../tally.ts";
import type { MeetingsDeps } from "./deps.ts";
import { presentCandidate } from "./get-meeting.ts";

/** A ballot link as presented: the token from the address and the client (for rate limits). */
export interface BallotLink {
  token: string;
  clientKey?: string;
}

/** The voter holding a link, or 404 (too many failed look-ups from one client get 429). */
async function resolve(deps: MeetingsDeps, link: BallotLink) {
  const now = deps.clock.now();
  const limit = link.clientKey ? failedLookupLimit(deps.db, `ballot-link:${link.clientKey}`, now) : null;
  if (limit && (await limit.blocked())) throw fail.rateLimited();
  const digest =
    link.token.length >= 20 && link.token.length <= 100 ? hashSecret(link.token, deps.secret) : null;
  const voter = digest ? await repo.voterByDigest(deps.db, digest) : null;
  if (!voter || !digest) {
    await limit?.failed();
    throw fail.notFound();
  }
  return { voter, digest };
}

/** What a voter sees through their link: the meeting, the candidates, how many they may choose. */
export async function getBallot(deps: MeetingsDeps, link: BallotLink) {
  const { voter } = await resolve(deps, link);
  const m = (await repo.findMeeting(deps.db, voter.meetingId))!;
  const candidates = (await repo.listCandidates(deps.db, m.id)).filter((c) => c.state === "candidate");
  const orgs = await orgLabels(
    deps.db,
    candidates.flatMap((c) => [c.proposingAgencyId, c.proposedLeadAgencyId]).filter((x): x is string => !!x),
  );
  return {
    meeting: { id: m.id, title: m.title, date: m.date, anonymous: m.anonymous, url: `/meetings/${m.id}` },
    state:
      voter.round !== m.ballotRound
        ? ("void" as const)
        : voter.usedAt
          ? ("used" as const)
          : m.ballotState === "open"
            ? ("open" as const)
            : ("closed" as const),
    votesPerVoter: votesPerVoter(m.rules, candidates.length),
    candidates: candidates.map((c) => presentCandidate(c, { orgs, organiser: false, caseNumber: null })),
  };
}

/**
 * Casts the ballot of a link: up to the allowed number of distinct candidates (zero allowed). The
 * link is marked used in the same statement that checks it, so a second use — a forwarded copy or a
 * double click — gets 409 and never a second ballot. An anonymous ballot only adds to the totals.
 */
export async function castBallot(deps: MeetingsDeps, link: BallotLink, input: { choices: string[] }) {
  const { voter, digest } = await resolve(deps, link);
  const now = deps.clock.now();
  return writeAudited(deps.db, { personId: null }, async (tx) => {
    const m = (await repo.findMeeting(tx, voter.meetingId, "share"))!;
    if (voter.round !== m.ballotRound) throw meetingError("ballot_link_void");
    if (m.ballotState !== "open") throw meetingError("ballot_not_open", { state: m.ballotState });
    // A used link says so before any check of the choices (the atomic mark below is what guarantees it).
    if (voter.usedAt) throw meetingError("ballot_link_used");
    const candidates = (await repo.listCandidates(tx, m.id)).filter((c) => c.state === "candidate");
    const ids = new Set(candidates.map((c) => c.id));
    const choices = [...new Set(input.choices)];
    if (choices.length !== input.choices.length)
      throw fail.invalid("choices", "each candidate may be chosen once");
    const bad = choices.find((c) => !ids.has(c));
    if (bad) throw fail.invalid("choices", `${bad} is not a candidate of this vote`);
    const max = votesPerVoter(m.rules, candidates.length);
    if (choices.length > max) throw fail.invalid("choices", `choose at most ${max} candidates`);
    if (!(await repo.useLink(tx, digest, now))) throw meetingError("ballot_link_used");
    await repo.countBallot(tx, m.id, m.ballotRound, choices);
    if (!m.anonymous)
      await repo.insertNamedBallot(tx, {
        meetingId: m.id,
        round: m.ballotRound,
        voterId: voter.personId,
        choices,
      });
    return {
      value: { cast: true, choices: choices.length, anonymous: m.anonymous },
      audit: [
        {
          action: "meeting.ballot-cast",
          entityType: "meeting",
          entityId: m.id,
          subjectIds: [voter.personId],
          // Who voted is recorded; what they chose only when the vote is named.
          after: m.anonymous
            ? { round: m.ballotRound, voter: voter.personId }
            : { round: m.ballotRound, voter: voter.personId, choices },
        },
      ],
    };
  });
}
