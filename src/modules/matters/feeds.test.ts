import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "../../platform/testing/app.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test("the Atom feed lists public matters only, and can be narrowed to an agency", async () => {
  const po = await t.tokenFor("po-moi-lead@example.org");
  const pub = await t.api("POST", "/api/v1/matters", {
    token: po,
    body: { title: "公開議題 <測試> & 追蹤", agencyIds: ["moi"], visibility: "public" },
  });
  assert.equal(pub.status, 201, JSON.stringify(pub.body));
  const net = await t.api("POST", "/api/v1/matters", {
    token: po,
    body: { title: "內部議題", agencyIds: ["moi"] },
  });
  assert.equal(net.status, 201);
  const res = await t.app.request("/feeds/matters.atom");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /application\/atom\+xml/);
  const xml = await res.text();
  assert.match(xml, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
  assert.ok(xml.includes(pub.body.reference));
  // Text goes into CDATA sections (the library splits any "]]>" inside them).
  assert.ok(xml.includes(`<![CDATA[${pub.body.reference} 公開議題 <測試> & 追蹤]]>`), "titles are escaped");
  assert.ok(!xml.includes("內部議題"), "network matters stay out of the public feed");
  const moea = await (await t.app.request("/feeds/matters.atom?agency=moea")).text();
  assert.ok(!moea.includes(pub.body.reference));
  assert.equal((await t.app.request("/feeds/matters.atom?agency=nowhere")).status, 404);
});
