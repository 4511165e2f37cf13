import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let requester: string; // MOEA lead PO
let moiLead: string;
let unitId: string;
const clock = () => t.rt.clock as FixedClock;

before(async () => {
  t = await createTestApp();
  requester = await t.tokenFor("po-moea-lead@example.org");
  moiLead = await t.tokenFor("po-moi-lead@example.org");
  const units = await t.api("GET", "/api/v1/agencies?kind=unit&parent=moi");
  unitId = units.body.items.find((u: any) => u.slug === "moi-dept-civil-affairs").id;
});
after(() => t.close());

async function ask(body: Record<string, unknown>, token = requester) {
  const res = await t.api("POST", "/api/v1/help-requests", {
    token,
    body: { body: "需要協助。", target: { kind: "unit", id: unitId }, ...body },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

test("a page of requests to me is full even when newer requests around them are not mine to answer", async () => {
  clock().set(new Date("2026-05-04T01:00:00Z"));
  const moea = (await t.api("GET", "/api/v1/agencies/moea")).body;
  const moiPress = await t.tokenFor("po-moi-press@example.org");
  const toPo: string[] = [];
  for (let i = 0; i < 3; i++) {
    clock().advance(60_000);
    toPo.push((await ask({ title: `給民政司 ${i}` })).id);
  }
  // Newer requests to a unit of the MOI: the agency's PO sees them but does not answer them.
  for (let i = 0; i < 6; i++) {
    clock().advance(60_000);
    await ask({ title: `內政部問經濟部 ${i}`, target: { kind: "agency-po", id: moea.id } }, moiPress);
  }
  const first = await t.api("GET", "/api/v1/help-requests?box=to-me&limit=2", { token: moiLead });
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.deepEqual(
    first.body.items.map((x: any) => x.id),
    [toPo[2], toPo[1]],
  );
  assert.ok(first.body.next);
  const second = await t.api(
    "GET",
    `/api/v1/help-requests?box=to-me&limit=2&before=${encodeURIComponent(first.body.next)}`,
    { token: moiLead },
  );
  assert.equal(second.body.items[0].id, toPo[0]);
});
