import { test } from "node:test";
import assert from "node:assert/strict";
import { can, type MatterAccess } from "./policy.ts";
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
const matter = (over: Partial<MatterAccess> = {}): MatterAccess => ({
  visibility: "network",
  state: "open",
  agencyIds: ["A"],
  memberIds: [],
  ...over,
});

test("a network matter: the network reads it; working-group members only while it is open", () => {
  const participant = person([], false, "m1");
  assert.equal(can(publicActor, { do: "read", matter: matter() }), false);
  assert.equal(can(participant, { do: "read", matter: matter() }), false);
  assert.equal(can(participant, { do: "read", matter: matter({ memberIds: ["m1"] }) }), true);
  assert.equal(
    can(participant, { do: "read", matter: matter({ memberIds: ["m1"], state: "closed" }) }),
    false,
  );
  assert.equal(can(person([grant("unit-staff", "Z", "u9")]), { do: "read", matter: matter() }), true);
  assert.equal(can(publicActor, { do: "read", matter: matter({ visibility: "public" }) }), true);
});

test("managing and the working group belong to the matter's POs (and PDIS/admins for managing)", () => {
  const po = person([grant("po", "A")]);
  const otherPo = person([grant("po", "B")]);
  const pdis = person([grant("pdis", "EY", "pdis")]);
  assert.equal(can(po, { do: "manage", matter: matter() }), true);
  assert.equal(can(otherPo, { do: "manage", matter: matter() }), false);
  assert.equal(can(pdis, { do: "manage", matter: matter() }), true);
  assert.equal(can(pdis, { do: "manage-members", matter: matter() }), false);
  assert.equal(can(po, { do: "manage-members", matter: matter() }), true);
  assert.equal(can(person([grant("supervisor", "A")]), { do: "manage", matter: matter() }), false);
});

test("refusals: the unit's side speaks for it; each level has its decider", () => {
  const unit = { unitId: "u1", agencyId: "A" };
  assert.equal(can(person([grant("unit-staff", "A", "u1")]), { do: "speak-for-unit", unit }), true);
  assert.equal(can(person([grant("unit-staff", "A", "u2")]), { do: "speak-for-unit", unit }), false);
  assert.equal(can(person([grant("po", "A")]), { do: "speak-for-unit", unit }), true);
  assert.equal(can(person([], true), { do: "speak-for-unit", unit }), true);
  const po = person([grant("po", "A")]);
  const pdis = person([grant("pdis", "EY", "pdis")]);
  const admin = person([], true);
  for (const [actor, level, ok] of [
    [po, "po", true],
    [pdis, "po", false],
    [po, "pdis", false],
    [pdis, "pdis", true],
    [pdis, "minister-office", false],
    [admin, "minister-office", true],
  ] as const) {
    assert.equal(can(actor, { do: "decide-refusal", level, matter: matter() }), ok, `${level}`);
  }
});
