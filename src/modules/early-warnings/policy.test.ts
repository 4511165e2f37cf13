import { test } from "node:test";
import assert from "node:assert/strict";
import { can, type WarningAccess } from "./policy.ts";
import { publicActor, type Actor, type Grant } from "../directory/index.ts";

const person = (grants: Grant[], isAdmin = false, personId = "p1"): Actor => ({
  personId,
  name: "x",
  email: "x@example.org",
  isAdmin,
  grants,
});
const grant = (role: Grant["role"], agencyId: string, orgId = agencyId): Grant => ({
  role,
  orgId,
  agencyId,
  tags: [],
});
const warning: WarningAccess = { raisedBy: "raiser", agencyIds: ["A"] };

test("reading: POs of any agency, PDIS, admins, supervisors of an affected agency, the raiser", () => {
  const yes = [
    person([grant("po", "Z")]),
    person([grant("pdis", "P")]),
    person([], true),
    person([grant("supervisor", "A")]),
    person([grant("supervisor", "Z")], false, "raiser"),
  ];
  const no = [
    publicActor,
    person([]),
    person([grant("unit-staff", "A", "unit-of-A")]),
    person([grant("supervisor", "Z")]),
  ];
  for (const a of yes) assert.equal(can(a, { do: "read", warning }), true, JSON.stringify(a.grants));
  for (const a of no) assert.equal(can(a, { do: "read", warning }), false, JSON.stringify(a.grants));
});

test("raising and browsing: the network's POs, PDIS, supervisors and admins; not staff", () => {
  for (const a of [person([grant("po", "Z")]), person([grant("supervisor", "Z")]), person([], true)]) {
    assert.equal(can(a, { do: "raise" }), true);
    assert.equal(can(a, { do: "browse" }), true);
  }
  for (const a of [publicActor, person([]), person([grant("unit-staff", "A", "u")])]) {
    assert.equal(can(a, { do: "raise" }), false);
    assert.equal(can(a, { do: "browse" }), false);
  }
});

test("merging and converting: the raiser, POs and supervisors of an affected agency, PDIS, admins", () => {
  assert.equal(can(person([grant("po", "A")]), { do: "manage", warning }), true);
  assert.equal(can(person([grant("supervisor", "A")]), { do: "manage", warning }), true);
  assert.equal(can(person([], false, "raiser"), { do: "manage", warning }), true);
  assert.equal(can(person([grant("po", "Z")]), { do: "manage", warning }), false);
});

test('answering "did it happen?": the raiser, PDIS and admins only', () => {
  assert.equal(can(person([], false, "raiser"), { do: "answer", warning }), true);
  assert.equal(can(person([grant("pdis", "P")]), { do: "answer", warning }), true);
  assert.equal(can(person([], true), { do: "answer", warning }), true);
  assert.equal(can(person([grant("po", "A")]), { do: "answer", warning }), false);
  assert.equal(can(person([grant("supervisor", "A")]), { do: "answer", warning }), false);
});
