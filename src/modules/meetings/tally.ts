import type { VotingRules } from "./tables.ts";

/** The default voting rules (2019 principles). */
export const DEFAULT_RULES: VotingRules = {
  votesPerVoter: null,
  threshold: 0.5,
  maxWinners: 2,
  maxUrgent: 2,
  leadCooldownDays: 45,
  voters: { pos: true, pdis: true },
};

/** Votes each voter may cast: the rule's number, or ⌈candidates ÷ 2⌉. */
export function votesPerVoter(rules: VotingRules, candidates: number): number {
  return rules.votesPerVoter ?? Math.ceil(candidates / 2);
}

/** How a candidate came out of the count. */
export type Outcome = "won" | "tied" | "over-cap" | "lost" | "void";

/** The tally of a closed ballot, as published. */
export interface Tally {
  round: number;
  eligibleVoters: number;
  present: number;
  ballotsCast: number;
  threshold: number;
  /** More ballots than eligible voters present: the vote is void and must be re-run. */
  rerunRequired: boolean;
  results: Array<{ candidateId: string; urgent: boolean; votes: number; share: number; outcome: Outcome }>;
}

/**
 * Counts a ballot. A topic qualifies when votes ÷ eligible voters present ≥ the threshold; the most
 * voted qualifying topics win up to the cap (regular and urgent counted separately). A group of
 * equal votes that does not fit in the slots left is `tied` for the chair to decide; the rest
 * beyond the cap are `over-cap`. More ballots than voters present voids everything (`rerunRequired`).
 */
export function countBallot(input: {
  round: number;
  rules: VotingRules;
  candidates: Array<{ id: string; urgent: boolean }>;
  /** Votes per candidate id. */
  votes: ReadonlyMap<string, number>;
  ballotsCast: number;
  eligibleVoters: number;
  present: number;
}): Tally {
  const votes = new Map(input.candidates.map((c) => [c.id, input.votes.get(c.id) ?? 0]));
  const rerunRequired = input.ballotsCast > input.present;
  const share = (v: number) => (input.present > 0 ? v / input.present : 0);
  const results = input.candidates.map((c) => ({
    candidateId: c.id,
    urgent: c.urgent,
    votes: votes.get(c.id)!,
    share: Math.round(share(votes.get(c.id)!) * 10_000) / 10_000,
    outcome: (rerunRequired ? "void" : "lost") as Outcome,
  }));
  if (!rerunRequired) {
    for (const urgent of [false, true]) {
      let slots = urgent ? input.rules.maxUrgent : input.rules.maxWinners;
      const qualifying = results
        .filter(
          (r) => r.urgent === urgent && input.present > 0 && r.votes / input.present >= input.rules.threshold,
        )
        .sort((a, b) => b.votes - a.votes);
      let i = 0;
      while (i < qualifying.length) {
        const group = qualifying.filter((r) => r.votes === qualifying[i]!.votes);
        const outcome: Outcome = slots <= 0 ? "over-cap" : group.length <= slots ? "won" : "tied";
        for (const r of group) r.outcome = outcome;
        if (outcome === "won") slots -= group.length;
        else if (outcome === "tied") slots = 0;
        i += group.length;
      }
    }
  }
  results.sort((a, b) => b.votes - a.votes);
  return {
    round: input.round,
    eligibleVoters: input.eligibleVoters,
    present: input.present,
    ballotsCast: input.ballotsCast,
    threshold: input.rules.threshold,
    rerunRequired,
    results,
  };
}
