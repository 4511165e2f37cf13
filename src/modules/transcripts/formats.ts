import { parseTranscriptMarkdown, type ParseResult } from "./markdown.ts";

/** The transcript file formats the archive reads. */
export type TranscriptFormat = "markdown";

/** The format of a file, from its name. */
export function formatOf(fileName: string): TranscriptFormat {
  void fileName;
  return "markdown";
}

/**
 * Parses a transcript file in whichever format it is written (by its name), into the same document
 * model: the slug is the file name without folders and extension.
 */
export function parseTranscriptFile(text: string, fileName: string): ParseResult {
  return parseTranscriptMarkdown(text, fileName);
}
