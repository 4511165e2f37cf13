import { z } from "@hono/zod-openapi";
import { transcriptKinds } from "./tables.ts";

/** `{slug}`: a transcript's slug (its archive file name without `.md`). */
export const TranscriptParams = z.object({
  slug: z
    .string()
    .min(1)
    .max(300)
    .openapi({ param: { name: "slug", in: "path" }, example: "2017-03-06-開放政府-PO-月會" }),
});

/** `?format=`: the export format, the archive's Markdown or Akoma Ntoso (SayIt's subset). */
export const ExportQuery = z.object({
  format: z
    .enum(["markdown", "akomantoso"])
    .default("markdown")
    .openapi({ param: { name: "format", in: "query" }, example: "akomantoso" }),
});

const SpeakerRef = z.object({ name: z.string(), slug: z.string() }).openapi("SpeakerRef");

/** A speech (a speaker's turn) or a narrative note; `id` is its permalink. */
export const SpeechSchema = z
  .object({
    id: z.string().uuid(),
    speaker: SpeakerRef.nullable(),
    text: z.string(),
    kind: z.enum(["speech", "narrative"]),
  })
  .openapi("Speech");

/** A transcript split at its headings. */
export const TranscriptSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    date: z.string().nullable(),
    state: z.enum(["draft", "in-review", "published"]),
    kind: z.enum(transcriptKinds),
    language: z.enum(["zh-TW", "en"]),
    sections: z.array(z.object({ heading: z.string().nullable(), speeches: z.array(SpeechSchema) })),
  })
  .openapi("Transcript");
