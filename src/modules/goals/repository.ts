// Every SQL statement of the goals module: goals and their notes, case checklists and peer reviews,
// and the reads behind a person's contribution record (cases and help requests, through their tables).
import { and, asc, desc, eq, inArray, isNotNull, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import { caseRoles, caseStageRows, cases } from "../cases/index.ts";
import { helpRequests } from "../help-requests/index.ts";
import {
  caseChecklistItems,
  checklistReviewRequests,
  checklistReviews,
  goalNotes,
  goals,
  type ChecklistItem,
  type ReviewVerdict,
} from "./tables.ts";

/** A goal row. */
export type GoalRow = typeof goals.$inferSelect;
/** A progress note row. */
export type GoalNoteRow = typeof goalNotes.$inferSelect;
/** A checklist item row. */
export type ChecklistRow = typeof caseChecklistItems.$inferSelect;
/** A review request row. */
export type ReviewRequestRow = typeof checklistReviewRequests.$inferSelect;
/** A review row. */
export type ReviewRow = typeof checklistReviews.$inferSelect;

// Goals

export async function insertGoal(db: Queryable, v: typeof goals.$inferInsert): Promise<GoalRow> {
  const [row] = await db.insert(goals).values(v).returning();
  return row!;
}

export async function findGoal(db: Queryable, id: string, forUpdate = false): Promise<GoalRow | null> {
  const q = db.select().from(goals).where(eq(goals.id, id));
  const rows = forUpdate ? await q.for("update") : await q;
  return rows[0] ?? null;
}

export async function updateGoal(db: Queryable, id: string, patch: Partial<GoalRow>): Promise<GoalRow> {
  const [row] = await db.update(goals).set(patch).where(eq(goals.id, id)).returning();
  return row!;
}

/**
 * Goals a person may see, newest change first (never ordered by status or achievement): their own,
 * their teams', and others' shared goals; `scope` narrows to one of the three.
 */
export async function listVisibleGoals(
  db: Queryable,
  personId: string,
  teamIds: string[],
  scope: "all" | "mine" | "teams" | "shared",
): Promise<GoalRow[]> {
  const mine = eq(goals.ownerPersonId, personId);
  const teams: SQL = teamIds.length ? inArray(goals.ownerOrgId, teamIds) : sql`false`;
  const others = and(
    eq(goals.visibility, "shared"),
    sql`${goals.ownerPersonId} is distinct from ${personId}`,
    teamIds.length ? or(isNull(goals.ownerOrgId), notInArray(goals.ownerOrgId, teamIds)) : undefined,
  )!;
  const where =
    scope === "mine"
      ? mine
      : scope === "teams"
        ? teams
        : scope === "shared"
          ? others
          : or(mine, teams, others);
  return db.select().from(goals).where(where).orderBy(desc(goals.updatedAt), asc(goals.id)).limit(500);
}

export async function insertNote(db: Queryable, v: typeof goalNotes.$inferInsert): Promise<GoalNoteRow> {
  const [row] = await db.insert(goalNotes).values(v).returning();
  return row!;
}

export async function listNotes(db: Queryable, goalId: string): Promise<GoalNoteRow[]> {
  return db.select().from(goalNotes).where(eq(goalNotes.goalId, goalId)).orderBy(asc(goalNotes.id));
}

// Checklists

export async function listChecklist(db: Queryable, caseId: string): Promise<ChecklistRow[]> {
  return db.select().from(caseChecklistItems).where(eq(caseChecklistItems.caseId, caseId));
}

export async function findChecklistItem(db: Queryable, caseId: string, item: ChecklistItem) {
  const rows = await db
    .select()
    .from(caseChecklistItems)
    .where(and(eq(caseChecklistItems.caseId, caseId), eq(caseChecklistItems.item, item)));
  return rows[0] ?? null;
}

export async function upsertChecklistItem(db: Queryable, v: typeof caseChecklistItems.$inferInsert) {
  const [row] = await db
    .insert(caseChecklistItems)
    .values(v)
    .onConflictDoUpdate({
      target: [caseChecklistItems.caseId, caseChecklistItems.item],
      set: {
        done: v.done,
        note: v.note,
        evidenceUrl: v.evidenceUrl,
        updatedBy: v.updatedBy,
        updatedAt: v.updatedAt,
      },
    })
    .returning();
  return row!;
}

/** The case's lead and co-organiser agencies (who may not peer-review it). */
export async function organiserAgencyIds(db: Queryable, caseId: string): Promise<string[]> {
  const rows = await db
    .select({ agencyId: caseRoles.agencyId })
    .from(caseRoles)
    .where(
      and(
        eq(caseRoles.caseId, caseId),
        inArray(caseRoles.kind, ["lead", "co-organiser"]),
        isNotNull(caseRoles.agencyId),
      ),
    );
  return rows.map((r) => r.agencyId!);
}

export async function insertReviewRequest(db: Queryable, v: typeof checklistReviewRequests.$inferInsert) {
  const rows = await db.insert(checklistReviewRequests).values(v).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function findReviewRequest(db: Queryable, caseId: string, agencyId: string) {
  const rows = await db
    .select()
    .from(checklistReviewRequests)
    .where(
      and(eq(checklistReviewRequests.caseId, caseId), eq(checklistReviewRequests.reviewerAgencyId, agencyId)),
    );
  return rows[0] ?? null;
}

export async function listReviewRequests(db: Queryable, caseId: string): Promise<ReviewRequestRow[]> {
  return db
    .select()
    .from(checklistReviewRequests)
    .where(eq(checklistReviewRequests.caseId, caseId))
    .orderBy(asc(checklistReviewRequests.requestedAt), asc(checklistReviewRequests.id));
}

export async function listReviews(db: Queryable, requestIds: string[]): Promise<ReviewRow[]> {
  if (!requestIds.length) return [];
  return db.select().from(checklistReviews).where(inArray(checklistReviews.requestId, requestIds));
}

export async function upsertReview(
  db: Queryable,
  v: {
    requestId: string;
    item: ChecklistItem;
    verdict: ReviewVerdict;
    comment: string | null;
    reviewerId: string | null;
    at: Date;
  },
) {
  const [row] = await db
    .insert(checklistReviews)
    .values(v)
    .onConflictDoUpdate({
      target: [checklistReviews.requestId, checklistReviews.item],
      set: { verdict: v.verdict, comment: v.comment, reviewerId: v.reviewerId, at: v.at },
    })
    .returning();
  return row!;
}

// The contribution record

/** Cases the person created or owns a stage of, or takes notes for, with the dates they did. */
export async function casesOrganisedBy(db: Queryable, personId: string) {
  const created = await db
    .select({ number: cases.number, title: cases.title, at: cases.createdAt })
    .from(cases)
    .where(eq(cases.createdBy, personId));
  const stages = await db
    .select({
      number: cases.number,
      title: cases.title,
      stage: caseStageRows.stage,
      startedAt: caseStageRows.startedAt,
      completedAt: caseStageRows.completedAt,
      selectedAt: cases.selectedAt,
    })
    .from(caseStageRows)
    .innerJoin(cases, eq(cases.id, caseStageRows.caseId))
    .where(eq(caseStageRows.ownerPersonId, personId));
  return { created, stages };
}

/** The person's roles on cases (facilitators, note takers), with each case's number and title. */
export async function caseRolesOf(db: Queryable, personId: string) {
  return db
    .select({
      number: cases.number,
      title: cases.title,
      kind: caseRoles.kind,
      label: caseRoles.label,
      at: caseRoles.createdAt,
    })
    .from(caseRoles)
    .innerJoin(cases, eq(cases.id, caseRoles.caseId))
    .where(eq(caseRoles.personId, personId))
    .orderBy(asc(caseRoles.createdAt));
}

/** Help requests the person answered or acknowledged (help given). */
export async function helpGivenBy(db: Queryable, personId: string) {
  return db
    .select({
      id: helpRequests.id,
      title: helpRequests.title,
      state: helpRequests.state,
      createdAt: helpRequests.createdAt,
      acknowledgedAt: helpRequests.acknowledgedAt,
      acknowledgedBy: helpRequests.acknowledgedBy,
      answeredAt: helpRequests.answeredAt,
      answeredBy: helpRequests.answeredBy,
    })
    .from(helpRequests)
    .where(or(eq(helpRequests.answeredBy, personId), eq(helpRequests.acknowledgedBy, personId)))
    .orderBy(asc(helpRequests.createdAt));
}

/** Help requests the person asked (help received). */
export async function helpReceivedBy(db: Queryable, personId: string) {
  return db
    .select({
      id: helpRequests.id,
      title: helpRequests.title,
      state: helpRequests.state,
      createdAt: helpRequests.createdAt,
      answeredAt: helpRequests.answeredAt,
    })
    .from(helpRequests)
    .where(eq(helpRequests.requesterId, personId))
    .orderBy(asc(helpRequests.createdAt));
}
