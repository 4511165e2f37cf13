import { z } from "@hono/zod-openapi";
import { calendarDate } from "../../platform/http/dates.ts";
import { checklistItems, goalStatuses, goalVisibilities, reviewVerdicts } from "./tables.ts";

const Label = z.object({ "zh-TW": z.string(), en: z.string() });
const PersonRef = z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable() });
const OrgRef = z.object({ id: z.string(), slug: z.string(), name: Label });
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/\S+$/i, "must be an http(s) address");

/** A goal with its owner, visibility and dated progress notes. */
export const GoalSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    owner: z.object({
      kind: z.enum(["person", "team"]),
      person: PersonRef.nullable(),
      team: OrgRef.nullable(),
    }),
    title: z.string(),
    description: z.string(),
    targetOn: z.string().nullable(),
    status: z.enum(goalStatuses),
    visibility: z.enum(goalVisibilities),
    /** Who can read it, in words the page shows: the owners, or every signed-in network member. */
    visibleTo: z.enum(["owners", "network"]),
    createdAt: z.string(),
    updatedAt: z.string(),
    notes: z.array(
      z.object({
        at: z.string(),
        author: PersonRef.nullable(),
        body: z.string(),
        status: z.enum(goalStatuses).nullable(),
      }),
    ),
    can: z.object({ edit: z.boolean() }),
  })
  .openapi("Goal");

/** A goal in a list (no notes). */
export const GoalSummarySchema = GoalSchema.omit({ notes: true }).openapi("GoalSummary");

/** Query of the goal list. */
export const GoalListQuery = z.object({
  scope: z.enum(["all", "mine", "teams", "shared"]).optional(),
});

const ChecklistItemSchema = z.object({
  item: z.enum(checklistItems),
  done: z.boolean(),
  note: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  /** Who ticked (or last changed) the item, and when; null before anyone did. */
  updatedBy: PersonRef.nullable(),
  updatedAt: z.string().nullable(),
});

/** A case's practice checklist with its peer reviews. */
export const ChecklistSchema = z
  .object({
    case: z.object({ number: z.number().int(), title: z.string(), url: z.string() }),
    visibleTo: z.literal("public"),
    items: z.array(ChecklistItemSchema),
    reviews: z.array(
      z.object({
        agency: OrgRef.nullable(),
        note: z.string().nullable(),
        requestedBy: PersonRef.nullable(),
        requestedAt: z.string(),
        items: z.array(
          z.object({
            item: z.enum(checklistItems),
            verdict: z.enum(reviewVerdicts),
            comment: z.string().nullable(),
            reviewer: PersonRef.nullable(),
            at: z.string(),
          }),
        ),
      }),
    ),
    can: z.object({ edit: z.boolean(), reviewFor: z.array(z.string()) }),
  })
  .openapi("CaseChecklist");

/** A person's own contribution record. */
export const ContributionsSchema = z
  .object({
    person: PersonRef,
    generatedAt: z.string(),
    visibleTo: z.literal("self"),
    casesOrganised: z.array(
      z.object({
        number: z.number().int(),
        title: z.string(),
        url: z.string(),
        parts: z.array(z.string()),
        since: z.string(),
      }),
    ),
    tablesFacilitated: z.array(
      z.object({
        number: z.number().int(),
        title: z.string(),
        url: z.string(),
        role: z.enum(["plenary-facilitator", "table-facilitator"]),
        table: z.string().nullable(),
        at: z.string(),
      }),
    ),
    helpGiven: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        url: z.string(),
        part: z.enum(["answered", "acknowledged"]),
        state: z.string(),
        askedAt: z.string(),
        at: z.string().nullable(),
      }),
    ),
    helpReceived: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        url: z.string(),
        state: z.string(),
        askedAt: z.string(),
        answeredAt: z.string().nullable(),
      }),
    ),
  })
  .openapi("Contributions");

/** Request bodies. */
export const bodies = {
  createGoal: z
    .object({
      title: z.string().trim().min(1, "is required").max(200),
      description: z.string().trim().max(5000).optional(),
      targetOn: calendarDate.optional(),
      visibility: z.enum(goalVisibilities).default("private"),
      /** Set for a team goal: an agency or unit the author belongs to. */
      teamId: z.string().uuid("must be an agency or unit id").optional(),
    })
    .openapi("GoalCreate"),
  updateGoal: z
    .object({
      title: z.string().trim().min(1, "is required").max(200).optional(),
      description: z.string().trim().max(5000).optional(),
      targetOn: calendarDate.nullable().optional(),
      visibility: z.enum(goalVisibilities).optional(),
      status: z.enum(goalStatuses).optional(),
    })
    .openapi("GoalUpdate"),
  note: z
    .object({
      body: z.string().trim().min(1, "is required").max(5000),
      status: z.enum(goalStatuses).optional(),
    })
    .openapi("GoalNote"),
  checklistItem: z
    .object({
      done: z.boolean(),
      note: z.string().trim().max(2000).optional(),
      evidenceUrl: httpUrl.optional(),
    })
    .openapi("ChecklistItemUpdate"),
  reviewRequest: z
    .object({
      agencyId: z.string().uuid("must be an agency id"),
      note: z.string().trim().max(2000).optional(),
    })
    .openapi("ChecklistReviewRequest"),
  review: z
    .object({
      verdict: z.enum(reviewVerdicts),
      comment: z.string().trim().max(2000).optional(),
    })
    .openapi("ChecklistReview"),
};

/** Input types. */
export type CreateGoalInput = z.input<typeof bodies.createGoal>;
export type UpdateGoalInput = z.infer<typeof bodies.updateGoal>;
export type NoteInput = z.infer<typeof bodies.note>;
export type ChecklistItemInput = z.infer<typeof bodies.checklistItem>;
export type ReviewRequestInput = z.infer<typeof bodies.reviewRequest>;
export type ReviewInput = z.infer<typeof bodies.review>;
