import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "./platform/testing/app.ts";
import { seedDemoCivic } from "./demo-civic.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test("the civic demo: a qualified, assigned petition taken up by a case, another open, next month's meeting", async () => {
  const r = await seedDemoCivic({
    db: t.db,
    clock: t.rt.clock,
    publicUrl: t.rt.config.publicUrl,
    secret: t.rt.config.sessionSecret,
  });
  assert.deepEqual(r, { petitions: 2, meetings: 1, cases: 1, commitments: 1 });
  const petitions = (await t.api("GET", "/api/v1/petitions")).body.items;
  assert.equal(petitions.length, 2);
  const qualified = petitions.find((p: any) => p.externalId === "demo-0001");
  assert.equal(qualified.state, "assigned");
  assert.equal(petitions.find((p: any) => p.externalId === "demo-0002").state, "open");
  const full = (await t.api("GET", `/api/v1/petitions/${qualified.id}`)).body;
  assert.deepEqual(
    full.cases.map((c: any) => c.url),
    ["/cases/1"],
  );
  const c = (await t.api("GET", "/api/v1/cases/1")).body;
  assert.equal(c.leadAgency.slug, "motc");
  assert.equal(c.links.petition.url, `/petitions/${qualified.id}`);
  assert.equal(c.commitments.items.length, 1);
  assert.equal(c.commitments.items[0].ownerAgency.slug, "motc");
  assert.equal(full.commitments.length, 1);
  // Its research has begun; the handbook is a preview for the organisers, not public yet.
  const research = (
    await t.api("GET", "/api/v1/cases/1/research", {
      token: await t.tokenFor("pdis-project-manager@example.org"),
    })
  ).body;
  assert.match(research.challenge.text, /^我們可以如何/);
  assert.deepEqual(
    research.analysis.map((r: any) => r.kind),
    ["problem", "solution"],
  );
  assert.deepEqual(research.analysis[0].stakeholderIds, [research.stakeholders[0].id]);
  assert.equal((await t.api("GET", "/api/v1/cases/1/handbook")).status, 404);
  const meetings = await t.api("GET", "/api/v1/meetings", {
    token: await t.tokenFor("pdis-project-manager@example.org"),
  });
  assert.equal(meetings.status, 200, JSON.stringify(meetings.body));
  assert.equal(meetings.body.items.filter((m: any) => m.kind === "monthly").length, 1);
});
