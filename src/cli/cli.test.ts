import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// The CLI is exercised as a person runs it: the real `po-network` executable in a child process,
// on its own embedded database directory.
const bin = fileURLToPath(new URL("../../bin/po-network.js", import.meta.url));
let dir: string;

function run(args: string[], dataDir = join(dir, "data")) {
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent", NODE_ENV: "test" };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), "po-cli-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("migrate, seed, admin create and token create (token alone on stdout)", () => {
  assert.equal(run(["migrate"]).code, 0);
  const seeded = run(["seed"]);
  assert.equal(seeded.code, 0, seeded.err);
  assert.match(seeded.out, /seeded \d+ agencies/);
  assert.match(seeded.out, /seeded 2 demo petitions, 1 monthly meeting, 1 case/);
  const admin = run(["admin", "create", "--email", "Root@Example.org", "--name", "示範管理員"]);
  assert.equal(admin.code, 0, admin.err);
  const token = run(["token", "create", "--email", "root@example.org"]);
  assert.equal(token.code, 0, token.err);
  assert.match(token.out, /^pon_[A-Za-z0-9_-]{40,}\n$/);
  const missing = run(["token", "create", "--email", "nobody@example.org"]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no person/);
  assert.equal(run(["admin", "create", "--email", "x@example.org"]).code, 2);
});

test("directory CSV: export, re-import unchanged, and a bad file writes nothing", () => {
  const csvFile = join(dir, "dir.csv");
  const exp = run(["directory", "export", "--out", csvFile]);
  assert.equal(exp.code, 0, exp.err);
  const csv = readFileSync(csvFile, "utf8");
  assert.match(csv, /^slug,kind,parent_slug,name_zh,name_en/);
  assert.match(csv, /moi,agency,executive-yuan,內政部,Ministry of the Interior/);
  const again = run(["directory", "import", csvFile]);
  assert.equal(again.code, 0, again.err);
  assert.match(again.out, /0 created, 0 updated, \d+ unchanged/);

  const bad = join(dir, "bad.csv");
  writeFileSync(
    bad,
    "slug,kind,parent_slug,name_zh,name_en\n" +
      "new-good,unit,moi,新單位,New Unit\n" +
      "Bad Slug,unit,moi,壞,Bad\n" +
      "orphan,agency,nowhere,孤兒,Orphan\n",
  );
  const r = run(["directory", "import", bad]);
  assert.equal(r.code, 1);
  assert.match(r.err, /bad\.csv:3: slug:/);
  assert.match(r.err, /bad\.csv:4: parent_slug:/);
  const after = run(["directory", "export"]);
  assert.doesNotMatch(after.out, /new-good/, "nothing from the bad file was written");

  const good = join(dir, "good.csv");
  writeFileSync(good, "slug,kind,parent_slug,name_zh,name_en\nnew-good,unit,moi,新單位,New Unit\n");
  assert.match(run(["directory", "import", good]).out, /1 created/);
});

test("backup and restore into a new directory; restore refuses a non-empty database", () => {
  const file = join(dir, "backup.gz");
  const b = run(["backup", "--out", file]);
  assert.equal(b.code, 0, b.err);
  const other = join(dir, "restored");
  assert.equal(run(["migrate"], other).code, 0);
  const r = run(["restore", file], other);
  assert.equal(r.code, 0, r.err);
  const rows = Number(/restored (\d+) rows/.exec(r.out)?.[1]);
  assert.ok(rows > 100, r.out);
  const token = run(["token", "create", "--email", "root@example.org"], other);
  assert.equal(token.code, 0, "the admin exists in the restored copy");
  const exported = run(["directory", "export"], other);
  assert.match(exported.out, /new-good,unit,moi/);
  const again = run(["restore", file], other);
  assert.equal(again.code, 1);
  assert.match(again.err, /not empty/);
});

test("jobs run-due takes --now and rejects a bad date", () => {
  const ok = run(["jobs", "run-due", "--now", "2026-05-01T00:00:00Z"]);
  assert.equal(ok.code, 0, ok.err);
  const ran = Object.keys(JSON.parse(ok.out));
  for (const sweep of ["help-requests", "early-warnings", "digests", "webhooks", "mail"])
    assert.ok(ran.includes(sweep), sweep);
  const bad = run(["jobs", "run-due", "--now", "tomorrow-ish"]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--now/);
});

test("calendar import reads the official CSV and reports bad lines", () => {
  const good = join(dir, "cal.csv");
  writeFileSync(good, "西元日期,星期,是否放假,備註\n20250207,五,0,\n20250208,六,0,補行上班\n");
  const r = run(["calendar", "import", good]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /imported 2 days: 0 weekday holidays, 1 make-up workdays/);
  const bad = join(dir, "cal-bad.csv");
  writeFileSync(bad, "20250207,五,7,\n");
  const b = run(["calendar", "import", bad]);
  assert.equal(b.code, 1);
  assert.match(b.err, /cal-bad\.csv:1: holiday flag "7"/);
});

test("unknown commands and bad configuration exit non-zero with a message", () => {
  const r = run(["frobnicate"]);
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown command/);
  const env = { ...process.env, PORT: "not-a-port", DATA_DIR: join(dir, "data") };
  const c = spawnSync(process.execPath, [bin, "migrate"], { env, encoding: "utf8" });
  assert.equal(c.status, 2);
  assert.match(c.stderr, /PORT/);
});
