import { test } from "node:test";
import assert from "node:assert/strict";
import { can } from "./policy.ts";
import { publicActor, type Actor } from "./actor.ts";

const person = (grants: Actor["grants"], isAdmin = false): Actor => ({
  personId: "p1",
  name: "x",
  email: "x@example.org",
  isAdmin,
  grants,
});

test("only the agency's supervisor, PDIS or an admin may invite a PO", () => {
  const sup = person([{ role: "supervisor", orgId: "a", agencyId: "a", tags: [] }]);
  assert.equal(can(sup, { do: "invite-po", agencyId: "a" }), true);
  assert.equal(can(sup, { do: "invite-po", agencyId: "b" }), false);
  const po = person([{ role: "po", orgId: "a", agencyId: "a", tags: ["lead-po"] }]);
  assert.equal(can(po, { do: "invite-po", agencyId: "a" }), false);
  assert.equal(
    can(person([{ role: "pdis", orgId: "x", agencyId: "x", tags: [] }]), { do: "invite-po", agencyId: "a" }),
    true,
  );
  assert.equal(can(person([], true), { do: "invite-po", agencyId: "a" }), true);
  assert.equal(can(publicActor, { do: "invite-po", agencyId: "a" }), false);
});

test("the authorisation table is the supervisor's (or an admin's)", () => {
  const sup = person([{ role: "supervisor", orgId: "a", agencyId: "a", tags: [] }]);
  assert.equal(can(sup, { do: "set-authorisation", agencyId: "a" }), true);
  const pdis = person([{ role: "pdis", orgId: "x", agencyId: "x", tags: [] }]);
  assert.equal(can(pdis, { do: "set-authorisation", agencyId: "a" }), false);
});

test("a lead PO files the roster; a team PO does not", () => {
  assert.equal(
    can(person([{ role: "po", orgId: "a", agencyId: "a", tags: ["lead-po"] }]), {
      do: "file-roster",
      agencyId: "a",
    }),
    true,
  );
  assert.equal(
    can(person([{ role: "po", orgId: "a", agencyId: "a", tags: ["team-po"] }]), {
      do: "file-roster",
      agencyId: "a",
    }),
    false,
  );
});

test("private person records are for the person and PDIS", () => {
  assert.equal(can(person([]), { do: "see-private-person", personId: "p1" }), true);
  assert.equal(can(person([]), { do: "see-private-person", personId: "p2" }), false);
});
