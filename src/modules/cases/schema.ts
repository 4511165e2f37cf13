import { z } from "@hono/zod-openapi";
import { calendarDate } from "../../platform/http/dates.ts";
import {
  claimKinds,
  influenceLevels,
  stakeholderKinds,
  caseRoleKinds,
  caseStages,
  evidenceAudiences,
  livestreamConsents,
  seatCategories,
} from "./tables.ts";

const Label = z.object({ "zh-TW": z.string(), en: z.string() });
const OrgRef = z.object({ id: z.string(), slug: z.string(), name: Label }).nullable();
const PersonRef = z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable() }).nullable();

/** A case in the index. */
export const CaseSummarySchema = z
  .object({
    number: z.number().int(),
    title: z.string(),
    origin: z.enum(["voted", "self-proposed"]),
    urgent: z.boolean(),
    stage: z.enum(caseStages),
    year: z.number().int(),
    selectedAt: z.string(),
    releasedAt: z.string().nullable(),
    updatedAt: z.string(),
    leadAgency: OrgRef,
    url: z.string(),
  })
  .openapi("CaseSummary");

/** A case as open data (`/cases/export.json`). */
export const CaseExportSchema = CaseSummarySchema.extend({
  summary: z.string(),
  coOrganisers: z.array(z.string()),
  relatedAgencies: z.array(z.string()),
  stages: z.array(
    z.object({
      stage: z.enum(caseStages),
      startedAt: z.string().nullable(),
      completedAt: z.string().nullable(),
      artefactUrl: z.string().nullable(),
    }),
  ),
  petition: z.object({ id: z.string().nullable(), ref: z.string().nullable() }).nullable(),
  meetingId: z.string().nullable(),
  transcript: z.string().nullable(),
}).openapi("CaseExport");

/** A case with its stages, roles, seats, livestream, links, evidence and trail. */
export const CaseSchema = CaseSummarySchema.extend({
  summary: z.string(),
  pendingLead: z.object({ agency: OrgRef, reason: z.literal("cooldown") }).nullable(),
  stages: z.array(
    z.object({
      stage: z.enum(caseStages),
      status: z.enum(["done", "current", "upcoming"]),
      ownerAgency: OrgRef,
      ownerPerson: PersonRef,
      dueOn: z.string().nullable(),
      startedAt: z.string().nullable(),
      completedAt: z.string().nullable(),
      meeting: z.object({ id: z.string(), url: z.string() }).nullable(),
      artefactUrl: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  roles: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(caseRoleKinds),
      agency: OrgRef,
      person: PersonRef,
      label: z.string().nullable(),
      consented: z.boolean(),
    }),
  ),
  seats: z.object({
    agencyStakeholders: z.object({
      cap: z.number().int(),
      byAgency: z.array(z.object({ agency: OrgRef, count: z.number().int() })),
    }),
    coSigners: z.object({ cap: z.number().int(), confirmed: z.number().int(), waiting: z.number().int() }),
    otherStakeholders: z.object({
      cap: z.number().int(),
      confirmed: z.number().int(),
      groups: z.array(z.string()),
    }),
  }),
  livestream: z.object({
    requested: z.enum(livestreamConsents),
    effective: z.enum(livestreamConsents),
    consents: z.object({ none: z.number().int(), record: z.number().int(), live: z.number().int() }),
  }),
  links: z.object({
    meeting: z.object({ id: z.string(), url: z.string() }).nullable(),
    petition: z
      .object({
        id: z.string().nullable(),
        ref: z.string().nullable(),
        title: z.string().nullable(),
        url: z.string().nullable(),
      })
      .nullable(),
    transcript: z.object({ slug: z.string(), title: z.string(), url: z.string() }).nullable(),
    response: z.object({ publishedAt: z.string(), url: z.string() }).nullable(),
  }),
  evidence: z.array(
    z.object({
      kind: z.enum(["link", "post", "mail-out"]),
      audiences: z.array(z.string()),
      url: z.string().nullable(),
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
  history: z.array(z.object({ at: z.string(), kind: z.string(), data: z.unknown() })),
  handbook: z.object({ url: z.string(), publishedAt: z.string().nullable() }),
  can: z.object({ organise: z.boolean() }),
  /** Its public commitments (see /commitments) and the chair's latest decision at a monthly meeting. */
  commitments: z.object({
    items: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        dueOn: z.string(),
        status: z.string(),
        overdue: z.boolean(),
        url: z.string(),
        ownerAgency: OrgRef,
      }),
    ),
    decision: z
      .object({
        decision: z.string(),
        note: z.string().nullable(),
        decidedAt: z.string(),
        meeting: z.object({ id: z.string(), url: z.string() }),
      })
      .nullable(),
  }),
}).openapi("Case");

/** A seat as organisers see it. */
export const SeatSchema = z
  .object({
    id: z.string(),
    category: z.enum(seatCategories),
    state: z.enum(["confirmed", "waiting", "withdrawn"]),
    invitingAgency: OrgRef,
    groupName: z.string().nullable(),
    name: z.string(),
    email: z.string().nullable(),
    organisation: z.string().nullable(),
    personId: z.string().nullable(),
    livestreamConsent: z.enum(livestreamConsents),
    createdAt: z.string(),
  })
  .openapi("CaseSeat");

const url = z
  .string()
  .trim()
  .url("must be an http(s) address")
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u), "must be an http(s) address");

/** Bodies of the case routes. */
export const bodies = {
  selfProposed: z
    .object({
      title: z.string().trim().min(1, "must not be empty").max(300),
      summary: z.string().trim().max(20_000).optional(),
      leadAgencyId: z.string().uuid("must be an agency id"),
      petitionId: z.string().uuid("must be a petition id").nullable().optional(),
      petitionRef: z.string().trim().max(2000).nullable().optional(),
    })
    .openapi("SelfProposedCase"),
  update: z.object({
    title: z.string().trim().min(1, "must not be empty").max(300).optional(),
    summary: z.string().trim().max(20_000).optional(),
    petitionId: z.string().uuid("must be a petition id").nullable().optional(),
    petitionRef: z.string().trim().max(2000).nullable().optional(),
    transcriptId: z.string().uuid("must be a transcript id").nullable().optional(),
    livestreamRequested: z.enum(livestreamConsents, { error: "must be none, record or live" }).optional(),
  }),
  advance: z.object({
    to: z.enum(caseStages, { error: `must be one of ${caseStages.join(", ")}` }),
    artefactUrl: url.optional(),
    note: z.string().trim().max(5_000).optional(),
  }),
  stage: z.object({
    ownerAgencyId: z.string().uuid("must be an agency id").nullable().optional(),
    ownerPersonId: z.string().uuid("must be a person id").nullable().optional(),
    dueOn: calendarDate.nullable().optional(),
    meetingId: z.string().uuid("must be a meeting id").nullable().optional(),
    artefactUrl: url.nullable().optional(),
    note: z.string().trim().max(5_000).nullable().optional(),
  }),
  role: z.object({
    kind: z.enum(caseRoleKinds, { error: `must be one of ${caseRoleKinds.join(", ")}` }),
    agencyId: z.string().uuid("must be an agency id").optional(),
    personId: z.string().uuid("must be a person id").optional(),
    label: z.string().trim().max(200).optional(),
    consent: z.boolean().optional(),
  }),
  seat: z.object({
    category: z.enum(seatCategories, { error: `must be one of ${seatCategories.join(", ")}` }),
    invitingAgencyId: z.string().uuid("must be an agency id").optional(),
    groupName: z.string().trim().max(200).optional(),
    name: z.string().trim().max(200).optional(),
    email: z.string().trim().email("must be an e-mail address").max(320).optional(),
    organisation: z.string().trim().max(200).optional(),
    livestreamConsent: z.enum(livestreamConsents, { error: "must be none, record or live" }).optional(),
  }),
  consent: z.object({
    livestreamConsent: z.enum(livestreamConsents, { error: "must be none, record or live" }),
  }),
  evidence: z.object({
    kind: z.enum(["link", "post", "mail-out"], { error: "must be link, post or mail-out" }),
    audiences: z
      .array(z.enum(evidenceAudiences, { error: "must be proposer, co-signers or participants" }))
      .min(1, "name at least one audience"),
    url: url.optional(),
    note: z.string().trim().max(5_000).optional(),
  }),
  release: z.object({ note: z.string().trim().max(5_000).optional() }),
};

/** Query of the case index. */
export const ListQuery = z.object({
  agency: z.string().max(100).optional(),
  stage: z.enum(caseStages, { error: `must be one of ${caseStages.join(", ")}` }).optional(),
  year: z.coerce
    .number()
    .int("must be a year")
    .min(2000, "must be a year")
    .max(2200, "must be a year")
    .optional(),
  cursor: z.string().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number) => text(max).min(1, "must not be empty");
const position = z.number().int("must be a whole number").min(1, "must be 1 or more").max(100_000);

/** Bodies of the research entries, by kind: what a new entry needs; an update takes any of it. */
export const researchBodies = {
  analysis: z
    .object({
      kind: z.enum(claimKinds, { error: "must be problem or solution" }),
      claim: required(2_000),
      aspect: text(200).optional(),
      stakeholders: text(2_000).optional(),
      stakeholderIds: z
        .array(z.string().uuid("must be stakeholder-map entry ids"))
        .max(50, "at most 50")
        .optional(),
      currentResponse: text(5_000).optional(),
      possibleResponse: text(5_000).optional(),
      evidence: text(5_000).optional(),
      position: position.optional(),
    })
    .openapi("CaseAnalysisRowInput"),
  stakeholders: z
    .object({
      name: required(200),
      kind: z.enum(stakeholderKinds, { error: `must be one of ${stakeholderKinds.join(", ")}` }),
      interest: text(2_000).optional(),
      influence: z.enum(influenceLevels, { error: "must be low, medium or high" }).nullable().optional(),
      contact: text(1_000).optional(),
      position: position.optional(),
    })
    .openapi("CaseStakeholderInput"),
  interviews: z
    .object({
      heldOn: calendarDate.nullable().optional(),
      interviewee: required(200),
      interviewer: text(200).optional(),
      summary: text(20_000).optional(),
      consentToPublish: z.boolean({ error: "must be true or false" }).optional(),
      position: position.optional(),
    })
    .openapi("CaseInterviewInput"),
  "mind-map": z
    .object({
      label: required(500),
      parentId: z.string().uuid("must be a node id").nullable().optional(),
      position: position.optional(),
    })
    .openapi("CaseMindMapNodeInput"),
};
/** The challenge statement's new wording. */
export const ChallengeBody = z.object({ text: required(2_000) }).openapi("CaseChallengeInput");

const AnalysisRowSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  kind: z.enum(claimKinds),
  claim: z.string(),
  aspect: z.string(),
  stakeholders: z.string(),
  stakeholderIds: z.array(z.string()),
  currentResponse: z.string(),
  possibleResponse: z.string(),
  evidence: z.string(),
  updatedAt: z.string(),
});
const PublicStakeholderSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  name: z.string(),
  kind: z.enum(stakeholderKinds),
  interest: z.string(),
  influence: z.enum(influenceLevels).nullable(),
});
const PublicInterviewSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  heldOn: z.string().nullable(),
  interviewee: z.string(),
  interviewer: z.string(),
  summary: z.string(),
});
type MindMapNode = { id: string; label: string; position: number; children: MindMapNode[] };
// One level is described and `children` holds nodes of the same shape: the document generator cannot
// follow a recursive (lazy) schema. The cast gives the handlers the real, recursive type.
const MindMapNodeSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    position: z.number().int(),
    children: z.array(z.any()).openapi({ description: "Child nodes, each of this same shape, in order" }),
  })
  .openapi("CaseMindMapNode") as unknown as z.ZodType<MindMapNode>;
const ChallengeSchema = z
  .object({ text: z.string(), updatedAt: z.string(), versions: z.number().int() })
  .nullable();

/** The research of a case as its organisers work on it: every field, internal ones included. */
export const ResearchSchema = z
  .object({
    number: z.number().int(),
    title: z.string(),
    challenge: ChallengeSchema,
    challengeHistory: z.array(z.object({ text: z.string(), at: z.string(), author: PersonRef })),
    analysis: z.array(AnalysisRowSchema),
    stakeholders: z.array(PublicStakeholderSchema.extend({ contact: z.string(), updatedAt: z.string() })),
    interviews: z.array(
      PublicInterviewSchema.extend({ consentToPublish: z.boolean(), updatedAt: z.string() }),
    ),
    mindMap: z.array(MindMapNodeSchema),
    handbook: z.object({ publishedAt: z.string().nullable(), url: z.string() }),
  })
  .openapi("CaseResearch");

/** The issue handbook (議題手冊): the public parts of the research and the meeting's details. */
export const HandbookSchema = z
  .object({
    number: z.number().int(),
    title: z.string(),
    summary: z.string(),
    url: z.string(),
    caseUrl: z.string(),
    publishedAt: z.string().nullable(),
    updatedAt: z.string(),
    leadAgency: OrgRef,
    coOrganisers: z.array(OrgRef),
    challenge: ChallengeSchema,
    analysis: z.array(AnalysisRowSchema.omit({ updatedAt: true })),
    stakeholders: z.array(PublicStakeholderSchema),
    interviews: z.array(PublicInterviewSchema),
    mindMap: z.array(MindMapNodeSchema),
    meeting: z.object({
      /** The collaborative meeting's own date when a meeting is linked; the stage's due date otherwise. */
      date: z.string().nullable(),
      dueOn: z.string().nullable(),
      meeting: z
        .object({
          id: z.string(),
          url: z.string(),
          title: z.string().nullable(),
          date: z.string().nullable(),
          startTime: z.string().nullable(),
          location: z.string().nullable(),
        })
        .nullable(),
      livestream: z.enum(livestreamConsents),
    }),
  })
  .openapi("CaseHandbook");

/** The outcome of publishing the handbook, with a warning when it is not 2–3 days before the meeting. */
export const PublishedHandbookSchema = z
  .object({
    handbook: HandbookSchema,
    timing: z.object({
      meetingOn: z.string().nullable(),
      daysBefore: z.number().int().nullable(),
      onTime: z.boolean().nullable(),
      warning: z.string().nullable(),
    }),
  })
  .openapi("CasePublishedHandbook");
