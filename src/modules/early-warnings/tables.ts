import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { orgs, people } from "../directory/index.ts";

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Where a signal was seen. */
export type SignalSource = "legislator" | "media" | "online" | "petition" | "local-office" | "internal";
/** How bad the flare-up would be. */
export type Severity = "low" | "medium" | "high";
/** Open; merged into another warning; turned into a matter (later: consultation, topic); closed once answered. */
export type WarningState = "open" | "merged" | "converted" | "closed";
/** What a warning may be turned into; only "matter" exists yet. */
export type ConversionKind = "matter" | "consultation" | "collaborative-topic";
/** The raiser's answer to "did it happen?". */
export type Happened = "yes" | "no" | "partly";

/**
 * An early warning (先期警報): a signal that a public conflict is coming, visible only inside the
 * network. `askDueAt` is the timer of the "did it happen?" question: the end of the window until the
 * sweep asks (then null, with `askedAt`), cleared early when the raiser answers or the warning is merged.
 */
export const earlyWarnings = pgTable(
  "early_warnings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    description: text("description"),
    signalSource: text("signal_source").notNull().$type<SignalSource>(),
    severity: text("severity").notNull().$type<Severity>(),
    flareUpWithinDays: integer("flare_up_within_days").notNull(),
    windowEndsAt: at("window_ends_at").notNull(),
    state: text("state").notNull().default("open").$type<WarningState>(),
    /** Null for a warning the system raised (a petition signal). */
    raisedBy: uuid("raised_by").references(() => people.id),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => earlyWarnings.id),
    mergedAt: at("merged_at"),
    mergedBy: uuid("merged_by").references(() => people.id, { onDelete: "set null" }),
    convertedKind: text("converted_kind").$type<ConversionKind>(),
    /** The id of the matter (later: consultation, topic) the warning became. */
    convertedId: uuid("converted_id"),
    convertedReference: text("converted_reference"),
    convertedAt: at("converted_at"),
    convertedBy: uuid("converted_by").references(() => people.id, { onDelete: "set null" }),
    askDueAt: at("ask_due_at"),
    askedAt: at("asked_at"),
    happened: text("happened").$type<Happened>(),
    outcomeNote: text("outcome_note"),
    answeredAt: at("answered_at"),
    answeredBy: uuid("answered_by").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [
    index("early_warnings_created_idx").on(t.createdAt, t.id),
    index("early_warnings_state_created_idx").on(t.state, t.createdAt, t.id),
    index("early_warnings_window_idx").on(t.windowEndsAt),
    index("early_warnings_ask_due_idx")
      .on(t.askDueAt)
      .where(sql`${t.askDueAt} is not null`),
    index("early_warnings_merged_into_idx")
      .on(t.mergedIntoId)
      .where(sql`${t.mergedIntoId} is not null`),
    check(
      "early_warnings_source_check",
      sql`${t.signalSource} in ('legislator', 'media', 'online', 'petition', 'local-office', 'internal')`,
    ),
    check("early_warnings_severity_check", sql`${t.severity} in ('low', 'medium', 'high')`),
    check("early_warnings_state_check", sql`${t.state} in ('open', 'merged', 'converted', 'closed')`),
    check("early_warnings_window_check", sql`${t.flareUpWithinDays} between 1 and 365`),
    check(
      "early_warnings_merged_check",
      sql`(${t.state} = 'merged') = (${t.mergedIntoId} is not null) and ${t.mergedIntoId} <> ${t.id}`,
    ),
    check(
      "early_warnings_converted_kind_check",
      sql`${t.convertedKind} in ('matter', 'consultation', 'collaborative-topic')`,
    ),
    check(
      "early_warnings_converted_check",
      sql`(${t.state} = 'converted') = (${t.convertedKind} is not null and ${t.convertedId} is not null)`,
    ),
    check("early_warnings_happened_check", sql`${t.happened} in ('yes', 'no', 'partly')`),
  ],
);

/** The affected agencies of a warning: their supervisors see it. `carriedFrom`: merged in from that warning. */
export const earlyWarningAgencies = pgTable(
  "early_warning_agencies",
  {
    warningId: uuid("warning_id")
      .notNull()
      .references(() => earlyWarnings.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => orgs.id),
    position: integer("position").notNull(),
    carriedFrom: uuid("carried_from").references(() => earlyWarnings.id),
  },
  (t) => [
    primaryKey({ columns: [t.warningId, t.agencyId] }),
    index("early_warning_agencies_agency_idx").on(t.agencyId, t.warningId),
  ],
);

/** Evidence links of a warning, once each (normalised URL). */
export const earlyWarningEvidence = pgTable(
  "early_warning_evidence",
  {
    warningId: uuid("warning_id")
      .notNull()
      .references(() => earlyWarnings.id),
    url: text("url").notNull(),
    position: integer("position").notNull(),
    addedBy: uuid("added_by").references(() => people.id, { onDelete: "set null" }),
    addedAt: at("added_at").notNull(),
    carriedFrom: uuid("carried_from").references(() => earlyWarnings.id),
  },
  (t) => [primaryKey({ columns: [t.warningId, t.url] })],
);

/**
 * Comments on a warning. A merge copies the merged warning's comments to the survivor with `originId`
 * (the comment as first written), so the same comment is never carried twice.
 */
export const earlyWarningComments = pgTable(
  "early_warning_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    warningId: uuid("warning_id")
      .notNull()
      .references(() => earlyWarnings.id),
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: at("created_at").notNull(),
    originId: uuid("origin_id").references((): AnyPgColumn => earlyWarningComments.id),
    carriedFrom: uuid("carried_from").references(() => earlyWarnings.id),
  },
  (t) => [
    index("early_warning_comments_warning_idx").on(t.warningId, t.createdAt),
    uniqueIndex("early_warning_comments_origin_key")
      .on(t.warningId, t.originId)
      .where(sql`${t.originId} is not null`),
  ],
);

/** A warning's history: created, merged, converted, asked, answered. Append-only. */
export const earlyWarningEvents = pgTable(
  "early_warning_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    warningId: uuid("warning_id")
      .notNull()
      .references(() => earlyWarnings.id),
    kind: text("kind").notNull(),
    // No ON DELETE action: the history refuses updates.
    actorId: uuid("actor_id").references(() => people.id),
    at: at("at").notNull(),
    data: jsonb("data")
      .notNull()
      .default(sql`'{}'::jsonb`)
      .$type<Record<string, unknown>>(),
  },
  (t) => [index("early_warning_events_warning_idx").on(t.warningId, t.id)],
);
