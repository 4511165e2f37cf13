import { z } from "@hono/zod-openapi";
import { calendarDate } from "../../platform/http/dates.ts";
import { commitmentStatuses, trackingDecisions } from "./tables.ts";

const Label = z.object({ "zh-TW": z.string(), en: z.string() });
const OrgRef = z.object({ id: z.string(), slug: z.string(), name: Label }).nullable();
const url = z
  .string()
  .trim()
  .url("must be an http(s) address")
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u), "must be an http(s) address");
/** A case number as the cases module bounds it (1 to 999,999,999). */
const caseNumber = z
  .number()
  .int("must be a case number")
  .min(1, "must be a case number")
  .max(999_999_999, "must be a case number");

/** A status update of a commitment. */
export const UpdateSchema = z
  .object({
    status: z.enum(commitmentStatuses),
    body: z.string(),
    evidence: z.array(z.string()),
    agency: OrgRef,
    at: z.string(),
  })
  .openapi("CommitmentUpdate");

/** A field a revision changed, before and after. */
const Change = <T extends z.ZodTypeAny>(t: T) => z.object({ before: t, after: t }).optional();

/** A public revision of a commitment. */
export const RevisionSchema = z
  .object({
    id: z.number().int(),
    reason: z.string(),
    changes: z.object({ text: Change(z.string()), ownerAgency: Change(OrgRef), dueOn: Change(z.string()) }),
    clearedOverdueAt: z.string().nullable().openapi({
      description: "The overdue flag this revision cleared (the due date moved to a day not yet past)",
    }),
    agency: OrgRef,
    at: z.string(),
  })
  .openapi("CommitmentRevision");

/** A commitment in a list. */
export const CommitmentSummarySchema = z
  .object({
    id: z.string(),
    text: z.string(),
    ownerAgency: OrgRef,
    dueOn: z.string(),
    status: z.enum(commitmentStatuses),
    overdue: z.boolean(),
    overdueAt: z.string().nullable(),
    droppedReason: z.string().nullable(),
    case: z.object({ number: z.number().int(), title: z.string(), url: z.string() }).nullable(),
    meeting: z.object({ id: z.string(), url: z.string() }).nullable(),
    petition: z.object({ id: z.string(), title: z.string(), url: z.string() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    url: z.string(),
  })
  .openapi("CommitmentSummary");

/** A commitment with its status history and its revisions. */
export const CommitmentSchema = CommitmentSummarySchema.extend({
  originalDueOn: z
    .string()
    .nullable()
    .openapi({ description: "The due date first recorded, when a revision has moved it; else null" }),
  updates: z.array(UpdateSchema),
  revisions: z.array(RevisionSchema),
  can: z.object({ update: z.boolean(), revise: z.boolean(), moveDueDate: z.boolean() }),
}).openapi("Commitment");

/** A commitment as open data. */
export const CommitmentExportSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    ownerAgency: z.string().nullable(),
    dueOn: z.string(),
    status: z.enum(commitmentStatuses),
    overdue: z.boolean(),
    overdueAt: z.string().nullable(),
    droppedReason: z.string().nullable(),
    caseNumber: z.number().int().nullable(),
    meetingId: z.string().nullable(),
    petitionId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    originalDueOn: z.string().nullable(),
    updates: z.array(
      z.object({
        status: z.enum(commitmentStatuses),
        body: z.string(),
        evidence: z.array(z.string()),
        agency: z.string().nullable(),
        at: z.string(),
      }),
    ),
    revisions: z.array(
      z.object({
        reason: z.string(),
        changes: z.object({
          text: Change(z.string()),
          ownerAgency: Change(z.string().nullable()),
          dueOn: Change(z.string()),
        }),
        clearedOverdueAt: z.string().nullable(),
        agency: z.string().nullable(),
        at: z.string(),
      }),
    ),
  })
  .openapi("CommitmentExport");

/** The chair's decision on a case at a meeting. */
export const DecisionSchema = z
  .object({
    meeting: z.object({ id: z.string(), url: z.string() }),
    decision: z.enum(trackingDecisions),
    note: z.string().nullable(),
    decidedAt: z.string(),
  })
  .openapi("TrackingDecision");

/** One case of the monthly tracking list. */
export const TrackingEntrySchema = z
  .object({
    number: z.number().int(),
    title: z.string(),
    stage: z.string(),
    url: z.string(),
    leadAgency: OrgRef,
    latestUpdate: z
      .object({
        commitment: z.object({ id: z.string(), text: z.string(), url: z.string() }),
        status: z.enum(commitmentStatuses),
        body: z.string(),
        agency: OrgRef,
        at: z.string(),
      })
      .nullable(),
    commitments: z.object({ total: z.number().int(), open: z.number().int(), overdue: z.number().int() }),
    decision: DecisionSchema.nullable(),
  })
  .openapi("TrackingEntry");

/** Request bodies. */
export const bodies = {
  create: z
    .object({
      text: z.string().trim().min(1, "must not be empty").max(5_000),
      ownerAgencyId: z.string().trim().min(1, "name the owner agency (id or slug)").max(100),
      dueOn: calendarDate,
      caseNumber: caseNumber.optional(),
      meetingId: z.string().uuid("must be a meeting id").optional(),
      petitionId: z.string().uuid("must be a petition id").optional(),
    })
    .openapi("NewCommitment"),
  update: z
    .object({
      status: z.enum(commitmentStatuses, { error: `must be one of ${commitmentStatuses.join(", ")}` }),
      body: z.string().trim().min(1, "must not be empty").max(10_000),
      evidence: z.array(url).max(20, "at most 20 links").optional(),
    })
    .openapi("CommitmentStatusUpdate"),
  revise: z
    .object({
      text: z.string().trim().min(1, "must not be empty").max(5_000).optional(),
      ownerAgencyId: z.string().trim().min(1, "name the owner agency (id or slug)").max(100).optional(),
      dueOn: calendarDate.optional(),
      reason: z
        .string({ error: "give the public reason for the revision" })
        .trim()
        .min(1, "give the public reason for the revision")
        .max(2_000, "at most 2000 characters"),
    })
    .openapi("CommitmentRevisionInput"),
  decision: z
    .object({
      caseNumber,
      decision: z.enum(trackingDecisions, { error: `must be one of ${trackingDecisions.join(", ")}` }),
      note: z.string().trim().max(5_000).optional(),
    })
    .openapi("TrackingDecisionInput"),
};

/** Query of the commitment index. */
export const ListQuery = z.object({
  agency: z.string().max(100).optional(),
  case: z.coerce
    .number()
    .int("must be a case number")
    .min(1, "must be a case number")
    .max(999_999_999, "must be a case number")
    .optional(),
  petition: z.string().uuid("must be a petition id").optional(),
  status: z.enum(commitmentStatuses, { error: `must be one of ${commitmentStatuses.join(", ")}` }).optional(),
  overdue: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  cursor: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
