import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadConfig } from "./index.ts";

test("defaults: port 3000, ./data, embedded database, generated session secret kept under DATA_DIR", () => {
  const dir = mkdtempSync(join(tmpdir(), "po-cfg-"));
  const c = loadConfig({ DATA_DIR: dir });
  assert.equal(c.port, 3000);
  assert.equal(c.databaseUrl, null);
  assert.equal(c.publicUrl, "http://localhost:3000");
  assert.ok(c.sessionSecret.length >= 32);
  assert.equal(readFileSync(join(dir, "session-secret"), "utf8").trim(), c.sessionSecret);
  assert.equal(loadConfig({ DATA_DIR: dir }).sessionSecret, c.sessionSecret);
});

test("every problem is listed at once", () => {
  try {
    loadConfig({ PORT: "abc", DATABASE_URL: "mysql://x", SMTP_URL: "http://x", SESSION_SECRET: "short" });
    assert.fail("expected ConfigError");
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    const fields = err.problems.map((p) => p.split(":")[0]);
    assert.deepEqual(fields.sort(), ["DATABASE_URL", "PORT", "SESSION_SECRET", "SMTP_URL"]);
  }
});

test("production requires SESSION_SECRET and PUBLIC_URL", () => {
  assert.throws(
    () => loadConfig({ NODE_ENV: "production" }),
    (e: unknown) => {
      return e instanceof ConfigError && e.problems.length === 2;
    },
  );
});
