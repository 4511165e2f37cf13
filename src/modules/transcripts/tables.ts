import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Kinds of transcript. */
export const transcriptKinds = [
  "monthly",
  "quarterly",
  "collaborative",
  "prep",
  "working",
  "interview",
  "speech",
  "other",
] as const;
export type TranscriptKind = (typeof transcriptKinds)[number];
/** A transcript is drafted, reviewed by its speakers, then published. */
export type TranscriptState = "draft" | "in-review" | "published";
/** The language of a transcript, guessed from its text on import. */
export type TranscriptLanguage = "zh-TW" | "en";
/** A row of `speeches`: a speaker's turn, a narrative note or a section heading. */
export type SpeechKind = "speech" | "narrative" | "heading";

/** A transcript (逐字稿): its public identity is the slug (the archive file name without `.md`). */
export const transcripts = pgTable(
  "transcripts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    date: date("date", { mode: "string" }),
    /** The date prefix of the title line exactly as read (for a faithful export); null when none. */
    titleDatePrefix: text("title_date_prefix"),
    kind: text("kind").notNull().default("other").$type<TranscriptKind>(),
    state: text("state").notNull().default("published").$type<TranscriptState>(),
    language: text("language").notNull().$type<TranscriptLanguage>(),
    /** sha256 (hex) of the normalised source file; an unchanged file is skipped on re-import. */
    sourceHash: text("source_hash").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("transcripts_slug_key").on(t.slug),
    index("transcripts_date_idx").on(t.date, t.id),
    check(
      "transcripts_kind_check",
      sql`${t.kind} in ('monthly', 'quarterly', 'collaborative', 'prep', 'working', 'interview', 'speech', 'other')`,
    ),
    check("transcripts_state_check", sql`${t.state} in ('draft', 'in-review', 'published')`),
    check("transcripts_language_check", sql`${t.language} in ('zh-TW', 'en')`),
  ],
);

/** A speaker, by the name written in the transcripts; the slug names their page. */
export const speakers = pgTable(
  "speakers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("speakers_slug_key").on(t.slug), uniqueIndex("speakers_name_key").on(t.name)],
);

/**
 * The content of a transcript in order: speeches, narrative notes and headings. Keyed by
 * (transcript_id, id) so the table can be distributed by transcript (Citus needs the distribution
 * column in every primary and unique key). `id` is a speech's permalink and is kept across re-imports
 * while the speech is unchanged.
 */
export const speeches = pgTable(
  "speeches",
  {
    transcriptId: uuid("transcript_id")
      .notNull()
      .references(() => transcripts.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    position: integer("position").notNull(),
    speakerId: uuid("speaker_id").references(() => speakers.id),
    kind: text("kind").notNull().$type<SpeechKind>(),
    /** Speech: its paragraphs joined by a blank line; narrative: the note; heading: the heading text. */
    text: text("text").notNull(),
    headingLevel: integer("heading_level"),
    /** Markdown details kept for a faithful export: the label's colon (`：`, `:` or none). */
    colon: text("colon"),
    /** A turn going on after a narrative note, written without a label. */
    continued: boolean("continued").notNull().default(false),
    /** Narrative notes: `quote` (`>` lines), `bracket` (`（笑）`) or `text` (outside any turn). */
    style: text("style"),
    /** The paragraphs, only when `text` split on blank lines would not give them back. */
    paragraphs: jsonb("paragraphs").$type<string[]>(),
  },
  (t) => [
    primaryKey({ name: "speeches_pkey", columns: [t.transcriptId, t.id] }),
    uniqueIndex("speeches_position_key").on(t.transcriptId, t.position),
    index("speeches_speaker_idx").on(t.speakerId),
    check("speeches_kind_check", sql`${t.kind} in ('speech', 'narrative', 'heading')`),
    check("speeches_heading_level_check", sql`(${t.kind} = 'heading') = (${t.headingLevel} is not null)`),
  ],
);
