import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Validator } from "@seriousme/openapi-schema-validator";
import { sql } from "drizzle-orm";
import { createTestApp } from "../testing/app.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
before(async () => {
  t = await createTestApp({ seed: false });
  // Input that slipped past a route's checks and was refused by the database itself.
  const values: Record<string, string> = {
    "22008": "select '2026-02-30'::date",
    "22007": "select 'next week'::date",
    "22003": "select 99999999999::int4",
  };
  t.app.get("/test-only/database-refuses/:code", async (c) => {
    await t.db.execute(sql.raw(values[c.req.param("code")]!));
    return c.body(null, 204);
  });
});
after(() => t.close());

test("/api/openapi.json is a valid OpenAPI 3 document listing every /api/v1 route", async () => {
  const res = await t.api("GET", "/api/openapi.json");
  assert.equal(res.status, 200);
  const doc = res.body;
  assert.match(doc.openapi, /^3\./);
  const result = await new Validator().validate(doc);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));

  const documented = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path}`);
  }
  const served = t.app.routes
    .filter((r) => r.path.startsWith("/api/v1/") && r.method !== "ALL")
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
  assert.ok(served.length >= 20, `only ${served.length} routes`);
  const missing = [...new Set(served)].filter((r) => !documented.has(r));
  assert.deepEqual(missing, [], "routes served but not documented");
  for (const key of documented) assert.ok(key.split(" ")[1]!.startsWith("/api/v1/"), key);
});

test("healthz reports the engine and version", async () => {
  const res = await t.api("GET", "/healthz");
  assert.equal(res.status, 200);
  assert.equal(res.body.status, "ok");
  assert.equal(res.body.db, process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
  assert.match(res.body.version, /^\d+\.\d+\.\d+/);
});

test("errors share one shape; unknown API paths are 404 JSON", async () => {
  const res = await t.api("GET", "/api/v1/no-such-thing");
  assert.equal(res.status, 404);
  assert.deepEqual(Object.keys(res.body.error).sort(), ["code", "message"]);
  assert.equal(res.body.error.code, "not_found");
});

test("a date or number the database refuses is a 400, not a 500", async () => {
  for (const code of ["22008", "22007", "22003"]) {
    const res = await t.api("GET", `/test-only/database-refuses/${code}`);
    assert.equal(res.status, 400, `${code}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.code, "invalid_input");
  }
});

test("a body over 1 MiB gets 413", async () => {
  const big = JSON.stringify({ email: "a@example.org", name: "x".repeat(1_100_000) });
  const res = await t.app.request("/api/v1/auth/sign-in-links", {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": String(big.length) },
    body: big,
  });
  assert.equal(res.status, 413);
  assert.equal(((await res.json()) as any).error.code, "payload_too_large");
});

test("malformed JSON is a 400, not a 500", async () => {
  const res = await t.app.request("/api/v1/auth/sign-in-links", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{not json",
  });
  assert.equal(res.status, 400);
});

test("security headers and request ids", async () => {
  const res = await t.app.request("/healthz", { headers: { "x-request-id": "abc-123" } });
  assert.equal(res.headers.get("x-request-id"), "abc-123");
  assert.match(res.headers.get("content-security-policy") ?? "", /default-src 'self'/);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  assert.match(res.headers.get("x-frame-options") ?? "", /DENY|SAMEORIGIN/);
});
