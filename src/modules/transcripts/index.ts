// Public surface of the transcripts module: other modules import only from here.
export type { TranscriptsDeps } from "./use-cases/deps.ts";
export { transcripts, speakers, speeches, transcriptKinds } from "./tables.ts";
export type { TranscriptKind, TranscriptState, TranscriptLanguage, SpeechKind } from "./tables.ts";
export {
  parseTranscriptMarkdown,
  writeTranscriptMarkdown,
  sameTranscriptContent,
  type ParsedTranscript,
} from "./markdown.ts";
export {
  importTranscriptFiles,
  type TranscriptFile,
  type ImportSummary,
  type ImportProgress,
  type SkippedFile,
} from "./use-cases/import-transcripts.ts";
export { getTranscript } from "./use-cases/get-transcript.ts";
export { exportTranscriptMarkdown } from "./use-cases/export-transcript.ts";
export { transcriptRoutes } from "./routes.ts";
