import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { asc, eq } from "drizzle-orm";
import type { Actor } from "../../directory/index.ts";
import { extensionOf, type TranscriptFormat } from "../formats.ts";
import { speakers, transcripts } from "../tables.ts";
import type { TranscriptsDeps } from "./deps.ts";
import { writeTranscriptAs } from "./export-transcript.ts";
import { transcriptDocument } from "./get-transcript.ts";

/** One transcript of a bulk export: its file, or why it has none. */
export type ArchiveExportItem =
  { slug: string; fileName: string; text: string } | { slug: string; skipped: string };

/** What a bulk export did. */
export interface ArchiveExportSummary {
  format: TranscriptFormat;
  written: number;
  skipped: Array<{ slug: string; reason: string }>;
}

/** Most file systems limit a file name to 255 bytes. */
const MAX_NAME_BYTES = 255;

/**
 * Why a slug cannot be a file name, or null when it can. Slugs may hold Chinese and punctuation, but
 * a file name must stay one name in one folder: no `/` or `\`, no NUL or control characters, not `.`
 * or `..`, and short enough for the file system.
 */
export function unsafeFileName(slug: string, ext: string): string | null {
  if (slug === "") return "empty slug";
  if (/[/\\]/.test(slug)) return "the slug contains a path separator";
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (/[\u0000-\u001f\u007f]/.test(slug)) return "the slug contains a control character";
  if (slug === "." || slug === "..") return "the slug is a relative folder name";
  if (Buffer.byteLength(slug + ext, "utf8") > MAX_NAME_BYTES)
    return `the file name is longer than ${MAX_NAME_BYTES} bytes`;
  return null;
}

/**
 * Every published transcript as a file (`<slug>.md` or `<slug>.xml`), one at a time in slug order,
 * so the archive need not be held in memory whole. Drafts and transcripts in review are never
 * exported, whoever asks.
 */
export async function* archiveExportFiles(
  deps: TranscriptsDeps,
  actor: Actor,
  format: TranscriptFormat,
): AsyncGenerator<ArchiveExportItem> {
  const ext = extensionOf(format);
  const rows = await deps.db
    .select({ slug: transcripts.slug })
    .from(transcripts)
    .where(eq(transcripts.state, "published"))
    .orderBy(asc(transcripts.slug));
  const slugs =
    format === "akomantoso"
      ? new Map(
          (await deps.db.select({ name: speakers.name, slug: speakers.slug }).from(speakers)).map((s) => [
            s.name,
            s.slug,
          ]),
        )
      : new Map<string, string>();
  for (const { slug } of rows) {
    const unsafe = unsafeFileName(slug, ext);
    if (unsafe !== null) {
      yield { slug, skipped: unsafe };
      continue;
    }
    let doc;
    try {
      doc = await transcriptDocument(deps, actor, slug);
    } catch (e) {
      // Unpublished or removed since the listing.
      yield { slug, skipped: `not readable any more: ${(e as Error).message}` };
      continue;
    }
    yield { slug, fileName: `${slug}${ext}`, text: writeTranscriptAs(doc, format, slugs) };
  }
}

/**
 * Writes every published transcript into `dir` (created when missing; files of the same name are
 * replaced) as `<slug>.md` or `<slug>.xml`. A transcript whose slug cannot be a file name is skipped
 * and reported.
 */
export async function exportArchive(
  deps: TranscriptsDeps,
  actor: Actor,
  options: { format: TranscriptFormat; dir: string; onFile?: (fileName: string) => void },
): Promise<ArchiveExportSummary> {
  const summary: ArchiveExportSummary = { format: options.format, written: 0, skipped: [] };
  await mkdir(options.dir, { recursive: true });
  for await (const item of archiveExportFiles(deps, actor, options.format)) {
    if ("skipped" in item) {
      summary.skipped.push({ slug: item.slug, reason: item.skipped });
      continue;
    }
    await writeFile(join(options.dir, item.fileName), item.text, "utf8");
    summary.written++;
    options.onFile?.(item.fileName);
  }
  return summary;
}
