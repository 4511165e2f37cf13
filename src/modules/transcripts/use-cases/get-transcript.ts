import { fail } from "../../../platform/http/errors.ts";
import { isPdis, type Actor } from "../../directory/index.ts";
import * as repo from "../repository.ts";
import type { ParsedTranscript, TranscriptBlock } from "../markdown.ts";
import type { TranscriptsDeps } from "./deps.ts";

/** A published transcript for everyone; drafts and transcripts in review for PDIS and admins only. */
async function readable(deps: TranscriptsDeps, actor: Actor, slug: string) {
  const t = await repo.findTranscript(deps.db, slug);
  if (!t) throw fail.notFound();
  if (t.state !== "published" && !actor.isAdmin && !isPdis(actor)) throw fail.notFound();
  return { transcript: t, content: await repo.listContent(deps.db, t.id) };
}

/** One transcript in sections (split at its headings), each with its speeches and notes in order. */
export async function getTranscript(deps: TranscriptsDeps, actor: Actor, slug: string) {
  const { transcript: t, content } = await readable(deps, actor, slug);
  type Item = {
    id: string;
    speaker: { name: string; slug: string } | null;
    text: string;
    kind: "speech" | "narrative";
  };
  const sections: Array<{ heading: string | null; speeches: Item[] }> = [];
  for (const r of content) {
    if (r.kind === "heading") {
      sections.push({ heading: r.text, speeches: [] });
      continue;
    }
    if (sections.length === 0) sections.push({ heading: null, speeches: [] });
    sections[sections.length - 1]!.speeches.push({
      id: r.id,
      speaker:
        r.speakerName !== null && r.speakerSlug !== null
          ? { name: r.speakerName, slug: r.speakerSlug }
          : null,
      text: r.text,
      kind: r.kind === "speech" ? "speech" : "narrative",
    });
  }
  return {
    slug: t.slug,
    title: t.title,
    date: t.date,
    state: t.state,
    kind: t.kind,
    language: t.language,
    sections,
  };
}

/** One transcript as the archive's Markdown blocks (for the writer). */
export async function transcriptDocument(
  deps: TranscriptsDeps,
  actor: Actor,
  slug: string,
): Promise<ParsedTranscript> {
  const { transcript: t, content } = await readable(deps, actor, slug);
  const blocks: TranscriptBlock[] = content.map((r) => {
    if (r.kind === "heading")
      return { kind: "heading", level: (r.headingLevel ?? 2) as 2 | 4 | 5 | 6, text: r.text, line: 0 };
    if (r.kind === "narrative")
      return {
        kind: "narrative",
        text: r.text,
        style: (r.style ?? "text") as "quote" | "bracket" | "text",
        line: 0,
      };
    return {
      kind: "speech",
      speaker: r.speakerName ?? "",
      colon: (r.colon ?? "：") as "：" | ":" | "",
      paragraphs: r.paragraphs ?? r.text.split("\n\n"),
      line: 0,
      ...(r.continued ? { continued: true as const } : {}),
    };
  });
  return { slug: t.slug, title: t.title, date: t.date, titleDatePrefix: t.titleDatePrefix, blocks };
}
