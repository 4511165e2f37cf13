import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { orgs, people } from "../directory/index.ts";
import { cases } from "../cases/index.ts";

/** Where a goal stands. */
export const goalStatuses = ["active", "achieved", "set-aside"] as const;
/** One goal status. */
export type GoalStatus = (typeof goalStatuses)[number];
/** Who may read a goal: its owners only, or every signed-in member of the network. */
export const goalVisibilities = ["private", "shared"] as const;
/** One visibility. */
export type GoalVisibility = (typeof goalVisibilities)[number];
/** The four practices every case is checked against. */
export const checklistItems = [
  "proposer-contacted",
  "agency-agenda-linked",
  "data-disclosed",
  "plain-language-response",
] as const;
/** One checklist item. */
export type ChecklistItem = (typeof checklistItems)[number];
/** A peer reviewer's word on one item. */
export const reviewVerdicts = ["agree", "concerns"] as const;
/** One verdict. */
export type ReviewVerdict = (typeof reviewVerdicts)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** A self-set goal of a person or of a team (an agency or a unit); never scored or compared. */
export const goals = pgTable(
  "goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The person who owns it (a personal goal). */
    ownerPersonId: uuid("owner_person_id").references(() => people.id, { onDelete: "cascade" }),
    /** The team that owns it (a team goal): an agency or a unit; its current members edit it. */
    ownerOrgId: uuid("owner_org_id").references(() => orgs.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    targetOn: date("target_on", { mode: "string" }),
    status: text("status").notNull().default("active").$type<GoalStatus>(),
    visibility: text("visibility").notNull().default("private").$type<GoalVisibility>(),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("goals_owner_person_idx").on(t.ownerPersonId, t.updatedAt),
    index("goals_owner_org_idx").on(t.ownerOrgId, t.updatedAt),
    index("goals_shared_idx")
      .on(t.updatedAt)
      .where(sql`${t.visibility} = 'shared'`),
    check("goals_status_check", sql`${t.status} in (${inList(goalStatuses)})`),
    check("goals_visibility_check", sql`${t.visibility} in (${inList(goalVisibilities)})`),
    check("goals_one_owner_check", sql`(${t.ownerPersonId} is null) <> (${t.ownerOrgId} is null)`),
  ],
);

/** Dated progress notes of a goal; a note may record a change of status. */
export const goalNotes = pgTable(
  "goal_notes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** The status the goal moved to with this note, if it moved. */
    status: text("status").$type<GoalStatus>(),
  },
  (t) => [index("goal_notes_goal_idx").on(t.goalId, t.id)],
);

/** One item of a case's practice checklist: done or not, with a note or link, and who ticked it. */
export const caseChecklistItems = pgTable(
  "case_checklist_items",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    item: text("item").notNull().$type<ChecklistItem>(),
    done: boolean("done").notNull(),
    note: text("note"),
    evidenceUrl: text("evidence_url"),
    updatedBy: uuid("updated_by").references(() => people.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.item] }),
    check("case_checklist_items_item_check", sql`${t.item} in (${inList(checklistItems)})`),
  ],
);

/** A peer review of a case's checklist, asked of another agency by the organisers. */
export const checklistReviewRequests = pgTable(
  "checklist_review_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    reviewerAgencyId: uuid("reviewer_agency_id")
      .notNull()
      .references(() => orgs.id),
    note: text("note"),
    requestedBy: uuid("requested_by").references(() => people.id, { onDelete: "set null" }),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("checklist_review_requests_key").on(t.caseId, t.reviewerAgencyId)],
);

/** The reviewing agency's word on one item: agree, or concerns, with a comment. */
export const checklistReviews = pgTable(
  "checklist_reviews",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => checklistReviewRequests.id, { onDelete: "cascade" }),
    item: text("item").notNull().$type<ChecklistItem>(),
    verdict: text("verdict").notNull().$type<ReviewVerdict>(),
    comment: text("comment"),
    reviewerId: uuid("reviewer_id").references(() => people.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.item] }),
    check("checklist_reviews_item_check", sql`${t.item} in (${inList(checklistItems)})`),
    check("checklist_reviews_verdict_check", sql`${t.verdict} in (${inList(reviewVerdicts)})`),
  ],
);
