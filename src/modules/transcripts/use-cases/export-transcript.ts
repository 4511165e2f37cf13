import { inArray } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Actor } from "../../directory/index.ts";
import { writeAkomaNtoso } from "../akoma-ntoso.ts";
import { extensionOf, type TranscriptFormat } from "../formats.ts";
import { writeTranscriptMarkdown, type ParsedTranscript } from "../markdown.ts";
import { speakers } from "../tables.ts";
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

/**
 * A transcript as Akoma Ntoso (SayIt's subset); each speaker's TLCPerson `href` is their page,
 * `/speakers/<slug>`. Same visibility as the Markdown export.
 */
export async function exportTranscriptAkomaNtoso(
  deps: TranscriptsDeps,
  actor: Actor,
  slug: string,
): Promise<string> {
  const doc = await transcriptDocument(deps, actor, slug);
  return writeTranscriptAs(doc, "akomantoso", await speakerSlugs(deps.db, [doc]));
}

/** A transcript in a format, with its file name (`<slug>.md` or `<slug>.xml`). */
export async function exportTranscript(
  deps: TranscriptsDeps,
  actor: Actor,
  slug: string,
  format: TranscriptFormat,
): Promise<{ fileName: string; text: string }> {
  const text =
    format === "akomantoso"
      ? await exportTranscriptAkomaNtoso(deps, actor, slug)
      : await exportTranscriptMarkdown(deps, actor, slug);
  return { fileName: `${slug}${extensionOf(format)}`, text };
}

/** Writes a document in a format; `slugs` maps speaker names to their slugs (Akoma Ntoso `href`). */
export function writeTranscriptAs(
  doc: ParsedTranscript,
  format: TranscriptFormat,
  slugs: ReadonlyMap<string, string> = new Map(),
): string {
  if (format === "markdown") return writeTranscriptMarkdown(doc);
  return writeAkomaNtoso(doc, {
    speakerHref: (name) => {
      const s = slugs.get(name);
      return s === undefined ? undefined : `/speakers/${s}`;
    },
  });
}

/** Speaker name → slug for every speaker of these documents. */
export async function speakerSlugs(db: Queryable, docs: ParsedTranscript[]): Promise<Map<string, string>> {
  const names = new Set<string>();
  for (const d of docs)
    for (const b of d.blocks) if (b.kind === "speech" && b.speaker !== "") names.add(b.speaker);
  const out = new Map<string, string>();
  const list = [...names];
  for (let i = 0; i < list.length; i += 500) {
    const rows = await db
      .select({ name: speakers.name, slug: speakers.slug })
      .from(speakers)
      .where(inArray(speakers.name, list.slice(i, i + 500)));
    for (const r of rows) out.set(r.name, r.slug);
  }
  return out;
}
