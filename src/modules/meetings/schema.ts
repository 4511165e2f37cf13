import { z } from "@hono/zod-openapi";
import { calendarDate } from "../../platform/http/dates.ts";
import { selectionCriteria } from "./criteria.ts";
import { candidateSources, meetingKinds } from "./tables.ts";

const Label = z.object({ "zh-TW": z.string(), en: z.string() });
const OrgRef = z.object({ id: z.string(), slug: z.string(), name: Label }).nullable();

/** A candidate as shown. */
export const CandidateSchema = z
  .object({
    id: z.string(),
    source: z.enum(candidateSources),
    title: z.string(),
    summary: z.string(),
    petition: z
      .object({
        id: z.string().nullable(),
        ref: z.string().nullable(),
        endorsements: z.number().int().nullable(),
        threshold: z.number().int(),
        standing: z.enum(["qualified", "near", "below"]),
      })
      .nullable(),
    proposingAgency: OrgRef,
    proposedLeadAgency: OrgRef,
    leadConsent: z.boolean(),
    criteria: z.array(
      z.object({
        key: z.string(),
        met: z.boolean(),
        required: z.boolean(),
        automatic: z.boolean(),
        label: Label,
      }),
    ),
    urgent: z.boolean(),
    state: z.string(),
    carryCount: z.number().int(),
    carriedFromId: z.string().nullable(),
    case: z.object({ number: z.number().int(), url: z.string() }).nullable(),
    internalNote: z.string().nullable().optional(),
  })
  .openapi("MeetingCandidate");

/** A tally. */
export const TallySchema = z
  .object({
    round: z.number().int(),
    eligibleVoters: z.number().int(),
    present: z.number().int(),
    ballotsCast: z.number().int(),
    threshold: z.number(),
    rerunRequired: z.boolean(),
    results: z.array(
      z.object({
        candidateId: z.string(),
        urgent: z.boolean(),
        votes: z.number().int(),
        share: z.number(),
        outcome: z.enum(["won", "tied", "over-cap", "lost", "void"]),
      }),
    ),
    named: z.array(z.object({ voterId: z.string().nullable(), choices: z.array(z.string()) })).optional(),
  })
  .openapi("MeetingTally");

/** A meeting with agenda, candidates and ballot. */
export const MeetingSchema = z
  .object({
    id: z.string(),
    kind: z.enum(meetingKinds),
    title: z.string(),
    date: z.string(),
    startTime: z.string(),
    location: z.string().nullable(),
    caseNumber: z.number().int().nullable(),
    anonymous: z.boolean(),
    rules: z.object({
      votesPerVoter: z.number().int().nullable(),
      threshold: z.number(),
      maxWinners: z.number().int(),
      maxUrgent: z.number().int(),
      leadCooldownDays: z.number().int(),
      voters: z.object({ pos: z.boolean(), pdis: z.boolean() }),
    }),
    agenda: z.array(z.object({ item: z.string(), entries: z.array(z.unknown()) })),
    candidates: z.array(CandidateSchema),
    ballot: z.object({
      state: z.enum(["none", "open", "closed"]),
      round: z.number().int(),
      votesPerVoter: z.number().int(),
      eligibleVoters: z.number().int(),
      present: z.number().int(),
      ballotsCast: z.number().int().nullable(),
      openedAt: z.string().nullable(),
      closesAt: z.string().nullable(),
      closedAt: z.string().nullable(),
      rerunRequired: z.boolean(),
    }),
    tally: TallySchema.nullable(),
    url: z.string(),
    can: z.object({ organise: z.boolean() }),
    rollCall: z
      .array(
        z.object({
          personId: z.string(),
          name: z.string(),
          nameEn: z.string().nullable(),
          present: z.boolean(),
        }),
      )
      .optional(),
  })
  .openapi("Meeting");

const criteriaKeys = selectionCriteria.filter((c) => !c.automatic).map((c) => c.key);

/** Bodies of the meeting routes. */
export const bodies = {
  meeting: z
    .object({
      kind: z.enum(meetingKinds, { error: `must be one of ${meetingKinds.join(", ")}` }),
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM")
        .optional(),
      date: calendarDate.optional(),
      title: z.string().trim().min(1, "must not be empty").max(300).optional(),
      startTime: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time HH:MM")
        .optional(),
      location: z.string().trim().max(300).optional(),
      caseNumber: z
        .number()
        .int()
        .positive("must be a case number")
        .max(999_999_999, "must be a case number")
        .optional(),
      anonymous: z.boolean().optional(),
      rules: z
        .object({
          votesPerVoter: z.number().int().min(1).max(50).nullable().optional(),
          threshold: z.number().gt(0, "must be above 0").max(1, "must be at most 1").optional(),
          maxWinners: z.number().int().min(0).max(20).optional(),
          maxUrgent: z.number().int().min(0).max(20).optional(),
          leadCooldownDays: z.number().int().min(0).max(365).optional(),
          voters: z.object({ pos: z.boolean(), pdis: z.boolean() }).optional(),
        })
        .optional(),
      ballotClosesAt: z.string().datetime({ offset: true, message: "must be an ISO date-time" }).optional(),
      otherBusiness: z.string().trim().max(20_000).optional(),
    })
    .openapi("CreateMeeting"),
  candidate: z
    .object({
      source: z.enum(candidateSources, { error: `must be one of ${candidateSources.join(", ")}` }),
      title: z.string().trim().min(1, "must not be empty").max(300),
      summary: z.string().trim().max(20_000).optional(),
      petitionId: z.string().uuid("must be a petition id").nullable().optional(),
      petitionRef: z.string().trim().max(2000).nullable().optional(),
      endorsements: z.number().int().min(0, "must be 0 or more").max(999_999_999).optional(),
      threshold: z.number().int().min(1).max(999_999_999).optional(),
      proposingAgencyId: z.string().uuid("must be an agency id").optional(),
      proposedLeadAgencyId: z.string().uuid("must be an agency id").optional(),
      leadConsent: z.boolean().optional(),
      criteria: z
        .record(z.string(), z.boolean())
        .refine(
          (r) => Object.keys(r).every((k) => criteriaKeys.includes(k)),
          `keys must be among ${criteriaKeys.join(", ")}`,
        )
        .optional(),
      internalNote: z.string().trim().max(20_000).optional(),
      urgent: z.boolean().optional(),
    })
    .openapi("AddCandidate"),
  ballots: z.object({
    closesAt: z.string().datetime({ offset: true, message: "must be an ISO date-time" }).optional(),
  }),
  attendance: z.object({
    personIds: z.array(z.string().uuid("must be a person id")).min(1, "name at least one person").max(500),
    present: z.boolean(),
  }),
  cast: z
    .object({ choices: z.array(z.string().uuid("must be a candidate id")).max(100) })
    .openapi("CastBallot"),
  rotation: z.object({ members: z.array(z.string().max(100)).max(200) }),
  turn: z.object({ for: z.string().trim().max(200).optional() }),
};

/** Query of the meeting list. */
export const ListQuery = z.object({
  kind: z.enum(meetingKinds, { error: `must be one of ${meetingKinds.join(", ")}` }).optional(),
  year: z.coerce.number().int().min(2000, "must be a year").max(2200, "must be a year").optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
