import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";
import { runDueJobs } from "../../runtime.ts";
import { findOrg, findPersonByEmail } from "../directory/index.ts";
import { sweepOverdueCommitments } from "./index.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let pdis: string;
let moiPo: string;
let moeaPo: string;
let motcPo: string;
let citizen: string;
const agency: Record<string, string> = {};
const clock = () => t.rt.clock as FixedClock;
let first: any;
let second: any;
let monthlyId: string;

async function count(query: ReturnType<typeof sql>): Promise<number> {
  return (await t.db.execute<{ n: number }>(query)).rows[0]!.n;
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
  // Case 1, led by the MOI, is tracked (列管); case 2 is only selected.
  for (const title of ["戶籍謄本線上申請", "路平專案"]) {
    const res = await t.api("POST", "/api/v1/cases", {
      token: moiPo,
      body: { title, leadAgencyId: agency.moi },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  }
  await t.db.execute(sql`update cases set stage = 'tracked' where number = 1`);
});
after(() => t.close());

describe("recording commitments", () => {
  test("needs a signed-in organiser; bad input names the field and writes nothing", async () => {
    const body = {
      text: "一個月內公布線上申請的使用數據",
      ownerAgencyId: "moea",
      dueOn: "2026-03-10",
      caseNumber: 1,
    };
    assert.equal((await t.api("POST", "/api/v1/commitments", { body })).status, 401);
    const bad = async (patch: Record<string, unknown>, field: string, token = moiPo) => {
      const res = await t.api("POST", "/api/v1/commitments", { token, body: { ...body, ...patch } });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.field, field);
    };
    await bad({ caseNumber: undefined }, "caseNumber");
    await bad({ dueOn: "2026-02-30" }, "dueOn");
    await bad({ dueOn: "next week" }, "dueOn");
    await bad({ text: "  " }, "text");
    await bad({ ownerAgencyId: "nowhere" }, "ownerAgencyId");
    await bad({ caseNumber: 99 }, "caseNumber");
    await bad({ caseNumber: 99999999999 }, "caseNumber");
    await bad({ dueOn: "0000-01-01" }, "dueOn");
    await bad({ petitionId: "not-a-uuid" }, "petitionId");
    await bad({ meetingId: "00000000-0000-4000-8000-000000000000" }, "meetingId");
    // Not an organiser of case 1 (the MOTC has no role on it), nor a resident.
    assert.equal((await t.api("POST", "/api/v1/commitments", { token: motcPo, body })).status, 403);
    assert.equal((await t.api("POST", "/api/v1/commitments", { token: citizen, body })).status, 403);
    assert.equal(await count(sql`select count(*)::int as n from commitments`), 0);
    assert.equal(
      await count(sql`select count(*)::int as n from audit_log where action like 'commitment.%'`),
      0,
    );

    const created = await t.api("POST", "/api/v1/commitments", { token: moiPo, body });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    first = created.body;
    assert.equal(first.status, "open");
    assert.equal(first.ownerAgency.slug, "moea");
    assert.equal(first.dueOn, "2026-03-10");
    assert.equal(first.overdue, false);
    assert.equal(first.case.number, 1);
    assert.deepEqual(first.updates, []);
    // The owner agency's POs hear of it; the audit log has it.
    assert.ok(
      (await count(sql`select count(*)::int as n from notifications where kind = 'commitment.created'`)) > 0,
    );
    assert.equal(
      await count(sql`select count(*)::int as n from audit_log where action = 'commitment.create'`),
      1,
    );
    // Public: anyone reads it.
    const read = await t.api("GET", `/api/v1/commitments/${first.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.can.update, false);
    assert.equal(
      (await t.api("GET", "/api/v1/commitments/00000000-0000-4000-8000-000000000000")).status,
      404,
    );
    assert.equal((await t.api("GET", "/api/v1/commitments/nope")).status, 400);

    const later = await t.api("POST", "/api/v1/commitments", {
      token: pdis,
      body: { ...body, text: "修正申請表單", ownerAgencyId: agency.moi, dueOn: "2026-03-20" },
    });
    assert.equal(later.status, 201, JSON.stringify(later.body));
    second = later.body;
  });

  test("a petition's lead agency records commitments from its response; the petition lists them", async () => {
    const p = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: { title: "開放戶政資料", text: "請開放", agencies: ["moi"] },
    });
    assert.equal(p.status, 201, JSON.stringify(p.body));
    await t.db.execute(
      sql`insert into petition_agencies (petition_id, role, agency_id, position) values (${p.body.id}::uuid, 'lead', ${agency.moi}::uuid, 0)`,
    );
    const body = {
      text: "六月前上架資料集",
      ownerAgencyId: "moi",
      dueOn: "2026-06-30",
      petitionId: p.body.id,
    };
    assert.equal((await t.api("POST", "/api/v1/commitments", { token: motcPo, body })).status, 403);
    const ok = await t.api("POST", "/api/v1/commitments", { token: moiPo, body });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.petition.id, p.body.id);
    assert.equal(ok.body.case, null);
    const petition = await t.api("GET", `/api/v1/petitions/${p.body.id}`);
    assert.deepEqual(
      petition.body.commitments.map((c: any) => c.text),
      ["六月前上架資料集"],
    );
    const list = await t.api("GET", `/api/v1/commitments?petition=${p.body.id}`);
    assert.deepEqual(
      list.body.items.map((c: any) => c.id),
      [ok.body.id],
    );
  });

  test("the author answers for every source named: one's own case does not open another agency's petition", async () => {
    const p = await t.api("POST", "/api/v1/petitions", {
      token: pdis,
      body: { title: "經濟部主辦的提議", text: "內容", agencies: ["moea"] },
    });
    await t.db.execute(
      sql`insert into petition_agencies (petition_id, role, agency_id, position) values (${p.body.id}::uuid, 'lead', ${agency.moea}::uuid, 0)`,
    );
    const body = { text: "跨來源", ownerAgencyId: "moi", dueOn: "2026-06-30" };
    // The MOI organises case 1 but does not answer the MOEA's petition, and the other way round.
    const viaCase = await t.api("POST", "/api/v1/commitments", {
      token: moiPo,
      body: { ...body, caseNumber: 1, petitionId: p.body.id },
    });
    assert.equal(viaCase.status, 403);
    const viaPetition = await t.api("POST", "/api/v1/commitments", {
      token: moeaPo,
      body: { ...body, caseNumber: 1, petitionId: p.body.id },
    });
    assert.equal(viaPetition.status, 403);
    assert.equal((await t.api("GET", `/api/v1/petitions/${p.body.id}`)).body.commitments.length, 0);
    // Someone who answers for both may link both.
    const both = await t.api("POST", "/api/v1/commitments", {
      token: pdis,
      body: { ...body, caseNumber: 1, petitionId: p.body.id },
    });
    assert.equal(both.status, 201, JSON.stringify(both.body));
    // A case's commitment names a meeting of that case, not of another one.
    const other = await t.api("POST", "/api/v1/meetings", {
      token: pdis,
      body: { kind: "collaborative", caseNumber: 2, date: "2026-05-04" },
    });
    if (other.status === 201) {
      const wrong = await t.api("POST", "/api/v1/commitments", {
        token: moiPo,
        body: { ...body, caseNumber: 1, meetingId: other.body.id },
      });
      assert.equal(wrong.status, 400, JSON.stringify(wrong.body));
      assert.equal(wrong.body.error.field, "meetingId");
    } else assert.fail(`could not make a meeting of case 2: ${JSON.stringify(other.body)}`);
    await t.db.execute(sql`delete from commitment_updates where commitment_id = ${both.body.id}::uuid`);
    await t.db.execute(sql`delete from commitments where id = ${both.body.id}::uuid`);
  });
});

describe("status updates", () => {
  test("the owner agency's POs update it with dated text and evidence; order and closure are kept", async () => {
    const path = `/api/v1/commitments/${first.id}/updates`;
    const body = {
      status: "in-progress",
      body: "已完成資料盤點",
      evidence: ["https://example.org/progress"],
    };
    assert.equal((await t.api("POST", path, { token: motcPo, body })).status, 403);
    const badLink = await t.api("POST", path, { token: moeaPo, body: { ...body, evidence: ["ftp://x"] } });
    assert.equal(badLink.status, 400);
    assert.equal(badLink.body.error.field, "evidence.0");
    const badStatus = await t.api("POST", path, { token: moeaPo, body: { ...body, status: "finished" } });
    assert.equal(badStatus.body.error.field, "status");
    assert.equal(
      (
        await t.api("POST", "/api/v1/commitments/00000000-0000-4000-8000-000000000000/updates", {
          token: moeaPo,
          body,
        })
      ).status,
      404,
    );
    clock().set(new Date("2026-03-05T02:00:00Z"));
    const ok = await t.api("POST", path, { token: moeaPo, body });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.status, "in-progress");
    assert.equal(ok.body.updates.length, 1);
    assert.equal(ok.body.updates[0].agency.slug, "moea");
    assert.equal(ok.body.updates[0].at, "2026-03-05T02:00:00.000Z");
    assert.deepEqual(ok.body.updates[0].evidence, ["https://example.org/progress"]);
    assert.equal(ok.body.can.update, true);
    const back = await t.api("POST", path, { token: moeaPo, body: { status: "open", body: "重來" } });
    assert.equal(back.status, 409);
    assert.equal(
      await count(
        sql`select count(*)::int as n from commitment_updates where commitment_id = ${first.id}::uuid`,
      ),
      1,
    );
    // A case organiser (the MOI, the lead) may post too: a progress note keeps the status.
    const note = await t.api("POST", path, {
      token: moiPo,
      body: { status: "in-progress", body: "主辦機關追蹤中" },
    });
    assert.equal(note.status, 201);
    const list = await t.api("GET", "/api/v1/commitments?status=in-progress&agency=moea");
    assert.deepEqual(
      list.body.items.map((c: any) => c.id),
      [first.id],
    );
    assert.equal((await t.api("GET", "/api/v1/commitments?status=nope")).body.error.field, "status");
    assert.equal((await t.api("GET", "/api/v1/commitments?agency=nowhere")).body.error.field, "agency");
  });
});

describe("overdue", () => {
  test("the sweep flags a commitment past its due day once and tells its agencies once, urgently", async () => {
    // 23:00 in Taipei on the due day: not yet overdue.
    clock().set(new Date("2026-03-10T15:00:00Z"));
    let ran: any = await runDueJobs(t.rt);
    assert.deepEqual(ran.commitments, { flagged: 0 });
    // Half past midnight in Taipei the day after.
    clock().set(new Date("2026-03-10T16:30:00Z"));
    ran = await runDueJobs(t.rt);
    assert.deepEqual(ran.commitments, { flagged: 1 });
    const told = sql`select count(*)::int as n from notifications where kind = 'commitment.overdue'`;
    const n = await count(told);
    // The owner agency's (MOEA) POs and the case lead's (MOI) POs, each once.
    const moeaLead = (await findPersonByEmail(t.db, "po-moea-lead@example.org"))!.id;
    const moiLead = (await findPersonByEmail(t.db, "po-moi-lead@example.org"))!.id;
    for (const id of [moeaLead, moiLead])
      assert.equal(
        await count(
          sql`select count(*)::int as n from notifications where kind = 'commitment.overdue' and person_id = ${id}::uuid`,
        ),
        1,
      );
    assert.ok(n >= 2);
    // Urgent: mailed at once.
    assert.equal(
      await count(
        sql`select count(*)::int as n from notifications where kind = 'commitment.overdue' and not urgent`,
      ),
      0,
    );
    const link = `%/commitments/${first.id}%`;
    assert.ok((await count(sql`select count(*)::int as n from mail_outbox where text like ${link}`)) >= 2);
    clock().set(new Date("2026-03-11T02:00:00Z"));
    ran = await runDueJobs(t.rt);
    assert.deepEqual(ran.commitments, { flagged: 0 });
    assert.equal(await count(told), n);
    assert.equal(
      await count(sql`select count(*)::int as n from commitments where overdue_at is not null`),
      1,
    );

    const shown = await t.api("GET", `/api/v1/commitments/${first.id}`);
    assert.equal(shown.body.overdue, true);
    assert.equal(shown.body.overdueAt, "2026-03-10T16:30:00.000Z");
    const overdue = await t.api("GET", "/api/v1/commitments?overdue=true");
    assert.deepEqual(
      overdue.body.items.map((c: any) => c.id),
      [first.id],
    );
  });
});

describe("overdue, at once", () => {
  test("two sweeps running together flag a commitment once and tell its agency once", async () => {
    const made = await t.api("POST", "/api/v1/commitments", {
      token: moiPo,
      body: { text: "補上操作說明", ownerAgencyId: "motc", dueOn: "2026-03-10", caseNumber: 2 },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const deps = { db: t.db, clock: t.rt.clock, publicUrl: t.rt.config.publicUrl };
    const runs = await Promise.all([sweepOverdueCommitments(deps), sweepOverdueCommitments(deps)]);
    assert.equal(runs[0]!.flagged + runs[1]!.flagged, 1);
    const motcLead = (await findPersonByEmail(t.db, "po-motc-lead@example.org"))!.id;
    assert.equal(
      await count(
        sql`select count(*)::int as n from notifications where kind = 'commitment.overdue' and person_id = ${motcLead}::uuid`,
      ),
      1,
    );
    assert.equal(
      await count(
        sql`select count(*)::int as n from audit_log where action = 'commitment.overdue' and entity_id = ${made.body.id}`,
      ),
      1,
    );
    // Case 2 is not tracked: its commitment stays out of the tracking list (and its counts).
    await t.db.execute(sql`delete from commitments where id = ${made.body.id}::uuid`);
  });
});

describe("the monthly tracking list", () => {
  test("appears in the monthly agenda with the lead agency's latest update and counts", async () => {
    const m = await t.api("POST", "/api/v1/meetings", {
      token: pdis,
      body: { kind: "monthly", month: "2026-04" },
    });
    assert.equal(m.status, 201, JSON.stringify(m.body));
    monthlyId = m.body.id;
    const got = await t.api("GET", `/api/v1/meetings/${monthlyId}`);
    const item = got.body.agenda.find((a: any) => a.item === "tracked-cases");
    assert.equal(item.entries.length, 1);
    const e = item.entries[0];
    assert.equal(e.number, 1);
    assert.equal(e.leadAgency.slug, "moi");
    assert.equal(e.latestUpdate.body, "主辦機關追蹤中");
    assert.equal(e.latestUpdate.commitment.id, first.id);
    assert.deepEqual(e.commitments, { total: 2, open: 2, overdue: 1 });
    assert.equal(e.decision, null);
    const api = await t.api("GET", `/api/v1/meetings/${monthlyId}/tracking`);
    assert.deepEqual(api.body.items, item.entries);
  });

  test("the chair's decision: PDIS records one per case per meeting; shown on the case and the agenda", async () => {
    const path = `/api/v1/meetings/${monthlyId}/tracking/decisions`;
    const body = { caseNumber: 1, decision: "release", note: "成果已送達，請主辦機關辦理解除列管" };
    assert.equal((await t.api("POST", path, { token: moiPo, body })).status, 403);
    assert.equal((await t.api("POST", path, { body })).status, 401);
    const bad = await t.api("POST", path, { token: pdis, body: { ...body, decision: "maybe" } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, "decision");
    const huge = await t.api("POST", path, { token: pdis, body: { ...body, caseNumber: 99999999999 } });
    assert.equal(huge.status, 400, JSON.stringify(huge.body));
    assert.equal(huge.body.error.field, "caseNumber");
    const untracked = await t.api("POST", path, { token: pdis, body: { ...body, caseNumber: 2 } });
    assert.equal(untracked.status, 409);
    assert.equal(untracked.body.error.code, "case_not_tracked");
    assert.equal(
      (
        await t.api("POST", "/api/v1/meetings/00000000-0000-4000-8000-000000000000/tracking/decisions", {
          token: pdis,
          body,
        })
      ).status,
      404,
    );
    const ok = await t.api("POST", path, { token: pdis, body });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.decision, "release");
    const again = await t.api("POST", path, { token: pdis, body: { caseNumber: 1, decision: "continue" } });
    assert.equal(again.status, 200);
    assert.equal(
      await count(
        sql`select count(*)::int as n from tracking_decisions where meeting_id = ${monthlyId}::uuid`,
      ),
      1,
    );
    assert.equal(
      await count(sql`select count(*)::int as n from audit_log where action = 'tracking.decision'`),
      2,
    );
    const agenda = (await t.api("GET", `/api/v1/meetings/${monthlyId}`)).body.agenda.find(
      (a: any) => a.item === "tracked-cases",
    );
    assert.equal(agenda.entries[0].decision.decision, "continue");
    assert.equal(agenda.entries[0].decision.note, null);
    const kase = await t.api("GET", "/api/v1/cases/1");
    assert.equal(kase.body.commitments.decision.decision, "continue");
    assert.deepEqual(
      kase.body.commitments.items.map((c: any) => c.id),
      [first.id, second.id],
    );
    // The decision does not release the case: that needs the evidence.
    assert.equal(kase.body.stage, "tracked");
    // A quarterly meeting is not where the chair decides.
    const q = await t.api("POST", "/api/v1/meetings", {
      token: pdis,
      body: { kind: "quarterly", month: "2026-06" },
    });
    assert.equal(q.status, 201, JSON.stringify(q.body));
    const notMonthly = await t.api("POST", `/api/v1/meetings/${q.body.id}/tracking/decisions`, {
      token: pdis,
      body,
    });
    assert.equal(notMonthly.status, 409);
  });
});

describe("finishing", () => {
  test("done is final; dropped needs a public reason; a finished commitment is no longer overdue", async () => {
    const path = `/api/v1/commitments/${first.id}/updates`;
    const done = await t.api("POST", path, {
      token: moeaPo,
      body: { status: "done", body: "數據已公布", evidence: ["https://example.org/data"] },
    });
    assert.equal(done.status, 201);
    assert.equal(done.body.overdue, false);
    assert.equal(done.body.can.update, false);
    const more = await t.api("POST", path, { token: moeaPo, body: { status: "dropped", body: "x" } });
    assert.equal(more.status, 409);
    assert.equal(more.body.error.code, "commitment_closed");
    const noReason = await t.api("POST", `/api/v1/commitments/${second.id}/updates`, {
      token: moiPo,
      body: { status: "dropped", body: "" },
    });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.error.field, "body");
    const dropped = await t.api("POST", `/api/v1/commitments/${second.id}/updates`, {
      token: moiPo,
      body: { status: "dropped", body: "已併入另一項承諾" },
    });
    assert.equal(dropped.body.droppedReason, "已併入另一項承諾");
  });
});

describe("the index's query", () => {
  test("a case number past the largest, or a cursor that is no place in the list, is a 400 naming it", async () => {
    const huge = await t.api("GET", "/api/v1/commitments?case=99999999999");
    assert.equal(huge.status, 400, JSON.stringify(huge.body));
    assert.equal(huge.body.error.field, "case");
    for (const cursor of [
      "2026-02-30_00000000-0000-0000-0000-000000000000",
      "0000-01-01_00000000-0000-0000-0000-000000000000",
      "2026-03-10_------------------------------------",
    ]) {
      const res = await t.api("GET", `/api/v1/commitments?cursor=${encodeURIComponent(cursor)}`);
      assert.equal(res.status, 400, `${cursor}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.field, "cursor");
    }
  });
});

describe("open data", () => {
  test("JSON and CSV exports carry public fields only", async () => {
    const json = await t.api("GET", "/api/v1/commitments/export.json");
    assert.equal(json.status, 200);
    assert.equal(json.body.length, 3);
    const c = json.body.find((x: any) => x.id === first.id);
    assert.equal(c.caseNumber, 1);
    assert.equal(c.ownerAgency, "moea");
    assert.equal(c.status, "done");
    assert.equal(c.updates.length, 3);
    assert.deepEqual(Object.keys(c.updates[0]).sort(), ["agency", "at", "body", "evidence", "status"]);
    const text = JSON.stringify(json.body);
    const moiLead = (await findPersonByEmail(t.db, "po-moi-lead@example.org"))!;
    assert.ok(!text.includes(moiLead.id), "no person ids");
    assert.ok(!text.includes("@example.org"), "no e-mail addresses");
    assert.ok(!/createdBy|authorId|decidedBy/.test(text));
    const csv = await t.app.request("/api/v1/commitments/export.csv");
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get("content-type") ?? "", /text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "a BOM for spreadsheet programs");
    const body = new TextDecoder().decode(bytes);
    assert.ok(body.startsWith("id,text,owner_agency,due_on,status,overdue,"), body.slice(0, 80));
    assert.equal(body.trim().split("\n").length, 4);
    assert.ok(!body.includes(moiLead.id));
  });

  test("a cell a spreadsheet would run as a formula is neutralised in the CSV, kept as written in JSON", async () => {
    const made = await t.api("POST", "/api/v1/commitments", {
      token: moiPo,
      body: { text: '=HYPERLINK("x")', ownerAgencyId: "moea", dueOn: "2026-04-10", caseNumber: 1 },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const update = await t.api("POST", `/api/v1/commitments/${made.body.id}/updates`, {
      token: moeaPo,
      body: { status: "in-progress", body: "@SUM(A1)" },
    });
    assert.equal(update.status, 201, JSON.stringify(update.body));
    const json = await t.api("GET", "/api/v1/commitments/export.json");
    assert.equal(json.body.find((x: any) => x.id === made.body.id).text, '=HYPERLINK("x")');
    const csv = await (await t.app.request("/api/v1/commitments/export.csv")).text();
    const rows = parse(csv.replace(/^\uFEFF/, ""), { columns: true }) as Array<Record<string, string>>;
    const row = rows.find((r) => r.id === made.body.id)!;
    assert.equal(row.text, `'=HYPERLINK("x")`);
    assert.equal(row.latest_update, "'@SUM(A1)");
    assert.equal(row.case_number, "1");
  });
});
