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
export { archiveRoutes, archiveUrls } from "./archive-routes.ts";
export {
  listArchive,
  archiveYears,
  readArchiveTranscript,
  resolveTranscriptRedirect,
  getSpeaker,
  getSpeech,
  snippetOf,
  type ArchiveItem,
  type SpeakerSpeech,
} from "./use-cases/archive.ts";
export {
  importTranscriptLinks,
  linkFileKind,
  type LinkFile,
  type LinkImportSummary,
  type LinkProblem,
} from "./use-cases/import-links.ts";
export { seedDemoTranscripts } from "./use-cases/seed-demo-transcripts.ts";
/** Restores the speeches' indexes if a bulk import was interrupted before rebuilding them. */
export { ensureSpeechSearch } from "./repository.ts";
// Review then publish (product brief §8): drafts, speakers' personal links, versions, the publish sweep.
export type { ReviewDeps } from "./use-cases/review-deps.ts";
export { REVIEW_NOTICE, REVIEW_WINDOW_WORKING_DAYS, MAX_SPEECH_TEXT } from "./use-cases/review-shared.ts";
export { createDraft, type CreateDraftInput, type ParticipantInput } from "./use-cases/create-draft.ts";
export { listDrafts } from "./use-cases/list-drafts.ts";
export { getDraft, type DraftView } from "./use-cases/get-draft.ts";
export { setReviewParticipants } from "./use-cases/set-review-participants.ts";
export { openReview } from "./use-cases/open-review.ts";
export { resendReviewLink } from "./use-cases/resend-review-link.ts";
export { setPublishNotBefore } from "./use-cases/set-publish-not-before.ts";
export { listSpeechVersions } from "./use-cases/list-speech-versions.ts";
export { restoreSpeechVersion } from "./use-cases/restore-speech-version.ts";
export { getReviewByLink, type ReviewByLink } from "./use-cases/get-review-by-link.ts";
export { editOwnSpeech } from "./use-cases/edit-own-speech.ts";
export { pseudonymiseOwnSpeech } from "./use-cases/pseudonymise-own-speech.ts";
export { deleteOwnSpeech } from "./use-cases/delete-own-speech.ts";
export { markReviewDone } from "./use-cases/mark-review-done.ts";
export { publishDueTranscripts } from "./use-cases/publish-due-transcripts.ts";
export { reviewRoutes } from "./review-routes.ts";
export { transcriptPublishSweep } from "./review-sweep.ts";
export { speechSearchSource } from "./search-source.ts";
export { speakerIdBySlug } from "./repository.ts";
