import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { orgs, people } from "../directory/index.ts";
import { transcripts } from "../transcripts/index.ts";
import { petitions } from "../petitions/index.ts";

/** The stages of a collaborative meeting case, in order. */
export const caseStages = [
  "selected",
  "working-meeting",
  "research",
  "prep-meeting",
  "handbook-published",
  "collaborative-meeting",
  "report",
  "public-response",
  "tracked",
  "released",
] as const;
/** One stage of a case. */
export type CaseStage = (typeof caseStages)[number];
/** Roles on a case: agencies (lead, co-organiser, related) and people (facilitators, note takers). */
export const caseRoleKinds = [
  "lead",
  "co-organiser",
  "related",
  "plenary-facilitator",
  "table-facilitator",
  "note-taker",
] as const;
/** One role kind. */
export type CaseRoleKind = (typeof caseRoleKinds)[number];
/** Seat categories at the collaborative meeting. */
export const seatCategories = ["agency-stakeholder", "co-signer", "other-stakeholder"] as const;
/** One seat category. */
export type SeatCategory = (typeof seatCategories)[number];
/** What an attendee allows: nothing, a recording, or a live stream. */
export const livestreamConsents = ["none", "record", "live"] as const;
/** One consent level. */
export type LivestreamConsent = (typeof livestreamConsents)[number];
/** Audiences the outcome must reach before a case is released. */
export const evidenceAudiences = ["proposer", "co-signers", "participants"] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/**
 * The last case number (序號) given out. One row (id 1), taken with an upsert inside the case's
 * transaction: the row lock serialises concurrent selections on both engines, a rolled-back selection
 * gives its number back (no gaps), and `cases_number_key` is the backstop.
 */
export const caseNumberCounter = pgTable(
  "case_number_counter",
  {
    id: integer("id").primaryKey(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [check("case_number_counter_one_row", sql`${t.id} = 1`)],
);

/** A collaborative meeting case: a topic the network selected, followed until it is released. */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    /** voted: won the monthly vote; self-proposed: an agency's own topic, reported at the next monthly meeting. */
    origin: text("origin").notNull().$type<"voted" | "self-proposed">(),
    urgent: boolean("urgent").notNull().default(false),
    stage: text("stage").notNull().default("selected").$type<CaseStage>(),
    /** The meeting whose vote selected it (meetings module; no foreign key to keep modules one-way). */
    meetingId: uuid("meeting_id"),
    /** The candidate it came from (meetings module). */
    candidateId: uuid("candidate_id"),
    /** The petition it comes from (petitions module), when it is in the product; else `petitionRef`. */
    petitionId: uuid("petition_id").references(() => petitions.id),
    /** The petition's address or reference as text (e.g. its Join URL). */
    petitionRef: text("petition_ref"),
    /** The agency proposed to lead while it is cooling down (led within 45 days) and has not consented. */
    pendingLeadAgencyId: uuid("pending_lead_agency_id").references(() => orgs.id),
    /** The livestream the organisers ask for; the effective mode is capped by every attendee's consent. */
    livestreamRequested: text("livestream_requested").notNull().default("none").$type<LivestreamConsent>(),
    transcriptId: uuid("transcript_id").references(() => transcripts.id, { onDelete: "set null" }),
    selectedAt: timestamp("selected_at", { withTimezone: true }).notNull(),
    /** Taipei year of selection, for the index filter. */
    year: integer("year").notNull(),
    releasedAt: timestamp("released_at", { withTimezone: true }),
    /** When the organisers published the issue handbook; before that only they see it (a preview). */
    handbookPublishedAt: timestamp("handbook_published_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    /** The folded title and summary (public fields only) for search, kept by the repository's writes. */
    searchText: text("search_text").notNull().default(""),
  },
  (t) => [
    uniqueIndex("cases_number_key").on(t.number),
    uniqueIndex("cases_candidate_key")
      .on(t.candidateId)
      .where(sql`${t.candidateId} is not null`),
    index("cases_stage_idx").on(t.stage, t.number),
    index("cases_year_idx").on(t.year, t.number),
    check("cases_stage_check", sql`${t.stage} in (${inList(caseStages)})`),
    check("cases_origin_check", sql`${t.origin} in ('voted', 'self-proposed')`),
    check("cases_livestream_check", sql`${t.livestreamRequested} in (${inList(livestreamConsents)})`),
  ],
);

/** Each stage of a case: its owners, its dates and the meeting held for it. */
export const caseStageRows = pgTable(
  "case_stages",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    stage: text("stage").notNull().$type<CaseStage>(),
    ownerAgencyId: uuid("owner_agency_id").references(() => orgs.id),
    ownerPersonId: uuid("owner_person_id").references(() => people.id, { onDelete: "set null" }),
    dueOn: date("due_on", { mode: "string" }),
    /** The meeting of this stage (working, prep or collaborative meeting; meetings module). */
    meetingId: uuid("meeting_id"),
    /** A public link to the stage's artefact (issue handbook, report, response). */
    artefactUrl: text("artefact_url"),
    note: text("note"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.stage] }),
    check("case_stages_stage_check", sql`${t.stage} in (${inList(caseStages)})`),
  ],
);

/** Who does what on a case: agencies (lead, co-organiser, related) and facilitators and note takers. */
export const caseRoles = pgTable(
  "case_roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind").notNull().$type<CaseRoleKind>(),
    agencyId: uuid("agency_id").references(() => orgs.id),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    /** For a table facilitator: the table's label. */
    label: text("label"),
    /** The lead agency consented to lead although it led within the cool-down. */
    consentedBy: uuid("consented_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("case_roles_case_idx").on(t.caseId),
    index("case_roles_agency_idx").on(t.agencyId, t.kind),
    uniqueIndex("case_roles_one_lead_key")
      .on(t.caseId)
      .where(sql`${t.kind} = 'lead'`),
    uniqueIndex("case_roles_agency_key")
      .on(t.caseId, t.agencyId)
      .where(sql`${t.agencyId} is not null and ${t.kind} in ('lead', 'co-organiser', 'related')`),
    check("case_roles_kind_check", sql`${t.kind} in (${inList(caseRoleKinds)})`),
    check(
      "case_roles_subject_check",
      sql`(${t.kind} in ('lead', 'co-organiser', 'related') and ${t.agencyId} is not null) or (${t.kind} not in ('lead', 'co-organiser', 'related') and ${t.personId} is not null)`,
    ),
  ],
);

/** A seat at the collaborative meeting, with the attendee's livestream consent. */
export const caseSeats = pgTable(
  "case_seats",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Order of arrival (first come, first served), taken under the case's row lock. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    category: text("category").notNull().$type<SeatCategory>(),
    /** For an agency's stakeholder: the agency that invited them. */
    invitingAgencyId: uuid("inviting_agency_id").references(() => orgs.id),
    /** For another stakeholder: the group they speak for (one seat per group). */
    groupName: text("group_name"),
    /** Folded group name (trimmed, lower case) that the one-per-group rule compares. */
    groupKey: text("group_key"),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    email: text("email"),
    organisation: text("organisation"),
    state: text("state").notNull().$type<"confirmed" | "waiting" | "withdrawn">(),
    livestreamConsent: text("livestream_consent").notNull().default("none").$type<LivestreamConsent>(),
    addedBy: uuid("added_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("case_seats_case_idx").on(t.caseId, t.category, t.state, t.seq),
    uniqueIndex("case_seats_group_key")
      .on(t.caseId, t.groupKey)
      .where(sql`${t.category} = 'other-stakeholder' and ${t.state} = 'confirmed'`),
    uniqueIndex("case_seats_person_key")
      .on(t.caseId, t.personId)
      .where(sql`${t.personId} is not null and ${t.state} <> 'withdrawn'`),
    check("case_seats_category_check", sql`${t.category} in (${inList(seatCategories)})`),
    check("case_seats_state_check", sql`${t.state} in ('confirmed', 'waiting', 'withdrawn')`),
    check("case_seats_consent_check", sql`${t.livestreamConsent} in (${inList(livestreamConsents)})`),
  ],
);

/** Evidence that the outcome reached the proposer, the co-signers and the participants. */
export const caseEvidence = pgTable(
  "case_evidence",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind").notNull().$type<"link" | "post" | "mail-out">(),
    audiences: text("audiences").array().notNull(),
    url: text("url"),
    note: text("note"),
    recordedBy: uuid("recorded_by").references(() => people.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("case_evidence_case_idx").on(t.caseId, t.id),
    check("case_evidence_kind_check", sql`${t.kind} in ('link', 'post', 'mail-out')`),
  ],
);

/** The public trail of a case: selected, stage moves, roles, release. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: uuid("actor_id"),
    kind: text("kind").notNull(),
    data: text("data"),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.id)],
);

/** Kinds of claim in the issue analysis table. */
export const claimKinds = ["problem", "solution"] as const;
/** Kinds of stakeholder on the stakeholder map. */
export const stakeholderKinds = ["citizen-group", "agency", "expert", "business", "other"] as const;
/** How much a stakeholder can sway the outcome. */
export const influenceLevels = ["low", "medium", "high"] as const;

/**
 * A row of the issue analysis table (議題分析表): one claim, split as a problem or a proposed
 * solution, with its aspect, stakeholders, current and possible government responses and evidence.
 */
export const caseAnalysisRows = pgTable(
  "case_analysis_rows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind").notNull().$type<(typeof claimKinds)[number]>(),
    claim: text("claim").notNull(),
    aspect: text("aspect").notNull().default(""),
    /** Stakeholders as free text, for those not on the map. */
    stakeholders: text("stakeholders").notNull().default(""),
    /** Entries of the case's stakeholder map (checked against the case when written). */
    stakeholderIds: uuid("stakeholder_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    currentResponse: text("current_response").notNull().default(""),
    possibleResponse: text("possible_response").notNull().default(""),
    /** Evidence: sources as text, one per line (addresses are linked on the page). */
    evidence: text("evidence").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("case_analysis_rows_case_idx").on(t.caseId, t.position),
    check("case_analysis_rows_kind_check", sql`${t.kind} in (${inList(claimKinds)})`),
  ],
);

/** An entry of the stakeholder map (利害關係人圖); `contact` is working material, never public. */
export const caseStakeholders = pgTable(
  "case_stakeholders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull().$type<(typeof stakeholderKinds)[number]>(),
    /** Their stance and interest in the issue. */
    interest: text("interest").notNull().default(""),
    influence: text("influence").$type<(typeof influenceLevels)[number]>(),
    /** How to reach them: internal to the organisers. */
    contact: text("contact").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("case_stakeholders_case_idx").on(t.caseId, t.position),
    check("case_stakeholders_kind_check", sql`${t.kind} in (${inList(stakeholderKinds)})`),
    check("case_stakeholders_influence_check", sql`${t.influence} in (${inList(influenceLevels)})`),
  ],
);

/** An interview of the research stage; public in the handbook only with the interviewee's consent. */
export const caseInterviews = pgTable(
  "case_interviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    heldOn: date("held_on", { mode: "string" }),
    interviewee: text("interviewee").notNull(),
    interviewer: text("interviewer").notNull().default(""),
    summary: text("summary").notNull().default(""),
    consentToPublish: boolean("consent_to_publish").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("case_interviews_case_idx").on(t.caseId, t.position)],
);

/** A node of the mind map, a structured outline: ordered among its siblings under its parent. */
export const caseMindMapNodes = pgTable(
  "case_mind_map_nodes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    /** The parent node; null at the top. Removing a node removes its branch. */
    parentId: uuid("parent_id").references((): AnyPgColumn => caseMindMapNodes.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("case_mind_map_nodes_case_idx").on(t.caseId, t.parentId, t.position)],
);

/** Every saved wording of the challenge statement (「我們可以如何……」); the newest is current. */
export const caseChallengeVersions = pgTable(
  "case_challenge_versions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("case_challenge_versions_case_idx").on(t.caseId, t.id)],
);
