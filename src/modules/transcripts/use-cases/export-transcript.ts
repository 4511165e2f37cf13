import type { Actor } from "../../directory/index.ts";
import { writeTranscriptMarkdown } from "../markdown.ts";
import type { TranscriptsDeps } from "./deps.ts";
import { transcriptDocument } from "./get-transcript.ts";

/** A transcript in the archive's Markdown shape (import → export gives back the same content). */
export async function exportTranscriptMarkdown(
  deps: TranscriptsDeps,
  actor: Actor,
  slug: string,
): Promise<string> {
  return writeTranscriptMarkdown(await transcriptDocument(deps, actor, slug));
}
