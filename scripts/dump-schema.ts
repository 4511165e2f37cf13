// Writes db/schema.sql from a freshly migrated embedded database.
import { writeFileSync } from "node:fs";
import { createTestRuntime } from "../src/platform/testing/harness.ts";
import { dumpSchema } from "../src/platform/db/schema-dump.ts";

const rt = await createTestRuntime({ seed: false });
writeFileSync(new URL("../db/schema.sql", import.meta.url), await dumpSchema(rt.database.pool));
await rt.close();
console.log("wrote db/schema.sql");
