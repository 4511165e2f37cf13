import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { recentMail } from "../../platform/mail/outbox.ts";
import { findOrg, findPersonByEmail } from "../directory/index.ts";
import { runDueJobs } from "../../runtime.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let pdis: string;
let moeaPo: string;
let agency: Record<string, string>;
const clock = () => t.rt.clock as FixedClock;
const yes = { "public-interest": true, "cross-agency": true, "open-to-input": true };

before(async () => {
  t = await createTestApp();
  pdis = await t.tokenFor("pdis-project-manager@example.org");
  moeaPo = await t.tokenFor("po-moea-lead@example.org");
  agency = {};
  for (const slug of ["moi", "moea", "motc", "mohw", "moa", "moda"])
    agency[slug] = (await findOrg(t.db, slug))!.id;
});
after(() => t.close());

async function meeting(body: Record<string, unknown>) {
  const res = await t.api("POST", "/api/v1/meetings", { token: pdis, body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

async function candidate(meetingId: string, body: Record<string, unknown>, token = pdis) {
  const res = await t.api("POST", `/api/v1/meetings/${meetingId}/candidates`, {
    token,
    body: { criteria: yes, ...body },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.candidates.at(-1);
}

/** The ballot links mailed for a meeting, by recipient. */
async function linksOf(title: string): Promise<Map<string, string>> {
  const mail = (await recentMail(t.db, 500)).filter((m) => m.subject.includes(title));
  return new Map(mail.map((m) => [m.to, /\/ballot\/([A-Za-z0-9_-]+)/.exec(m.text)![1]!]));
}

const personId = async (email: string) => (await findPersonByEmail(t.db, email))!.id;

describe("monthly meeting and topic vote", () => {
  let m: any;
  let a: any, b: any, c: any;
  let links: Map<string, string>;
  const voters = [
    "po-moi-lead",
    "po-moi-press",
    "po-moea-lead",
    "po-moea-planning",
    "po-motc-lead",
    "po-mohw-lead",
    "po-moa-lead",
    "po-moenv-lead",
    "po-ndc-lead",
    "pdis-designer",
  ].map((k) => `${k}@example.org`);

  test("a monthly meeting defaults to the first Monday, moved past a holiday", async () => {
    m = await meeting({ kind: "monthly", month: "2026-04" });
    assert.equal(m.date, "2026-04-07"); // Monday 6 April 2026 is a make-up holiday
    assert.deepEqual(
      m.agenda.map((x: any) => x.item),
      ["tracked-cases", "self-proposed-cases", "candidates", "vote", "other-business"],
    );
    const twice = await t.api("POST", "/api/v1/meetings", {
      token: pdis,
      body: { kind: "monthly", month: "2026-04" },
    });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.field, "date");
    const q = await meeting({ kind: "quarterly", month: "2026-06" });
    assert.equal(q.date, "2026-06-29");
    const bad = await t.api("POST", "/api/v1/meetings", {
      token: pdis,
      body: { kind: "quarterly", month: "2026-05" },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, "month");
    for (const [body, field] of [
      [{ kind: "monthly", date: "2026-02-30" }, "date"],
      [{ kind: "monthly", date: "0000-01-01" }, "date"],
      [{ kind: "collaborative", date: "2026-05-05", caseNumber: 99999999999 }, "caseNumber"],
    ] as const) {
      const res = await t.api("POST", "/api/v1/meetings", { token: pdis, body });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.field, field);
    }
    const po = await t.api("POST", "/api/v1/meetings", {
      token: moeaPo,
      body: { kind: "monthly", month: "2026-05" },
    });
    assert.equal(po.status, 403);
  });

  test("candidates are checked against the selection criteria", async () => {
    const low = await t.api("POST", `/api/v1/meetings/${m.id}/candidates`, {
      token: pdis,
      body: {
        source: "petition",
        title: "低附議提案",
        petitionRef: "https://join.gov.tw/idea/detail/low",
        endorsements: 3000,
        proposedLeadAgencyId: agency.moi,
        criteria: yes,
      },
    });
    assert.equal(low.status, 400);
    assert.equal(low.body.error.code, "criteria_not_met");
    assert.equal(low.body.error.field, "criteria.petition-endorsements");
    const unanswered = await t.api("POST", `/api/v1/meetings/${m.id}/candidates`, {
      token: pdis,
      body: {
        source: "pdis",
        title: "未檢核",
        proposedLeadAgencyId: agency.moi,
        criteria: { "public-interest": true },
      },
    });
    assert.equal(unanswered.status, 400);
    assert.equal(unanswered.body.error.field, "criteria.cross-agency");
    const otherAgency = await t.api("POST", `/api/v1/meetings/${m.id}/candidates`, {
      token: moeaPo,
      body: {
        source: "agency",
        title: "代他機關提案",
        proposingAgencyId: agency.moi,
        proposedLeadAgencyId: agency.moi,
        criteria: yes,
      },
    });
    assert.equal(otherAgency.status, 403);

    a = await candidate(m.id, {
      source: "petition",
      title: "外送員職業安全",
      petitionRef: "https://join.gov.tw/idea/detail/a",
      endorsements: 5200,
      proposedLeadAgencyId: agency.moi,
      internalNote: "內部備註：提案人已聯繫",
    });
    assert.equal(a.petition.standing, "qualified");
    b = await candidate(
      m.id,
      {
        source: "agency",
        title: "產業用水調度",
        proposingAgencyId: agency.moea,
        proposedLeadAgencyId: agency.moea,
      },
      moeaPo,
    );
    c = await candidate(m.id, {
      source: "pdis",
      title: "公車動態資料開放",
      proposedLeadAgencyId: agency.motc,
    });
    assert.ok(c.criteria.every((x: any) => !x.required || x.met));
  });

  test("internal notes are for the organisers only", async () => {
    const pub = await t.api("GET", `/api/v1/meetings/${m.id}`);
    assert.equal(pub.status, 200);
    assert.equal(pub.body.candidates.length, 3);
    assert.ok(pub.body.candidates.every((x: any) => !("internalNote" in x)));
    assert.doesNotMatch(JSON.stringify(pub.body), /內部備註/);
    const reads = async () =>
      (
        await t.db.execute<{ n: number }>(
          sql`select count(*)::int as n from audit_log where action = 'read' and entity_type = 'meeting-candidates' and entity_id = ${m.id}`,
        )
      ).rows[0]!.n;
    const before = await reads();
    await t.api("GET", `/api/v1/meetings/${m.id}`);
    assert.equal(await reads(), before, "a public read sees no notes");
    const org = await t.api("GET", `/api/v1/meetings/${m.id}`, { token: pdis });
    assert.equal(org.body.candidates[0].internalNote, "內部備註：提案人已聯繫");
    assert.equal(await reads(), before + 1, "the organiser's read of internal notes is audited");
  });

  test("one personal ballot link per eligible voter: roster POs and PDIS, nobody else", async () => {
    const denied = await t.api("POST", `/api/v1/meetings/${m.id}/ballots`, { token: moeaPo });
    assert.equal(denied.status, 403);
    const res = await t.api("POST", `/api/v1/meetings/${m.id}/ballots`, { token: pdis });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.votesPerVoter, 2);
    const eligible = await t.db.execute<{ n: number }>(
      sql`select count(distinct m.person_id)::int as n from memberships m join orgs o on o.id = m.org_id
          where m.ended_at is null and ((m.role = 'po' and o.level in (2, 3)) or m.role = 'pdis')`,
    );
    assert.equal(res.body.issued, eligible.rows[0]!.n);
    links = await linksOf(m.title);
    assert.equal(links.size, res.body.issued);
    for (const v of voters) assert.ok(links.has(v), `${v} has a link`);
    assert.ok(!links.has("sup-moi@example.org"), "supervisors do not vote");
    assert.ok(!links.has("staff-moi-civil-affairs@example.org"), "business-unit staff do not vote");
    // Only digests are stored.
    const stored = await t.db.execute<{ token_digest: string }>(sql`select token_digest from meeting_voters`);
    const digests = stored.rows.map((r) => r.token_digest);
    for (const token of links.values()) assert.ok(!digests.includes(token));
    const again = await t.api("POST", `/api/v1/meetings/${m.id}/ballots`, { token: pdis });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, "ballot_already_issued");
    const late = await t.api("POST", `/api/v1/meetings/${m.id}/candidates`, {
      token: pdis,
      body: { source: "pdis", title: "太晚", proposedLeadAgencyId: agency.moi, criteria: yes },
    });
    assert.equal(late.status, 409);
  });

  test("each voter chooses up to 2; a link used twice is refused", async () => {
    const present = await t.api("POST", `/api/v1/meetings/${m.id}/attendance`, {
      token: pdis,
      body: { personIds: await Promise.all(voters.map(personId)), present: true },
    });
    assert.equal(present.status, 200, JSON.stringify(present.body));
    assert.equal(present.body.ballot.present, 10);

    const token = links.get(voters[0]!)!;
    const view = await t.api("GET", `/api/v1/ballot/${token}`);
    assert.equal(view.status, 200);
    assert.equal(view.body.state, "open");
    assert.equal(view.body.votesPerVoter, 2);
    assert.ok(view.body.candidates.every((x: any) => !("internalNote" in x)));
    const three = await t.api("POST", `/api/v1/ballot/${token}`, { body: { choices: [a.id, b.id, c.id] } });
    assert.equal(three.status, 400);
    assert.equal(three.body.error.field, "choices");
    const bogus = await t.api("POST", `/api/v1/ballot/${"x".repeat(43)}`, { body: { choices: [] } });
    assert.equal(bogus.status, 404);

    const plan: string[][] = [
      [a.id, c.id],
      [a.id, c.id],
      [a.id, c.id],
      [a.id, c.id],
      [a.id, b.id],
      [a.id, b.id],
      [a.id, b.id],
      [c.id, b.id],
      [c.id, b.id],
      [], // zero is allowed
    ];
    for (const [i, choices] of plan.entries()) {
      const res = await t.api("POST", `/api/v1/ballot/${links.get(voters[i]!)}`, { body: { choices } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    const twice = await t.api("POST", `/api/v1/ballot/${token}`, { body: { choices: [b.id] } });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.code, "ballot_link_used");
    // The same link forwarded and used at once from two places: still one ballot.
    const forwarded = links.get("po-moda-lead@example.org")!;
    const both = await Promise.all([
      t.api("POST", `/api/v1/ballot/${forwarded}`, { body: { choices: [] } }),
      t.api("POST", `/api/v1/ballot/${forwarded}`, { body: { choices: [] } }),
    ]);
    assert.deepEqual(both.map((r) => r.status).sort(), [201, 409]);
  });

  test("the tally is public only after the ballot closes", async () => {
    const early = await t.api("GET", `/api/v1/meetings/${m.id}/tally`);
    assert.equal(early.status, 409);
    assert.equal(early.body.error.code, "tally_not_public");
    const pub = await t.api("GET", `/api/v1/meetings/${m.id}`);
    assert.equal(pub.body.tally, null);
    assert.equal(pub.body.ballot.ballotsCast, null);
    // Anonymous: no ballot is stored, only totals; nothing ties a voter to a choice.
    const ballots = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from meeting_ballots`);
    assert.equal(ballots.rows[0]!.n, 0);
    const counts = await t.db.execute<{ candidate_id: string; votes: number }>(
      sql`select candidate_id, votes from meeting_vote_counts where meeting_id = ${m.id}::uuid and round = 1`,
    );
    assert.equal(
      counts.rows.reduce((n, r) => n + r.votes, 0),
      18,
    ); // 9 ballots of 2 choices, one empty, one of 0
  });

  test("closing applies the ≥ 50 % rule and the 2-a-month cap; winners become cases with the next numbers", async () => {
    const closed = await t.api("POST", `/api/v1/meetings/${m.id}/ballots/close`, { token: pdis });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    const tally = (await t.api("GET", `/api/v1/meetings/${m.id}/tally`)).body;
    // 11 ballots (the moda PO voted without being recorded present) > 10 present: void, re-run.
    assert.equal(tally.ballotsCast, 11);
    assert.equal(tally.present, 10);
    assert.equal(tally.rerunRequired, true);
    assert.ok(tally.results.every((r: any) => r.outcome === "void"));
    assert.equal((await t.api("GET", "/api/v1/cases")).body.items.length, 0);

    // Re-run: new links, the old ones are void.
    const rerun = await t.api("POST", `/api/v1/meetings/${m.id}/ballots`, { token: pdis });
    assert.equal(rerun.status, 201);
    assert.equal(rerun.body.round, 2);
    const old = await t.api("POST", `/api/v1/ballot/${links.get(voters[9]!)}`, { body: { choices: [] } });
    assert.equal(old.status, 409);
    assert.equal(old.body.error.code, "ballot_link_void");
    // Each voter now has two mails; the new link is the one that is not the first round's.
    const oldTokens = new Set(links.values());
    const fresh = new Map(
      (await recentMail(t.db, 500))
        .filter((x) => x.subject.includes(m.title))
        .map((x) => [x.to, /\/ballot\/([A-Za-z0-9_-]+)/.exec(x.text)![1]!] as const)
        .filter(([, token]) => !oldTokens.has(token)),
    );
    assert.equal(fresh.size, rerun.body.issued);
    const plan: string[][] = [
      [a.id, c.id],
      [a.id, c.id],
      [a.id, c.id],
      [a.id, c.id],
      [a.id, b.id],
      [a.id, b.id],
      [a.id, b.id],
      [c.id, b.id],
      [c.id, b.id],
      [],
    ];
    for (const [i, choices] of plan.entries()) {
      const token = fresh.get(voters[i]!)!;
      assert.notEqual(token, links.get(voters[i]!));
      const res = await t.api("POST", `/api/v1/ballot/${token}`, { body: { choices } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    const done = await t.api("POST", `/api/v1/meetings/${m.id}/ballots/close`, { token: pdis });
    assert.equal(done.status, 200);
    const final = (await t.api("GET", `/api/v1/meetings/${m.id}/tally`)).body;
    const by = (id: string) => final.results.find((r: any) => r.candidateId === id);
    assert.equal(final.rerunRequired, false);
    assert.equal(final.present, 10);
    assert.deepEqual([by(a.id).votes, by(c.id).votes, by(b.id).votes], [7, 6, 5]);
    // b has exactly 50 %: it qualifies, but the month's two places are taken.
    assert.equal(by(b.id).share, 0.5);
    assert.deepEqual([by(a.id).outcome, by(c.id).outcome, by(b.id).outcome], ["won", "won", "over-cap"]);
    assert.equal(final.named, undefined);

    const states = Object.fromEntries(done.body.candidates.map((x: any) => [x.id, x]));
    assert.equal(states[a.id].state, "won");
    assert.equal(states[c.id].state, "won");
    assert.equal(states[b.id].state, "carry-pending");
    assert.deepEqual([states[a.id].case.number, states[c.id].case.number], [1, 2]);

    const case1 = await t.api("GET", "/api/v1/cases/1");
    assert.equal(case1.status, 200);
    assert.equal(case1.body.title, "外送員職業安全");
    assert.equal(case1.body.origin, "voted");
    assert.equal(case1.body.stage, "selected");
    assert.equal(case1.body.links.meeting.id, m.id);
    assert.equal(case1.body.links.petition.ref, "https://join.gov.tw/idea/detail/a");
    assert.equal(case1.body.leadAgency.slug, "moi");
    assert.equal((await t.api("GET", "/api/v1/cases/2")).body.leadAgency.slug, "motc");
  });

  test("a losing topic carries over once, into the next monthly meeting", async () => {
    const next = await meeting({ kind: "monthly", month: "2026-05" });
    assert.equal(next.candidates.length, 1);
    assert.equal(next.candidates[0].title, "產業用水調度");
    assert.equal(next.candidates[0].carryCount, 1);
    assert.equal(next.candidates[0].carriedFromId, b.id);
    const prev = await t.api("GET", `/api/v1/meetings/${m.id}`);
    assert.equal(prev.body.candidates.find((x: any) => x.id === b.id).state, "carried");
    const later = await meeting({ kind: "monthly", month: "2026-06" });
    assert.equal(later.candidates.length, 0, "carried only once");
  });

  test("a named vote publishes who chose what after close; the sweep closes a ballot at its time", async () => {
    clock().set(new Date("2026-06-01T01:00:00Z"));
    const named = await meeting({
      kind: "monthly",
      month: "2026-07",
      anonymous: false,
      ballotClosesAt: "2026-06-03T09:00:00+08:00",
    });
    const x = await candidate(named.id, {
      source: "minister-office",
      title: "長照交通接送",
      proposedLeadAgencyId: agency.mohw,
    });
    assert.equal((await t.api("POST", `/api/v1/meetings/${named.id}/ballots`, { token: pdis })).status, 201);
    const voter = "po-mohw-lead@example.org";
    await t.api("POST", `/api/v1/meetings/${named.id}/attendance`, {
      token: pdis,
      body: { personIds: [await personId(voter)], present: true },
    });
    const token = (await linksOf(named.title)).get(voter)!;
    assert.equal((await t.api("POST", `/api/v1/ballot/${token}`, { body: { choices: [x.id] } })).status, 201);
    clock().set(new Date("2026-06-03T02:00:00Z"));
    await runDueJobs(t.rt);
    const tally = await t.api("GET", `/api/v1/meetings/${named.id}/tally`);
    assert.equal(tally.status, 200);
    assert.deepEqual(tally.body.named, [{ voterId: await personId(voter), choices: [x.id] }]);
    const after = await t.api("GET", `/api/v1/meetings/${named.id}`);
    assert.equal(after.body.ballot.state, "closed");
    assert.equal(after.body.candidates[0].case.number, 3);
  });
});

describe("rotations", () => {
  test("agencies take turns to nominate; the one who served longest ago is next", async () => {
    const set = await t.api("PUT", "/api/v1/rotations/nomination", {
      token: pdis,
      body: { members: ["moi", "moea", "motc"] },
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.items.find((i: any) => i.next).agency.slug, "moi");
    const turn = await t.api("POST", "/api/v1/rotations/nomination/turn", {
      token: pdis,
      body: { for: "2026-07" },
    });
    assert.equal(turn.body.items.find((i: any) => i.next).agency.slug, "moea");
    assert.equal(turn.body.items[0].lastServedFor, "2026-07");
    const bad = await t.api("PUT", "/api/v1/rotations/table-facilitator", {
      token: pdis,
      body: { members: ["moi"] },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, "members.0");
    const po = await t.api("PUT", "/api/v1/rotations/nomination", { token: moeaPo, body: { members: [] } });
    assert.equal(po.status, 403);
  });
});

describe("no ranking", () => {
  test("the OpenAPI document has no ranking or scoring of people", async () => {
    const doc = JSON.stringify((await t.api("GET", "/api/openapi.json")).body);
    assert.doesNotMatch(doc, /leaderboard|ranking|"score"/i);
  });
});

describe("a petition in the product as a candidate", () => {
  test("its endorsement count is the record's, not the proposer's; an unknown id is refused", async () => {
    const m2 = await meeting({ kind: "monthly", month: "2026-09" });
    const petition = async (title: string, endorsements: number) => {
      const r = await t.api("POST", "/api/v1/petitions", {
        token: pdis,
        body: { title, text: "內容", endorsements },
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id as string;
    };
    const low = await petition("附議不足的提案", 3000);
    const refused = await t.api("POST", `/api/v1/meetings/${m2.id}/candidates`, {
      token: pdis,
      body: {
        source: "petition",
        title: "附議不足",
        petitionId: low,
        endorsements: 9999,
        proposedLeadAgencyId: agency.moi,
        criteria: yes,
      },
    });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.field, "criteria.petition-endorsements");
    const unknown = await t.api("POST", `/api/v1/meetings/${m2.id}/candidates`, {
      token: pdis,
      body: {
        source: "petition",
        title: "不存在",
        petitionId: "00000000-0000-4000-8000-000000000000",
        proposedLeadAgencyId: agency.moi,
        criteria: yes,
      },
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.field, "petitionId");
    const near = await petition("接近門檻的提案", 4200);
    const ok = await candidate(m2.id, {
      source: "petition",
      title: "接近門檻",
      petitionId: near,
      proposedLeadAgencyId: agency.moi,
    });
    assert.equal(ok.petition.standing, "near");
    assert.equal(ok.petition.id, near);
  });
});
