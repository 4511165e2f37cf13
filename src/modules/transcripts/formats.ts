import { parseAkomaNtoso } from "./akoma-ntoso.ts";
import { parseTranscriptMarkdown, type ParseResult, type ParsedTranscript } from "./markdown.ts";

/** The transcript file formats the archive reads: its Markdown, and Akoma Ntoso (SayIt's subset). */
export type TranscriptFormat = "markdown" | "akomantoso";

/** The format of a file, from its name: `.xml` and `.akn` are Akoma Ntoso; anything else Markdown. */
export function formatOf(fileName: string): TranscriptFormat {
  return /\.(xml|akn)$/i.test(fileName) ? "akomantoso" : "markdown";
}

/** The file extension a format is written with (`.md`, `.xml`). */
export function extensionOf(format: TranscriptFormat): ".md" | ".xml" {
  return format === "akomantoso" ? ".xml" : ".md";
}

/**
 * Parses a transcript file in whichever format it is written (by its name), into the same document
 * model: the slug is the file name without folders and extension.
 */
export function parseTranscriptFile(text: string, fileName: string): ParseResult {
  return formatOf(fileName) === "akomantoso"
    ? parseAkomaNtoso(text, fileName)
    : parseTranscriptMarkdown(text, fileName);
}

/**
 * The words of a transcript without any markup (title, headings, speakers' names, speeches, notes),
 * e.g. to guess its language the same way whichever format it came in: Akoma Ntoso's tags would
 * otherwise count as Latin letters.
 */
export function transcriptText(t: ParsedTranscript): string {
  const parts = [t.title];
  for (const b of t.blocks)
    if (b.kind === "speech") parts.push(b.speaker, ...b.paragraphs);
    else parts.push(b.text);
  return parts.join("\n");
}
