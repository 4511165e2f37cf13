// Parser and writer for the public transcript archive's Markdown shape (see the corpus README).
// Pure: no I/O, never throws. What it cannot read it reports, as warnings or as `ok: false`.
//
//   # 2017-03-06 開放政府 PO 月會          ← title line, optional date prefix
//
//   ### 唐鳳：                              ← speaker label, ends with `：` or `:`
//   Paragraphs of that turn, separated by blank lines.
//
//   > (stage direction, or a link)          ← narrative (quote)
//   （笑）                                   ← narrative (a bracketed line standing alone)
//
//   ## Section                              ← heading (levels 2, 4, 5, 6)

export type SpeakerColon = "：" | ":" | "";

export interface SpeechBlock {
  kind: "speech";
  speaker: string;
  /** The colon the label ended with; "" when the label had none (reported as a warning). */
  colon: SpeakerColon;
  /** Each paragraph as written; the lines of a paragraph without blank lines between them joined by "\n". */
  paragraphs: string[];
  line: number;
  /** The same speaker's turn going on after a narrative note: written without a label. */
  continued?: true;
}

export interface NarrativeBlock {
  kind: "narrative";
  /** For "quote": the lines without their `>` marker, joined by "\n"; otherwise the text as written. */
  text: string;
  /** "quote": `>` lines; "bracket": a bracketed line standing alone; "text": text outside any speaker's turn. */
  style: "quote" | "bracket" | "text";
  line: number;
}

export interface HeadingBlock {
  kind: "heading";
  level: 2 | 4 | 5 | 6;
  text: string;
  line: number;
}

export type TranscriptBlock = SpeechBlock | NarrativeBlock | HeadingBlock;

export interface ParsedTranscript {
  slug: string;
  /** The title line as read, without its date prefix. */
  title: string;
  date: string | null;
  /**
   * The date prefix of the title line exactly as read (e.g. "2017-04-19  "), null when the title had
   * none. When absent (a transcript built elsewhere), the writer prefixes `date` when there is one.
   */
  titleDatePrefix?: string | null;
  blocks: TranscriptBlock[];
}

export type WarningCode =
  | "nfc"
  | "replacement-char"
  | "no-title"
  | "empty-title"
  | "extra-title"
  | "date-invalid"
  | "date-mismatch"
  | "date-hyphens"
  | "slug-date-separator"
  | "no-content"
  | "speaker-no-colon"
  | "speaker-empty"
  | "heading-as-speaker"
  | "heading-empty"
  | "hash-no-space"
  | "empty-turn"
  | "unclosed-fence";

export interface ParseIssue {
  line: number;
  message: string;
}
export interface ParseWarning extends ParseIssue {
  code: WarningCode;
}

export type ParseResult =
  { ok: true; transcript: ParsedTranscript; warnings: ParseWarning[] } | { ok: false; error: ParseIssue };

const HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015";
const SLUG_DATE = new RegExp(`^(\\d{4})[${HYPHENS}](\\d{2})[${HYPHENS}](\\d{2})(?!\\d)`);
const TITLE_DATE = new RegExp(`^(\\d{4})[${HYPHENS}](\\d{2})[${HYPHENS}](\\d{2})(?:[ \\t\\u3000]+|$)`);
const TITLE_LINE = /^#(?:[ \t]+(.*))?$/;
const HEADING_LINE = /^(#{2,6})(?:[ \t]+(.*))?$/;
const HASH_NO_SPACE = /^#{2,6}[^#\s]/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

const BRACKETS: Record<string, string> = {
  "（": "）",
  "(": ")",
  "[": "]",
  "［": "］",
  "【": "】",
  "〔": "〕",
};

/** A line that is one bracketed note and nothing else: `（笑）`, `(laughter)`, `[Japanese]`, `\[laughs\]`. */
export function isBracketNote(line: string): boolean {
  const s = line.trim();
  if (s.startsWith("\\[")) {
    if (s.length < 5 || !s.endsWith("\\]")) return false;
    const inner = s.slice(2, -2);
    return !inner.includes("\\[") && !inner.includes("\\]") && inner.trim() !== "";
  }
  const open = s[0];
  const close = open === undefined ? undefined : BRACKETS[open];
  if (open === undefined || close === undefined || s.length < 3 || !s.endsWith(close)) return false;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === open) depth++;
    else if (c === close) {
      depth--;
      if (depth === 0) return i === s.length - 1;
    }
  }
  return false;
}

function validDate(y: string, m: string, d: string): string | null {
  const yy = Number(y);
  const mm = Number(m);
  const dd = Number(d);
  const t = new Date(Date.UTC(yy, mm - 1, dd));
  if (t.getUTCFullYear() !== yy || t.getUTCMonth() !== mm - 1 || t.getUTCDate() !== dd) return null;
  return `${y}-${m}-${d}`;
}

function slugOf(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? fileName;
  return base.replace(/\.md$/i, "");
}

/** Parses one archive file. `fileName` gives the slug (the name without `.md`; folders are dropped). */
export function parseTranscriptMarkdown(text: string, fileName: string): ParseResult {
  try {
    return parse(text, fileName);
  } catch (e) {
    // Defensive: a parser bug must still be a report, not a crash of the import.
    return { ok: false, error: { line: 0, message: `parser failure: ${(e as Error).message}` } };
  }
}

function parse(input: string, fileName: string): ParseResult {
  const slug = slugOf(fileName);
  if (slug === "") return { ok: false, error: { line: 0, message: "empty file name: no slug" } };
  if (input.includes("\u0000")) {
    const line = input.slice(0, input.indexOf("\u0000")).split("\n").length;
    return { ok: false, error: { line, message: "NUL byte: not a text file" } };
  }
  const warnings: ParseWarning[] = [];
  const warn = (line: number, code: WarningCode, message: string) => warnings.push({ line, code, message });

  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  text = text.replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  let nfcReported = false;
  let fffdReported = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    let l = raw.trimEnd();
    const n = l.normalize("NFC");
    if (n !== l) {
      l = n;
      if (!nfcReported) warn(i + 1, "nfc", "text was not in NFC; normalised");
      nfcReported = true;
    }
    if (!fffdReported && l.includes("\uFFFD")) {
      warn(i + 1, "replacement-char", "U+FFFD replacement character: the file may not have been valid UTF-8");
      fffdReported = true;
    }
    lines[i] = l;
  }
  if (lines.every((l) => l === "")) return { ok: false, error: { line: 1, message: "empty file" } };

  // --- title and date ---------------------------------------------------------------------------
  let i = 0;
  while (i < lines.length && lines[i] === "") i++;
  let title = slug;
  let titleDatePrefix: string | null = null;
  let titleDate: string | null = null;
  let titleLine = 1;
  const titleMatch = TITLE_LINE.exec(lines[i] as string);
  if (titleMatch) {
    titleLine = i + 1;
    const full = titleMatch[1] ?? "";
    const dm = TITLE_DATE.exec(full);
    if (dm) {
      titleDatePrefix = dm[0];
      title = full.slice(dm[0].length);
      titleDate = validDate(dm[1] as string, dm[2] as string, dm[3] as string);
      if (titleDate === null)
        warn(i + 1, "date-invalid", `title date "${dm[0].trim()}" is not a calendar date`);
    } else title = full;
    if (full === "") warn(i + 1, "empty-title", "empty title line");
    i++;
  } else {
    const hasLabel = lines.some((l) => l.startsWith("###") && HEADING_LINE.test(l));
    if (!hasLabel) {
      return {
        ok: false,
        error: { line: i + 1, message: "no `# title` line and no `### speaker：` labels: not a transcript" },
      };
    }
    warn(i + 1, "no-title", "no `# title` line; the slug is used as title");
  }

  let date: string | null = null;
  const sm = SLUG_DATE.exec(slug);
  if (sm) {
    date = validDate(sm[1] as string, sm[2] as string, sm[3] as string);
    if (date === null) warn(0, "date-invalid", `file-name date "${sm[0]}" is not a calendar date`);
    else {
      if (/[^\d-]/.test(sm[0])) warn(0, "date-hyphens", `file-name date "${sm[0]}" uses non-ASCII hyphens`);
      const next = slug[sm[0].length];
      if (next !== undefined && next !== "-")
        warn(0, "slug-date-separator", `file-name date is followed by "${next}", not "-"`);
    }
  }
  if (date === null) date = titleDate;
  else if (titleDate !== null && titleDate !== date)
    warn(
      titleLine,
      "date-mismatch",
      `title date ${titleDate} differs from file-name date ${date}; the file name wins`,
    );

  // --- body ---------------------------------------------------------------------------------------
  const blocks: TranscriptBlock[] = [];
  /** The open speaker's turn, to which paragraphs belong; null outside any turn. */
  let turn: SpeechBlock | null = null;
  /** The block that last received content in the open turn (a speech, or a narrative note in it). */
  let lastInTurn: TranscriptBlock | null = null;

  const closeTurn = (reason: number) => {
    if (turn && !turn.continued && turn.paragraphs.length === 0 && lastInTurn === turn)
      warn(turn.line, "empty-turn", `speaker label "${turn.speaker}" with no speech before line ${reason}`);
    turn = null;
    lastInTurn = null;
  };
  const startTurn = (speaker: string, colon: SpeakerColon, line: number) => {
    closeTurn(line);
    const b: SpeechBlock = { kind: "speech", speaker, colon, paragraphs: [], line };
    blocks.push(b);
    turn = b;
    lastInTurn = b;
  };
  const addNarrative = (text: string, style: NarrativeBlock["style"], line: number) => {
    const b: NarrativeBlock = { kind: "narrative", text, style, line };
    blocks.push(b);
    if (turn) lastInTurn = b;
  };
  const addParagraph = (para: string, line: number) => {
    if (!turn) return addNarrative(para, "text", line);
    if (lastInTurn?.kind !== "speech") {
      // The turn goes on after a narrative note.
      const c: SpeechBlock = {
        kind: "speech",
        speaker: turn.speaker,
        colon: turn.colon,
        paragraphs: [],
        line,
        continued: true,
      };
      blocks.push(c);
      lastInTurn = c;
    }
    (lastInTurn as SpeechBlock).paragraphs.push(para);
  };
  const speakerFrom = (label: string): { speaker: string; colon: SpeakerColon } => {
    const last = label.slice(-1);
    if (last === "：" || last === ":") return { speaker: label.slice(0, -1).trimEnd(), colon: last };
    return { speaker: label, colon: "" };
  };

  while (i < lines.length) {
    const l = lines[i] as string;
    const lineNo = i + 1;
    if (l === "") {
      i++;
      continue;
    }
    // Headings and speaker labels.
    const hm = HEADING_LINE.exec(l);
    if (hm) {
      const level = (hm[1] as string).length;
      const body = (hm[2] ?? "").trim();
      if (level === 3) {
        const { speaker, colon } = speakerFrom(body);
        if (speaker === "") warn(lineNo, "speaker-empty", "empty speaker label");
        else if (colon === "")
          warn(lineNo, "speaker-no-colon", `speaker label "${speaker}" has no colon; read as a speaker`);
        startTurn(speaker, colon, lineNo);
      } else if (body === "") {
        warn(lineNo, "heading-empty", "empty heading; dropped");
      } else if (body.endsWith("：") || body.endsWith(":")) {
        const { speaker, colon } = speakerFrom(body);
        warn(
          lineNo,
          "heading-as-speaker",
          `level-${level} heading "${body}" ends with a colon; read as a speaker label`,
        );
        startTurn(speaker, colon, lineNo);
      } else {
        closeTurn(lineNo);
        blocks.push({ kind: "heading", level: level as 2 | 4 | 5 | 6, text: body, line: lineNo });
      }
      i++;
      continue;
    }
    if (TITLE_LINE.test(l)) {
      warn(lineNo, "extra-title", "a second `#` title line; kept as text");
    }
    // Quotes: consecutive `>` lines make one note.
    if (l.startsWith(">")) {
      const quoted: string[] = [];
      while (i < lines.length && (lines[i] as string).startsWith(">")) {
        quoted.push((lines[i] as string).replace(/^> ?/, ""));
        i++;
      }
      addNarrative(quoted.join("\n"), "quote", lineNo);
      continue;
    }
    // A paragraph: consecutive text lines; a fenced block is taken whole, blank lines included.
    const para: string[] = [];
    let fenceOpen = false;
    let fenceMarker = "";
    while (i < lines.length) {
      const cur = lines[i] as string;
      const fm = FENCE.exec(cur);
      if (fenceOpen) {
        para.push(cur);
        i++;
        if (fm && (fm[1] as string).startsWith(fenceMarker)) fenceOpen = false;
        continue;
      }
      if (cur === "" || cur.startsWith(">") || HEADING_LINE.test(cur)) break;
      if (fm) {
        fenceOpen = true;
        fenceMarker = fm[1] as string;
      }
      if (HASH_NO_SPACE.test(cur)) warn(i + 1, "hash-no-space", "`#` marker without a space; read as text");
      para.push(cur);
      i++;
    }
    if (fenceOpen) warn(lineNo, "unclosed-fence", "code fence not closed before the end of the file");
    if (para.length === 1 && isBracketNote(para[0] as string))
      addNarrative(para[0] as string, "bracket", lineNo);
    else addParagraph(para.join("\n"), lineNo);
  }
  closeTurn(lines.length);

  if (blocks.length === 0) warn(1, "no-content", "title only: no speech or text");
  return { ok: true, transcript: { slug, title, date, titleDatePrefix, blocks }, warnings };
}

/** Writes a transcript in the archive's shape. Parsing the output gives back the same blocks. */
export function writeTranscriptMarkdown(t: ParsedTranscript): string {
  const prefix =
    t.titleDatePrefix === undefined ? (t.date !== null ? `${t.date} ` : "") : (t.titleDatePrefix ?? "");
  const head = `# ${prefix}${t.title}`.trimEnd();
  const parts: string[] = [head];
  let inTurn = false;
  for (const b of t.blocks) {
    if (b.kind === "heading") {
      parts.push(`${"#".repeat(b.level)} ${b.text}`);
      inTurn = false;
    } else if (b.kind === "speech") {
      const body = b.paragraphs.join("\n\n");
      if (b.continued && inTurn) {
        if (body !== "") parts.push(body);
      } else {
        const label = `### ${b.speaker}${b.colon}`.trimEnd();
        parts.push(body === "" ? label : `${label}\n${body}`);
      }
      inTurn = true;
    } else if (b.style === "quote" || (b.style === "text" && inTurn)) {
      // Text outside a turn cannot follow a speech without joining it: written as a quote instead.
      parts.push(
        b.text
          .split("\n")
          .map((l) => (l === "" ? ">" : `> ${l}`))
          .join("\n"),
      );
    } else {
      parts.push(b.text);
    }
  }
  return parts.join("\n\n") + "\n";
}

function blockKey(b: TranscriptBlock): string {
  switch (b.kind) {
    case "speech":
      return JSON.stringify(["s", b.speaker, b.colon, b.continued ?? false, b.paragraphs]);
    case "narrative":
      return JSON.stringify(["n", b.style, b.text]);
    case "heading":
      return JSON.stringify(["h", b.level, b.text]);
  }
}

/** Same title, date and blocks (speakers, paragraphs, notes, headings, order); line numbers ignored. */
export function sameTranscriptContent(a: ParsedTranscript, b: ParsedTranscript): boolean {
  if (a.title !== b.title || a.date !== b.date || a.blocks.length !== b.blocks.length) return false;
  return a.blocks.every((x, k) => blockKey(x) === blockKey(b.blocks[k] as TranscriptBlock));
}

/** parse → write → parse gives the same content. */
export function roundTrips(t: ParsedTranscript): boolean {
  const again = parseTranscriptMarkdown(writeTranscriptMarkdown(t), `${t.slug}.md`);
  return again.ok && sameTranscriptContent(t, again.transcript);
}
