import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { loadConfig } from "./config/index.ts";
import { openRuntime } from "./runtime.ts";

test("a production first start loads the real agencies but no demo people or resources", async () => {
  if (process.env.TEST_DATABASE_URL) return; // a fresh embedded directory is the point here
  const dir = mkdtempSync(join(tmpdir(), "po-prod-"));
  const config = loadConfig({
    DATA_DIR: dir,
    NODE_ENV: "production",
    PUBLIC_URL: "https://po.example.org",
    SESSION_SECRET: "production-secret-production-secret-1234",
    LOG_LEVEL: "silent",
  });
  const rt = await openRuntime(config);
  try {
    const count = async (table: string) =>
      (await rt.database.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))
        .rows[0]!.n;
    assert.ok((await count("orgs")) >= 100);
    assert.equal(await count("people"), 0);
    assert.equal(await count("resources"), 0);
  } finally {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
