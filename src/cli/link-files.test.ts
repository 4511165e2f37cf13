import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { collectLinkFiles } from "./link-files.ts";

// `import transcripts` with the archive's link files, as a person runs it: the real executable.
const bin = fileURLToPath(new URL("../../bin/po-network.js", import.meta.url));
let dir: string;

function run(args: string[]) {
  const env = { ...process.env, DATA_DIR: join(dir, "data"), LOG_LEVEL: "silent", NODE_ENV: "test" };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Fixtures written for these tests (fictional).
const zh = "2026-03-02-示範-會議";
const en = "2026-03-02-Demo-Meeting";

before(() => {
  dir = mkdtempSync(join(tmpdir(), "po-links-"));
  const folder = join(dir, "archive");
  mkdirSync(folder);
  writeFileSync(join(folder, `${zh}.md`), "# 2026-03-02 示範 會議\n\n### 示範甲：\n\n大家好。\n");
  writeFileSync(join(folder, `${en}.md`), "# 2026-03-02 Demo meeting\n\n### Demo A:\n\nHello.\n");
  writeFileSync(join(folder, "alternates.tsv"), `# twins\n${zh}.md\t${en}.md\n`);
  writeFileSync(
    join(dir, "redirects.tsv"),
    `# old\tnew\n2026-03-02-舊名\t${zh}\none column only\n${zh}\t${en}\n`,
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("collectLinkFiles finds the link files named or at the top of a folder named", () => {
  assert.deepEqual(
    collectLinkFiles([join(dir, "archive"), join(dir, "redirects.tsv"), join(dir, "nowhere")]),
    [join(dir, "archive", "alternates.tsv"), join(dir, "redirects.tsv")],
  );
  assert.deepEqual(collectLinkFiles([dir]), [join(dir, "redirects.tsv")]);
});

test("import transcripts imports the link files after the transcripts and reports bad lines", () => {
  const first = run(["import", "transcripts", join(dir, "archive"), join(dir, "redirects.tsv")]);
  assert.equal(first.code, 1, "a bad line makes the exit code 1");
  assert.match(first.out, /transcripts: 2 created/);
  assert.match(
    first.out,
    /alternates: 1 added, 0 unchanged; redirects: 1 added, 0 repointed, 0 unchanged, 1 ignored; bad lines: 1/,
  );
  assert.match(first.err, /skipped .*redirects\.tsv:3: expected 2 tab-separated columns, found 1/);
  assert.match(first.err, /ignored .*redirects\.tsv:4: .*current transcript/);

  const again = run(["import", "transcripts", join(dir, "archive")]);
  assert.equal(again.code, 0, again.err);
  assert.match(again.out, /2 unchanged/);
  assert.match(again.out, /alternates: 0 added, 1 unchanged; redirects: 0 added/);
});
