import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeAkomaNtoso } from "../modules/transcripts/akoma-ntoso.ts";
import { parseTranscriptFile } from "../modules/transcripts/formats.ts";
import { sameTranscriptContent, type ParsedTranscript } from "../modules/transcripts/markdown.ts";

// `import transcripts` and `export transcripts` as a person runs them: the real `po-network`
// executable in a child process, each database in its own embedded data directory.
const bin = fileURLToPath(new URL("../../bin/po-network.js", import.meta.url));
let dir: string;

function run(args: string[], dataDir: string) {
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent", NODE_ENV: "test" };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Fixtures written for these tests (fictional, not corpus text).
const files: Record<string, string> = {
  "2026-03-02-開放政府-PO-第1次月會.md": `# 2026-03-02 開放政府 PO 第1次月會

## 開場

### 主持人：

各位好，今天是第一次月會。

我們先確認上次的紀錄。

> （投影片：議程）

### 王小明：

交通部這邊的進度已經更新。

（笑）
`,
  "2026-04-10-interview-with-a-journalist.md": `# 2026-04-10 Interview with a Journalist

### Journalist:

Thank you for joining us today.

### Minister:

Happy to be here & glad to "talk" about <things>.
The network meets every month.
`,
};
const xmlName = "2026-05-20-協作會議-紀錄.xml";
const xmlDoc: ParsedTranscript = {
  slug: "2026-05-20-協作會議-紀錄",
  title: "協作會議紀錄",
  date: "2026-05-20",
  blocks: [
    { kind: "heading", level: 2, text: "議程一", line: 0 },
    { kind: "speech", speaker: "林小華", colon: "：", paragraphs: ["第一段。", "第二段，\n換行。"], line: 0 },
    { kind: "narrative", text: "（投影片）", style: "bracket", line: 0 },
  ],
};

function parsedFile(path: string): ParsedTranscript {
  const r = parseTranscriptFile(readFileSync(path, "utf8"), path);
  assert.ok(r.ok, `${path}: ${r.ok ? "" : r.error.message}`);
  return r.transcript;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), "po-cli-transcripts-"));
  mkdirSync(join(dir, "md"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, "md", name), text);
  mkdirSync(join(dir, "akn", "nested"), { recursive: true });
  writeFileSync(join(dir, "akn", "nested", xmlName), writeAkomaNtoso(xmlDoc));
  writeFileSync(join(dir, "akn", "notes.txt"), "not a transcript");
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("import transcripts picks up .xml (Akoma Ntoso) files in folders; export → import into a fresh database keeps the content", () => {
  const first = join(dir, "data-1");
  const xmlImport = run(["import", "transcripts", join(dir, "akn")], first);
  assert.equal(xmlImport.code, 0, xmlImport.err);
  assert.match(xmlImport.out, /files: 1; transcripts: 1 created/);
  const mdImport = run(["import", "transcripts", join(dir, "md")], first);
  assert.equal(mdImport.code, 0, mdImport.err);
  assert.match(mdImport.out, /2 created/);

  // Akoma Ntoso out of the first database, into a second one, Markdown out of that.
  const aknOut = join(dir, "out-akn");
  const exported = run(["export", "transcripts", aknOut, "--format", "akomantoso"], first);
  assert.equal(exported.code, 0, exported.err);
  assert.match(exported.out, /files written: 3 \(akomantoso\)/);
  assert.deepEqual(
    readdirSync(aknOut).sort(),
    [xmlName, ...Object.keys(files).map((n) => n.replace(/\.md$/, ".xml"))].sort(),
  );

  const second = join(dir, "data-2");
  const reimport = run(["import", "transcripts", aknOut], second);
  assert.equal(reimport.code, 0, reimport.err);
  assert.match(reimport.out, /3 created/);
  const mdOut = join(dir, "out-md");
  const again = run(["export", "transcripts", mdOut], second);
  assert.equal(again.code, 0, again.err);
  assert.match(again.out, /files written: 3 \(markdown\)/);

  for (const name of Object.keys(files)) {
    const original = parsedFile(join(dir, "md", name));
    assert.ok(sameTranscriptContent(original, parsedFile(join(aknOut, name.replace(/\.md$/, ".xml")))), name);
    assert.ok(sameTranscriptContent(original, parsedFile(join(mdOut, name))), name);
  }
  const fromXml = parsedFile(join(mdOut, xmlName.replace(/\.xml$/, ".md")));
  assert.ok(sameTranscriptContent(xmlDoc, fromXml));
});

test("export transcripts: usage errors exit 2", () => {
  const data = join(dir, "data-usage");
  const bad = run(["export", "transcripts", join(dir, "x"), "--format", "pdf"], data);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--format: markdown or akomantoso/);
  const noDir = run(["export", "transcripts"], data);
  assert.equal(noDir.code, 2);
  assert.match(noDir.err, /usage: po-network export transcripts DIR/);
  const help = run(["help"], data);
  assert.match(help.out, /export transcripts DIR \[--format markdown\|akomantoso\]/);
});
