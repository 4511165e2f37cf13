import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  isBracketNote,
  parseTranscriptMarkdown,
  roundTrips,
  writeTranscriptMarkdown,
  type ParseResult,
  type ParsedTranscript,
  type TranscriptBlock,
} from "./markdown.ts";

function parsed(
  text: string,
  file: string,
): { t: ParsedTranscript; warnings: Array<{ code: string; line: number }> } {
  const r = parseTranscriptMarkdown(text, file);
  assert.ok(r.ok, r.ok ? "" : `${r.error.line}: ${r.error.message}`);
  return { t: r.transcript, warnings: r.warnings };
}
/** Blocks without line numbers, for comparisons. */
function shape(blocks: TranscriptBlock[]) {
  return blocks.map(({ line: _line, ...rest }) => rest);
}

const ZH = `# 2017-03-06 開放政府 PO 月會

> 這是開放政府聯絡人的月會，[簡報](https://example.org/slides)在此。

### 唐鳳：
大家好，我們開始。

第二段：今天有三個案子。

（笑）

所以先談第一案。

### 林小姐：

好，我說明一下。
這一行緊接上一行。

### 唐鳳：
（點頭）
`;

const EN = `# 2019-05-01 Conversation with a Visitor

### Visitor:
Thank you for having me.

### Audrey Tang:
\\[laughs\\] You are welcome.

(laughter)

\\[laughs\\]

[Japanese]

Shall we begin? See [the notes](https://example.org/notes).

> [Video](https://example.org/video)
>
> [Slides](https://example.org/slides)
`;

const COLUMN = `# 2018-01-10 社創中心 Office Hour 紀錄

## 前言

社創中心每週三的 Office Hour 由唐鳳主持。

本次共有三組來訪。

## 第一組

討論社會企業的登記方式。
`;

test("Chinese transcript: title, date, speakers with ：, paragraphs, narrative notes", () => {
  const { t, warnings } = parsed(ZH, "2017-03-06-開放政府-PO-月會.md");
  assert.equal(t.slug, "2017-03-06-開放政府-PO-月會");
  assert.equal(t.title, "開放政府 PO 月會");
  assert.equal(t.date, "2017-03-06");
  assert.deepEqual(warnings, []);
  assert.deepEqual(shape(t.blocks), [
    {
      kind: "narrative",
      style: "quote",
      text: "這是開放政府聯絡人的月會，[簡報](https://example.org/slides)在此。",
    },
    {
      kind: "speech",
      speaker: "唐鳳",
      colon: "：",
      paragraphs: ["大家好，我們開始。", "第二段：今天有三個案子。"],
    },
    { kind: "narrative", style: "bracket", text: "（笑）" },
    { kind: "speech", speaker: "唐鳳", colon: "：", paragraphs: ["所以先談第一案。"], continued: true },
    { kind: "speech", speaker: "林小姐", colon: "：", paragraphs: ["好，我說明一下。\n這一行緊接上一行。"] },
    { kind: "speech", speaker: "唐鳳", colon: "：", paragraphs: [] },
    { kind: "narrative", style: "bracket", text: "（點頭）" },
  ]);
  assert.deepEqual(
    t.blocks.map((b) => b.line),
    [3, 5, 10, 12, 14, 19, 20],
  );
});

test("English transcript: `:` labels, escaped and plain bracket notes, multi-line quote", () => {
  const { t, warnings } = parsed(EN, "2019-05-01-Conversation-with-a-Visitor.md");
  assert.deepEqual(warnings, []);
  assert.equal(t.title, "Conversation with a Visitor");
  assert.deepEqual(shape(t.blocks), [
    { kind: "speech", speaker: "Visitor", colon: ":", paragraphs: ["Thank you for having me."] },
    { kind: "speech", speaker: "Audrey Tang", colon: ":", paragraphs: ["\\[laughs\\] You are welcome."] },
    { kind: "narrative", style: "bracket", text: "(laughter)" },
    { kind: "narrative", style: "bracket", text: "\\[laughs\\]" },
    { kind: "narrative", style: "bracket", text: "[Japanese]" },
    {
      kind: "speech",
      speaker: "Audrey Tang",
      colon: ":",
      paragraphs: ["Shall we begin? See [the notes](https://example.org/notes)."],
      continued: true,
    },
    {
      kind: "narrative",
      style: "quote",
      text: "[Video](https://example.org/video)\n\n[Slides](https://example.org/slides)",
    },
  ]);
});

test("bracket notes: only one bracketed group standing alone", () => {
  for (const s of [
    "（笑）",
    "(laughter)",
    "[Redacted]",
    "\\[laughs\\]",
    "【補充說明】",
    "（開會：[連結](https://x.org)）",
  ])
    assert.ok(isBracketNote(s), s);
  for (const s of [
    "（笑）好的。",
    "[the notes](https://example.org)",
    "(a) first (b) second",
    "\\[laughs\\] OK. \\[laughs\\]",
    "()",
    "plain",
  ])
    assert.ok(!isBracketNote(s), s);
});

test("a file without speaker labels (a column) is headings and narrative text", () => {
  const { t, warnings } = parsed(COLUMN, "2018-01-10-社創中心-Office-Hour.md");
  assert.deepEqual(warnings, []);
  assert.deepEqual(shape(t.blocks), [
    { kind: "heading", level: 2, text: "前言" },
    { kind: "narrative", style: "text", text: "社創中心每週三的 Office Hour 由唐鳳主持。" },
    { kind: "narrative", style: "text", text: "本次共有三組來訪。" },
    { kind: "heading", level: 2, text: "第一組" },
    { kind: "narrative", style: "text", text: "討論社會企業的登記方式。" },
  ]);
});

test("a title-only file parses, with a warning", () => {
  const { t, warnings } = parsed("# 2018-08-18 記者會致詞\n\n", "2018-08-18-記者會致詞.md");
  assert.equal(t.title, "記者會致詞");
  assert.deepEqual(t.blocks, []);
  assert.deepEqual(
    warnings.map((w) => w.code),
    ["no-content"],
  );
});

test("empty speaker, label without colon, `##` label, empty turn: read and reported", () => {
  const text = [
    "# 2022-04-18 來訪",
    "",
    "## 陳守正：",
    "報告一下。",
    "",
    "### ：",
    "聽不清楚的發言。",
    "",
    "### 唐鳳",
    "",
    "### 空保處代表：許平和",
    "好。",
  ].join("\n");
  const { t, warnings } = parsed(text, "2022-04-18-來訪.md");
  assert.deepEqual(
    t.blocks.map((b) => (b.kind === "speech" ? [b.speaker, b.colon, b.paragraphs.length] : b.kind)),
    [
      ["陳守正", "：", 1],
      ["", "：", 1],
      ["唐鳳", "", 0],
      ["空保處代表：許平和", "", 1],
    ],
  );
  assert.deepEqual(
    warnings.map((w) => [w.code, w.line]),
    [
      ["heading-as-speaker", 3],
      ["speaker-empty", 6],
      ["speaker-no-colon", 9],
      ["speaker-no-colon", 11],
      ["empty-turn", 9],
    ],
  );
  assert.ok(roundTrips(t));
});

test("CRLF, BOM, trailing spaces and NFD text are normalised", () => {
  const nfd = "Cafe\u0301";
  const text = `\uFEFF# 2016-01-02 Meeting  \r\n\r\n### Speaker:   \r\nLine one \t\r\nwith ${nfd}\r\n\r\n> note \r\n`;
  const { t, warnings } = parsed(text, "2016-01-02-Meeting.md");
  assert.equal(t.title, "Meeting");
  assert.deepEqual(shape(t.blocks), [
    { kind: "speech", speaker: "Speaker", colon: ":", paragraphs: ["Line one\nwith Caf\u00e9"] },
    { kind: "narrative", style: "quote", text: "note" },
  ]);
  assert.deepEqual(
    warnings.map((w) => [w.code, w.line]),
    [["nfc", 5]],
  );
});

test("dates: file name first, then the title; mismatches and odd forms reported", () => {
  let r = parsed("# 2025-11-07 課發會\n\n### 甲：\n好。\n", "2015-11-07-課發會.md");
  assert.equal(r.t.date, "2015-11-07");
  assert.deepEqual(
    r.warnings.map((w) => w.code),
    ["date-mismatch"],
  );
  r = parsed("# 1999-07-06 全國司法改革會議\n\n### 甲：\n好。\n", "全國司法改革會議.md");
  assert.equal(r.t.date, "1999-07-06");
  r = parsed("# 1999年全國司法改革會議\n", "1999年全國司法改革會議.md");
  assert.equal(r.t.date, null);
  assert.equal(r.t.title, "1999年全國司法改革會議");
  r = parsed("# 2019\u201112\u201124 Interview\n\n### A:\nHi.\n", "2019\u201112\u201124-Interview.md");
  assert.equal(r.t.date, "2019-12-24");
  assert.equal(r.t.title, "Interview");
  assert.deepEqual(
    r.warnings.map((w) => w.code),
    ["date-hyphens"],
  );
  assert.equal(writeTranscriptMarkdown(r.t).split("\n")[0], "# 2019\u201112\u201124 Interview");
  r = parsed("# 2017-02-30 Meeting\n\n### A:\nHi.\n", "Meeting.md");
  assert.equal(r.t.date, null);
  assert.deepEqual(
    r.warnings.map((w) => w.code),
    ["date-invalid"],
  );
});

test("malformed input is reported, never thrown", () => {
  const cases: Array<[string, string, RegExp]> = [
    ["", "empty.md", /empty file/],
    ["  \n\n \r\n", "blank.md", /empty file/],
    ["# Title\n\u0000\u0001binary", "bin.md", /NUL/],
    ["just some prose\nwith no title and no labels\n", "prose.md", /not a transcript/],
    ["# Title\n", ".md", /slug/],
  ];
  for (const [text, file, message] of cases) {
    let r: ParseResult | undefined;
    assert.doesNotThrow(() => (r = parseTranscriptMarkdown(text, file)));
    assert.ok(r && !r.ok, file);
    assert.match(r.error.message, message);
  }
  // Readable but odd: no title line, a heading marker without a space, an unclosed fence.
  const r = parseTranscriptMarkdown("### A：\n##沒有空白的標記\n\n```\n### 不是講者\n", "odd.md");
  assert.ok(r.ok);
  assert.deepEqual(
    r.warnings.map((w) => w.code),
    ["no-title", "hash-no-space", "unclosed-fence"],
  );
  assert.equal(r.transcript.title, "odd");
  assert.deepEqual(shape(r.transcript.blocks), [
    { kind: "speech", speaker: "A", colon: "：", paragraphs: ["##沒有空白的標記", "```\n### 不是講者\n"] },
  ]);
});

test("writer produces the archive's shape", () => {
  const { t } = parsed(ZH, "2017-03-06-開放政府-PO-月會.md");
  assert.equal(
    writeTranscriptMarkdown(t),
    `# 2017-03-06 開放政府 PO 月會

> 這是開放政府聯絡人的月會，[簡報](https://example.org/slides)在此。

### 唐鳳：
大家好，我們開始。

第二段：今天有三個案子。

（笑）

所以先談第一案。

### 林小姐：
好，我說明一下。
這一行緊接上一行。

### 唐鳳：

（點頭）
`,
  );
  const title = parsed("# 2017-04-19  Cheers 補訪\n", "2017-04-19-Cheers.md").t;
  assert.equal(writeTranscriptMarkdown(title), "# 2017-04-19  Cheers 補訪\n");
  // A transcript built elsewhere (no recorded prefix) gets its date in the title line.
  assert.equal(
    writeTranscriptMarkdown({ slug: "x", title: "T", date: "2020-01-02", blocks: [] }),
    "# 2020-01-02 T\n",
  );
});

test("round trip: parse → write → parse keeps speakers, paragraphs and order", () => {
  const fixtures: Array<[string, string]> = [
    [ZH, "2017-03-06-zh.md"],
    [EN, "2019-05-01-en.md"],
    [COLUMN, "2018-01-10-column.md"],
    ["\uFEFF# 2016-01-02 M\r\n\r\n### A:\r\nx\r\n### B：\r\n\r\ny\r\n", "2016-01-02-crlf.md"],
    [
      "# 2021-04-22 Interview\n\n:::info\nAn editor note.\n:::\n\n### James:\nHello.\n\n---\n\n### Audrey Tang:\nHi.\n",
      "i.md",
    ],
  ];
  for (const [text, file] of fixtures) {
    const { t } = parsed(text, file);
    const again = parsed(writeTranscriptMarkdown(t), file).t;
    assert.deepEqual(shape(again.blocks), shape(t.blocks), file);
    assert.equal(again.title, t.title);
    assert.equal(again.date, t.date);
    assert.ok(roundTrips(t), file);
  }
});

// Runs only where the public archive sits next to the repository (../shared/corpus/transcripts).
const corpus = fileURLToPath(new URL("../../../../shared/corpus/transcripts", import.meta.url));
test(
  "the public archive: every file parses, speeches counted, round trip holds",
  { skip: !existsSync(corpus) },
  () => {
    const started = Date.now();
    const names = readdirSync(corpus).filter((n) => n.endsWith(".md"));
    let ok = 0;
    let speeches = 0;
    let roundTripOk = 0;
    for (const name of names) {
      const r = parseTranscriptMarkdown(readFileSync(join(corpus, name), "utf8"), name);
      if (!r.ok) continue;
      ok++;
      for (const b of r.transcript.blocks) if (b.kind === "speech" && !b.continued) speeches++;
      if (roundTrips(r.transcript)) roundTripOk++;
    }
    assert.ok(ok >= 2040, `${ok} files parsed`);
    assert.ok(speeches >= 330_000, `${speeches} speeches`);
    assert.ok(roundTripOk >= 0.99 * ok, `${roundTripOk} / ${ok} round trips`);
    assert.ok(Date.now() - started < 60_000, `took ${Date.now() - started} ms`);
  },
);
