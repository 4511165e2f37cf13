import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { findOrg } from "../directory/index.ts";
import { seedDemoTranscripts } from "../transcripts/index.ts";
import { sql } from "drizzle-orm";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let pdis: string;
let moiPo: string;
let moeaPo: string;
let motcPo: string;
let citizen: string[];
const agency: Record<string, string> = {};
const clock = () => t.rt.clock as FixedClock;

before(async () => {
  t = await createTestApp();
  pdis = await t.tokenFor("pdis-project-manager@example.org");
  moiPo = await t.tokenFor("po-moi-lead@example.org");
  moeaPo = await t.tokenFor("po-moea-lead@example.org");
  motcPo = await t.tokenFor("po-motc-lead@example.org");
  for (const slug of ["moi", "moea", "motc", "mohw"]) agency[slug] = (await findOrg(t.db, slug))!.id;
  // Participants: signed-in people with no role (co-signers).
  citizen = [];
  for (let i = 1; i <= 7; i++) {
    const res = await t.api("POST", "/api/v1/people", {
      token: await t.tokenFor("pdis-project-manager@example.org"),
      body: { email: `cosigner${i}@example.org`, name: `附議人${i}` },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    citizen.push(await t.tokenFor(`cosigner${i}@example.org`));
  }
});
after(() => t.close());

async function selfProposed(token: string, leadAgencyId: string, title: string) {
  const res = await t.api("POST", "/api/v1/cases", { token, body: { title, leadAgencyId, summary: "摘要" } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

describe("case numbers", () => {
  test("self-proposed cases take the next numbers, gap-free, even when created at once", async () => {
    const first = await selfProposed(moiPo, agency.moi!, "戶籍謄本線上申請");
    assert.equal(first.number, 1);
    assert.equal(first.origin, "self-proposed");
    assert.equal(first.leadAgency.slug, "moi");
    // The other MOI POs hear of it; the PO who proposed it is not told of their own action.
    const told = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from notifications where kind = 'case.opened' and url = '/cases/1'`,
    );
    assert.equal(told.rows[0]!.n, 2);
    assert.deepEqual(
      first.stages.map((s: any) => [s.stage, s.status]),
      [
        ["selected", "current"],
        ["working-meeting", "upcoming"],
        ["research", "upcoming"],
        ["prep-meeting", "upcoming"],
        ["handbook-published", "upcoming"],
        ["collaborative-meeting", "upcoming"],
        ["report", "upcoming"],
        ["public-response", "upcoming"],
        ["tracked", "upcoming"],
        ["released", "upcoming"],
      ],
    );
    const many = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        t.api("POST", "/api/v1/cases", {
          token: pdis,
          body: { title: `並行 ${i}`, leadAgencyId: agency.mohw },
        }),
      ),
    );
    assert.deepEqual(
      many.map((r) => r.status),
      [201, 201, 201, 201],
    );
    assert.deepEqual(many.map((r) => r.body.number).sort(), [2, 3, 4, 5]);
    const refused = await t.api("POST", "/api/v1/cases", {
      token: moeaPo,
      body: { title: "代提", leadAgencyId: agency.moi },
    });
    assert.equal(refused.status, 403);
    const bad = await t.api("POST", "/api/v1/cases", {
      token: pdis,
      body: { title: "", leadAgencyId: agency.moi },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, "title");
  });
});

describe("seats", () => {
  test("a sixth stakeholder for one inviting agency is refused with the cap's code", async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await t.api("POST", "/api/v1/cases/1/seats", {
        token: moiPo,
        body: {
          category: "agency-stakeholder",
          invitingAgencyId: agency.moi,
          name: `利害關係人${i}`,
          email: `s${i}@example.org`,
        },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    const sixth = await t.api("POST", "/api/v1/cases/1/seats", {
      token: moiPo,
      body: { category: "agency-stakeholder", invitingAgencyId: agency.moi, name: "第六位" },
    });
    assert.equal(sixth.status, 409);
    assert.equal(sixth.body.error.code, "seat_cap_agency_stakeholders");
    assert.equal(sixth.body.error.field, "invitingAgencyId");
    // An agency with no role on the case cannot invite; another agency's PO cannot invite for MOI.
    const stranger = await t.api("POST", "/api/v1/cases/1/seats", {
      token: moeaPo,
      body: { category: "agency-stakeholder", invitingAgencyId: agency.moea, name: "x" },
    });
    assert.equal(stranger.status, 400);
    assert.equal(stranger.body.error.field, "invitingAgencyId");
    const forOther = await t.api("POST", "/api/v1/cases/1/seats", {
      token: moeaPo,
      body: { category: "agency-stakeholder", invitingAgencyId: agency.moi, name: "x" },
    });
    assert.equal(forOther.status, 403);
  });

  test("co-signer seats: five, first come, then a waiting list that moves up", async () => {
    const seats: any[] = [];
    for (const token of citizen.slice(0, 7)) {
      const res = await t.api("POST", "/api/v1/cases/1/seats", {
        token,
        body: { category: "co-signer", livestreamConsent: "live" },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      seats.push(res.body);
    }
    assert.deepEqual(
      seats.map((s) => s.state),
      ["confirmed", "confirmed", "confirmed", "confirmed", "confirmed", "waiting", "waiting"],
    );
    const twice = await t.api("POST", "/api/v1/cases/1/seats", {
      token: citizen[0],
      body: { category: "co-signer" },
    });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.code, "seat_taken_by_person");
    const gone = await t.api("POST", `/api/v1/cases/1/seats/${seats[1].id}/withdraw`, { token: citizen[1] });
    assert.equal(gone.status, 200);
    const c = (await t.api("GET", "/api/v1/cases/1")).body;
    assert.deepEqual(c.seats.coSigners, { cap: 5, confirmed: 5, waiting: 1 });
    const list = await t.api("GET", "/api/v1/cases/1/seats", { token: moiPo });
    assert.equal(list.body.items.find((s: any) => s.id === seats[5].id).state, "confirmed");
    const told = await t.db.execute<{ person_id: string }>(
      sql`select person_id from notifications where kind = 'case.seat-confirmed'`,
    );
    assert.deepEqual(
      told.rows.map((r) => r.person_id),
      [seats[5].personId],
    );
    const notMine = await t.api("POST", `/api/v1/cases/1/seats/${seats[2].id}/withdraw`, {
      token: citizen[3],
    });
    assert.equal(notMine.status, 403);
  });

  test("other stakeholders: at most one per group and ten in all", async () => {
    const add = (groupName: string) =>
      t.api("POST", "/api/v1/cases/1/seats", {
        token: pdis,
        body: {
          category: "other-stakeholder",
          groupName,
          name: `${groupName}代表`,
          livestreamConsent: "live",
        },
      });
    assert.equal((await add("台灣外送員協會")).status, 201);
    const same = await add(" 台灣外送員協會 ");
    assert.equal(same.status, 409);
    assert.equal(same.body.error.code, "seat_cap_one_per_group");
    for (let i = 2; i <= 10; i++) assert.equal((await add(`團體${i}`)).status, 201);
    const eleventh = await add("團體11");
    assert.equal(eleventh.status, 409);
    assert.equal(eleventh.body.error.code, "seat_cap_other_stakeholders");
    const byPo = await t.api("POST", "/api/v1/cases/1/seats", {
      token: moeaPo,
      body: { category: "other-stakeholder", groupName: "g", name: "n" },
    });
    assert.equal(byPo.status, 403);
  });

  test("names and e-mail of attendees are not public", async () => {
    const pub = await t.api("GET", "/api/v1/cases/1");
    assert.doesNotMatch(JSON.stringify(pub.body), /利害關係人1|s1@example\.org|附議人/);
    assert.equal((await t.api("GET", "/api/v1/cases/1/seats", { token: moeaPo })).status, 403);
    assert.equal((await t.api("GET", "/api/v1/cases/1/seats")).status, 401);
  });

  test("livestream only as far as every attendee consents", async () => {
    const patched = await t.api("PATCH", "/api/v1/cases/1", {
      token: moiPo,
      body: { livestreamRequested: "live" },
    });
    assert.equal(patched.status, 200);
    // The agency's stakeholders gave no consent (default none): nothing is streamed or recorded.
    assert.equal(patched.body.livestream.effective, "none");
    const list = (await t.api("GET", "/api/v1/cases/1/seats", { token: moiPo })).body.items;
    for (const s of list.filter((x: any) => x.category === "agency-stakeholder" && x.state === "confirmed")) {
      const res = await t.api("PUT", `/api/v1/cases/1/seats/${s.id}/consent`, {
        token: moiPo,
        body: { livestreamConsent: "live" },
      });
      assert.equal(res.status, 200);
    }
    assert.equal((await t.api("GET", "/api/v1/cases/1")).body.livestream.effective, "live");
    const me = (await t.api("GET", "/api/v1/me", { token: citizen[0] })).body.personId;
    const mine = list.find((x: any) => x.personId === me);
    assert.equal(mine.state, "confirmed");
    const own = await t.api("PUT", `/api/v1/cases/1/seats/${mine.id}/consent`, {
      token: citizen[0],
      body: { livestreamConsent: "record" },
    });
    assert.equal(own.status, 200);
    const c = (await t.api("GET", "/api/v1/cases/1")).body;
    assert.equal(c.livestream.effective, "record");
    assert.equal(c.livestream.requested, "live");
  });
});

describe("stages, roles and release", () => {
  test("stages move one at a time; the handbook needs its address", async () => {
    const skip = await t.api("POST", "/api/v1/cases/1/advance", { token: moiPo, body: { to: "research" } });
    assert.equal(skip.status, 409);
    assert.equal(skip.body.error.code, "stage_order");
    assert.equal(
      (await t.api("POST", "/api/v1/cases/1/advance", { token: moeaPo, body: { to: "working-meeting" } }))
        .status,
      403,
    );
    const owner = await t.api("PATCH", "/api/v1/cases/1/stages/research", {
      token: moiPo,
      body: { ownerAgencyId: agency.moi, dueOn: "2026-03-20", note: "議題分析表" },
    });
    assert.equal(owner.status, 200);
    const research = owner.body.stages.find((s: any) => s.stage === "research");
    assert.equal(research.ownerAgency.slug, "moi");
    assert.equal(research.dueOn, "2026-03-20");
    const impossible = await t.api("PATCH", "/api/v1/cases/1/stages/research", {
      token: moiPo,
      body: { dueOn: "2026-02-30" },
    });
    assert.equal(impossible.status, 400, JSON.stringify(impossible.body));
    assert.equal(impossible.body.error.field, "dueOn");
    for (const to of ["working-meeting", "research", "prep-meeting"]) {
      const res = await t.api("POST", "/api/v1/cases/1/advance", { token: moiPo, body: { to } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    const noBook = await t.api("POST", "/api/v1/cases/1/advance", {
      token: moiPo,
      body: { to: "handbook-published" },
    });
    assert.equal(noBook.status, 400);
    assert.equal(noBook.body.error.field, "artefactUrl");
    const book = await t.api("POST", "/api/v1/cases/1/advance", {
      token: moiPo,
      body: { to: "handbook-published", artefactUrl: "https://example.org/handbook-1" },
    });
    assert.equal(book.status, 200);
    assert.equal(
      book.body.stages.find((s: any) => s.stage === "handbook-published").artefactUrl,
      "https://example.org/handbook-1",
    );
    const meeting = await t.api("POST", "/api/v1/meetings", {
      token: moiPo,
      body: { kind: "collaborative", caseNumber: 1, date: "2026-03-10", location: "行政院" },
    });
    assert.equal(meeting.status, 201, JSON.stringify(meeting.body));
    const meet = await t.api("POST", "/api/v1/cases/1/advance", {
      token: moiPo,
      body: { to: "collaborative-meeting" },
    });
    assert.equal(
      meet.body.stages.find((s: any) => s.stage === "collaborative-meeting").meeting.id,
      meeting.body.id,
    );
    assert.equal(meeting.body.caseNumber, 1);
  });

  test("an agency that led a collaborative meeting within 45 days leads again only with its consent", async () => {
    clock().set(new Date("2026-03-20T02:00:00Z"));
    const byPdis = await selfProposed(pdis, agency.moi!, "另一個內政部議題");
    assert.equal(byPdis.leadAgency, null);
    assert.equal(byPdis.pendingLead.agency.slug, "moi");
    const asked = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from notifications where kind = 'case.lead-consent' and url = ${`/cases/${byPdis.number}`}`,
    );
    assert.equal(asked.rows[0]!.n, 3, "each of MOI's three POs is asked to consent");
    const forced = await t.api("POST", `/api/v1/cases/${byPdis.number}/roles`, {
      token: pdis,
      body: { kind: "lead", agencyId: agency.moi },
    });
    assert.equal(forced.status, 409);
    assert.equal(forced.body.error.code, "lead_cooldown");
    const consent = await t.api("POST", `/api/v1/cases/${byPdis.number}/roles`, {
      token: moiPo,
      body: { kind: "lead", agencyId: agency.moi, consent: true },
    });
    assert.equal(consent.status, 200, JSON.stringify(consent.body));
    assert.equal(consent.body.leadAgency.slug, "moi");
    assert.equal(consent.body.pendingLead, null);
    assert.equal(consent.body.roles[0].consented, true);
    // Co-organiser and facilitators.
    const co = await t.api("POST", `/api/v1/cases/1/roles`, {
      token: moiPo,
      body: { kind: "co-organiser", agencyId: agency.motc },
    });
    assert.equal(co.status, 200);
    const facilitator = await t.api("POST", `/api/v1/cases/1/roles`, {
      token: motcPo,
      body: {
        kind: "table-facilitator",
        personId: (await t.api("GET", "/api/v1/me", { token: motcPo })).body.personId,
        label: "第 1 桌",
      },
    });
    assert.equal(facilitator.status, 200, JSON.stringify(facilitator.body));
    assert.ok(
      facilitator.body.roles.some((r: any) => r.kind === "table-facilitator" && r.label === "第 1 桌"),
    );
    // After 45 days the cool-down is over.
    clock().set(new Date("2026-05-01T02:00:00Z"));
    const later = await selfProposed(pdis, agency.moi!, "冷卻期後");
    assert.equal(later.leadAgency.slug, "moi");
  });

  test("a case is released only with evidence that the outcome reached everyone", async () => {
    for (const to of ["report", "public-response", "tracked"]) {
      const res = await t.api("POST", "/api/v1/cases/1/advance", { token: moiPo, body: { to } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    const early = await t.api("POST", "/api/v1/cases/1/release", { token: moiPo, body: {} });
    assert.equal(early.status, 409);
    assert.equal(early.body.error.code, "release_needs_evidence");
    assert.match(early.body.error.message, /proposer, co-signers, participants/);
    const ev = await t.api("POST", "/api/v1/cases/1/evidence", {
      token: moiPo,
      body: { kind: "mail-out", audiences: ["proposer", "co-signers"], note: "寄送 120 封" },
    });
    assert.equal(ev.status, 200);
    const partial = await t.api("POST", "/api/v1/cases/1/release", { token: moiPo, body: {} });
    assert.equal(partial.status, 409);
    assert.match(partial.body.error.message, /participants/);
    assert.doesNotMatch(partial.body.error.message, /proposer/);
    await t.api("POST", "/api/v1/cases/1/evidence", {
      token: moiPo,
      body: { kind: "post", audiences: ["participants"], url: "https://example.org/outcome" },
    });
    const released = await t.api("POST", "/api/v1/cases/1/release", {
      token: moiPo,
      body: { note: "解除列管" },
    });
    assert.equal(released.status, 200);
    assert.equal(released.body.stage, "released");
    assert.ok(released.body.releasedAt);
    assert.equal(released.body.can.organise, false);
    const after = await t.api("PATCH", "/api/v1/cases/1", { token: moiPo, body: { title: "改" } });
    assert.equal(after.status, 409);
    assert.equal(after.body.error.code, "case_released");
  });
});

describe("the public case and its index", () => {
  test("a case links its meeting, petition and published transcript", async () => {
    await seedDemoTranscripts({ db: t.db, clock: t.rt.clock });
    const tr = await t.db.execute<{ id: string; slug: string }>(
      sql`select id, slug from transcripts where state = 'published' order by slug limit 1`,
    );
    const row = tr.rows[0]!;
    const res = await t.api("PATCH", "/api/v1/cases/2", {
      token: pdis,
      body: { transcriptId: row.id, petitionRef: "https://join.gov.tw/idea/detail/x" },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.links.transcript.slug, row.slug);
    // Both ways: the transcript's page names the case it records.
    const transcriptPage = await (await t.app.request(`/transcripts/${encodeURIComponent(row.slug)}`)).text();
    assert.match(transcriptPage, /href="\/cases\/2"/);
    assert.equal(res.body.links.petition.ref, "https://join.gov.tw/idea/detail/x");
    // A transcript still in review never shows on a case.
    await t.db.execute(sql`update transcripts set state = 'in-review' where id = ${row.id}::uuid`);
    assert.equal((await t.api("GET", "/api/v1/cases/2")).body.links.transcript, null);
    await t.db.execute(sql`update transcripts set state = 'published' where id = ${row.id}::uuid`);
    assert.equal((await t.api("GET", "/api/v1/cases/404")).status, 404);
    assert.equal((await t.api("GET", "/api/v1/cases/abc")).status, 400);
  });

  test("a petition in the product is linked by id, with its title and page; an unknown id is refused", async () => {
    const created = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: { title: "公共運輸票證整合", text: "希望各縣市票證可以互通。", endorsements: 5200 },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const petitionId = created.body.id as string;
    const unknown = await t.api("PATCH", "/api/v1/cases/2", {
      token: pdis,
      body: { petitionId: "00000000-0000-4000-8000-000000000000" },
    });
    assert.equal(unknown.status, 400);
    assert.match(JSON.stringify(unknown.body), /petitionId/);
    const linked = await t.api("PATCH", "/api/v1/cases/2", { token: pdis, body: { petitionId } });
    assert.equal(linked.status, 200, JSON.stringify(linked.body));
    assert.equal(linked.body.links.petition.id, petitionId);
    assert.equal(linked.body.links.petition.title, "公共運輸票證整合");
    assert.equal(linked.body.links.petition.url, `/petitions/${petitionId}`);
    const page = await t.app.request("/cases/2");
    assert.match(await page.text(), new RegExp(`href="/petitions/${petitionId}"`));
    // Both ways: the petition lists the case that took it up, in the API and on its page.
    const back = await t.api("GET", `/api/v1/petitions/${petitionId}`);
    assert.deepEqual(
      back.body.cases.map((c: any) => [c.number, c.url]),
      [[2, "/cases/2"]],
    );
    const petitionPage = await (await t.app.request(`/petitions/${petitionId}`)).text();
    assert.match(petitionPage, /href="\/cases\/2"/);
    // The trail goes on to the petition's response once it is published.
    assert.equal(linked.body.links.response, null);
    await t.api("POST", `/api/v1/petitions/${petitionId}/assignment`, { token: pdis, body: { lead: "moi" } });
    const saved = await t.api("POST", `/api/v1/petitions/${petitionId}/response`, {
      token: moiPo,
      body: {
        analysis: "分析",
        suggestion: "建議",
        plan: "計畫",
        references: [],
        citations: [],
        evaluatedBy: "交通部",
        evaluationMethod: "協作會議",
      },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal((await t.api("GET", "/api/v1/cases/2")).body.links.response, null, "a draft is not linked");
    await t.api("POST", `/api/v1/petitions/${petitionId}/response/publish`, { token: moiPo });
    const withResponse = (await t.api("GET", "/api/v1/cases/2")).body.links.response;
    assert.equal(withResponse.url, `/petitions/${petitionId}#response-title`);
    assert.match(
      await (await t.app.request("/cases/2")).text(),
      new RegExp(`href="/petitions/${petitionId}#response-title"`),
    );
    const refused = await t.api("POST", "/api/v1/cases", {
      token: moiPo,
      body: { title: "x", leadAgencyId: agency.moi, petitionId: "00000000-0000-4000-8000-000000000000" },
    });
    assert.equal(refused.status, 400);
    assert.match(JSON.stringify(refused.body), /petitionId/);
  });

  test("the index filters by agency, stage and year", async () => {
    const all = (await t.api("GET", "/api/v1/cases")).body.items;
    assert.deepEqual(
      all.map((c: any) => c.number),
      [7, 6, 5, 4, 3, 2, 1],
    );
    const moi = (await t.api("GET", "/api/v1/cases?agency=moi")).body.items.map((c: any) => c.number);
    assert.deepEqual(moi, [7, 6, 1]);
    const motc = (await t.api("GET", "/api/v1/cases?agency=motc")).body.items.map((c: any) => c.number);
    assert.deepEqual(motc, [1]);
    const released = (await t.api("GET", "/api/v1/cases?stage=released")).body.items.map(
      (c: any) => c.number,
    );
    assert.deepEqual(released, [1]);
    assert.equal((await t.api("GET", "/api/v1/cases?year=2025")).body.items.length, 0);
    assert.equal((await t.api("GET", "/api/v1/cases?year=2026")).body.items.length, 7);
    const page = await t.api("GET", "/api/v1/cases?limit=3");
    assert.equal(page.body.next, "5");
    const next = await t.api("GET", `/api/v1/cases?limit=3&cursor=${page.body.next}`);
    assert.deepEqual(
      next.body.items.map((c: any) => c.number),
      [4, 3, 2],
    );
    const bad = await t.api("GET", "/api/v1/cases?stage=nope");
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, "stage");
  });

  test("open data: every case as JSON and CSV, without seats or attendees", async () => {
    const json = await t.api("GET", "/api/v1/cases/export.json");
    assert.equal(json.status, 200);
    assert.deepEqual(
      json.body.map((c: any) => c.number),
      [1, 2, 3, 4, 5, 6, 7],
    );
    const first = json.body[0];
    assert.equal(first.stage, "released");
    assert.equal(first.stages.length, 10);
    assert.ok(
      first.stages.every((s: any) => s.startedAt !== null),
      "a released case went through every stage",
    );
    const second = json.body[1];
    assert.equal(second.petition.title, undefined, "the summary form: id and reference");
    assert.ok(second.petition.id);
    assert.ok(second.transcript, "a published transcript's slug");
    assert.doesNotMatch(JSON.stringify(json.body), /@example|seats|email/i);
    const csv = await t.app.request("/api/v1/cases/export.csv");
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get("content-type") ?? "", /text\/csv/);
    const lines = (await csv.text())
      .replace(/^\ufeff/, "")
      .trim()
      .split("\n");
    assert.equal(lines.length, 8, "a header and one row per case");
    assert.match(lines[0]!, /^number,title,summary,origin/);
    assert.match(lines[0]!, /released_started_at,released_completed_at$/);
  });
});
