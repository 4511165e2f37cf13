import { test } from "node:test";
import assert from "node:assert/strict";
import { creatorAgency, triage } from "./triage.ts";

const u = (unitId: string, agencyId: string) => ({ unitId, agencyId });

test("exactly one owning unit: the unit's job, led by its agency, no PO coordinates", () => {
  const t = triage({ ownerUnits: [u("u1", "A")] });
  assert.deepEqual(t, {
    route: "unit",
    leadAgencyId: "A",
    coOrganiserAgencyIds: [],
    relatedAgencyIds: [],
    coordinatorAgencyIds: [],
    ownerUnitIds: ["u1"],
    reason: "single-unit",
  });
  // Naming the unit's own agency too changes nothing; a repeated unit counts once.
  assert.equal(triage({ ownerUnits: [u("u1", "A"), u("u1", "A")], namedAgencyIds: ["A"] }).route, "unit");
});

test("no owning unit and one named agency: that agency's PO coordinates", () => {
  const t = triage({ ownerUnits: [], namedAgencyIds: ["B"], fallbackAgencyId: "C" });
  assert.equal(t.route, "po");
  assert.equal(t.leadAgencyId, "B");
  assert.deepEqual(t.coordinatorAgencyIds, ["B"]);
  assert.equal(t.reason, "no-owner");
});

test("no owning unit and no agency: the creator's agency's PO coordinates", () => {
  const t = triage({ ownerUnits: [], fallbackAgencyId: "C" });
  assert.equal(t.route, "po");
  assert.equal(t.leadAgencyId, "C");
  assert.deepEqual(t.coordinatorAgencyIds, ["C"]);
  assert.equal(t.reason, "no-owner-creator-agency");
});

test("nothing to go on at all: route po with no lead, for the caller to refuse", () => {
  const t = triage({ ownerUnits: [] });
  assert.equal(t.route, "po");
  assert.equal(t.leadAgencyId, null);
  assert.deepEqual(t.coordinatorAgencyIds, []);
  assert.equal(t.reason, "no-agency");
});

test("two or more units in one agency: that agency's PO coordinates", () => {
  const t = triage({ ownerUnits: [u("u1", "A"), u("u2", "A"), u("u3", "A")], namedAgencyIds: ["A"] });
  assert.equal(t.route, "po");
  assert.equal(t.leadAgencyId, "A");
  assert.deepEqual(t.coordinatorAgencyIds, ["A"]);
  assert.deepEqual(t.ownerUnitIds, ["u1", "u2", "u3"]);
  assert.equal(t.reason, "units-in-one-agency");
});

test("units of two agencies: cross-agency, led by the first owner's agency, the other co-organises", () => {
  const t = triage({ ownerUnits: [u("u1", "A"), u("u2", "B"), u("u3", "A")] });
  assert.equal(t.route, "cross-agency");
  assert.equal(t.leadAgencyId, "A");
  assert.deepEqual(t.coOrganiserAgencyIds, ["B"]);
  assert.deepEqual(t.relatedAgencyIds, []);
  assert.deepEqual(t.coordinatorAgencyIds, ["A", "B"]);
  assert.equal(t.reason, "cross-agency");
});

test("a named agency owning no unit makes it cross-agency as a related agency", () => {
  const t = triage({ ownerUnits: [u("u1", "A")], namedAgencyIds: ["C", "A"] });
  assert.equal(t.route, "cross-agency");
  assert.equal(t.leadAgencyId, "A");
  assert.deepEqual(t.coOrganiserAgencyIds, []);
  assert.deepEqual(t.relatedAgencyIds, ["C"]);
  assert.deepEqual(t.coordinatorAgencyIds, ["A", "C"]);
});

test("two named agencies and no unit: cross-agency led by the first named", () => {
  const t = triage({ ownerUnits: [], namedAgencyIds: ["C", "D"] });
  assert.equal(t.route, "cross-agency");
  assert.equal(t.leadAgencyId, "C");
  assert.deepEqual(t.relatedAgencyIds, ["D"]);
  assert.deepEqual(t.coordinatorAgencyIds, ["C", "D"]);
});

test("an explicit lead is honoured when involved, ignored when not", () => {
  const owners = [u("u1", "A"), u("u2", "B")];
  const led = triage({ ownerUnits: owners, namedAgencyIds: ["C"], leadAgencyId: "B" });
  assert.equal(led.leadAgencyId, "B");
  assert.deepEqual(led.coOrganiserAgencyIds, ["A"]);
  assert.deepEqual(led.relatedAgencyIds, ["C"]);
  assert.deepEqual(led.coordinatorAgencyIds, ["B", "A", "C"]);
  // A named agency owning no unit may lead: it is not then also "related".
  const relatedLead = triage({ ownerUnits: owners, namedAgencyIds: ["C"], leadAgencyId: "C" });
  assert.equal(relatedLead.leadAgencyId, "C");
  assert.deepEqual(relatedLead.coOrganiserAgencyIds, ["A", "B"]);
  assert.deepEqual(relatedLead.relatedAgencyIds, []);
  const ignored = triage({ ownerUnits: owners, leadAgencyId: "Z" });
  assert.equal(ignored.leadAgencyId, "A");
});

test("the creator's agency: PO grant first, then unit staff, supervisor, PDIS", () => {
  const g = (role: "po" | "unit-staff" | "supervisor" | "pdis", agencyId: string) => ({
    role,
    orgId: `o-${agencyId}`,
    agencyId,
    tags: [],
  });
  assert.equal(creatorAgency([g("unit-staff", "S"), g("po", "P")]), "P");
  assert.equal(creatorAgency([g("supervisor", "V"), g("unit-staff", "S")]), "S");
  assert.equal(creatorAgency([g("pdis", "EY"), g("supervisor", "V")]), "V");
  assert.equal(creatorAgency([g("pdis", "EY")]), "EY");
  assert.equal(creatorAgency([]), null);
});
