import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let admin: string;
let poMoi: string;
let poMoea: string;
let supMoi: string;
let staffCivil: string;
let staffMoeaTech: string;
let pdis: string;
let participant: string;
let participantId: string;
let outsider: string;
const ids = { moi: "", moea: "", civil: "", household: "", land: "", moeaTech: "", moeaPlanning: "" };

const clock = () => t.rt.clock as FixedClock;

before(async () => {
  t = await createTestApp();
  const { createPerson, systemActor } = await import("../directory/index.ts");
  await createPerson({ db: t.db, clock: t.rt.clock }, systemActor, {
    email: "admin@example.org",
    name: "示範管理員",
    isAdmin: true,
  });
  admin = await t.tokenFor("admin@example.org");
  // One at a time: the embedded engine is not safe with concurrent connections (see below).
  poMoi = await t.tokenFor("po-moi-lead@example.org");
  poMoea = await t.tokenFor("po-moea-lead@example.org");
  supMoi = await t.tokenFor("sup-moi@example.org");
  staffCivil = await t.tokenFor("staff-moi-civil-affairs@example.org");
  staffMoeaTech = await t.tokenFor("staff-moea-technology@example.org");
  pdis = await t.tokenFor("pdis-project-manager@example.org");
  const p = await t.api("POST", "/api/v1/people", {
    token: admin,
    body: { email: "participant@example.org", name: "示範參與者" },
  });
  participantId = p.body.id;
  participant = await t.tokenFor("participant@example.org");
  await t.api("POST", "/api/v1/people", {
    token: admin,
    body: { email: "outsider@example.org", name: "示範路人" },
  });
  outsider = await t.tokenFor("outsider@example.org");

  ids.moi = (await t.api("GET", "/api/v1/agencies/moi")).body.id;
  ids.moea = (await t.api("GET", "/api/v1/agencies/moea")).body.id;
  const moiUnits = (await t.api("GET", "/api/v1/agencies?kind=unit&parent=moi")).body.items;
  const moeaUnits = (await t.api("GET", "/api/v1/agencies?kind=unit&parent=moea")).body.items;
  const unit = (items: any[], slug: string) => items.find((u) => u.slug === slug).id as string;
  ids.civil = unit(moiUnits, "moi-dept-civil-affairs");
  ids.household = unit(moiUnits, "moi-dept-household-registration");
  ids.land = unit(moiUnits, "moi-dept-land-administration");
  ids.moeaTech = unit(moeaUnits, "moea-dept-industrial-technology");
  ids.moeaPlanning = unit(moeaUnits, "moea-dept-planning");
});
after(() => t.close());

async function raise(token: string, body: Record<string, unknown>) {
  const res = await t.api("POST", "/api/v1/matters", { token, body: { title: "示範議題", ...body } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

describe("raising a matter triages it", () => {
  test("one owning unit → route unit, led by the unit's agency", async () => {
    const m = await raise(poMoi, { title: "戶籍謄本線上申請", ownerUnitIds: [ids.civil] });
    assert.equal(m.triage.route, "unit");
    assert.equal(m.triage.leadAgencyId, ids.moi);
    assert.deepEqual(m.triage.ownerUnitIds, [ids.civil]);
    assert.deepEqual(m.triage.coordinatorAgencyIds, []);
    assert.equal(m.triage.reason, "single-unit");
    assert.match(m.reference, /^M-2026-\d{4}$/);
    assert.equal(m.state, "open");
    assert.equal(m.visibility, "network");
    assert.deepEqual(
      m.owners.map((o: any) => [o.id, o.agencyId, o.slug]),
      [[ids.civil, ids.moi, "moi-dept-civil-affairs"]],
    );
    assert.deepEqual(
      m.agencies.map((a: any) => [a.slug, a.role]),
      [["moi", "lead"]],
    );
    assert.equal(m.createdBy.name.startsWith("示範"), true);
  });

  test("no owning unit → route po: the creator's agency's PO coordinates", async () => {
    const m = await raise(poMoea, { ownerUnitIds: [] });
    assert.equal(m.triage.route, "po");
    assert.equal(m.triage.leadAgencyId, ids.moea);
    assert.deepEqual(m.triage.coordinatorAgencyIds, [ids.moea]);
    assert.equal(m.triage.reason, "no-owner-creator-agency");
    // A named agency coordinates instead of the creator's.
    const named = await raise(poMoea, { ownerUnitIds: [], agencyIds: ["moi"] });
    assert.equal(named.triage.route, "po");
    assert.deepEqual(named.triage.coordinatorAgencyIds, [ids.moi]);
    // Unit staff raise matters too; theirs goes to their unit's agency.
    const staff = await raise(staffCivil, {});
    assert.equal(staff.triage.route, "po");
    assert.equal(staff.triage.leadAgencyId, ids.moi);
  });

  test("two units of one agency → route po", async () => {
    const m = await raise(poMoi, { ownerUnitIds: [ids.civil, ids.household] });
    assert.equal(m.triage.route, "po");
    assert.equal(m.triage.leadAgencyId, ids.moi);
    assert.deepEqual(m.triage.coordinatorAgencyIds, [ids.moi]);
    assert.equal(m.triage.reason, "units-in-one-agency");
  });

  test("units of two agencies → cross-agency naming both agencies' coordinators", async () => {
    const m = await raise(poMoi, { ownerUnitIds: [ids.civil, ids.moeaTech] });
    assert.equal(m.triage.route, "cross-agency");
    assert.deepEqual([...m.triage.coordinatorAgencyIds].sort(), [ids.moi, ids.moea].sort());
    assert.equal(m.triage.leadAgencyId, ids.moi);
    assert.deepEqual(m.triage.coOrganiserAgencyIds, [ids.moea]);
    assert.deepEqual(m.triage.relatedAgencyIds, []);
    assert.deepEqual(
      m.agencies.map((a: any) => [a.slug, a.role]),
      [
        ["moi", "lead"],
        ["moea", "co"],
      ],
    );
  });

  test("an explicit lead agency and a related agency named without units", async () => {
    const led = await raise(poMoi, { ownerUnitIds: [ids.civil, ids.moeaTech], leadAgencyId: ids.moea });
    assert.equal(led.triage.leadAgencyId, ids.moea);
    assert.deepEqual(led.triage.coOrganiserAgencyIds, [ids.moi]);
    const related = await raise(poMoi, { ownerUnitIds: [ids.civil], agencyIds: ["moea"] });
    assert.equal(related.triage.route, "cross-agency");
    assert.deepEqual(related.triage.relatedAgencyIds, [ids.moea]);
    assert.deepEqual(related.triage.coordinatorAgencyIds, [ids.moi, ids.moea]);
    assert.equal(related.agencies.find((a: any) => a.slug === "moea").named, true);
  });

  test("bad owners and agencies are 400s naming the field", async () => {
    const post = (body: unknown, token = poMoi) => t.api("POST", "/api/v1/matters", { token, body });
    const unknown = await post({ title: "x", ownerUnitIds: [randomUUID()] });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.field, "ownerUnitIds");
    const agencyAsUnit = await post({ title: "x", ownerUnitIds: [ids.civil, ids.moea] });
    assert.equal(agencyAsUnit.status, 400);
    assert.equal(agencyAsUnit.body.error.field, "ownerUnitIds");
    const unitAsAgency = await post({ title: "x", ownerUnitIds: [], agencyIds: [ids.civil] });
    assert.equal(unitAsAgency.body.error.field, "agencyIds");
    const leadElsewhere = await post({ title: "x", ownerUnitIds: [ids.civil], leadAgencyId: ids.moea });
    assert.equal(leadElsewhere.status, 400);
    assert.equal(leadElsewhere.body.error.field, "leadAgencyId");
    const noTitle = await post({ ownerUnitIds: [] });
    assert.equal(noTitle.body.error.field, "title");
    // An admin without an agency must say who coordinates.
    const nobody = await post({ title: "x", ownerUnitIds: [] }, admin);
    assert.equal(nobody.status, 400);
    assert.equal(nobody.body.error.field, "agencyIds");
  });

  test("only people with a network role raise matters", async () => {
    assert.equal((await t.api("POST", "/api/v1/matters", { body: { title: "x" } })).status, 401);
    const res = await t.api("POST", "/api/v1/matters", { token: participant, body: { title: "x" } });
    assert.equal(res.status, 403);
    const sup = await t.api("POST", "/api/v1/matters", { token: supMoi, body: { title: "x" } });
    assert.equal(sup.status, 201);
    const p = await t.api("POST", "/api/v1/matters", {
      token: pdis,
      body: { title: "x", agencyIds: ["moi"] },
    });
    assert.equal(p.status, 201);
  });

  test("reference numbers are unique and consecutive under concurrent creation", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.api("POST", "/api/v1/matters", { token: poMoi, body: { title: `並行 ${i}` } }),
      ),
    );
    assert.ok(results.every((r) => r.status === 201));
    const numbers = results.map((r) => Number(r.body.reference.slice(-4))).sort((a, b) => a - b);
    assert.equal(new Set(numbers).size, 8);
    assert.equal(numbers[7]! - numbers[0]!, 7);
  });
});

describe("reading matters", () => {
  test("by id or reference number, with history", async () => {
    const m = await raise(poMoi, { title: "以案號查詢", ownerUnitIds: [ids.civil] });
    const byRef = await t.api("GET", `/api/v1/matters/${m.reference.toLowerCase()}`, {
      token: staffMoeaTech,
    });
    assert.equal(byRef.status, 200);
    assert.equal(byRef.body.id, m.id);
    assert.deepEqual(
      byRef.body.history.map((h: any) => h.kind),
      ["created", "triaged"],
    );
    assert.equal(byRef.body.history[1].data.after.triage.route, "unit");
    assert.ok(byRef.body.history.every((h: any) => h.at && h.actor?.id));
    assert.equal((await t.api("GET", "/api/v1/matters/M-1999-0001", { token: poMoi })).status, 404);
  });

  test("a network matter is 404 for the public and for a participant; a public one is readable", async () => {
    const net = await raise(poMoi, { ownerUnitIds: [ids.civil] });
    assert.equal((await t.api("GET", `/api/v1/matters/${net.id}`)).status, 404);
    const asParticipant = await t.api("GET", `/api/v1/matters/${net.id}`, { token: participant });
    assert.equal(asParticipant.status, 404);
    assert.equal(asParticipant.body.error.code, "not_found");
    // Writes do not reveal it either.
    const write = await t.api("POST", `/api/v1/matters/${net.id}/close`, { token: participant, body: {} });
    assert.equal(write.status, 404);

    const pub = await raise(poMoi, { ownerUnitIds: [ids.civil], visibility: "public" });
    const anon = await t.api("GET", `/api/v1/matters/${pub.reference}`);
    assert.equal(anon.status, 200);
    assert.equal(anon.body.workingGroup, null);
    const list = await t.api("GET", "/api/v1/matters?limit=200");
    assert.ok(list.body.items.some((i: any) => i.id === pub.id));
    assert.ok(list.body.items.every((i: any) => i.visibility === "public"));
  });

  test("list filters and keyset pagination", async () => {
    const cross = await raise(poMoea, { ownerUnitIds: [ids.moeaTech, ids.land] });
    const byRoute = await t.api("GET", "/api/v1/matters?route=cross-agency&limit=200", { token: poMoi });
    assert.ok(byRoute.body.items.length >= 2);
    assert.ok(byRoute.body.items.every((i: any) => i.triage.route === "cross-agency"));
    const byAgency = await t.api("GET", "/api/v1/matters?agency=moea&limit=200", { token: poMoi });
    assert.ok(byAgency.body.items.some((i: any) => i.id === cross.id));
    assert.ok(
      byAgency.body.items.every(
        (i: any) => i.triage.coordinatorAgencyIds.includes(ids.moea) || i.triage.leadAgencyId === ids.moea,
      ),
    );
    const mine = await t.api("GET", "/api/v1/matters?mine=coordinating&limit=200", { token: poMoea });
    assert.ok(mine.body.items.length > 0);
    for (const i of mine.body.items) {
      const involved = [i.triage.leadAgencyId, ...i.triage.coordinatorAgencyIds];
      assert.ok(involved.includes(ids.moea), i.reference);
    }
    const staffMine = await t.api("GET", "/api/v1/matters?mine=coordinating", { token: staffCivil });
    assert.deepEqual(staffMine.body.items, []);

    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    do {
      const q: string = `/api/v1/matters?limit=3${after ? `&after=${encodeURIComponent(after)}` : ""}`;
      const page = await t.api("GET", q, { token: poMoi });
      assert.equal(page.status, 200);
      for (const i of page.body.items) {
        assert.ok(!seen.has(i.id), "no repeats across pages");
        seen.add(i.id);
      }
      after = page.body.next;
      pages++;
    } while (after && pages < 100);
    const all = await t.api("GET", "/api/v1/matters?limit=200", { token: poMoi });
    assert.equal(seen.size, all.body.items.length);
    assert.ok(pages > 2);
    const bad = await t.api("GET", "/api/v1/matters?after=nonsense", { token: poMoi });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, "after");
  });
});

describe("changing owners re-triages", () => {
  test("a coordinating PO changes owners; history keeps before and after", async () => {
    const m = await raise(poMoi, { ownerUnitIds: [ids.civil] });
    clock().advance(3_600_000);
    const res = await t.api("PUT", `/api/v1/matters/${m.id}/owners`, {
      token: poMoi,
      body: { ownerUnitIds: [ids.civil, ids.moeaPlanning] },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.triage.route, "cross-agency");
    assert.deepEqual(res.body.triage.coordinatorAgencyIds, [ids.moi, ids.moea]);
    const change = res.body.history.find((h: any) => h.kind === "owners.changed");
    assert.deepEqual(change.data.before.ownerUnitIds, [ids.civil]);
    assert.equal(change.data.before.triage.route, "unit");
    assert.deepEqual(change.data.after.ownerUnitIds, [ids.civil, ids.moeaPlanning]);
    assert.equal(change.data.after.triage.route, "cross-agency");
    assert.ok(new Date(change.at) > new Date(m.createdAt));

    // Now MOEA's PO coordinates too and may change it; back to no owner: MOI's PO keeps it.
    const back = await t.api("PUT", `/api/v1/matters/${m.id}/owners`, {
      token: poMoea,
      body: { ownerUnitIds: [] },
    });
    assert.equal(back.status, 200);
    assert.equal(back.body.triage.route, "po");
    assert.equal(back.body.triage.leadAgencyId, ids.moi);
  });

  test("staff and other agencies' POs may not; PDIS may", async () => {
    const m = await raise(poMoi, { ownerUnitIds: [ids.civil] });
    const body = { ownerUnitIds: [ids.household] };
    const url = `/api/v1/matters/${m.id}/owners`;
    assert.equal((await t.api("PUT", url, { token: staffCivil, body })).status, 403);
    assert.equal((await t.api("PUT", url, { token: poMoea, body })).status, 403);
    const ok = await t.api("PUT", url, { token: pdis, body });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.triage.ownerUnitIds, [ids.household]);
  });
});

describe("refusals", () => {
  test("a refusal without a proposed owner is a 400 naming proposedOwnerUnitId", async () => {
    const m = await raise(poMoi, { ownerUnitIds: [ids.civil] });
    const res = await t.api("POST", `/api/v1/matters/${m.id}/refusals`, {
      token: staffCivil,
      body: { unitId: ids.civil, reason: "非本司業務" },
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.field, "proposedOwnerUnitId");
    const self = await t.api("POST", `/api/v1/matters/${m.id}/refusals`, {
      token: staffCivil,
      body: { unitId: ids.civil, reason: "非本司業務", proposedOwnerUnitId: ids.civil },
    });
    assert.equal(self.status, 400);
    assert.equal(self.body.error.field, "proposedOwnerUnitId");
    const notOwner = await t.api("POST", `/api/v1/matters/${m.id}/refusals`, {
      token: poMoi,
      body: { unitId: ids.household, reason: "x", proposedOwnerUnitId: ids.land },
    });
    assert.equal(notOwner.status, 400);
    assert.equal(notOwner.body.error.field, "unitId");
    const otherSide = await t.api("POST", `/api/v1/matters/${m.id}/refusals`, {
      token: staffMoeaTech,
      body: { unitId: ids.civil, reason: "x", proposedOwnerUnitId: ids.land },
    });
    assert.equal(otherSide.status, 403);
  });

  test("rejected, contested up to PDIS and the minister's office, where the rejection is final", async () => {
    const m = await raise(poMoi, { ownerUnitIds: [ids.civil] });
    const base = `/api/v1/matters/${m.id}/refusals`;
    clock().advance(60_000);
    const filed = await t.api("POST", base, {
      token: staffCivil,
      body: { unitId: ids.civil, reason: "屬地政業務", proposedOwnerUnitId: ids.land },
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.state, "pending");
    assert.equal(filed.body.level, "po");
    assert.equal(filed.body.proposedOwnerUnit.id, ids.land);
    const r = filed.body.id;
    const again = await t.api("POST", base, {
      token: staffCivil,
      body: { unitId: ids.civil, reason: "再一次", proposedOwnerUnitId: ids.land },
    });
    assert.equal(again.status, 409);

    // Level po: a coordinating PO of the matter decides; PDIS and other agencies' POs cannot yet.
    assert.equal(
      (await t.api("POST", `${base}/${r}/decide`, { token: pdis, body: { decision: "reject" } })).status,
      403,
    );
    assert.equal(
      (await t.api("POST", `${base}/${r}/decide`, { token: poMoea, body: { decision: "reject" } })).status,
      403,
    );
    assert.equal(
      (await t.api("POST", `${base}/${r}/contest`, { token: staffCivil, body: { reason: "x" } })).status,
      409,
      "nothing to contest before a rejection",
    );
    clock().advance(60_000);
    const rejected = await t.api("POST", `${base}/${r}/decide`, {
      token: poMoi,
      body: { decision: "reject", note: "仍屬民政司" },
    });
    assert.equal(rejected.status, 200);
    assert.equal(rejected.body.state, "rejected");
    assert.equal(rejected.body.final, false);

    // Someone who is not the refusing unit's side cannot contest.
    assert.equal(
      (await t.api("POST", `${base}/${r}/contest`, { token: staffMoeaTech, body: { reason: "x" } })).status,
      403,
    );
    clock().advance(60_000);
    const toPdis = await t.api("POST", `${base}/${r}/contest`, {
      token: staffCivil,
      body: { reason: "請 PDIS 協處" },
    });
    assert.equal(toPdis.status, 200);
    assert.equal(toPdis.body.level, "pdis");
    assert.equal(toPdis.body.state, "pending");
    assert.equal(toPdis.body.decisions[0].contest.reason, "請 PDIS 協處");
    // At PDIS level the PO no longer decides.
    assert.equal(
      (await t.api("POST", `${base}/${r}/decide`, { token: poMoi, body: { decision: "accept" } })).status,
      403,
    );
    clock().advance(60_000);
    const pdisReject = await t.api("POST", `${base}/${r}/decide`, {
      token: pdis,
      body: { decision: "reject" },
    });
    assert.equal(pdisReject.body.state, "rejected");
    clock().advance(60_000);
    const toMinister = await t.api("POST", `${base}/${r}/contest`, {
      token: poMoi,
      body: { reason: "請政委裁示" },
    });
    assert.equal(toMinister.status, 200);
    assert.equal(toMinister.body.level, "minister-office");
    assert.equal(
      (await t.api("POST", `${base}/${r}/decide`, { token: pdis, body: { decision: "reject" } })).status,
      403,
    );
    clock().advance(60_000);
    const final = await t.api("POST", `${base}/${r}/decide`, {
      token: admin,
      body: { decision: "reject", note: "維持原分案" },
    });
    assert.equal(final.status, 200);
    assert.equal(final.body.final, true);
    assert.equal(final.body.decisions.length, 3);
    const beyond = await t.api("POST", `${base}/${r}/contest`, { token: staffCivil, body: { reason: "x" } });
    assert.equal(beyond.status, 409);
    assert.equal(beyond.body.error.code, "refusal_final");

    const detail = await t.api("GET", `/api/v1/matters/${m.id}`, { token: poMoi });
    assert.deepEqual(detail.body.triage.ownerUnitIds, [ids.civil], "ownership kept");
    const steps = detail.body.history.filter((h: any) => h.kind.startsWith("refusal."));
    assert.deepEqual(
      steps.map((h: any) => `${h.kind}@${h.data.level ?? h.data.toLevel}`),
      [
        "refusal.filed@po",
        "refusal.rejected@po",
        "refusal.contested@pdis",
        "refusal.rejected@pdis",
        "refusal.contested@minister-office",
        "refusal.rejected@minister-office",
      ],
    );
    const times = steps.map((h: any) => new Date(h.at).getTime());
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
    assert.equal(new Set(times).size, times.length, "each step has its own time");
  });

  test("an accepted refusal moves ownership to the proposed unit and re-triages", async () => {
    const m = await raise(poMoi, { ownerUnitIds: [ids.civil, ids.household] });
    assert.equal(m.triage.route, "po");
    const base = `/api/v1/matters/${m.id}/refusals`;
    const filed = await t.api("POST", base, {
      token: poMoi,
      body: { unitId: ids.civil, reason: "屬經濟部產業技術司", proposedOwnerUnitId: ids.moeaTech },
    });
    assert.equal(filed.status, 201);
    const accepted = await t.api("POST", `${base}/${filed.body.id}/decide`, {
      token: poMoi,
      body: { decision: "accept" },
    });
    assert.equal(accepted.status, 200);
    assert.equal(accepted.body.state, "accepted");
    const again = await t.api("POST", `${base}/${filed.body.id}/decide`, {
      token: poMoi,
      body: { decision: "reject" },
    });
    assert.equal(again.status, 409);

    const detail = await t.api("GET", `/api/v1/matters/${m.id}`, { token: poMoi });
    assert.deepEqual(detail.body.triage.ownerUnitIds, [ids.moeaTech, ids.household]);
    assert.equal(detail.body.triage.route, "cross-agency");
    assert.equal(detail.body.triage.leadAgencyId, ids.moea);
    const moved = detail.body.history.find((h: any) => h.kind === "owners.reassigned");
    assert.deepEqual(moved.data.before.ownerUnitIds, [ids.civil, ids.household]);
    assert.deepEqual(moved.data.after.ownerUnitIds, [ids.moeaTech, ids.household]);
    assert.equal(moved.data.refusalId, filed.body.id);
    assert.equal(detail.body.refusals[0].state, "accepted");
  });
});

describe("case working group", () => {
  test("limited by the agency's authorisation table; members read while open, lose access on close", async () => {
    const sup = await t.api("PUT", "/api/v1/agencies/moi/authorisation", {
      token: supMoi,
      body: { maxUnitsWithoutSignoff: 3, maxAgenciesWithoutSignoff: 1, maxWorkingGroupSize: 2 },
    });
    assert.equal(sup.status, 200);
    const m = await raise(poMoi, { title: "工作小組", ownerUnitIds: [ids.civil] });
    const members = `/api/v1/matters/${m.id}/members`;
    const staffId = (await t.api("GET", "/api/v1/me", { token: staffCivil })).body.personId;
    const outsiderId = (await t.api("GET", "/api/v1/me", { token: outsider })).body.personId;

    // Only a coordinating PO adds people.
    assert.equal(
      (await t.api("POST", members, { token: staffCivil, body: { personId: participantId } })).status,
      403,
    );
    assert.equal(
      (await t.api("POST", members, { token: poMoea, body: { personId: participantId } })).status,
      403,
    );
    const added = await t.api("POST", members, { token: poMoi, body: { personId: participantId } });
    assert.equal(added.status, 201);
    assert.equal(added.body.person.id, participantId);
    const dup = await t.api("POST", members, { token: poMoi, body: { personId: participantId } });
    assert.equal(dup.status, 409);
    assert.equal((await t.api("POST", members, { token: poMoi, body: { personId: staffId } })).status, 201);
    const full = await t.api("POST", members, { token: poMoi, body: { personId: outsiderId } });
    assert.equal(full.status, 409);
    assert.equal(full.body.error.code, "working_group_full");
    assert.equal(full.body.error.field, "maxWorkingGroupSize");
    assert.match(full.body.error.message, /2/);
    const unknown = await t.api("POST", members, { token: poMoi, body: { personId: randomUUID() } });
    assert.equal(unknown.status, 400);

    // The participant, as a member, reads the network matter and finds it in the list; reads are audited.
    const read = await t.api("GET", `/api/v1/matters/${m.id}`, { token: participant });
    assert.equal(read.status, 200);
    assert.equal(read.body.workingGroup.length, 2);
    const listed = await t.api("GET", "/api/v1/matters", { token: participant });
    assert.deepEqual(
      listed.body.items.filter((i: any) => i.visibility === "network").map((i: any) => i.id),
      [m.id],
    );
    const audit = await t.api("GET", "/api/v1/me/audit?limit=200", { token: participant });
    const reads = audit.body.items.filter((e: any) => e.action === "read" && e.entityId === m.id);
    assert.ok(reads.length >= 2, "detail and list reads audited");
    assert.equal((await t.api("GET", `/api/v1/matters/${m.id}`, { token: outsider })).status, 404);

    // Closing dissolves the group: the participant loses access; the network keeps it.
    const closed = await t.api("POST", `/api/v1/matters/${m.id}/close`, {
      token: poMoi,
      body: { note: "已完成" },
    });
    assert.equal(closed.status, 200);
    assert.equal(closed.body.state, "closed");
    assert.ok(closed.body.workingGroup.every((w: any) => w.removedAt));
    assert.equal((await t.api("GET", `/api/v1/matters/${m.id}`, { token: participant })).status, 404);
    const after = await t.api("GET", "/api/v1/matters", { token: participant });
    assert.ok(!after.body.items.some((i: any) => i.id === m.id));
    assert.equal((await t.api("GET", `/api/v1/matters/${m.id}`, { token: staffMoeaTech })).status, 200);
    assert.equal(
      (await t.api("POST", members, { token: poMoi, body: { personId: participantId } })).status,
      409,
      "no members on a closed matter",
    );
    assert.equal((await t.api("POST", `/api/v1/matters/${m.id}/close`, { token: poMoi })).status, 409);

    const reopened = await t.api("POST", `/api/v1/matters/${m.id}/reopen`, { token: poMoi });
    assert.equal(reopened.status, 200);
    assert.equal(reopened.body.state, "open");
    assert.equal((await t.api("GET", `/api/v1/matters/${m.id}`, { token: participant })).status, 404);
    const kinds = reopened.body.history.map((h: any) => h.kind);
    for (const k of ["member.added", "closed", "working-group.dissolved", "reopened"])
      assert.ok(kinds.includes(k), k);

    // Remove a member again after re-adding; a member may also leave.
    assert.equal(
      (await t.api("POST", members, { token: poMoi, body: { personId: participantId } })).status,
      201,
    );
    assert.equal((await t.api("DELETE", `${members}/${participantId}`, { token: participant })).status, 204);
    assert.equal((await t.api("DELETE", `${members}/${participantId}`, { token: poMoi })).status, 404);
  });

  test("the matter's history cannot be rewritten", async () => {
    const { sql } = await import("drizzle-orm");
    await assert.rejects(t.db.execute(sql`update matter_events set kind = 'changed'`), (e: unknown) =>
      /append-only/.test(String((e as Error).cause ?? e)),
    );
  });
});
