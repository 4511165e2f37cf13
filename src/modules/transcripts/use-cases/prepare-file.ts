import { guessLanguage, sourceHash } from "../classify.ts";
import { parseTranscriptFile, transcriptText } from "../formats.ts";
import type { ParsedTranscript } from "../markdown.ts";
import { speechSearchVector } from "../search-source.ts";

/** A file read, parsed and tokenized, ready to be written (the CPU work, done off the write path). */
export interface PreparedFile {
  file: string;
  t: ParsedTranscript;
  hash: string;
  language: "zh-TW" | "en";
  /** Per block: its text as stored and its search vector (null for headings). */
  texts: string[];
  vectors: Array<string | null>;
}

/** What preparing one file gave. */
export type PrepareOutcome =
  | { kind: "ready"; prepared: PreparedFile }
  | { kind: "unchanged"; file: string }
  | { kind: "error"; file: string; line: number; message: string };

/**
 * Parses one file, and unless its source hash is the one already imported for its slug, computes
 * what the database needs: the stored text and the search vector of every block. Pure: runs in a
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
  const texts: string[] = [];
  const vectors: Array<string | null> = [];
  for (const b of t.blocks) {
    const stored = b.kind === "speech" ? b.paragraphs.join("\n\n") : b.text;
    texts.push(stored);
    vectors.push(
      b.kind === "heading"
        ? null
        : speechSearchVector(t.title, b.kind === "speech" ? b.speaker : "", stored, t.date),
    );
  }
  return {
    kind: "ready",
    prepared: {
      file: name,
      t,
      hash,
      // From the content, not the file: an XML file's tags would count as Latin text.
      language: guessLanguage(transcriptText(t)),
      texts,
      vectors,
    },
  };
}
