import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// `po-network meetings schedule` as an operator runs it, on its own embedded database.
const bin = fileURLToPath(new URL("../../bin/po-network.js", import.meta.url));
let dir: string;

function run(args: string[]) {
  const env = { ...process.env, DATA_DIR: join(dir, "data"), LOG_LEVEL: "silent", NODE_ENV: "test" };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), "po-cli-meetings-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("meetings schedule: the default day, once; bad arguments exit 2", () => {
  assert.equal(run(["migrate"]).code, 0);
  const first = run(["meetings", "schedule", "--month", "2026-04"]);
  assert.equal(first.code, 0, first.err);
  // Monday 6 April 2026 is a make-up holiday: the meeting moves to Tuesday.
  assert.match(first.out, /^scheduled: monthly meeting on 2026-04-07 \([0-9a-f-]{36}\)/);
  const again = run(["meetings", "schedule", "--month", "2026-04"]);
  assert.equal(again.code, 0, again.err);
  assert.match(again.out, /^already scheduled: monthly meeting on 2026-04-07/);
  assert.equal(first.out.match(/\(([0-9a-f-]{36})\)/)![1], again.out.match(/\(([0-9a-f-]{36})\)/)![1]);
  const quarterly = run(["meetings", "schedule", "--month", "2026-09", "--kind", "quarterly"]);
  // The last Monday of September 2026 is Teachers' Day: the next working day of that week.
  assert.match(quarterly.out, /^scheduled: quarterly meeting on 2026-09-29/);
  const wrongMonth = run(["meetings", "schedule", "--month", "2026-08", "--kind", "quarterly"]);
  assert.equal(wrongMonth.code, 2);
  assert.match(wrongMonth.err, /month/);
  assert.equal(run(["meetings", "schedule", "--month", "April"]).code, 2);
  assert.equal(run(["meetings", "schedule"]).code, 2);
});
