import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac } from "node:crypto";
import { createTestApp } from "../../platform/testing/app.ts";
import { createPerson, systemActor } from "../directory/index.ts";
import { deliverWebhooks } from "./index.ts";
import type { FixedClock } from "../../platform/clock/index.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let admin: string;
before(async () => {
  t = await createTestApp();
  await createPerson({ db: t.db, clock: t.rt.clock }, systemActor, {
    email: "hook-admin@example.org",
    name: "示範管理員",
    isAdmin: true,
  });
  admin = await t.tokenFor("hook-admin@example.org");
});
after(() => t.close());

/** A real HTTP receiver on loopback that answers with the given statuses in turn. */
async function receiver(statuses: number[]) {
  const got: Array<{ headers: IncomingMessage["headers"]; body: string }> = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 200;
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { got, url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test("changes matching a webhook's filter are POSTed, signed, and retried until accepted", async () => {
  const rx = await receiver([500, 204]);
  try {
    const po = await t.tokenFor("po-moi-lead@example.org");
    assert.equal((await t.api("POST", "/api/v1/webhooks", { token: po, body: { url: rx.url } })).status, 403);
    const bad = await t.api("POST", "/api/v1/webhooks", { token: admin, body: { url: "ftp://x" } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, "url");
    const hook = await t.api("POST", "/api/v1/webhooks", {
      token: admin,
      body: { url: rx.url, events: ["org.*"] },
    });
    assert.equal(hook.status, 201);
    assert.ok(hook.body.secret.startsWith("whsec_"));
    assert.ok(!("secret" in (await t.api("GET", "/api/v1/webhooks", { token: admin })).body.items[0]));

    // A change that matches (org.create) and one that does not (the roster filing).
    const p = await t.api("POST", "/api/v1/agencies", {
      token: admin,
      body: {
        slug: "hooked-unit",
        kind: "unit",
        parentId: "moi",
        name: { "zh-TW": "測試科", en: "Test Section" },
      },
    });
    assert.equal(p.status, 201);
    await t.api("POST", "/api/v1/agencies/moi/rosters", { token: po, body: { year: 2026 } });
    const clock = t.rt.clock as FixedClock;
    assert.deepEqual(await deliverWebhooks(t.db, clock), { delivered: 0, failed: 1 });
    clock.advance(31_000);
    assert.deepEqual(await deliverWebhooks(t.db, clock), { delivered: 1, failed: 0 });
    assert.equal(rx.got.length, 2);
    const last = rx.got[1]!;
    const body = JSON.parse(last.body);
    assert.equal(body.event, "org.create");
    assert.equal(body.entityId, p.body.id);
    assert.equal(last.headers["x-po-network-event"], "org.create");
    const expected =
      "sha256=" +
      createHmac("sha256", hook.body.secret)
        .update(`${last.headers["x-po-network-timestamp"]}.${last.body}`)
        .digest("hex");
    assert.equal(last.headers["x-po-network-signature"], expected);
    assert.equal(
      rx.got[0]!.headers["x-po-network-delivery"],
      last.headers["x-po-network-delivery"],
      "same delivery id on retry",
    );
    const deliveries = await t.api("GET", `/api/v1/webhooks/${hook.body.id}/deliveries`, { token: admin });
    assert.equal(deliveries.body.items.length, 1, "the roster filing was not queued");
    assert.equal(deliveries.body.items[0].attempts, 2);
    assert.equal(deliveries.body.items[0].lastStatus, 204);
    // Nothing left to send.
    assert.deepEqual(await deliverWebhooks(t.db, clock), { delivered: 0, failed: 0 });
  } finally {
    await rx.close();
  }
});

test("restricted records are never sent: reads, people, help requests, network matters", async () => {
  const rx = await receiver([]);
  try {
    await t.api("POST", "/api/v1/webhooks", { token: admin, body: { url: rx.url } });
    const p = await t.api("POST", "/api/v1/people", {
      token: admin,
      body: { email: "quiet@example.org", name: "示範" },
    });
    await deliverWebhooks(t.db, t.rt.clock);
    const before = rx.got.length;
    assert.equal(before, 0, "a person's creation is not sent");
    await t.api("GET", `/api/v1/people/${p.body.id}`, { token: admin }); // audited read
    const po = await t.tokenFor("po-moi-lead@example.org");
    await t.api("POST", "/api/v1/matters", { token: po, body: { title: "內部", agencyIds: ["moi"] } });
    await deliverWebhooks(t.db, t.rt.clock);
    assert.equal(rx.got.length, before, "nothing restricted went out");
    const pub = await t.api("POST", "/api/v1/matters", {
      token: po,
      body: { title: "公開", agencyIds: ["moi"], visibility: "public" },
    });
    await deliverWebhooks(t.db, t.rt.clock);
    assert.ok(
      rx.got.some((g) => JSON.parse(g.body).entityId === pub.body.id),
      "a public matter is sent",
    );
  } finally {
    await rx.close();
  }
});
