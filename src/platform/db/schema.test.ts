import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createTestRuntime } from "../testing/harness.ts";
import { dumpSchema } from "./schema-dump.ts";
import { sql } from "drizzle-orm";

test("db/schema.sql matches the migrated schema (run `npm run db:schema` after adding a migration)", async () => {
  const rt = await createTestRuntime({ seed: false });
  try {
    const committed = readFileSync(fileURLToPath(new URL("../../../db/schema.sql", import.meta.url)), "utf8");
    assert.equal(await dumpSchema(rt.database.pool), committed);
  } finally {
    await rt.close();
  }
});

test("the audit log refuses updates and deletes", async () => {
  const rt = await createTestRuntime({ seed: false });
  try {
    await rt.database.db.execute(
      sql`insert into audit_log (action, entity_type, entity_id, subject_ids) values ('x', 'y', 'z', '{}')`,
    );
    const appendOnly = (e: unknown) => /append-only/.test(String((e as Error).cause ?? e));
    await assert.rejects(rt.database.db.execute(sql`update audit_log set action = 'changed'`), appendOnly);
    await assert.rejects(rt.database.db.execute(sql`delete from audit_log`), appendOnly);
  } finally {
    await rt.close();
  }
});
