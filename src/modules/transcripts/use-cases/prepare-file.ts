import { guessLanguage, sourceHash } from "../classify.ts";
import { parseTranscriptFile, transcriptText } from "../formats.ts";
import type { ParsedTranscript } from "../markdown.ts";
import type { SearchDocument } from "../../search/index.ts";
import { speechSearchDocument } from "../search-source.ts";

/** A file read, parsed and tokenized, ready to be written (the CPU work, done off the write path). */
export interface PreparedFile {
  file: string;
  t: ParsedTranscript;
  hash: string;
  language: "zh-TW" | "en";
  /** Per block: its text as stored and its search data (null for headings), without the kind's marker. */
  texts: string[];
  search: Array<SearchDocument | null>;
}

/** What preparing one file gave. */
export type PrepareOutcome =
  | { kind: "ready"; prepared: PreparedFile }
  | { kind: "unchanged"; file: string }
  | { kind: "error"; file: string; line: number; message: string };

/**
 * Parses one file, and unless its source hash is the one already imported for its slug, computes
 * what the database needs: the stored text and the search data of every block. Pure: runs in a
 * worker thread as well as here.
 */
export function prepareTranscriptFile(
  name: string,
  text: string,
  knownHash: (slug: string) => string | undefined,
): PrepareOutcome {
  const parsed = parseTranscriptFile(text, name);
  if (!parsed.ok) return { kind: "error", file: name, ...parsed.error };
  const t = parsed.transcript;
  const hash = sourceHash(text);
  if (knownHash(t.slug) === hash) return { kind: "unchanged", file: name };
  // From the content, not the file: an XML file's tags would count as Latin text.
  const language = guessLanguage(transcriptText(t));
  const meta = { title: t.title, date: t.date, language };
  const texts: string[] = [];
  const search: Array<SearchDocument | null> = [];
  for (const b of t.blocks) {
    const stored = b.kind === "speech" ? b.paragraphs.join("\n\n") : b.text;
    texts.push(stored);
    search.push(
      b.kind === "heading" ? null : speechSearchDocument(meta, b.kind === "speech" ? b.speaker : "", stored),
    );
  }
  return {
    kind: "ready",
    prepared: {
      file: name,
      t,
      hash,
      language,
      texts,
      search,
    },
  };
}
