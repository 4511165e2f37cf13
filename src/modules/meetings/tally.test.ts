import { test } from "node:test";
import assert from "node:assert/strict";
import { countBallot, DEFAULT_RULES, votesPerVoter } from "./tally.ts";
import { checkCriteria, petitionStanding } from "./criteria.ts";
import { defaultMonthlyDate, defaultQuarterlyDate } from "./dates.ts";

const cands = (...ids: string[]) => ids.map((id) => ({ id, urgent: id.startsWith("u") }));
/** Ballots as counts: votes per candidate and the number cast. */
const ballots = (...lists: string[][]) => {
  const votes = new Map<string, number>();
  for (const l of lists) for (const id of l) votes.set(id, (votes.get(id) ?? 0) + 1);
  return { votes, ballotsCast: lists.length };
};
const outcome = (t: ReturnType<typeof countBallot>, id: string) =>
  t.results.find((r) => r.candidateId === id)!.outcome;

test("votes per voter: ⌈candidates ÷ 2⌉ unless the rules say otherwise", () => {
  assert.equal(votesPerVoter(DEFAULT_RULES, 3), 2);
  assert.equal(votesPerVoter(DEFAULT_RULES, 4), 2);
  assert.equal(votesPerVoter(DEFAULT_RULES, 5), 3);
  assert.equal(votesPerVoter({ ...DEFAULT_RULES, votesPerVoter: 1 }, 5), 1);
});

test("a topic wins at ≥ 50 % of the eligible voters present; below it loses", () => {
  const t = countBallot({
    round: 1,
    rules: DEFAULT_RULES,
    candidates: cands("a", "b"),
    ...ballots(["a", "b"], ["a"], [], ["a"]),
    eligibleVoters: 20,
    present: 6,
  });
  assert.equal(outcome(t, "a"), "won"); // 3 / 6 = 50 %
  assert.equal(outcome(t, "b"), "lost"); // 1 / 6
  assert.equal(t.results[0]!.share, 0.5);
  assert.equal(t.rerunRequired, false);
});

test("at most two regular winners, plus two urgent; equal votes at the cap wait for the chair", () => {
  const t = countBallot({
    round: 1,
    rules: DEFAULT_RULES,
    candidates: cands("a", "b", "c", "d", "u1"),
    ...ballots(["a", "b", "u1"], ["a", "c", "u1"], ["a", "d", "b"], ["a", "c", "d"]),
    eligibleVoters: 6,
    present: 4,
  });
  // a: 4 of 4 wins; b, c, d: 2 of 4 each (50 %) for one slot left → tied; u1 wins an urgent slot.
  assert.equal(outcome(t, "a"), "won");
  assert.deepEqual(
    ["b", "c", "d"].map((id) => outcome(t, id)),
    ["tied", "tied", "tied"],
  );
  assert.equal(outcome(t, "u1"), "won");
  const capped = countBallot({
    round: 1,
    rules: DEFAULT_RULES,
    candidates: cands("a", "b", "c"),
    ...ballots(["a", "b"], ["a", "b"], ["a", "c"], ["b", "c"]),
    eligibleVoters: 4,
    present: 4,
  });
  assert.deepEqual(
    ["a", "b", "c"].map((id) => outcome(capped, id)),
    ["won", "won", "over-cap"],
  );
});

test("more ballots than eligible voters present voids the vote for a re-run", () => {
  const t = countBallot({
    round: 2,
    rules: DEFAULT_RULES,
    candidates: cands("a"),
    ...ballots(["a"], ["a"], ["a"]),
    eligibleVoters: 10,
    present: 2,
  });
  assert.equal(t.rerunRequired, true);
  assert.equal(outcome(t, "a"), "void");
  assert.equal(t.ballotsCast, 3);
});

test("selection criteria: petitions qualified or near the threshold; answers checked", () => {
  assert.equal(petitionStanding(5000, 5000), "qualified");
  assert.equal(petitionStanding(4000, 5000), "near");
  assert.equal(petitionStanding(3999, 5000), "below");
  const facts = {
    source: "petition" as const,
    endorsements: 3000,
    threshold: 5000,
    proposedLeadAgencyId: "x",
  };
  const r = checkCriteria(facts, { "public-interest": true, "cross-agency": true, "open-to-input": true });
  assert.equal(r.find((c) => c.key === "petition-endorsements")!.met, false);
  assert.equal(r.find((c) => c.key === "cross-agency")!.met, true);
  const agency = checkCriteria({ ...facts, source: "agency" }, {});
  assert.equal(
    agency.some((c) => c.key === "petition-endorsements"),
    false,
  );
  assert.equal(agency.find((c) => c.key === "public-interest")!.met, false);
});

test("default dates: first Monday (next working day if a holiday), last week of the quarter", () => {
  const cal = new Map([["2026-04-06", { off: true, name: "補假" }]]);
  assert.equal(defaultMonthlyDate("2026-03", cal), "2026-03-02");
  assert.equal(defaultMonthlyDate("2026-04", cal), "2026-04-07");
  assert.equal(defaultQuarterlyDate("2026-03", cal), "2026-03-30");
  assert.equal(defaultQuarterlyDate("2026-06", cal), "2026-06-29");
});
