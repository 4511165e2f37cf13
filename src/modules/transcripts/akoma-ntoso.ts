// Reader and writer for transcripts as Akoma Ntoso, in the subset mySociety's SayIt imports:
//
//   <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
//     <debate name="…">
//       <meta><references source="#po-network">
//         <TLCPerson eId="p1" id="p1" href="/speakers/唐鳳" showAs="唐鳳"/>   ← speakers
//       </references></meta>
//       <preface><p><docTitle>…</docTitle></p><p><docDate date="2017-03-06">…</docDate></p></preface>
//       <debateBody>
//         <debateSection><heading>…</heading>                              ← sections nest
//           <speech by="#p1"><from>唐鳳</from><p>…</p><p>…</p></speech>
//           <narrative class="quote"><p>…</p></narrative>                    ← notes
//         </debateSection>
//       </debateBody>
//     </debate>
//   </akomaNtoso>
//
// Both read into and write from the same document model as the archive's Markdown (markdown.ts).
// Pure: no I/O, never throws. What it cannot read it reports as `ok: false` with a line number.
//
// Mapping choices:
// - Headings: a section's depth gives the Markdown heading level (depth 1 → `##`, 2 → `####`, 3 →
//   `#####`, deeper → `######`; `###` is the speaker label). Content before the first heading, and
//   missing intermediate depths, are written as sections without a heading, which read back as none.
// - Newlines inside a paragraph or note are written as `<br/>`; line breaks and indentation in the
//   XML source are layout, read as a space (or nothing at the edges of a paragraph or next to a
//   `<br/>`). So pretty-printed input reads well, and our own output reads back exactly.
// - TLCPerson carries both `eId` (Akoma Ntoso 3.0) and `id` (the attribute SayIt's importer reads).
// - Markdown details with no Akoma Ntoso counterpart travel in the generic `class` attribute, which
//   SayIt ignores: a note's style (`quote`, `bracket`, `text`) and a turn that goes on after a note
//   (`continued`). A speaker label's colon is not kept: it reads back as `：` when the name has CJK
//   characters or the transcript is in Chinese, `:` otherwise (right for 97.5 % of the archive's
//   labels, against 95.9 % for the name alone).
// - Entities: a DOCTYPE (and so any entity definition) is refused; only the five XML entities and
//   character references are decoded. No external resource is ever read.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { guessLanguage } from "./classify.ts";
import type {
  NarrativeBlock,
  ParseResult,
  ParseWarning,
  ParsedTranscript,
  SpeechBlock,
  TranscriptBlock,
  WarningCode,
} from "./markdown.ts";

/** The Akoma Ntoso 3.0 namespace. */
export const AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

// --- shared ------------------------------------------------------------------------------------

const HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015";
const SLUG_DATE = new RegExp(`^(\\d{4})[${HYPHENS}](\\d{2})[${HYPHENS}](\\d{2})(?!\\d)`);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/;
const CJK = /[\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/u;

/** Heading level of a section at this depth (1 = directly in debateBody). */
function levelOfDepth(depth: number): 2 | 4 | 5 | 6 {
  return depth <= 1 ? 2 : depth === 2 ? 4 : depth === 3 ? 5 : 6;
}
/** Section depth of a heading of this level. */
function depthOfLevel(level: number): number {
  return level <= 2 ? 1 : level === 4 ? 2 : level === 5 ? 3 : 4;
}

function validDate(y: string, m: string, d: string): string | null {
  const yy = Number(y);
  const mm = Number(m);
  const dd = Number(d);
  const t = new Date(Date.UTC(yy, mm - 1, dd));
  if (t.getUTCFullYear() !== yy || t.getUTCMonth() !== mm - 1 || t.getUTCDate() !== dd) return null;
  return `${y}-${m}-${d}`;
}

/** The slug of a file: its name without folders and `.xml` / `.akn`. */
export function akomaNtosoSlugOf(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? fileName;
  return base.replace(/\.(xml|akn)$/i, "");
}

// --- reader ------------------------------------------------------------------------------------

/** Sections SayIt reads as sections (its list), speeches and notes. */
const SECTION_TAGS = new Set([
  "debateSection",
  "administrationOfOath",
  "rollCall",
  "prayers",
  "oralStatements",
  "writtenStatements",
  "personalStatements",
  "ministerialStatements",
  "resolutions",
  "nationalInterest",
  "declarationOfVote",
  "communication",
  "petitions",
  "papers",
  "noticesOfMotion",
  "questions",
  "address",
  "proceduralMotions",
  "pointOfOrder",
  "adjournment",
]);
const SPEECH_TAGS = new Set(["speech", "question", "answer"]);
const NARRATIVE_TAGS = new Set(["narrative", "scene", "summary", "other"]);
/** Children of a section or speech that are its title, not its content. */
const TITLE_TAGS = new Set(["num", "heading", "subheading", "from"]);

/** A node of fast-xml-parser's ordered output: `{ tag: children, ":@"?: attributes }` or text. */
type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // No entity processing at all (no DOCTYPE entities, so no expansion attacks); the five XML
  // entities and character references are decoded here, after the checks below.
  processEntities: false,
  htmlEntities: false,
  cdataPropName: "#cdata",
  ignoreDeclaration: true,
  ignorePiTags: true,
  captureMetaData: true,
});
// Typed `Symbol` (the wrapper) by the library; it is a plain symbol.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const BR = "\u0000"; // never in XML text: marks a <br/>
const LAYOUT = "\u0001"; // never in XML text: marks source layout (a whitespace run with a newline)

function tagOf(n: XNode): string | null {
  for (const k of Object.keys(n)) if (k !== ":@" && k !== "#text" && k !== "#cdata") return k;
  return null;
}
function childrenOf(n: XNode): XNode[] {
  const tag = tagOf(n);
  const c = tag === null ? undefined : n[tag];
  return Array.isArray(c) ? (c as XNode[]) : [];
}
function attr(n: XNode, name: string): string | undefined {
  const a = n[":@"] as Record<string, unknown> | undefined;
  const v = a?.[name];
  return typeof v === "string" ? decodeEntities(v) : undefined;
}
function elements(nodes: XNode[], tag?: string): XNode[] {
  return nodes.filter((n) => {
    const t = tagOf(n);
    return t !== null && (tag === undefined || t === tag);
  });
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_m, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref] ?? "";
    const cp = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    // Only characters XML allows (so never a sentinel below); anything else reads as U+FFFD.
    const allowed =
      cp === 0x9 ||
      cp === 0xa ||
      cp === 0xd ||
      (cp >= 0x20 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff));
    return allowed ? String.fromCodePoint(cp) : "\uFFFD";
  });
}

/** The text of mixed content, with sentinels for `<br/>` and source layout (see `finishText`). */
function rawText(nodes: XNode[], skip?: Set<string>): string {
  let s = "";
  for (const n of nodes) {
    if (typeof n["#text"] === "string") {
      // Layout first (a reference never contains whitespace), then the references.
      s += decodeEntities((n["#text"] as string).replace(/[ \t\n]*\n[ \t\n]*/g, LAYOUT));
      continue;
    }
    if (Array.isArray(n["#cdata"])) {
      for (const c of n["#cdata"] as XNode[]) if (typeof c["#text"] === "string") s += c["#text"];
      continue;
    }
    const tag = tagOf(n);
    if (tag === null || skip?.has(tag)) continue;
    if (tag === "br") s += BR;
    else s += rawText(childrenOf(n));
  }
  return s;
}
const LAYOUT_AT_BR = new RegExp(`${LAYOUT}*${BR}${LAYOUT}*`, "g");
const LAYOUT_AT_EDGES = new RegExp(`^${LAYOUT}+|${LAYOUT}+$`, "g");
const LAYOUT_RUN = new RegExp(`${LAYOUT}+`, "g");
const BR_ALL = new RegExp(BR, "g");
/** Layout next to a `<br/>` or at the edges goes; elsewhere it is a space; `<br/>` is a newline. */
function finishText(raw: string): string {
  return raw
    .replace(LAYOUT_AT_BR, BR)
    .replace(LAYOUT_AT_EDGES, "")
    .replace(LAYOUT_RUN, " ")
    .replace(BR_ALL, "\n");
}
/** Text of a one-line element (title, heading, name): trimmed, line breaks as spaces. */
function lineText(nodes: XNode[]): string {
  return finishText(rawText(nodes))
    .replace(/\s*\n\s*/g, " ")
    .trim();
}
/** The paragraphs of mixed content: each `<p>`, and each run of text or inline elements between them. */
function paragraphsOf(nodes: XNode[], skip: Set<string>): string[] {
  const out: string[] = [];
  let inline: XNode[] = [];
  const flush = () => {
    const t = finishText(rawText(inline, skip));
    if (t.trim() !== "") out.push(t);
    inline = [];
  };
  for (const n of nodes) {
    if (tagOf(n) === "p") {
      flush();
      const t = finishText(rawText(childrenOf(n)));
      if (t.trim() !== "") out.push(t);
    } else inline.push(n);
  }
  flush();
  return out;
}

/** Replaces comments, CDATA and processing instructions by spaces, keeping line breaks (for scans). */
function maskMarkup(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, (m) =>
    m.replace(/[^\n]/g, " "),
  );
}

/** Line numbers of offsets in a text (1-based), by binary search over its line starts. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
function lineAt(text: string, offset: number): number {
  return lineIndex(text.slice(0, offset + 1))(offset);
}

/**
 * Parses one Akoma Ntoso debate into the archive's document model. `fileName` gives the slug (the
 * name without folders and `.xml`). Never throws.
 */
export function parseAkomaNtoso(xml: string, fileName: string): ParseResult {
  try {
    return parse(xml, fileName);
  } catch (e) {
    return { ok: false, error: { line: 0, message: `Akoma Ntoso reader failure: ${(e as Error).message}` } };
  }
}

function parse(input: string, fileName: string): ParseResult {
  const slug = akomaNtosoSlugOf(fileName);
  if (slug === "") return { ok: false, error: { line: 0, message: "empty file name: no slug" } };
  const warnings: ParseWarning[] = [];
  const warn = (line: number, code: WarningCode, message: string) => warnings.push({ line, code, message });

  let xml = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  xml = xml.replace(/\r\n?/g, "\n");
  if (xml.includes("\u0000"))
    return { ok: false, error: { line: lineAt(xml, xml.indexOf("\u0000")), message: "NUL byte: not XML" } };
  if (xml.includes(LAYOUT))
    return { ok: false, error: { line: lineAt(xml, xml.indexOf(LAYOUT)), message: "U+0001: not XML" } };
  const nfc = xml.normalize("NFC");
  if (nfc !== xml) {
    const a = xml.split("\n");
    const b = nfc.split("\n");
    const first = a.findIndex((l, k) => l !== b[k]);
    warn(first + 1, "nfc", "text was not in NFC; normalised");
    xml = nfc;
  }
  if (xml.trim() === "") return { ok: false, error: { line: 1, message: "empty file" } };

  // Refuse what could expand or fetch: a DOCTYPE (entity definitions live there), unknown entities.
  const masked = maskMarkup(xml);
  const doctype = /<!DOCTYPE|<!ENTITY/i.exec(masked);
  if (doctype)
    return {
      ok: false,
      error: {
        line: lineAt(xml, doctype.index),
        message: "DOCTYPE declarations are not accepted (no DTDs or entity definitions)",
      },
    };
  const badRef = /&(?!(?:#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);)([^\s;<&]{0,30};?)/.exec(masked);
  if (badRef)
    return {
      ok: false,
      error: {
        line: lineAt(xml, badRef.index),
        message: badRef[1]?.endsWith(";")
          ? `undefined entity &${badRef[1]} (only the five XML entities are known)`
          : "a bare `&`: write it as &amp;",
      },
    };

  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    return { ok: false, error: { line: valid.err.line, message: `not well-formed XML: ${valid.err.msg}` } };

  const doc = parser.parse(xml) as XNode[];
  const lineOfOffset = lineIndex(xml);
  const lineOf = (n: XNode): number => {
    const m = (n as Record<symbol, { startIndex?: number } | undefined>)[META];
    return typeof m?.startIndex === "number" ? lineOfOffset(m.startIndex) : 0;
  };
  const roots = elements(doc);
  if (roots.length !== 1)
    return {
      ok: false,
      error: { line: roots[1] ? lineOf(roots[1]) : 1, message: "not one root element" },
    };
  const root = roots[0] as XNode;
  if (tagOf(root) !== "akomaNtoso")
    return {
      ok: false,
      error: { line: lineOf(root), message: `root element is <${tagOf(root)}>, not <akomaNtoso>` },
    };
  const debate = elements(childrenOf(root), "debate")[0];
  if (!debate)
    return {
      ok: false,
      error: { line: lineOf(root), message: "no <debate> in <akomaNtoso>: not a transcript" },
    };
  const parts = childrenOf(debate);

  // Speakers: TLCPerson by id (`eId` in 3.0, `id` in SayIt's files).
  const people = new Map<string, string>();
  for (const meta of elements(parts, "meta"))
    for (const refs of elements(childrenOf(meta), "references"))
      for (const p of elements(childrenOf(refs), "TLCPerson")) {
        const name = (attr(p, "showAs") ?? "").trim();
        for (const id of [attr(p, "eId"), attr(p, "id")]) if (id && name) people.set(id, name);
      }

  // Title and date: the first docTitle and docDate in the preface or cover page.
  const find = (nodes: XNode[], tag: string): XNode | undefined => {
    for (const n of nodes) {
      const t = tagOf(n);
      if (t === null) continue;
      if (t === tag) return n;
      const inner = find(childrenOf(n), tag);
      if (inner) return inner;
    }
    return undefined;
  };
  const front = parts.filter((n) => tagOf(n) === "preface" || tagOf(n) === "coverPage");
  const docTitle = find(front, "docTitle");
  let title = slug;
  if (!docTitle) warn(lineOf(debate), "no-title", "no <docTitle>; the slug is used as title");
  else {
    title = lineText(childrenOf(docTitle));
    if (title === "") warn(lineOf(docTitle), "empty-title", "empty <docTitle>");
  }
  let date: string | null = null;
  const docDate = find(front, "docDate");
  if (docDate) {
    const raw = attr(docDate, "date") ?? "";
    const m = ISO_DATE.exec(raw.trim());
    date = m ? validDate(m[1] as string, m[2] as string, m[3] as string) : null;
    if (date === null) warn(lineOf(docDate), "date-invalid", `docDate date="${raw}" is not a calendar date`);
  }
  const sm = SLUG_DATE.exec(slug);
  const slugDate = sm ? validDate(sm[1] as string, sm[2] as string, sm[3] as string) : null;
  if (date === null) date = slugDate;
  else if (slugDate !== null && slugDate !== date && docDate)
    warn(lineOf(docDate), "date-mismatch", `docDate ${date} differs from file-name date ${slugDate}`);

  // Body.
  const blocks: TranscriptBlock[] = [];
  /** Speeches marked `class="continued"`. */
  const marked = new Set<SpeechBlock>();
  const visit = (nodes: XNode[], depth: number) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === null || TITLE_TAGS.has(tag)) continue;
      const kids = childrenOf(n);
      const line = lineOf(n);
      if (SECTION_TAGS.has(tag)) {
        const h = elements(kids, "heading")[0] ?? elements(kids, "subheading")[0] ?? elements(kids, "num")[0];
        if (h) {
          const text = lineText(childrenOf(h));
          if (text === "") warn(lineOf(h), "heading-empty", "empty heading; dropped");
          else blocks.push({ kind: "heading", level: levelOfDepth(depth + 1), text, line: lineOf(h) });
        }
        visit(kids, depth + 1);
      } else if (SPEECH_TAGS.has(tag)) {
        const by = attr(n, "by")?.trim() ?? "";
        const ref = by.startsWith("#") ? by.slice(1) : by;
        const from = elements(kids, "from")[0];
        const speaker =
          (ref !== "" ? people.get(ref) : undefined) ?? (from ? lineText(childrenOf(from)) : "");
        if (speaker === "") warn(line, "speaker-empty", `<${tag}> without a speaker`);
        const paragraphs = paragraphsOf(kids, TITLE_TAGS);
        const classes = (attr(n, "class") ?? "").split(/\s+/);
        const block: SpeechBlock = { kind: "speech", speaker, colon: "", paragraphs, line };
        blocks.push(block);
        if (classes.includes("continued")) marked.add(block);
        if (paragraphs.length === 0) warn(line, "empty-turn", `<${tag}> by "${speaker}" with no text`);
      } else if (NARRATIVE_TAGS.has(tag)) {
        const text = paragraphsOf(kids, TITLE_TAGS).join("\n\n"); // an empty note is kept, as in Markdown
        const cls = (attr(n, "class") ?? "").split(/\s+/);
        const style: NarrativeBlock["style"] = cls.includes("bracket")
          ? "bracket"
          : cls.includes("text")
            ? "text"
            : "quote";
        blocks.push({ kind: "narrative", text, style, line });
      }
      // Anything else (e.g. <recordedTime>, <container>) is not part of the transcript's text.
    }
  };
  const body = elements(parts, "debateBody")[0];
  if (body) visit(childrenOf(body), 0);

  // A turn marked `continued` goes on only after a note within the same speaker's turn.
  let lastSpeaker: string | null = null;
  for (const b of blocks) {
    if (b.kind === "heading") lastSpeaker = null;
    else if (b.kind === "speech") {
      if (marked.has(b) && lastSpeaker === b.speaker && b.speaker !== "") b.continued = true;
      lastSpeaker = b.speaker;
    }
  }
  // Speaker label colons, which Akoma Ntoso does not keep: see the notes at the top.
  const chinese =
    guessLanguage(
      [title, ...blocks.map((b) => (b.kind === "speech" ? b.paragraphs.join("\n") : b.text))].join("\n"),
    ) === "zh-TW";
  for (const b of blocks)
    if (b.kind === "speech") b.colon = b.speaker === "" ? "" : CJK.test(b.speaker) || chinese ? "：" : ":";

  if (blocks.length === 0) warn(lineOf(debate), "no-content", "no speech or note");
  return { ok: true, transcript: { slug, title, date, blocks }, warnings };
}

// --- writer ------------------------------------------------------------------------------------

/** Characters XML 1.0 cannot carry, even as references: written as U+FFFD. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these control characters are what it finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(s: string): string {
  return s.replace(NOT_XML, "\uFFFD");
}
/** Escapes character data; newlines become `<br/>`. */
function textXml(s: string): string {
  return clean(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "<br/>");
}
/** Escapes an attribute value (double-quoted). */
function attrXml(s: string): string {
  return clean(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

export interface AkomaNtosoWriteOptions {
  /**
   * The `href` of a speaker's TLCPerson (e.g. their page, `/speakers/<slug>`). By default
   * `/ontology/person/<name>`: SayIt matches speakers across imports by this `href`, so it names the
   * person, not the document-local `eId`.
   */
  speakerHref?: (name: string) => string | undefined;
}

/** Writes a transcript as an Akoma Ntoso debate. Reading the output gives back the same blocks. */
export function writeAkomaNtoso(t: ParsedTranscript, options: AkomaNtosoWriteOptions = {}): string {
  const ids = new Map<string, string>();
  for (const b of t.blocks)
    if (b.kind === "speech" && b.speaker !== "" && !ids.has(b.speaker))
      ids.set(b.speaker, `p${ids.size + 1}`);

  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<akomaNtoso xmlns="${AKN_NAMESPACE}">`,
    `  <debate name="${attrXml(t.slug)}">`,
    `    <meta>`,
    `      <references source="#po-network">`,
    `        <TLCOrganization eId="po-network" href="/ontology/organization/po-network" showAs="PO Network"/>`,
  ];
  for (const [name, id] of ids) {
    const href =
      options.speakerHref?.(name) ??
      `/ontology/person/${name.replace(/[/?#%\s]/g, (c) => encodeURIComponent(c))}`;
    out.push(`        <TLCPerson eId="${id}" id="${id}" href="${attrXml(href)}" showAs="${attrXml(name)}"/>`);
  }
  out.push(`      </references>`, `    </meta>`, `    <preface>`);
  out.push(`      <p><docTitle>${textXml(t.title)}</docTitle></p>`);
  if (t.date !== null)
    out.push(`      <p><docDate date="${attrXml(t.date)}">${textXml(t.date)}</docDate></p>`);
  out.push(`    </preface>`, `    <debateBody>`);

  let depth = 0;
  const pad = () => "  ".repeat(depth + 3);
  const open = (heading: string | null) => {
    out.push(`${pad()}<debateSection>`);
    depth++;
    if (heading !== null) out.push(`${pad()}<heading>${textXml(heading)}</heading>`);
  };
  const close = () => {
    depth--;
    out.push(`${pad()}</debateSection>`);
  };
  for (const b of t.blocks) {
    if (b.kind === "heading") {
      const d = depthOfLevel(b.level);
      while (depth >= d) close();
      while (depth < d - 1) open(null);
      open(b.text);
      continue;
    }
    if (depth === 0) open(null);
    if (b.kind === "speech") {
      const id = ids.get(b.speaker);
      const cls = b.continued ? ` class="continued"` : "";
      out.push(`${pad()}<speech by="${id ? `#${id}` : ""}"${cls}>`);
      if (b.speaker !== "") out.push(`${pad()}  <from>${textXml(b.speaker)}</from>`);
      for (const p of b.paragraphs) out.push(`${pad()}  <p>${textXml(p)}</p>`);
      out.push(`${pad()}</speech>`);
    } else {
      out.push(`${pad()}<narrative class="${b.style}">`);
      for (const p of b.text.split(/(?<=[^\n])\n\n(?=[^\n])/)) out.push(`${pad()}  <p>${textXml(p)}</p>`);
      out.push(`${pad()}</narrative>`);
    }
  }
  while (depth > 0) close();
  out.push(`    </debateBody>`, `  </debate>`, `</akomaNtoso>`);
  return out.join("\n") + "\n";
}
