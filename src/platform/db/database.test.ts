import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { spawnSync } from "node:child_process";
import { openDatabase } from "./database.ts";
import { DataDirInUseError, startPgliteHost } from "./pglite-host.ts";
import { createTestRuntime } from "../testing/harness.ts";

test("concurrent read-modify-write transactions never lose an update", async () => {
  const rt = await createTestRuntime({ seed: false });
  try {
    const db = rt.database.db;
    await db.execute(sql`create table counter (n int not null)`);
    await db.execute(sql`insert into counter values (0)`);
    await Promise.all(
      Array.from({ length: 40 }, () =>
        db.transaction(async (tx) => {
          const { rows } = await tx.execute<{ n: number }>(sql`select n from counter for update`);
          await new Promise((r) => setTimeout(r, 1));
          await tx.execute(sql`update counter set n = ${rows[0]!.n + 1}`);
        }),
      ),
    );
    const { rows } = await db.execute<{ n: number }>(sql`select n from counter`);
    assert.equal(rows[0]!.n, 40);
  } finally {
    await rt.close();
  }
});

test("concurrent queries on separate connections each get their own results", async () => {
  const rt = await createTestRuntime({ seed: false });
  try {
    const pool = rt.database.pool;
    const results = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        // Different statements, so that an interleaved Parse/Bind from another connection would show.
        const { rows } = await pool.query<{ v: number; s: string }>(
          `select $1::int + ${i % 13} as v, $2::text || '-${i % 7}' as s`,
          [i, `q${i}`],
        );
        return rows[0]!.v === i + (i % 13) && rows[0]!.s === `q${i}-${i % 7}`;
      }),
    );
    assert.equal(results.filter((ok) => !ok).length, 0);
  } finally {
    await rt.close();
  }
});

test("a failed transaction writes nothing", async () => {
  const rt = await createTestRuntime({ seed: false });
  try {
    const db = rt.database.db;
    await db.execute(sql`create table t (v text not null)`);
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into t values ('half')`);
        throw new Error("boom");
      }),
      /boom/,
    );
    const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from t`);
    assert.equal(rows[0]!.n, 0);
  } finally {
    await rt.close();
  }
});

test("one PGlite directory is never opened twice; a second client attaches to the running one", async () => {
  if (process.env.TEST_DATABASE_URL) return; // embedded engine only
  const dir = mkdtempSync(join(tmpdir(), "po-lock-"));
  const host = await startPgliteHost(dir);
  try {
    await assert.rejects(startPgliteHost(dir), DataDirInUseError);
    // Another process is refused too.
    const child = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `import("./src/platform/db/pglite-host.ts").then(m => m.startPgliteHost(${JSON.stringify(dir)}))` +
          `.then(() => process.exit(0), (e) => { console.error(e.name, e.message); process.exit(3); })`,
      ],
      { encoding: "utf8" },
    );
    assert.equal(child.status, 3, child.stderr);
    assert.match(child.stderr, /in use by process/);
    const attached = await openDatabase({ databaseUrl: null, dataDir: dir, attachToRunning: true });
    const { rows } = await attached.pool.query("select 1 as one");
    assert.equal(rows[0].one, 1);
    await attached.close();
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
