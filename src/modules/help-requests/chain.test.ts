import { test } from "node:test";
import assert from "node:assert/strict";
import { escalationChain, nextDue } from "./chain.ts";

test("a request to a unit climbs PO → supervisor → PDIS → minister's office", () => {
  const chain = escalationChain({ kind: "unit", agencyId: "A", requesterAgencyId: "R" });
  assert.deepEqual(
    chain.map((s) => `${s.kind}:${s.agencyId}`),
    ["agency-po:A", "supervisor:A", "pdis:null", "minister-office:A"],
  );
});

test("steps the target already is are skipped", () => {
  assert.deepEqual(
    escalationChain({ kind: "agency-po", agencyId: "A", requesterAgencyId: null }).map((s) => s.kind),
    ["supervisor", "pdis", "minister-office"],
  );
  assert.deepEqual(
    escalationChain({ kind: "pdis", agencyId: null, requesterAgencyId: "R" }).map((s) => s.kind),
    ["minister-office"],
  );
});

test("outside partners start at the requester's own agency PO", () => {
  assert.deepEqual(
    escalationChain({ kind: "pool", agencyId: null, requesterAgencyId: "R" }).map(
      (s) => `${s.kind}:${s.agencyId}`,
    ),
    ["agency-po:R", "pdis:null", "minister-office:R"],
  );
});

test("next due: the earlier running clock; none once answered", () => {
  const ack = new Date("2026-03-03T15:59:59.999Z");
  const resp = new Date("2026-03-09T15:59:59.999Z");
  const base = {
    state: "open",
    acknowledgeDueAt: ack,
    respondDueAt: resp,
    acknowledgedAt: null,
    escalationLevel: 0,
    chainLength: 4,
  };
  assert.equal(nextDue(base)?.getTime(), ack.getTime());
  assert.equal(nextDue({ ...base, acknowledgedAt: ack })?.getTime(), resp.getTime());
  assert.equal(nextDue({ ...base, state: "answered" }), null);
});
