import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { runDueJobs } from "../../runtime.ts";
import { findOrg, findPersonByEmail } from "../directory/index.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let pdis: string;
let moiPo: string;
let moeaPo: string;
let motcPo: string;
let citizen: string;
const agency: Record<string, string> = {};
const clock = () => t.rt.clock as FixedClock;
/** Owned by the MOEA, from case 1 (led by the MOI). */
let a: any;
/** Owned by the MOI, from case 1: its POs organise the case and own the commitment. */
let b: any;
/** Owned by the MOI, from a petition the MOEA leads. */
let c: any;

async function count(query: ReturnType<typeof sql>): Promise<number> {
  return (await t.db.execute<{ n: number }>(query)).rows[0]!.n;
}
const revisions = sql`select count(*)::int as n from commitment_revisions`;
const revise = (id: string, token: string | undefined, body: Record<string, unknown>) =>
  t.api("POST", `/api/v1/commitments/${id}/revisions`, { token, body });
async function record(token: string, body: Record<string, unknown>) {
  const res = await t.api("POST", "/api/v1/commitments", { token, body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

before(async () => {
  t = await createTestApp();
  clock().set(new Date("2026-03-02T02:00:00Z"));
  pdis = await t.tokenFor("pdis-project-manager@example.org");
  moiPo = await t.tokenFor("po-moi-lead@example.org");
  moeaPo = await t.tokenFor("po-moea-lead@example.org");
  motcPo = await t.tokenFor("po-motc-lead@example.org");
  for (const slug of ["moi", "moea", "motc"]) agency[slug] = (await findOrg(t.db, slug))!.id;
  const person = await t.api("POST", "/api/v1/people", {
    token: pdis,
    body: { email: "resident@example.org", name: "居民" },
  });
  assert.equal(person.status, 201, JSON.stringify(person.body));
  citizen = await t.tokenFor("resident@example.org");
  const kase = await t.api("POST", "/api/v1/cases", {
    token: moiPo,
    body: { title: "戶籍謄本線上申請", leadAgencyId: agency.moi },
  });
  assert.equal(kase.status, 201, JSON.stringify(kase.body));
  const p = await t.api("POST", "/api/v1/petitions", {
    token: pdis,
    body: { title: "經濟部主辦的提議", text: "內容", agencies: ["moea"] },
  });
  assert.equal(p.status, 201, JSON.stringify(p.body));
  await t.db.execute(
    sql`insert into petition_agencies (petition_id, role, agency_id, position) values (${p.body.id}::uuid, 'lead', ${agency.moea}::uuid, 0)`,
  );
  a = await record(moiPo, {
    text: "公布使用數據",
    ownerAgencyId: "moea",
    dueOn: "2026-06-10",
    caseNumber: 1,
  });
  b = await record(moiPo, { text: "修正申請表單", ownerAgencyId: "moi", dueOn: "2026-06-20", caseNumber: 1 });
  c = await record(moeaPo, {
    text: "上架資料集",
    ownerAgencyId: "moi",
    dueOn: "2026-06-30",
    petitionId: p.body.id,
  });
});
after(() => t.close());

describe("who may revise", () => {
  test("those who may record it from its sources; others are 403 and nothing is written", async () => {
    const body = { text: "公布完整使用數據", reason: "補充範圍" };
    assert.equal((await revise(a.id, undefined, body)).status, 401);
    // No role on the case, a resident, and the owner agency (MOEA) that does not organise case 1.
    for (const token of [motcPo, citizen, moeaPo])
      assert.equal((await revise(a.id, token, body)).status, 403);
    // The petition's commitment: the owner (MOI) does not answer the MOEA's petition.
    assert.equal((await revise(c.id, moiPo, body)).status, 403);
    assert.equal(await count(revisions), 0);
    assert.equal(
      await count(sql`select count(*)::int as n from audit_log where action = 'commitment.revise'`),
      0,
    );
  });

  test("the owner agency's POs do not move their own due date, even as the case's organisers", async () => {
    const moved = await revise(b.id, moiPo, { dueOn: "2026-09-30", reason: "預算延後" });
    assert.equal(moved.status, 403, JSON.stringify(moved.body));
    assert.equal(moved.body.error.code, "own_due_date");
    assert.equal(moved.body.error.field, "dueOn");
    // Nor by taking a commitment over and moving its date at once.
    const taken = await revise(a.id, moiPo, {
      ownerAgencyId: "moi",
      dueOn: "2026-09-30",
      reason: "改由內政部",
    });
    assert.equal(taken.status, 403);
    assert.equal(taken.body.error.code, "own_due_date");
    assert.equal(await count(revisions), 0);
    assert.equal((await t.api("GET", `/api/v1/commitments/${b.id}`)).body.dueOn, "2026-06-20");
    // The same date named again is no move: the text may still be corrected.
    const text = await revise(b.id, moiPo, { text: "修正線上申請表單", dueOn: "2026-06-20", reason: "錯字" });
    assert.equal(text.status, 201, JSON.stringify(text.body));
    assert.equal(text.body.text, "修正線上申請表單");
    assert.equal(text.body.dueOn, "2026-06-20");
    // What the reader may do, as the API says it.
    const seen = await t.api("GET", `/api/v1/commitments/${b.id}`, { token: moiPo });
    assert.deepEqual(seen.body.can, { update: true, revise: true, moveDueDate: false });
    const staff = await t.api("GET", `/api/v1/commitments/${b.id}`, { token: pdis });
    assert.deepEqual(staff.body.can, { update: true, revise: true, moveDueDate: true });
    const owner = await t.api("GET", `/api/v1/commitments/${a.id}`, { token: moeaPo });
    assert.deepEqual(owner.body.can, { update: true, revise: false, moveDueDate: false });
    // PDIS moves the MOI's date; the MOEA, leading the petition, moves the MOI's petition commitment.
    const byPdis = await revise(b.id, pdis, { dueOn: "2026-07-20", reason: "主席同意展延" });
    assert.equal(byPdis.status, 201, JSON.stringify(byPdis.body));
    const byPetition = await revise(c.id, moeaPo, { dueOn: "2026-07-31", reason: "配合資料盤點" });
    assert.equal(byPetition.status, 201, JSON.stringify(byPetition.body));
    assert.equal(byPetition.body.dueOn, "2026-07-31");
  });
});

describe("bad input", () => {
  test("a missing or empty reason, an impossible date, an unknown agency or no change is a 400 naming it", async () => {
    const bad = async (body: Record<string, unknown>, field: string, code = "invalid_input") => {
      const res = await revise(a.id, pdis, body);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.field, field, JSON.stringify(res.body));
      assert.equal(res.body.error.code, code);
    };
    await bad({ dueOn: "2026-08-01" }, "reason");
    await bad({ dueOn: "2026-08-01", reason: "   " }, "reason");
    await bad({ dueOn: "2026-08-01", reason: "長".repeat(2001) }, "reason");
    await bad({ dueOn: "2026-02-30", reason: "r" }, "dueOn");
    await bad({ dueOn: "0000-01-01", reason: "r" }, "dueOn");
    await bad({ dueOn: "next week", reason: "r" }, "dueOn");
    await bad({ ownerAgencyId: "nowhere", reason: "r" }, "ownerAgencyId");
    await bad({ text: "  ", reason: "r" }, "text");
    // Nothing changes: the fields named are as they are, or none is named.
    await bad({ dueOn: "2026-06-10", reason: "r" }, "dueOn", "revision_changes_nothing");
    await bad(
      { text: "公布使用數據", ownerAgencyId: "moea", reason: "r" },
      "text,ownerAgencyId",
      "revision_changes_nothing",
    );
    await bad({ reason: "r" }, "text,ownerAgencyId,dueOn", "revision_changes_nothing");
    const unknown = await revise("00000000-0000-4000-8000-000000000000", pdis, { text: "x", reason: "r" });
    assert.equal(unknown.status, 404);
    assert.equal((await revise("nope", pdis, { text: "x", reason: "r" })).status, 400);
    assert.equal(
      await count(
        sql`select count(*)::int as n from commitment_revisions where commitment_id = ${a.id}::uuid`,
      ),
      0,
    );
  });
});

describe("the public history", () => {
  test("each revision shows before and after and its reason; the original due date stays visible", async () => {
    clock().set(new Date("2026-03-03T02:00:00Z"));
    const before = await count(
      sql`select count(*)::int as n from notifications where kind = 'commitment.revised'`,
    );
    const first = await revise(a.id, pdis, {
      text: "公布完整使用數據",
      dueOn: "2026-06-30",
      reason: "  會議決議擴大範圍  ",
    });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.dueOn, "2026-06-30");
    assert.equal(first.body.originalDueOn, "2026-06-10");
    assert.equal(first.body.revisions.length, 1);
    const r = first.body.revisions[0];
    assert.equal(r.reason, "會議決議擴大範圍");
    assert.deepEqual(r.changes, {
      text: { before: "公布使用數據", after: "公布完整使用數據" },
      dueOn: { before: "2026-06-10", after: "2026-06-30" },
    });
    assert.equal(r.at, "2026-03-03T02:00:00.000Z");
    assert.equal(r.clearedOverdueAt, null);
    // The owner agency's POs are told; the author (PDIS) is not.
    const moeaLead = (await findPersonByEmail(t.db, "po-moea-lead@example.org"))!.id;
    assert.equal(
      await count(
        sql`select count(*)::int as n from notifications where kind = 'commitment.revised' and person_id = ${moeaLead}::uuid`,
      ),
      1,
    );
    assert.ok(
      (await count(sql`select count(*)::int as n from notifications where kind = 'commitment.revised'`)) >
        before,
    );

    // Ownership moves: both agencies hear of it; the original due date is still the first one.
    clock().set(new Date("2026-03-04T02:00:00Z"));
    const second = await revise(a.id, pdis, {
      ownerAgencyId: "motc",
      dueOn: "2026-07-15",
      reason: "業務移撥交通部",
    });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    assert.equal(second.body.ownerAgency.slug, "motc");
    assert.equal(second.body.originalDueOn, "2026-06-10");
    const moved = second.body.revisions[1];
    assert.equal(moved.changes.ownerAgency.before.slug, "moea");
    assert.equal(moved.changes.ownerAgency.after.slug, "motc");
    assert.deepEqual(moved.changes.dueOn, { before: "2026-06-30", after: "2026-07-15" });
    assert.equal(moved.changes.text, undefined);
    const motcLead = (await findPersonByEmail(t.db, "po-motc-lead@example.org"))!.id;
    for (const id of [moeaLead, motcLead])
      assert.equal(
        await count(
          sql`select count(*)::int as n from notifications where kind = 'commitment.revised' and person_id = ${id}::uuid`,
        ),
        1,
        "repeats merge into one unread item per person",
      );
    assert.equal(
      await count(
        sql`select count(*)::int as n from notifications where kind = 'commitment.revised' and person_id = ${moeaLead}::uuid and count = 2`,
      ),
      1,
    );

    // Public: anyone reads the history; who revised is in the audit log and the revision row only.
    const read = await t.api("GET", `/api/v1/commitments/${a.id}`);
    assert.equal(read.body.revisions.length, 2);
    assert.ok(
      !JSON.stringify(read.body).includes(
        (await findPersonByEmail(t.db, "pdis-project-manager@example.org"))!.id,
      ),
    );
    const audit = await t.db.execute<{ before: any; after: any }>(
      sql`select before, after from audit_log where action = 'commitment.revise' and entity_id = ${a.id} order by id`,
    );
    assert.equal(audit.rows.length, 2);
    assert.deepEqual(audit.rows[0]!.before, { text: "公布使用數據", dueOn: "2026-06-10" });
    assert.equal(audit.rows[0]!.after.reason, "會議決議擴大範圍");
    assert.deepEqual(audit.rows[1]!.before, { ownerAgencyId: agency.moea, dueOn: "2026-06-30" });
    const authors = await t.db.execute<{ author_id: string }>(
      sql`select author_id from commitment_revisions where commitment_id = ${a.id}::uuid`,
    );
    const pdisId = (await findPersonByEmail(t.db, "pdis-project-manager@example.org"))!.id;
    assert.deepEqual(
      authors.rows.map((x) => x.author_id),
      [pdisId, pdisId],
    );
  });
});

describe("revising and the overdue sweep", () => {
  test("a due date moved to a day not yet past clears the flag; the sweep flags it again after the new date, once", async () => {
    clock().set(new Date("2026-03-05T02:00:00Z"));
    const d = await record(moiPo, {
      text: "補上操作說明",
      ownerAgencyId: "motc",
      dueOn: "2026-03-10",
      caseNumber: 1,
    });
    clock().set(new Date("2026-03-10T16:30:00Z")); // 00:30 on 11 March in Taipei
    let ran: any = await runDueJobs(t.rt);
    assert.deepEqual(ran.commitments, { flagged: 1 });
    const flaggedAt = "2026-03-10T16:30:00.000Z";
    assert.equal((await t.api("GET", `/api/v1/commitments/${d.id}`)).body.overdue, true);

    clock().set(new Date("2026-03-12T02:00:00Z"));
    const res = await revise(d.id, pdis, { dueOn: "2026-03-20", reason: "廠商交付延後" });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.overdue, false);
    assert.equal(res.body.overdueAt, null);
    assert.equal(res.body.revisions[0].clearedOverdueAt, flaggedAt, "having been overdue stays on record");
    assert.equal(res.body.originalDueOn, "2026-03-10");

    const overdueOf = sql`select count(*)::int as n from audit_log where action = 'commitment.overdue' and entity_id = ${d.id}`;
    clock().set(new Date("2026-03-20T15:00:00Z")); // 23:00 on the new due day
    ran = await runDueJobs(t.rt);
    assert.deepEqual(ran.commitments, { flagged: 0 });
    clock().set(new Date("2026-03-20T16:30:00Z")); // the day after, in Taipei
    ran = await runDueJobs(t.rt);
    assert.deepEqual(ran.commitments, { flagged: 1 });
    clock().set(new Date("2026-03-21T02:00:00Z"));
    ran = await runDueJobs(t.rt);
    assert.deepEqual(ran.commitments, { flagged: 0 });
    assert.equal(await count(overdueOf), 2);
    const shown = await t.api("GET", `/api/v1/commitments/${d.id}`);
    assert.equal(shown.body.overdue, true);
    assert.equal(shown.body.overdueAt, "2026-03-20T16:30:00.000Z");
    // A new lapse is a new urgent notice for the owner's POs, not merged into the first one.
    const motcLead = (await findPersonByEmail(t.db, "po-motc-lead@example.org"))!.id;
    assert.equal(
      await count(
        sql`select count(*)::int as n from notifications where kind = 'commitment.overdue' and person_id = ${motcLead}::uuid and url = ${`/commitments/${d.id}`}`,
      ),
      2,
    );

    // Moved later but still past: it stays overdue, the flag kept.
    const later = await revise(d.id, pdis, { dueOn: "2026-03-20", text: "補上完整操作說明", reason: "範圍" });
    assert.equal(later.status, 201);
    const stillPast = await revise(d.id, pdis, { dueOn: "2026-03-19", reason: "更正日期" });
    assert.equal(stillPast.status, 201, JSON.stringify(stillPast.body));
    assert.equal(stillPast.body.overdue, true);
    assert.equal(stillPast.body.overdueAt, "2026-03-20T16:30:00.000Z");
    assert.equal(stillPast.body.revisions.at(-1).clearedOverdueAt, null);
  });

  test("a due date moved earlier into the past is overdue at the next sweep", async () => {
    const e = await record(pdis, {
      text: "辦理說明會",
      ownerAgencyId: "motc",
      dueOn: "2026-05-30",
      caseNumber: 1,
    });
    const res = await revise(e.id, pdis, { dueOn: "2026-03-15", reason: "說明會已提前舉行日期更正" });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.overdue, false, "not flagged until the sweep");
    const ran: any = await runDueJobs(t.rt);
    assert.deepEqual(ran.commitments, { flagged: 1 });
    assert.equal((await t.api("GET", `/api/v1/commitments/${e.id}`)).body.overdue, true);
  });
});

describe("finished commitments", () => {
  test("a done or dropped commitment is not revised: a 409 naming its state", async () => {
    const done = await t.api("POST", `/api/v1/commitments/${a.id}/updates`, {
      token: motcPo,
      body: { status: "done", body: "數據已公布" },
    });
    assert.equal(done.status, 201, JSON.stringify(done.body));
    const refused = await revise(a.id, pdis, { text: "再改", reason: "r" });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, "commitment_done");
    const dropped = await t.api("POST", `/api/v1/commitments/${b.id}/updates`, {
      token: moiPo,
      body: { status: "dropped", body: "併入另一項承諾" },
    });
    assert.equal(dropped.status, 201);
    const again = await revise(b.id, pdis, { text: "再改", reason: "r" });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, "commitment_dropped");
    assert.equal((await t.api("GET", `/api/v1/commitments/${b.id}`, { token: pdis })).body.can.revise, false);
  });
});

describe("open data", () => {
  test("the JSON export carries the revisions and the original due date; the CSV their count, latest and original date", async () => {
    const json = await t.api("GET", "/api/v1/commitments/export.json");
    assert.equal(json.status, 200);
    const x = json.body.find((r: any) => r.id === a.id);
    assert.equal(x.originalDueOn, "2026-06-10");
    assert.equal(x.revisions.length, 2);
    assert.deepEqual(x.revisions[1].changes.ownerAgency, { before: "moea", after: "motc" });
    assert.equal(x.revisions[1].reason, "業務移撥交通部");
    assert.deepEqual(Object.keys(x.revisions[0]).sort(), [
      "agency",
      "at",
      "changes",
      "clearedOverdueAt",
      "reason",
    ]);
    const never = json.body.find((r: any) => r.text === "辦理說明會");
    assert.equal(never.revisions[0].changes.dueOn.after, "2026-03-15");
    const text = JSON.stringify(json.body);
    assert.ok(!/authorId|createdBy/.test(text));
    assert.ok(!text.includes((await findPersonByEmail(t.db, "pdis-project-manager@example.org"))!.id));

    const csv = await (await t.app.request("/api/v1/commitments/export.csv")).text();
    const rows = parse(csv.replace(/^\uFEFF/, ""), { columns: true }) as Array<Record<string, string>>;
    const row = rows.find((r) => r.id === a.id)!;
    assert.equal(row.revisions, "2");
    assert.equal(row.last_revised_at, "2026-03-04T02:00:00.000Z");
    assert.equal(row.last_revision_reason, "業務移撥交通部");
    assert.equal(row.original_due_on, "2026-06-10");
    assert.equal(row.due_on, "2026-07-15");
    const petitionOne = rows.find((r) => r.id === c.id)!;
    assert.equal(petitionOne.original_due_on, "2026-06-30");
  });
});
