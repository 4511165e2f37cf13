import { createHash, randomUUID } from "node:crypto";
import { fail } from "../../../platform/http/errors.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { guessKind, guessLanguage } from "../classify.ts";
import { parseTranscriptFile } from "../formats.ts";
import type { TranscriptBlock } from "../markdown.ts";
import { reviewError } from "../review-errors.ts";
import * as repo from "../review-repository.ts";
import { transcriptKinds, type TranscriptKind } from "../tables.ts";
import type { TranscriptSearchMeta } from "../search-source.ts";
import { getDraft } from "./get-draft.ts";
import type { ReviewDeps } from "./review-deps.ts";
import {
  checkSpeechText,
  contentSearch,
  ensureSpeakers,
  requireReviewManager,
  resolveParticipants,
  type ParticipantInput,
} from "./review-shared.ts";

/** One typed-in row: a speaker's turn (`speaker` and `text`) or a section heading (`heading`). */
export interface DraftRowInput {
  speaker?: string;
  text?: string;
  heading?: string;
}

/** Input of createDraft: either `source` (an uploaded file) or `title`, `date` and `speeches`. */
export interface CreateDraftInput {
  /** A transcript file: the archive's Markdown (the format follows the file name). */
  source?: { fileName?: string; text: string };
  /** The public identity; from the file name, else `date-title`. */
  slug?: string;
  title?: string;
  date?: string;
  kind?: TranscriptKind;
  meetingId?: string;
  publishNotBefore?: string | null;
  speeches?: DraftRowInput[];
  participants?: ParticipantInput[];
}

export type { ParticipantInput };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** A slug in the archive's style: `YYYY-MM-DD-title`, spaces and URL delimiters as `-`. */
export function draftSlug(date: string | null, title: string): string {
  const s = `${date ? `${date}-` : ""}${title}`
    .normalize("NFC")
    .replace(/[\s/\\?#%&"'<>|:*]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  return [...(s || "draft")].slice(0, 150).join("");
}

function checkSlug(slug: string): string {
  const s = slug.trim();
  if (!s || [...s].length > 200 || /[\s/\\?#%]/.test(s) || s.startsWith("."))
    throw fail.invalid("slug", "must be 1–200 characters without spaces, /, \\, ?, # or %");
  return s;
}

/**
 * PDIS (or an administrator) creates a draft transcript from an uploaded Markdown file or typed-in
 * speeches. Speakers are found or created by name; every row gets version 1 (`create`) and its search
 * vector; speakers may be mapped to people or e-mail addresses at once. Nothing is public until the
 * review is over.
 */
export async function createDraft(deps: ReviewDeps, actor: Actor, input: CreateDraftInput) {
  requireReviewManager(actor);
  const now = deps.clock.now();
  let blocks: TranscriptBlock[];
  let title: string;
  let date: string | null;
  let titleDatePrefix: string | null = null;
  let slug: string | undefined = input.slug;
  let hashSource: string;

  if (input.source && input.speeches)
    throw fail.invalid("speeches", "give either source or speeches, not both");
  if (input.source) {
    const fileName = input.source.fileName?.trim() || "draft.md";
    const parsed = parseTranscriptFile(input.source.text, fileName);
    if (!parsed.ok) throw fail.invalid("source.text", `line ${parsed.error.line}: ${parsed.error.message}`);
    blocks = parsed.transcript.blocks;
    title = input.title?.trim() || parsed.transcript.title;
    date = input.date ?? parsed.transcript.date;
    titleDatePrefix = input.title || input.date ? null : (parsed.transcript.titleDatePrefix ?? null);
    if (!slug && input.source.fileName?.trim()) slug = parsed.transcript.slug;
    if (!blocks.some((b) => b.kind === "speech"))
      throw fail.invalid("source.text", "holds no speeches (### Speaker： lines)");
    hashSource = input.source.text;
  } else if (input.speeches) {
    if (!input.title?.trim()) throw fail.invalid("title", "is required");
    if (!input.date) throw fail.invalid("date", "is required (YYYY-MM-DD)");
    title = input.title.trim();
    date = input.date;
    const language = guessLanguage(
      `${title} ${input.speeches.map((s) => s.text ?? s.heading ?? "").join(" ")}`,
    );
    blocks = input.speeches.map((row, i): TranscriptBlock => {
      const at = `speeches.${i}`;
      if (row.heading !== undefined) {
        if (row.speaker !== undefined || row.text !== undefined)
          throw fail.invalid(`${at}.heading`, "a heading has no speaker or text");
        const heading = row.heading.trim();
        if (!heading || heading.includes("\n"))
          throw fail.invalid(`${at}.heading`, "must be one non-empty line");
        return { kind: "heading", level: 2, text: heading, line: 0 };
      }
      const speaker = row.speaker?.trim() ?? "";
      if (!speaker) throw fail.invalid(`${at}.speaker`, "is required");
      if (speaker.includes("\n") || /[：:]$/.test(speaker) || [...speaker].length > 100)
        throw fail.invalid(
          `${at}.speaker`,
          "must be one line of at most 100 characters, without a final colon",
        );
      const text = checkSpeechText(`${at}.text`, row.text ?? "");
      return {
        kind: "speech",
        speaker,
        colon: language === "en" ? ":" : "：",
        paragraphs: text.split("\n\n"),
        line: 0,
      };
    });
    if (!blocks.some((b) => b.kind === "speech"))
      throw fail.invalid("speeches", "must hold at least one speech");
    hashSource = JSON.stringify({ title, date, speeches: input.speeches });
  } else {
    throw fail.invalid("source", "give either source (a transcript file) or title, date and speeches");
  }

  if (!title || [...title].length > 300) throw fail.invalid("title", "must be 1–300 characters");
  if (date !== null && !validDate(date)) throw fail.invalid("date", "must be a date (YYYY-MM-DD)");
  const kind = input.kind ?? guessKind(slug ?? "", title);
  if (!transcriptKinds.includes(kind))
    throw fail.invalid("kind", `must be one of ${transcriptKinds.join(", ")}`);
  const publishNotBefore = input.publishNotBefore ? new Date(input.publishNotBefore) : null;
  if (publishNotBefore && Number.isNaN(publishNotBefore.getTime()))
    throw fail.invalid("publishNotBefore", "must be an ISO date-time");

  const speakerNames = new Set(blocks.flatMap((b) => (b.kind === "speech" && b.speaker ? [b.speaker] : [])));
  const contacts = await resolveParticipants(deps, input.participants ?? [], speakerNames);
  const language = guessLanguage(
    `${title}\n${blocks.map((b) => (b.kind === "speech" ? b.paragraphs.join("\n") : b.text)).join("\n")}`,
  );

  const explicitSlug = slug !== undefined;
  let finalSlug = checkSlug(slug ?? draftSlug(date, title));
  if (explicitSlug) {
    if ((await repo.takenSlugs(deps.db, [finalSlug])).size)
      throw reviewError("slug_taken", { slug: finalSlug }, "slug");
  } else {
    const base = finalSlug;
    const candidates = [base, ...Array.from({ length: 20 }, (_, k) => `${base}-${k + 2}`)];
    const taken = await repo.takenSlugs(deps.db, candidates);
    finalSlug = candidates.find((c) => !taken.has(c)) ?? `${base}-${randomUUID().slice(0, 8)}`;
  }

  const created = await writeAudited(deps.db, actor, async (tx) => {
    const t = await repo.insertTranscript(tx, {
      slug: finalSlug,
      title,
      date,
      titleDatePrefix,
      kind,
      state: "draft",
      language,
      sourceHash: createHash("sha256").update(hashSource.normalize("NFC")).digest("hex"),
      meetingId: input.meetingId ?? null,
      createdBy: actor.personId,
      publishNotBefore,
      createdAt: now,
      updatedAt: now,
    });
    const rows = await writeRows(tx, t.id, { title, date, kind, language }, blocks, actor.personId, now);
    const speakerIds = await ensureSpeakers(tx, [...speakerNames]);
    for (const c of contacts) {
      await repo.upsertParticipant(tx, {
        transcriptId: t.id,
        speakerId: speakerIds.get(c.speaker)!.id,
        personId: c.personId,
        email: c.email,
        now,
      });
    }
    return {
      value: t,
      audit: [
        {
          action: "transcript.draft.create",
          entityType: "transcript",
          entityId: t.id,
          after: {
            slug: t.slug,
            title,
            date,
            kind,
            rows,
            speakers: speakerNames.size,
            mapped: contacts.length,
          },
        },
      ],
    };
  });
  return getDraft(deps, actor, created.slug);
}

/** Writes the rows of a new draft with their search data and version 1 each; returns the count. */
async function writeRows(
  tx: Tx,
  transcriptId: string,
  meta: TranscriptSearchMeta,
  blocks: TranscriptBlock[],
  personId: string | null,
  now: Date,
): Promise<number> {
  const speakerIds = await ensureSpeakers(
    tx,
    blocks.flatMap((b) => (b.kind === "speech" ? [b.speaker] : [])),
  );
  const rows = blocks.map((b, position) => {
    const id = randomUUID();
    if (b.kind === "speech") {
      const text = b.paragraphs.join("\n\n");
      const splitBack = text.split("\n\n");
      const faithful =
        splitBack.length === b.paragraphs.length && splitBack.every((p, k) => p === b.paragraphs[k]);
      const speaker = b.speaker ? speakerIds.get(b.speaker)! : null;
      return {
        id,
        transcriptId,
        position,
        kind: "speech" as const,
        speakerId: speaker?.id ?? null,
        text,
        colon: b.colon,
        continued: b.continued ?? false,
        paragraphs: faithful ? null : b.paragraphs,
        ...contentSearch("speech", meta, speaker?.name ?? null, text),
        date: meta.date,
      };
    }
    if (b.kind === "narrative")
      return {
        id,
        transcriptId,
        position,
        kind: "narrative" as const,
        text: b.text,
        style: b.style,
        ...contentSearch("narrative", meta, null, b.text),
        date: meta.date,
      };
    return {
      id,
      transcriptId,
      position,
      kind: "heading" as const,
      text: b.text,
      headingLevel: b.level,
      searchCodes: null,
      searchText: null,
      date: meta.date,
    };
  });
  await repo.insertSpeechRows(tx, rows);
  await repo.insertVersions(
    tx,
    rows.map((r) => ({
      transcriptId,
      speechId: r.id,
      version: 1,
      action: "create" as const,
      position: r.position,
      speakerId: "speakerId" in r ? r.speakerId : null,
      text: r.text,
      personId,
      createdAt: now,
    })),
  );
  return rows.length;
}
