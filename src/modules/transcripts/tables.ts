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
import { people } from "../directory/index.ts";

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Kinds of transcript (the order fixes their search marker codes: append only). */
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
/** Languages of transcripts (the order fixes their search marker codes: append only). */
export const transcriptLanguages = ["zh-TW", "en"] as const;
export type TranscriptLanguage = (typeof transcriptLanguages)[number];
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
    /** Optional links to the meeting and the case the transcript records (petitions issue). */
    meetingId: uuid("meeting_id"),
    caseId: uuid("case_id"),
    /** Who created a draft (null for archive imports). */
    createdBy: uuid("created_by").references(() => people.id),
    /** Review window: opened at, and the end (10 working days later, Taipei end of day). */
    reviewOpenedAt: at("review_opened_at"),
    reviewEndsAt: at("review_ends_at"),
    /** A prep-meeting transcript publishes no earlier than its collaborative meeting. */
    publishNotBefore: at("publish_not_before"),
    publishedAt: at("published_at"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("transcripts_slug_key").on(t.slug),
    index("transcripts_date_idx").on(t.date, t.id),
    index("transcripts_review_due_idx")
      .on(t.reviewEndsAt)
      .where(sql`${t.state} = 'in-review'`),
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
    /** The directory person this speaker is, when known. */
    personId: uuid("person_id").references(() => people.id),
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
    /** Optional time of the speech as written (e.g. `14:05`). */
    time: text("time"),
    /**
     * Search data (search module, `searchDocument`): the distinct token codes of the transcript's
     * title, the speaker's name and the text, plus the year marker (GIN-indexed), and the folded
     * runs as text (title and speaker before the section separator) that decide a match and rank
     * it. Null for headings. The transcript's date is copied into `date` for newest-first search.
     */
    searchCodes: integer("search_codes").array(),
    searchText: text("search_text"),
    date: date("date", { mode: "string" }),
  },
  (t) => [
    primaryKey({ name: "speeches_pkey", columns: [t.transcriptId, t.id] }),
    uniqueIndex("speeches_position_key").on(t.transcriptId, t.position),
    index("speeches_speaker_idx").on(t.speakerId),
    index("speeches_search_idx").using("gin", t.searchCodes),
    /** Rows still without search data (empty once filled): start-up finds them without a scan. */
    index("speeches_search_missing_idx")
      .on(t.transcriptId)
      .where(sql`${t.searchCodes} is null and ${t.kind} <> 'heading'`),
    /** A permalink (`/speeches/{id}`) is looked up by the speech id alone. */
    index("speeches_id_idx").on(t.id),
    index("speeches_date_idx").on(t.date),
    check("speeches_kind_check", sql`${t.kind} in ('speech', 'narrative', 'heading')`),
    check("speeches_heading_level_check", sql`(${t.kind} = 'heading') = (${t.headingLevel} is not null)`),
  ],
);

/** Old slug → current slug of a renamed transcript (`redirects.tsv`); old slugs answer 301. */
export const transcriptRedirects = pgTable("transcript_redirects", {
  oldSlug: text("old_slug").primaryKey(),
  newSlug: text("new_slug").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
});

/**
 * Language twins (`alternates.tsv`): a transcript and its translation, by slug (either may be
 * imported first). Stored once per pair with `slug_a < slug_b`.
 */
export const transcriptAlternates = pgTable(
  "transcript_alternates",
  {
    slugA: text("slug_a").notNull(),
    slugB: text("slug_b").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "transcript_alternates_pkey", columns: [t.slugA, t.slugB] }),
    index("transcript_alternates_b_idx").on(t.slugB),
    check("transcript_alternates_order_check", sql`${t.slugA} < ${t.slugB}`),
  ],
);

/**
 * A speaker taking part in the review of a draft: mapped to a directory person or an e-mail, with a
 * personal link (only an HMAC digest of its token is stored) and their "done" mark.
 */
export const reviewParticipants = pgTable(
  "transcript_review_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    transcriptId: uuid("transcript_id")
      .notNull()
      .references(() => transcripts.id, { onDelete: "cascade" }),
    speakerId: uuid("speaker_id")
      .notNull()
      .references(() => speakers.id),
    personId: uuid("person_id").references(() => people.id),
    email: text("email"),
    tokenDigest: text("token_digest"),
    linkSentAt: at("link_sent_at"),
    doneAt: at("done_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("transcript_review_participants_speaker_key").on(t.transcriptId, t.speakerId),
    uniqueIndex("transcript_review_participants_token_key").on(t.tokenDigest),
    check(
      "transcript_review_participants_contact_check",
      sql`${t.personId} is not null or ${t.email} is not null`,
    ),
  ],
);

/** What a version records. */
export type SpeechVersionAction = "create" | "edit" | "pseudonymise" | "delete" | "restore";

/**
 * Every change to a speech during drafting and review, append-only: the state after the change (or
 * before it, for a deletion), so PDIS can restore any version.
 */
export const speechVersions = pgTable(
  "speech_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    transcriptId: uuid("transcript_id")
      .notNull()
      .references(() => transcripts.id, { onDelete: "cascade" }),
    speechId: uuid("speech_id").notNull(),
    version: integer("version").notNull(),
    action: text("action").notNull().$type<SpeechVersionAction>(),
    position: integer("position").notNull(),
    speakerId: uuid("speaker_id").references(() => speakers.id),
    text: text("text").notNull(),
    /** Who changed it: a review participant (through their link) or a signed-in person. */
    participantId: uuid("participant_id").references(() => reviewParticipants.id),
    personId: uuid("person_id").references(() => people.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("speech_versions_speech_key").on(t.transcriptId, t.speechId, t.version),
    check(
      "speech_versions_action_check",
      sql`${t.action} in ('create', 'edit', 'pseudonymise', 'delete', 'restore')`,
    ),
  ],
);
