import { z } from "@hono/zod-openapi";
import { transcriptKinds } from "./tables.ts";

const LocaleText = z.object({ "zh-TW": z.string(), en: z.string() });
const Iso = z.string().nullable();

/** `{slug}` of a transcript. */
export const SlugParams = z.object({
  slug: z
    .string()
    .min(1)
    .max(300)
    .openapi({ param: { name: "slug", in: "path" }, example: "2026-03-02-開放政府-PO-第1次月會" }),
});

/** `{slug}` and `{speechId}`. */
export const SpeechParams = SlugParams.extend({
  speechId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "speechId", in: "path" } }),
});

/** `{slug}`, `{speechId}` and `{version}`. */
export const VersionParams = SpeechParams.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: "version", in: "path" }, example: 1 }),
});

/** `{slug}` and `{participantId}`. */
export const ParticipantParams = SlugParams.extend({
  participantId: z
    .string()
    .uuid()
    .openapi({ param: { name: "participantId", in: "path" } }),
});

/** `{token}` of a personal review link. */
export const TokenParams = z.object({
  token: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "token", in: "path" } }),
});

/** `{token}` and `{speechId}`. */
export const TokenSpeechParams = TokenParams.extend({
  speechId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "speechId", in: "path" } }),
});

/** A speaker mapped to a directory person or an e-mail address. */
export const ParticipantInput = z
  .object({
    speaker: z.string().min(1).max(100),
    personId: z.string().uuid().optional(),
    email: z.string().max(254).optional(),
  })
  .openapi("ReviewParticipantInput");

/** Creating a draft: an uploaded file (`source`), or title, date and typed-in speeches. */
export const CreateDraftBody = z
  .object({
    source: z
      .object({
        fileName: z.string().max(300).optional(),
        text: z.string().min(1).max(900_000),
      })
      .optional()
      .openapi({ description: "A transcript file in the archive's Markdown; its name gives the slug" }),
    slug: z.string().min(1).max(200).optional(),
    title: z.string().max(300).optional(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)")
      .optional(),
    kind: z.enum(transcriptKinds).optional(),
    meetingId: z.string().uuid().optional(),
    publishNotBefore: z.string().datetime({ offset: true }).nullable().optional(),
    speeches: z
      .array(
        z.object({
          speaker: z.string().max(100).optional(),
          text: z.string().max(50_000).optional(),
          heading: z.string().max(300).optional(),
        }),
      )
      .max(5000)
      .optional()
      .openapi({ description: "Typed-in rows: `{speaker, text}` for a speech, `{heading}` for a heading" }),
    participants: z.array(ParticipantInput).max(500).optional(),
  })
  .openapi("CreateDraft");

/** Mapping speakers. */
export const ParticipantsBody = z.object({ participants: z.array(ParticipantInput).min(1).max(500) });

/** Changing a draft's schedule. */
export const PatchTranscriptBody = z.object({
  publishNotBefore: z.string().datetime({ offset: true }).nullable().openapi({
    description: "Earliest publication (a prep meeting's collaborative meeting); null clears it",
  }),
});

/** A speaker's new text. */
export const EditSpeechBody = z.object({ text: z.string().max(60_000) });

/** The review desk's view of a draft. */
export const DraftSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    date: z.string().nullable(),
    kind: z.enum(transcriptKinds),
    state: z.enum(["draft", "in-review", "published"]),
    language: z.enum(["zh-TW", "en"]),
    meetingId: z.string().nullable(),
    createdAt: z.string(),
    reviewOpenedAt: Iso,
    reviewEndsAt: Iso,
    publishNotBefore: Iso,
    publishedAt: Iso,
    notice: LocaleText,
    participants: z.array(
      z.object({
        id: z.string(),
        speaker: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
        personId: z.string().nullable(),
        personName: z.string().nullable(),
        email: z.string().nullable(),
        linkSentAt: Iso,
        doneAt: Iso,
        pseudonym: z.string().nullable(),
      }),
    ),
    unmappedSpeakers: z.array(z.string()),
    content: z.array(
      z.object({
        id: z.string(),
        position: z.number(),
        kind: z.enum(["speech", "narrative", "heading"]),
        speaker: z.object({ id: z.string(), name: z.string(), slug: z.string() }).nullable(),
        text: z.string(),
        headingLevel: z.number().nullable(),
        version: z.number(),
      }),
    ),
    deleted: z.array(
      z.object({
        id: z.string(),
        position: z.number(),
        version: z.number(),
        text: z.string(),
        speaker: z.string().nullable(),
      }),
    ),
  })
  .openapi("TranscriptDraft");

/** The review desk's list. */
export const DraftListSchema = z.object({
  items: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      date: z.string().nullable(),
      kind: z.enum(transcriptKinds),
      state: z.enum(["draft", "in-review", "published"]),
      createdAt: z.string(),
      reviewEndsAt: Iso,
      publishNotBefore: Iso,
    }),
  ),
});

/** The versions of one row. */
export const VersionsSchema = z
  .object({
    speechId: z.string(),
    transcript: z.object({ slug: z.string(), title: z.string(), state: z.string() }),
    exists: z.boolean(),
    items: z.array(
      z.object({
        version: z.number(),
        action: z.enum(["create", "edit", "pseudonymise", "delete", "restore"]),
        position: z.number(),
        speaker: z.string().nullable(),
        text: z.string(),
        by: z.object({ kind: z.enum(["participant", "person", "system"]), name: z.string().nullable() }),
        at: z.string(),
      }),
    ),
  })
  .openapi("SpeechVersions");

/** A changed speech. */
export const ChangedSpeechSchema = z.object({
  id: z.string(),
  text: z.string().optional(),
  speaker: z.string().nullable().optional(),
  deleted: z.boolean().optional(),
  version: z.number(),
  restoredFrom: z.number().optional(),
});

/** What a speaker sees through their link. */
export const ReviewByLinkSchema = z
  .object({
    notice: LocaleText,
    transcript: z.object({
      slug: z.string(),
      title: z.string(),
      date: z.string().nullable(),
      kind: z.enum(transcriptKinds),
      state: z.enum(["draft", "in-review", "published"]),
      language: z.enum(["zh-TW", "en"]),
      reviewEndsAt: Iso,
      publishNotBefore: Iso,
      publishedAt: Iso,
    }),
    readOnly: z.boolean(),
    you: z.object({ speaker: z.string(), pseudonym: z.string().nullable(), doneAt: Iso }),
    progress: z.object({ done: z.number(), total: z.number() }),
    content: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(["speech", "narrative", "heading"]),
        speaker: z.string().nullable(),
        text: z.string(),
        headingLevel: z.number().nullable(),
        mine: z.boolean(),
      }),
    ),
  })
  .openapi("ReviewByLink");

/** The answer to "done". */
export const DoneSchema = z.object({ done: z.literal(true), doneAt: z.string(), published: z.boolean() });
