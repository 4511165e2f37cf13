import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Transcript files by extension: the archive's Markdown and Akoma Ntoso XML. */
const TRANSCRIPT_FILE = /\.(md|xml)$/i;

/**
 * The transcript files (`*.md`, `*.xml`) named or found (recursively) in the folders named, sorted;
 * and paths that do not exist. The archive's `alternates.tsv` and `redirects.tsv` are not transcripts
 * and are read elsewhere (by their own import), not here.
 */
export function collectTranscriptFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && TRANSCRIPT_FILE.test(e.name)) files.add(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else if (TRANSCRIPT_FILE.test(p)) files.add(p);
  }
  return { files: [...files].sort(), missing };
}
