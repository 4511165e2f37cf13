import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
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
import { orgs, people } from "../directory/index.ts";
import { petitions } from "../petitions/index.ts";

/** Kinds of meetings. */
export const meetingKinds = ["monthly", "quarterly", "collaborative", "prep", "working"] as const;
/** One meeting kind. */
export type MeetingKind = (typeof meetingKinds)[number];
/** Where a candidate comes from. */
export const candidateSources = ["petition", "agency", "pdis", "minister-office"] as const;
/** One candidate source. */
export type CandidateSource = (typeof candidateSources)[number];
/** A candidate's standing: in the vote, won, lost for good, waiting to carry over, carried over, withdrawn. */
export type CandidateState =
  "candidate" | "won" | "tied" | "lost" | "carry-pending" | "carried" | "withdrawn";
/** The ballot of a meeting: not opened, open, closed. */
export type BallotState = "none" | "open" | "closed";

/** The voting rules of one meeting (defaults from the 2019 principles; see docs/meetings.md). */
export interface VotingRules {
  /** Votes each voter may cast; null = ⌈candidates ÷ 2⌉. */
  votesPerVoter: number | null;
  /** A topic wins when its votes ÷ eligible voters present reach this share. */
  threshold: number;
  /** Winners a month, not counting urgent topics. */
  maxWinners: number;
  /** Urgent topics that may win on top. */
  maxUrgent: number;
  /** Days in which an agency that led a collaborative meeting is not made lead again without consent. */
  leadCooldownDays: number;
  /** Who may vote: roster POs of second- and third-level agencies, and PDIS staff. */
  voters: { pos: boolean; pdis: boolean };
}

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** A meeting of the network: monthly, quarterly, or one of a case's meetings. */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull().$type<MeetingKind>(),
    title: text("title").notNull(),
    /** Taipei calendar date of the meeting. */
    date: date("date", { mode: "string" }).notNull(),
    startTime: text("start_time").notNull().default("14:00"),
    location: text("location"),
    /** For collaborative, prep and working meetings: their case (cases module, no foreign key). */
    caseId: uuid("case_id"),
    otherBusiness: text("other_business"),
    rules: jsonb("rules").notNull().$type<VotingRules>(),
    anonymous: boolean("anonymous").notNull().default(true),
    ballotState: text("ballot_state").notNull().default("none").$type<BallotState>(),
    /** The ballot round: a re-run opens the next one and voids the links of the previous. */
    ballotRound: integer("ballot_round").notNull().default(0),
    ballotOpenedAt: timestamp("ballot_opened_at", { withTimezone: true }),
    /** When the ballot closes by itself (the sweep closes it); null = closed by the organiser only. */
    ballotClosesAt: timestamp("ballot_closes_at", { withTimezone: true }),
    ballotClosedAt: timestamp("ballot_closed_at", { withTimezone: true }),
    /** The last round whose voters who had not yet voted were reminded before it closes. */
    ballotRemindedRound: integer("ballot_reminded_round").notNull().default(0),
    /** The tally, computed when the ballot closes (public from then on). */
    tally: jsonb("tally"),
    rerunRequired: boolean("rerun_required").notNull().default(false),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("meetings_date_idx").on(t.date, t.id),
    // One monthly (or quarterly) meeting a day: scheduling it twice is a conflict, not a second meeting.
    uniqueIndex("meetings_network_date_key")
      .on(t.kind, t.date)
      .where(sql`${t.kind} in ('monthly', 'quarterly')`),
    index("meetings_kind_idx").on(t.kind, t.date),
    index("meetings_case_idx").on(t.caseId),
    index("meetings_ballot_due_idx")
      .on(t.ballotClosesAt)
      .where(sql`${t.ballotState} = 'open' and ${t.ballotClosesAt} is not null`),
    check("meetings_kind_check", sql`${t.kind} in (${inList(meetingKinds)})`),
    check("meetings_ballot_state_check", sql`${t.ballotState} in ('none', 'open', 'closed')`),
  ],
);

/** A topic put to a monthly meeting's vote, with its selection criteria as checked. */
export const meetingCandidates = pgTable(
  "meeting_candidates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    source: text("source").notNull().$type<CandidateSource>(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    /** The petition it comes from (petitions module), when it is in the product; else `petitionRef`. */
    petitionId: uuid("petition_id").references(() => petitions.id),
    petitionRef: text("petition_ref"),
    endorsements: integer("endorsements"),
    threshold: integer("threshold"),
    proposingAgencyId: uuid("proposing_agency_id").references(() => orgs.id),
    proposedLeadAgencyId: uuid("proposed_lead_agency_id").references(() => orgs.id),
    /** The lead agency consented to lead although it led within the cool-down. */
    leadConsent: boolean("lead_consent").notNull().default(false),
    /** Answers to the selection criteria, by key (see criteria.ts). */
    criteria: jsonb("criteria").notNull().$type<Record<string, boolean>>(),
    /** Internal notes of the organisers: never public. */
    internalNote: text("internal_note"),
    urgent: boolean("urgent").notNull().default(false),
    state: text("state").notNull().default("candidate").$type<CandidateState>(),
    /** Times carried over from an earlier meeting (a losing topic carries over once). */
    carryCount: integer("carry_count").notNull().default(0),
    carriedFromId: uuid("carried_from_id").references((): AnyPgColumn => meetingCandidates.id),
    position: integer("position").notNull(),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("meeting_candidates_meeting_idx").on(t.meetingId, t.position),
    index("meeting_candidates_carry_idx")
      .on(t.state)
      .where(sql`${t.state} = 'carry-pending'`),
    check("meeting_candidates_source_check", sql`${t.source} in (${inList(candidateSources)})`),
    check(
      "meeting_candidates_state_check",
      sql`${t.state} in ('candidate', 'won', 'tied', 'lost', 'carry-pending', 'carried', 'withdrawn')`,
    ),
  ],
);

/**
 * An eligible voter's personal one-time ballot link for one round. Only the HMAC digest of the token
 * is stored; `used_at` is set in the same statement that checks it, so one link gives one ballot.
 */
export const meetingVoters = pgTable(
  "meeting_voters",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    tokenDigest: text("token_digest").notNull(),
    /**
     * The digest of the fresh link in the reminder before the ballot closes. Both links reach the same
     * voter row, so either casts the one ballot: the reminder helps a voter who lost the first mail.
     */
    reminderDigest: text("reminder_digest"),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.round, t.personId] }),
    uniqueIndex("meeting_voters_token_key").on(t.tokenDigest),
    uniqueIndex("meeting_voters_reminder_key")
      .on(t.reminderDigest)
      .where(sql`${t.reminderDigest} is not null`),
  ],
);

/** Who was present at a meeting (recorded by the organisers); the denominator of the vote. */
export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    recordedBy: uuid("recorded_by").references(() => people.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

/**
 * The count of one round: ballots cast, kept apart from any voter. Every cast takes this row's lock
 * first, so concurrent casts are serialised and never deadlock on the vote counts.
 */
export const meetingRounds = pgTable(
  "meeting_rounds",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    ballotsCast: integer("ballots_cast").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.round] })],
);

/**
 * Votes per candidate in a round: only totals, so an anonymous vote leaves no ballot that could be
 * matched (by order or time) to the link that cast it.
 */
export const meetingVoteCounts = pgTable(
  "meeting_vote_counts",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => meetingCandidates.id, { onDelete: "cascade" }),
    votes: integer("votes").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.round, t.candidateId] })],
);

/** A named vote's ballots: who chose what, published with the tally once the ballot closes. */
export const meetingBallots = pgTable(
  "meeting_ballots",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    voterId: uuid("voter_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    choices: uuid("choices").array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.round, t.voterId] })],
);

/** Rotation rosters: agencies taking turns to nominate topics, people taking turns to facilitate tables. */
export const rotations = pgTable(
  "rotations",
  {
    kind: text("kind").notNull().$type<"nomination" | "table-facilitator">(),
    position: integer("position").notNull(),
    agencyId: uuid("agency_id").references(() => orgs.id),
    personId: uuid("person_id").references(() => people.id, { onDelete: "cascade" }),
    lastServedAt: timestamp("last_served_at", { withTimezone: true }),
    /** What the turn was used for last (a meeting or case reference). */
    lastServedFor: text("last_served_for"),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.position] }),
    check("rotations_kind_check", sql`${t.kind} in ('nomination', 'table-facilitator')`),
    check(
      "rotations_subject_check",
      sql`(${t.kind} = 'nomination' and ${t.agencyId} is not null) or (${t.kind} = 'table-facilitator' and ${t.personId} is not null)`,
    ),
  ],
);
