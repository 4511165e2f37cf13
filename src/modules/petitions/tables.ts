import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
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
} from "drizzle-orm/pg-core";
import { orgs, people } from "../directory/index.ts";

const at = (name: string) => timestamp(name, { withTimezone: true });

/** A petition (提議) from the e-petition platform, or a draft-regulation notice (眾開講). */
export type PetitionKind = "petition" | "notice";
/**
 * Where a petition stands. Petitions: open → qualified (成案) | not-qualified → assigned → plan-published
 * → responded. Notices: open (the notice period) → closed → responded (the consolidated reply). Either
 * may be withdrawn (an entry made by mistake, a duplicate) with a public reason; it keeps its record.
 */
export type PetitionState =
  | "open"
  | "qualified"
  | "not-qualified"
  | "assigned"
  | "plan-published"
  | "responded"
  | "closed"
  | "withdrawn";
/** The role of an agency on a petition: named by the proposer, or assigned lead / co / related. */
export type PetitionAgencyRole = "named" | "lead" | "co" | "related";
/**
 * The timers of a petition. `plan`, `response` and `reply` are deadlines that escalate when they lapse;
 * `window` closes the endorsement window (or the notice period); `warn-no-response` raises the early
 * warning of a qualified petition still without a response after N days.
 */
export type PetitionClock = "plan" | "response" | "reply" | "window" | "warn-no-response";
/** Who an escalation step reaches. */
export type PetitionStepKind = "supervisor" | "pdis" | "minister-office";

export const petitionStates = [
  "open",
  "qualified",
  "not-qualified",
  "assigned",
  "plan-published",
  "responded",
  "closed",
  "withdrawn",
] as const;

/** A petition or a draft-regulation notice, with its endorsement window and its deadlines' outcomes. */
export const petitions = pgTable(
  "petitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull().default("petition").$type<PetitionKind>(),
    /** The id on the source platform (join.gov.tw); imports are idempotent on it. */
    externalId: text("external_id"),
    sourceUrl: text("source_url"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** The proposer's name as published on the source platform. */
    proposer: text("proposer"),
    threshold: integer("threshold").notNull(),
    endorsementCount: integer("endorsement_count").notNull().default(0),
    endorsementCountAt: at("endorsement_count_at"),
    /** The endorsement window (or notice period): opens, closes. */
    opensAt: at("opens_at").notNull(),
    closesAt: at("closes_at").notNull(),
    state: text("state").notNull().default("open").$type<PetitionState>(),
    qualifiedAt: at("qualified_at"),
    /** When the window closed without qualifying (petition) or the notice period ended (notice). */
    closedAt: at("closed_at"),
    assignedAt: at("assigned_at"),
    planBody: text("plan_body"),
    planPublishedAt: at("plan_published_at"),
    planPublishedBy: uuid("plan_published_by").references(() => people.id, { onDelete: "set null" }),
    respondedAt: at("responded_at"),
    /** The one extension of the response: its public reason, when, by whom, and the due date before it. */
    extensionReason: text("extension_reason"),
    extendedAt: at("extended_at"),
    extendedBy: uuid("extended_by").references(() => people.id, { onDelete: "set null" }),
    originalResponseDueAt: at("original_response_due_at"),
    /** The automatic early warnings raised for this petition (internal; never shown to the public). */
    thresholdWarningId: uuid("threshold_warning_id"),
    noResponseWarningId: uuid("no_response_warning_id"),
    /** Withdrawn (entered by mistake, a duplicate): when, by whom and the public reason. */
    withdrawnAt: at("withdrawn_at"),
    withdrawnBy: uuid("withdrawn_by").references(() => people.id, { onDelete: "set null" }),
    withdrawalReason: text("withdrawal_reason"),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
    /** The folded title and body for search (`searchDocument`), kept by the repository's writes. */
    searchText: text("search_text").notNull().default(""),
  },
  (t) => [
    uniqueIndex("petitions_external_id_key").on(t.externalId),
    index("petitions_created_idx").on(t.createdAt, t.id),
    index("petitions_state_idx").on(t.state, t.createdAt),
    check("petitions_kind_check", sql`${t.kind} in ('petition', 'notice')`),
    check(
      "petitions_state_check",
      sql`${t.state} in ('open', 'qualified', 'not-qualified', 'assigned', 'plan-published', 'responded', 'closed', 'withdrawn')`,
    ),
    check("petitions_threshold_check", sql`${t.threshold} > 0`),
    check("petitions_count_check", sql`${t.endorsementCount} >= 0`),
    check("petitions_window_check", sql`${t.closesAt} > ${t.opensAt}`),
    check("petitions_extension_check", sql`(${t.extendedAt} is null) = (${t.extensionReason} is null)`),
    check(
      "petitions_withdrawal_check",
      sql`(${t.state} = 'withdrawn') = (${t.withdrawnAt} is not null) and (${t.withdrawnAt} is null) = (${t.withdrawalReason} is null)`,
    ),
  ],
);

/** Agencies of a petition by role; reassignments are kept in the events. */
export const petitionAgencies = pgTable(
  "petition_agencies",
  {
    petitionId: uuid("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    role: text("role").notNull().$type<PetitionAgencyRole>(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => orgs.id),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.petitionId, t.role, t.agencyId] }),
    index("petition_agencies_agency_idx").on(t.agencyId, t.role),
    check("petition_agencies_role_check", sql`${t.role} in ('named', 'lead', 'co', 'related')`),
  ],
);

/** The endorsement count as observed over time. */
export const petitionEndorsements = pgTable(
  "petition_endorsements",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    petitionId: uuid("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    at: at("at").notNull(),
    count: integer("count").notNull(),
    source: text("source").notNull().$type<"import" | "api">(),
  },
  (t) => [
    index("petition_endorsements_petition_idx").on(t.petitionId, t.at),
    check("petition_endorsements_count_check", sql`${t.count} >= 0`),
  ],
);

/**
 * The durable timers of a petition, one row per clock. `dueAt` is the deadline as published;
 * `nextDueAt` is when the sweep next looks (the deadline, then each further escalation step), null once
 * the clock stopped or its chain is used up.
 */
export const petitionClocks = pgTable(
  "petition_clocks",
  {
    petitionId: uuid("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    clock: text("clock").notNull().$type<PetitionClock>(),
    dueAt: at("due_at").notNull(),
    nextDueAt: at("next_due_at"),
    level: integer("level").notNull().default(0),
    stoppedAt: at("stopped_at"),
  },
  (t) => [
    primaryKey({ columns: [t.petitionId, t.clock] }),
    index("petition_clocks_due_idx")
      .on(t.nextDueAt)
      .where(sql`${t.nextDueAt} is not null`),
    check(
      "petition_clocks_clock_check",
      sql`${t.clock} in ('plan', 'response', 'reply', 'window', 'warn-no-response')`,
    ),
  ],
);

/** Each escalation of a lapsed clock, at most once per (clock, level). */
export const petitionEscalations = pgTable(
  "petition_escalations",
  {
    petitionId: uuid("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    clock: text("clock").notNull().$type<"plan" | "response" | "reply">(),
    level: integer("level").notNull(),
    targetKind: text("target_kind").notNull().$type<PetitionStepKind>(),
    targetId: uuid("target_id"),
    at: at("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.petitionId, t.clock, t.level] })],
);

/** A transcript speech a response cites. */
export interface Citation {
  speechId: string;
  note: string | null;
}
/** A reference of a response: a title and an optional link. */
export interface Reference {
  title: string;
  url: string | null;
}

/** The response (or a notice's consolidated reply): a draft inside the network until published. */
export const petitionResponses = pgTable("petition_responses", {
  petitionId: uuid("petition_id")
    .primaryKey()
    .references(() => petitions.id, { onDelete: "cascade" }),
  analysis: text("analysis").notNull(),
  suggestion: text("suggestion").notNull(),
  plan: text("plan").notNull(),
  references: jsonb("references").notNull().$type<Reference[]>(),
  citations: jsonb("citations").notNull().$type<Citation[]>(),
  /** Who evaluated the petition (units, people, outside experts) and how (meetings, consultation, study). */
  evaluatedBy: text("evaluated_by").notNull(),
  evaluationMethod: text("evaluation_method").notNull(),
  publishedAt: at("published_at"),
  publishedBy: uuid("published_by").references(() => people.id, { onDelete: "set null" }),
  createdAt: at("created_at").notNull(),
  updatedAt: at("updated_at").notNull(),
  updatedBy: uuid("updated_by").references(() => people.id, { onDelete: "set null" }),
  /** The folded analysis, suggestion and plan for search, kept by the repository's writes. */
  searchText: text("search_text").notNull().default(""),
});

/** Follow-up updates after the response (public). */
export const petitionUpdates = pgTable(
  "petition_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    petitionId: uuid("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    at: at("at").notNull(),
    by: uuid("by").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [index("petition_updates_petition_idx").on(t.petitionId, t.at)],
);

/** People following a petition: told of its responses and later updates. */
export const petitionFollowers = pgTable(
  "petition_followers",
  {
    petitionId: uuid("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    at: at("at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.petitionId, t.personId] }),
    index("petition_followers_person_idx").on(t.personId),
  ],
);

/** The timeline of a petition. `internal` entries (escalations, warnings, drafts) are network-only. */
export const petitionEvents = pgTable(
  "petition_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    petitionId: uuid("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    at: at("at").notNull(),
    actorId: uuid("actor_id"),
    kind: text("kind").notNull(),
    internal: boolean("internal").notNull().default(false),
    data: jsonb("data"),
  },
  (t) => [index("petition_events_petition_idx").on(t.petitionId, t.id)],
);

/** Settings of the automatic early warnings (one row, set by an admin). */
export const petitionSettings = pgTable(
  "petition_settings",
  {
    id: integer("id").primaryKey().default(1),
    /** Warn when a petition reaches this share of its threshold, in percent. */
    warnAtPercent: integer("warn_at_percent").notNull(),
    /** Warn when a qualified petition has no published response this many days after qualifying. */
    noResponseDays: integer("no_response_days").notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    check("petition_settings_one_row", sql`${t.id} = 1`),
    check("petition_settings_percent_check", sql`${t.warnAtPercent} between 1 and 99`),
    check("petition_settings_days_check", sql`${t.noResponseDays} between 1 and 365`),
  ],
);
