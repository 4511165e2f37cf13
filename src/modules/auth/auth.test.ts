import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { createTestApp } from "../../platform/testing/app.ts";
import { deliverDueMail, recentMail, smtpTransport } from "../../platform/mail/outbox.ts";
import type { FixedClock } from "../../platform/clock/index.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp(opts: { failFirst?: number } = {}) {
  const received: Array<{ to: string; data: string }> = [];
  let failures = opts.failFirst ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, cb) {
      let data = "";
      stream.on("data", (c: Buffer) => (data += c.toString("utf8")));
      stream.on("end", () => {
        if (failures > 0) {
          failures--;
          const err = new Error("mailbox busy") as Error & { responseCode: number };
          err.responseCode = 451;
          return cb(err);
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), data });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function linkFrom(text: string): string {
  const m = /http:\/\/po\.test\/sign-in\/([A-Za-z0-9_-]+)/.exec(text);
  assert.ok(m, `no link in: ${text}`);
  return m[1]!;
}

test("sign-in link: sent over SMTP, opens a session once, then never again", async () => {
  const smtp = await startSmtp();
  try {
    const res = await t.api("POST", "/api/v1/auth/sign-in-links", {
      body: { email: "PO-MOI-LEAD@example.org" },
    });
    assert.equal(res.status, 202);
    const r = await deliverDueMail(
      t.db,
      t.rt.clock,
      smtpTransport(smtp.url),
      "PO Network <no-reply@po.test>",
    );
    assert.equal(r.sent, 1);
    assert.equal(smtp.received.length, 1);
    assert.equal(smtp.received[0]!.to, "po-moi-lead@example.org");
    const mail = await recentMail(t.db, 1);
    const token = linkFrom(mail[0]!.text);
    assert.ok(smtp.received[0]!.data.includes(token.slice(0, 20)));

    const { consumeSignInLink, actorFromSession } = await import("./index.ts");
    const session = await consumeSignInLink(t.authDeps, token, "test-agent");
    const resolved = await actorFromSession(t.authDeps, session.token);
    assert.equal(resolved?.actor.email, "po-moi-lead@example.org");
    assert.ok(resolved?.actor.grants.some((g) => g.role === "po"));
    await assert.rejects(consumeSignInLink(t.authDeps, token, null), /expired or was already used/);
  } finally {
    await smtp.close();
  }
});

test("sign-in link expires after 15 minutes", async () => {
  await t.api("POST", "/api/v1/auth/sign-in-links", { body: { email: "sup-moi@example.org" } });
  const token = linkFrom((await recentMail(t.db, 1))[0]!.text);
  (t.rt.clock as FixedClock).advance(16 * 60_000);
  const { consumeSignInLink } = await import("./index.ts");
  await assert.rejects(consumeSignInLink(t.authDeps, token, null), /expired/);
});

test("an unknown address gets the same answer and, on first use, a participant account", async () => {
  const res = await t.api("POST", "/api/v1/auth/sign-in-links", { body: { email: "citizen@example.net" } });
  assert.equal(res.status, 202);
  const token = linkFrom((await recentMail(t.db, 1))[0]!.text);
  const { consumeSignInLink, actorFromSession } = await import("./index.ts");
  const s = await consumeSignInLink(t.authDeps, token, null);
  const a = await actorFromSession(t.authDeps, s.token);
  assert.equal(a?.actor.grants.length, 0);
  const { roleNames } = await import("../directory/index.ts");
  assert.deepEqual(roleNames(a!.actor), ["participant"]);
});

test("sign-in is rate limited per address with 429", async () => {
  let last = 0;
  for (let i = 0; i < 6; i++) {
    last = (await t.api("POST", "/api/v1/auth/sign-in-links", { body: { email: "flood@example.org" } }))
      .status;
  }
  assert.equal(last, 429);
  const bad = await t.api("POST", "/api/v1/auth/sign-in-links", { body: { email: "nope" } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, "email");
});

test("mail delivery retries with back-off when the SMTP server refuses", async () => {
  // Earlier tests left messages queued: send them elsewhere first.
  await deliverDueMail(t.db, t.rt.clock, async () => {}, "x@po.test", 1000);
  const smtp = await startSmtp({ failFirst: 1 });
  try {
    await t.api("POST", "/api/v1/auth/sign-in-links", { body: { email: "retry@example.org" } });
    const transport = smtpTransport(smtp.url);
    const first = await deliverDueMail(t.db, t.rt.clock, transport, "x@po.test");
    assert.equal(first.failed, 1);
    assert.equal(smtp.received.length, 0);
    // Not due again until the back-off passes.
    assert.equal((await deliverDueMail(t.db, t.rt.clock, transport, "x@po.test")).sent, 0);
    (t.rt.clock as FixedClock).advance(31_000);
    assert.equal((await deliverDueMail(t.db, t.rt.clock, transport, "x@po.test")).sent, 1);
    assert.equal(smtp.received.length, 1);
  } finally {
    await smtp.close();
  }
});

test("tokens: bad bearer is 401; tokens can be listed and revoked", async () => {
  assert.equal((await t.api("GET", "/api/v1/me", { token: "pon_nope" })).status, 401);
  assert.equal((await t.api("GET", "/api/v1/me")).status, 401);
  const tok = await t.tokenFor("sup-moi@example.org");
  const me = await t.api("GET", "/api/v1/me", { token: tok });
  assert.equal(me.status, 200);
  assert.ok(me.body.roles.includes("supervisor"));
  const created = await t.api("POST", "/api/v1/me/tokens", { token: tok, body: { name: "script" } });
  assert.equal(created.status, 201);
  assert.ok(created.body.token.startsWith("pon_"));
  const list = await t.api("GET", "/api/v1/me/tokens", { token: tok });
  assert.ok(list.body.items.some((x: any) => x.id === created.body.id && !("token" in x)));
  assert.equal((await t.api("DELETE", `/api/v1/me/tokens/${created.body.id}`, { token: tok })).status, 204);
  assert.equal((await t.api("GET", "/api/v1/me", { token: created.body.token })).status, 401);
});

test("the whole audit log is for admins only", async () => {
  const tok = await t.tokenFor("sup-moi@example.org");
  assert.equal((await t.api("GET", "/api/v1/audit", { token: tok })).status, 403);
});
