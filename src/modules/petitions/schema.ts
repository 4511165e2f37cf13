import { z } from "@hono/zod-openapi";
import { calendarDate } from "../../platform/http/dates.ts";
import { petitionStates } from "./tables.ts";

const localeText = z.object({ "zh-TW": z.string(), en: z.string() });
const AgencyRef = z.object({ id: z.string(), slug: z.string(), name: localeText });
const ClockView = z
  .object({ dueAt: z.string(), stoppedAt: z.string().nullable(), lapsed: z.boolean() })
  .nullable();
const httpUrl = (message: string) =>
  z
    .string()
    .trim()
    .max(2000)
    .refine((s) => {
      try {
        const u = new URL(s);
        return u.protocol === "http:" || u.protocol === "https:";
      } catch {
        return false;
      }
    }, message);
const dateTime = z.string().datetime({ offset: true, message: "must be an ISO 8601 date-time" });

/** `{id}`: a petition's UUID. */
export const PetitionParams = z.object({
  id: z
    .string()
    .uuid("must be a petition id")
    .openapi({ param: { name: "id", in: "path" } }),
});

/** A petition in lists and exports. */
export const PetitionSummarySchema = z
  .object({
    id: z.string(),
    kind: z.enum(["petition", "notice"]),
    externalId: z.string().nullable(),
    url: z.string().nullable(),
    title: z.string(),
    proposer: z.string().nullable(),
    state: z.enum(petitionStates),
    threshold: z.number().int(),
    endorsementCount: z.number().int(),
    endorsementCountAt: z.string().nullable(),
    opensAt: z.string(),
    closesAt: z.string(),
    qualifiedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    agencies: z.object({
      named: z.array(AgencyRef),
      lead: AgencyRef.nullable(),
      co: z.array(AgencyRef),
      related: z.array(AgencyRef),
    }),
    planDueAt: z.string().nullable(),
    responseDueAt: z.string().nullable(),
    replyDueAt: z.string().nullable(),
    originalResponseDueAt: z.string().nullable(),
    extension: z.object({ reason: z.string(), at: z.string() }).nullable(),
    withdrawal: z.object({ reason: z.string(), at: z.string() }).nullable(),
    respondedAt: z.string().nullable(),
    overdue: z.boolean(),
    clocks: z.object({ plan: ClockView, response: ClockView, reply: ClockView }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("PetitionSummary");

/** A response as shown. */
export const PetitionResponseSchema = z
  .object({
    status: z.enum(["draft", "published"]),
    analysis: z.string(),
    suggestion: z.string(),
    plan: z.string(),
    references: z.array(z.object({ title: z.string(), url: z.string().nullable() })),
    citations: z.array(
      z.object({ speechId: z.string(), permalink: z.string(), note: z.string().nullable() }),
    ),
    evaluatedBy: z.string(),
    evaluationMethod: z.string(),
    publishedAt: z.string().nullable(),
    lastUpdatedAt: z.string(),
  })
  .openapi("PetitionResponse");

const Plan = z.object({ body: z.string(), publishedAt: z.string() }).nullable();

/** A petition with everything about it. */
export const PetitionSchema = PetitionSummarySchema.extend({
  text: z.string(),
  plan: Plan,
  endorsements: z.array(
    z.object({ at: z.string(), count: z.number().int(), source: z.enum(["import", "api"]) }),
  ),
  response: PetitionResponseSchema.nullable(),
  updates: z.array(z.object({ id: z.string(), body: z.string(), at: z.string() })),
  timeline: z.array(z.object({ at: z.string(), kind: z.string(), internal: z.boolean(), data: z.unknown() })),
  followers: z.object({ count: z.number().int(), following: z.boolean() }),
  /** The collaborative meeting cases that took the petition up. */
  cases: z.array(
    z.object({ number: z.number().int(), title: z.string(), stage: z.string(), url: z.string() }),
  ),
  /** The public commitments made in answer to it (see /commitments). */
  commitments: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      dueOn: z.string(),
      status: z.string(),
      overdue: z.boolean(),
      url: z.string(),
      ownerAgency: z
        .object({ id: z.string(), slug: z.string(), name: z.object({ "zh-TW": z.string(), en: z.string() }) })
        .nullable(),
    }),
  ),
  internal: z
    .object({
      escalations: z.array(
        z.object({
          clock: z.enum(["plan", "response", "reply"]),
          level: z.number().int(),
          targetKind: z.enum(["supervisor", "pdis", "minister-office"]),
          targetId: z.string().nullable(),
          at: z.string(),
        }),
      ),
      warnings: z.object({ thresholdShare: z.string().nullable(), noResponse: z.string().nullable() }),
    })
    .nullable()
    .openapi({ description: "Network-only material; null for the public" }),
  can: z.object({
    manage: z.boolean(),
    plan: z.boolean(),
    respond: z.boolean(),
    extend: z.boolean(),
    update: z.boolean(),
    follow: z.boolean(),
  }),
}).openapi("Petition");

/** An export record. */
export const PetitionExportSchema = PetitionSummarySchema.extend({
  text: z.string(),
  plan: Plan,
  response: PetitionResponseSchema.nullable(),
}).openapi("PetitionExport");

/** A published response in the responses export: its petition, its fields and its follow-up updates. */
export const ResponseExportSchema = PetitionResponseSchema.extend({
  petition: z.object({
    id: z.string(),
    kind: z.enum(["petition", "notice"]),
    externalId: z.string().nullable(),
    title: z.string(),
    page: z.string(),
    url: z.string().nullable(),
    lead: AgencyRef.nullable(),
    co: z.array(AgencyRef),
    responseDueAt: z.string().nullable(),
    extension: z.object({ reason: z.string(), at: z.string() }).nullable(),
  }),
  updates: z.array(z.object({ id: z.string(), body: z.string(), at: z.string() })),
}).openapi("PetitionResponseExport");

/** Body of POST /petitions. */
export const CreatePetitionBody = z
  .object({
    kind: z.enum(["petition", "notice"], { error: "must be petition or notice" }).optional(),
    externalId: z.string().trim().min(1, "must not be empty").max(100).optional(),
    url: httpUrl("must be an http(s) URL").optional(),
    title: z.string().trim().min(1, "must not be empty").max(300),
    text: z.string().trim().min(1, "must not be empty").max(50_000),
    proposer: z.string().trim().max(200).optional(),
    agencies: z.array(z.string().min(1).max(100)).max(40).optional(),
    threshold: z.number().int().min(1, "must be at least 1").max(10_000_000).optional(),
    opensAt: dateTime.optional(),
    closesAt: dateTime.optional(),
    endorsements: z.number().int().min(0, "must not be negative").optional(),
    endorsementsAt: dateTime.optional(),
  })
  .openapi("CreatePetition");

/** Body of the endorsement count. */
export const EndorsementsBody = z
  .object({
    count: z.number().int("must be a whole number").min(0, "must not be negative"),
    at: dateTime.optional(),
  })
  .openapi("PetitionEndorsements");

/** Body of the assignment. */
export const AssignBody = z
  .object({
    lead: z.string().min(1, "must name the lead agency").max(100),
    co: z.array(z.string().min(1).max(100)).max(20).optional(),
    related: z.array(z.string().min(1).max(100)).max(40).optional(),
    reason: z.string().trim().max(2000).optional(),
  })
  .openapi("PetitionAssignment");

/** Body of the handling plan. */
export const PlanBody = z
  .object({ body: z.string().trim().min(1, "must not be empty").max(20_000) })
  .openapi("PetitionPlan");

/** Body of the response composer. */
export const ResponseBody = z
  .object({
    analysis: z.string().trim().min(1, "must not be empty").max(50_000),
    suggestion: z.string().trim().min(1, "must not be empty").max(50_000),
    plan: z.string().trim().min(1, "must not be empty").max(50_000),
    references: z
      .array(
        z.object({
          title: z.string().trim().min(1, "must not be empty").max(500),
          url: httpUrl("must be an http(s) URL").nullable().optional(),
        }),
      )
      .max(50)
      .default([]),
    citations: z
      .array(
        z.object({
          speech: z.string().trim().min(1, "must be a speech permalink").max(2000),
          note: z.string().trim().max(1000).nullable().optional(),
        }),
      )
      .max(50)
      .default([]),
    evaluatedBy: z.string().trim().min(1, "must say who evaluated the petition").max(2000),
    evaluationMethod: z.string().trim().min(1, "must say how the petition was evaluated").max(5000),
  })
  .openapi("PetitionResponseInput");

/** Body of the extension. */
export const WithdrawBody = z
  .object({ reason: z.string().trim().min(1, "must give the public reason").max(5000) })
  .openapi("PetitionWithdrawal");

export const ExtensionBody = z
  .object({
    reason: z.string().trim().min(1, "must give the public reason").max(5000),
    until: calendarDate.optional(),
  })
  .openapi("PetitionExtension");

/** Body of a follow-up update. */
export const UpdateBody = z
  .object({ body: z.string().trim().min(1, "must not be empty").max(20_000) })
  .openapi("PetitionUpdate");

/** Query of the list. */
export const ListQuery = z.object({
  kind: z.enum(["petition", "notice"]).optional(),
  state: z.enum(petitionStates).optional(),
  agency: z.string().max(100).optional(),
  q: z.string().max(200).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  overdue: z.enum(["true", "false"]).optional(),
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Settings of the automatic warnings. */
export const SettingsSchema = z
  .object({
    warnAtPercent: z.number().int(),
    noResponseDays: z.number().int(),
    source: z.enum(["admin", "default"]),
  })
  .openapi("PetitionSettings");

/** Body of the settings. */
export const SettingsBody = z.object({
  warnAtPercent: z.number().int().min(1, "must be 1–99").max(99, "must be 1–99"),
  noResponseDays: z.number().int().min(1, "must be 1–365").max(365, "must be 1–365"),
});

/** The summary of an import. */
export const ImportSummarySchema = z
  .object({
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    qualified: z.number().int(),
    problems: z.array(
      z.object({ line: z.number().int(), field: z.string().optional(), message: z.string() }),
    ),
  })
  .openapi("PetitionImportSummary");
