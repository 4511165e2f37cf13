import { test } from "node:test";
import assert from "node:assert/strict";
import { coordinationWeight, defaultAuthorisation, suggestedPoCount } from "./weight.ts";

test("coordination weight grows in steps with agency size", () => {
  assert.equal(coordinationWeight({ subAgencies: 0, units: 0 }), 1);
  assert.equal(coordinationWeight({ subAgencies: 0, units: 3 }), 1);
  assert.equal(coordinationWeight({ subAgencies: 1, units: 3 }), 2);
  assert.equal(coordinationWeight({ subAgencies: 5, units: 20 }), 3);
  assert.equal(coordinationWeight({ subAgencies: 10, units: 40 }), 4);
  assert.equal(coordinationWeight({ subAgencies: 11, units: 40 }), 5);
});

test("default authorisation widens with weight", () => {
  assert.deepEqual(defaultAuthorisation(1), {
    maxUnitsWithoutSignoff: 2,
    maxAgenciesWithoutSignoff: 1,
    maxWorkingGroupSize: 6,
  });
  assert.equal(defaultAuthorisation(5).maxAgenciesWithoutSignoff, 4);
});

test("suggested PO count is one per started ten, at least one", () => {
  assert.equal(suggestedPoCount({ subAgencies: 0, units: 0 }), 1);
  assert.equal(suggestedPoCount({ subAgencies: 4, units: 7 }), 2);
});
