import { z } from "@hono/zod-openapi";
import { transcriptKinds } from "./tables.ts";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "is not a calendar date");

const language = z.enum(["zh-TW", "en"]);
const cursor = z.string().max(300).optional().describe("The `next` of the previous page");

/** `GET /transcripts` filters and page. */
export const ArchiveListQuery = z.object({
  kind: z.enum(transcriptKinds).optional(),
  language: language.optional(),
  from: isoDate.optional().describe("Transcripts on or after this date"),
  to: isoDate.optional().describe("Transcripts on or before this date"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor,
});

/** `?cursor=` of a speaker's speeches. */
export const SpeakerQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor,
});

/** `{slug}` of a speaker. */
export const SpeakerParams = z.object({
  slug: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "slug", in: "path" }, example: "唐鳳" }),
});

/** `{id}` of a speech (its permalink). */
export const SpeechParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: "id", in: "path" }, example: "0b9f5a4e-3c1d-4e8a-9f00-4b1c2d3e4f50" }),
});

const transcriptRef = {
  slug: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  language,
  url: z.string().describe("The transcript's page"),
};
const TranscriptRef = z.object(transcriptRef).openapi("TranscriptRef");

/** A published transcript in the archive list. */
export const ArchiveItemSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    date: z.string().nullable(),
    kind: z.enum(transcriptKinds),
    language,
    url: z.string().describe("The transcript's page"),
  })
  .openapi("ArchiveItem");

/** A page of the archive. */
export const ArchivePageSchema = z
  .object({
    items: z.array(ArchiveItemSchema),
    next: z.string().nullable().describe("Pass as `cursor` for the next page"),
  })
  .openapi("ArchivePage");

/** A speaker with their published speeches, newest first. */
export const SpeakerSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    url: z.string(),
    person: z
      .object({ id: z.string().uuid(), name: z.string(), url: z.string() })
      .nullable()
      .describe("The directory person this speaker is, when known"),
    speeches: z.object({
      items: z.array(
        z.object({
          id: z.string().uuid(),
          text: z.string(),
          url: z.string().describe("The speech's permalink"),
          transcript: TranscriptRef,
        }),
      ),
      next: z.string().nullable().describe("Pass as `cursor` for the next page"),
    }),
  })
  .openapi("Speaker");

/** One speech of a published transcript, with the ids of the speeches before and after it. */
export const SpeechPermalinkSchema = z
  .object({
    id: z.string().uuid(),
    text: z.string(),
    url: z.string().describe("The speech's permalink"),
    speaker: z.object({ name: z.string(), slug: z.string(), url: z.string() }).nullable(),
    transcript: z.object({ ...transcriptRef, kind: z.enum(transcriptKinds) }),
    previous: z.string().uuid().nullable(),
    next: z.string().uuid().nullable(),
  })
  .openapi("SpeechPermalink");
