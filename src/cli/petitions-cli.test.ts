import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// `import petitions` and `jobs run-due` as an operator runs them: the real `po-network` executable in a
// child process, on its own embedded data directory.
const bin = fileURLToPath(new URL("../../bin/po-network.js", import.meta.url));
let dir: string;

function run(args: string[]) {
  const env = { ...process.env, DATA_DIR: join(dir, "data"), LOG_LEVEL: "silent", NODE_ENV: "test" };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const header = "external_id,url,title,text,proposer,agencies,endorsements,endorsements_at,opens_at";
// Fixtures written for this test (fictional petitions).
const good = [
  header,
  "CLI-1,https://join.gov.tw/idea/detail/cli-1,夜間公車,增加夜間公車班次。,林小姐,,5000,2026-03-02T02:00:00Z,2026-02-10",
  "CLI-2,,人行道,改善人行道。,,,12,2026-03-02T02:00:00Z,2026-02-20",
].join("\n");
const bad = [
  header,
  "CLI-3,,新提議,內容,,,1,,2026-02-20",
  "CLI-4,,,缺標題,,,1,,2026-02-20",
  "CLI-5,,標題,內容,,,1,,2026-02-30",
  "CLI-6,ftp://example.org/x,標題,內容,,,1,,2026-02-20",
].join("\n");

before(() => {
  dir = mkdtempSync(join(tmpdir(), "po-petitions-cli-"));
  writeFileSync(join(dir, "good.csv"), good);
  writeFileSync(join(dir, "bad.csv"), bad);
  writeFileSync(
    join(dir, "good.json"),
    JSON.stringify({
      petitions: [
        {
          externalId: "CLI-2",
          title: "人行道",
          text: "改善人行道。",
          endorsements: 40,
          endorsementsAt: "2026-03-03T02:00:00Z",
          opensAt: "2026-02-20",
        },
      ],
    }),
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("import petitions: bad rows named by line and field, nothing written; then idempotent; then the sweep", () => {
  const refused = run(["import", "petitions", join(dir, "bad.csv")]);
  assert.equal(refused.code, 1, refused.err);
  assert.match(refused.err, /bad\.csv:3: title: is required/);
  assert.match(refused.err, /bad\.csv:4: opens_at: must be a date/);
  assert.match(refused.err, /bad\.csv:5: url: must be an http\(s\) URL/);
  assert.match(refused.err, /nothing imported: 3 problem\(s\)/);

  const first = run(["import", "petitions", join(dir, "good.csv")]);
  assert.equal(first.code, 0, first.err);
  assert.equal(first.out.trim(), "petitions: 2 rows; 2 created, 0 updated, 0 unchanged; 1 qualified");
  const again = run(["import", "petitions", join(dir, "good.csv")]);
  assert.equal(again.out.trim(), "petitions: 2 rows; 0 created, 0 updated, 2 unchanged; 0 qualified");
  const json = run(["import", "petitions", join(dir, "good.json")]);
  assert.equal(
    json.out.trim(),
    "petitions: 1 rows; 0 created, 1 updated, 0 unchanged; 0 qualified",
    json.err,
  );
  // CLI-3 of the refused file was never written: importing a file with only it creates it now.
  writeFileSync(join(dir, "one.csv"), [header, "CLI-3,,新提議,內容,,,1,,2026-02-20"].join("\n"));
  assert.match(run(["import", "petitions", join(dir, "one.csv")]).out, /1 created/);

  // CLI-1 qualified on 2 March: its response is due at the end of 4 May. After that, the sweep
  // escalates the lapsed deadlines once, however often it runs.
  const due = run(["jobs", "run-due", "--now", "2026-05-05T01:00:00Z"]);
  assert.equal(due.code, 0, due.err);
  const r = JSON.parse(due.out).petitions;
  assert.equal(r.escalated, 2, due.out); // the handling plan and the response of CLI-1
  assert.ok(r.closed >= 2, due.out); // the windows of CLI-2 and CLI-3 closed without qualifying
  const twice = JSON.parse(run(["jobs", "run-due", "--now", "2026-05-05T01:00:00Z"]).out).petitions;
  assert.equal(twice.escalated, 0);

  assert.equal(run(["import", "petitions"]).code, 2);
  assert.equal(run(["import", "petitions", join(dir, "missing.csv")]).code, 1);
});
