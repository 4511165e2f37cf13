import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { orgs, people } from "../directory/index.ts";
import { cases } from "../cases/index.ts";
import { petitions } from "../petitions/index.ts";

/** The states of a commitment: open → in-progress → done, or dropped (with a public reason). */
export const commitmentStatuses = ["open", "in-progress", "done", "dropped"] as const;
/** One state of a commitment. */
export type CommitmentStatus = (typeof commitmentStatuses)[number];
/** The chair's decision on a tracked case at a monthly meeting. */
export const trackingDecisions = ["continue", "release", "noted"] as const;
/** One decision. */
export type TrackingDecision = (typeof trackingDecisions)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/**
 * A public commitment from a collaborative meeting case (optionally the meeting it was made at) and/or
 * a petition's response: what an agency promised, by when, and how far it has come. `overdueAt` is set
 * by the overdue sweep (the row is the timer: due, not finished, not yet flagged).
 */
export const commitments = pgTable(
  "commitments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    text: text("text").notNull(),
    ownerAgencyId: uuid("owner_agency_id")
      .notNull()
      .references(() => orgs.id),
    /** The last day (Asia/Taipei) it is due on; overdue from the day after. */
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: text("status").notNull().default("open").$type<CommitmentStatus>(),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "cascade" }),
    /** The meeting it was made at (meetings module; no foreign key to keep modules one-way). */
    meetingId: uuid("meeting_id"),
    petitionId: uuid("petition_id").references(() => petitions.id, { onDelete: "cascade" }),
    /** Why it was dropped (public; required when dropped). */
    droppedReason: text("dropped_reason"),
    /**
     * When the sweep found it past its due date and unfinished. Cleared only by a revision moving the
     * due date to a day not yet past (the revision keeps the old flag), so the sweep can flag it again.
     */
    overdueAt: timestamp("overdue_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("commitments_case_idx").on(t.caseId, t.dueOn),
    index("commitments_petition_idx").on(t.petitionId, t.dueOn),
    index("commitments_agency_idx").on(t.ownerAgencyId, t.dueOn),
    index("commitments_due_idx")
      .on(t.dueOn)
      .where(sql`${t.overdueAt} is null and ${t.status} in ('open', 'in-progress')`),
    check("commitments_status_check", sql`${t.status} in (${inList(commitmentStatuses)})`),
    check("commitments_source_check", sql`${t.caseId} is not null or ${t.petitionId} is not null`),
    check(
      "commitments_dropped_reason_check",
      sql`${t.status} <> 'dropped' or coalesce(${t.droppedReason}, '') <> ''`,
    ),
  ],
);

/** A dated status update of a commitment, with its text and evidence links (public). */
export const commitmentUpdates = pgTable(
  "commitment_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    commitmentId: uuid("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    status: text("status").notNull().$type<CommitmentStatus>(),
    body: text("body").notNull(),
    evidence: text("evidence")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    /** The agency the author spoke for (the owner agency when they are its PO). */
    agencyId: uuid("agency_id").references(() => orgs.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("commitment_updates_commitment_idx").on(t.commitmentId, t.id),
    check("commitment_updates_status_check", sql`${t.status} in (${inList(commitmentStatuses)})`),
  ],
);

/**
 * A public revision of a commitment: the changed fields before and after (a pair is null when that
 * field did not change), the public reason, who and when. `overdueAtBefore` keeps the overdue flag a
 * revision cleared (moving the due date to a day not yet past), so having been overdue stays on record.
 */
export const commitmentRevisions = pgTable(
  "commitment_revisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    commitmentId: uuid("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    textBefore: text("text_before"),
    textAfter: text("text_after"),
    ownerAgencyBefore: uuid("owner_agency_before").references(() => orgs.id),
    ownerAgencyAfter: uuid("owner_agency_after").references(() => orgs.id),
    dueOnBefore: date("due_on_before", { mode: "string" }),
    dueOnAfter: date("due_on_after", { mode: "string" }),
    /** The overdue flag this revision cleared, if any. */
    overdueAtBefore: timestamp("overdue_at_before", { withTimezone: true }),
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    /** The agency the author spoke for (the owner agency or the case's lead agency, when they are its PO). */
    agencyId: uuid("agency_id").references(() => orgs.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("commitment_revisions_commitment_idx").on(t.commitmentId, t.id),
    index("commitment_revisions_at_idx").on(t.at),
    check("commitment_revisions_reason_check", sql`${t.reason} <> ''`),
    check(
      "commitment_revisions_pairs_check",
      sql`(${t.textBefore} is null) = (${t.textAfter} is null) and (${t.ownerAgencyBefore} is null) = (${t.ownerAgencyAfter} is null) and (${t.dueOnBefore} is null) = (${t.dueOnAfter} is null)`,
    ),
    check(
      "commitment_revisions_change_check",
      sql`${t.textAfter} is not null or ${t.ownerAgencyAfter} is not null or ${t.dueOnAfter} is not null`,
    ),
  ],
);

/** The chair's decision on a tracked case at a monthly meeting: one per case per meeting. */
export const trackingDecisionRows = pgTable(
  "tracking_decisions",
  {
    /** The monthly meeting (meetings module; plain id). */
    meetingId: uuid("meeting_id").notNull(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    decision: text("decision").notNull().$type<TrackingDecision>(),
    note: text("note"),
    decidedBy: uuid("decided_by").references(() => people.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.caseId] }),
    index("tracking_decisions_case_idx").on(t.caseId, t.decidedAt),
    check("tracking_decisions_decision_check", sql`${t.decision} in (${inList(trackingDecisions)})`),
  ],
);
