import { z } from "@hono/zod-openapi";

/** Matter states. */
export const matterStates = ["open", "closed"] as const;
/** Matter visibilities. */
export const matterVisibilities = ["network", "public"] as const;
/** Triage routes. */
export const triageRoutes = ["unit", "po", "cross-agency"] as const;
/** Refusal escalation levels, lowest first. */
export const refusalLevels = ["po", "pdis", "minister-office"] as const;

const localeText = z.object({ "zh-TW": z.string(), en: z.string() });
const orgId = z.string().min(1, "must not be empty").max(100);

/** `{id}`: a matter's UUID or its reference number (e.g. M-2026-0001). */
export const MatterParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, example: "M-2026-0001" }),
});

/** `{id}` and `{refusalId}`. */
export const RefusalParams = MatterParams.extend({
  refusalId: z
    .string()
    .uuid("must be a refusal id")
    .openapi({ param: { name: "refusalId", in: "path" } }),
});

/** `{id}` and `{personId}`. */
export const MemberParams = MatterParams.extend({
  personId: z
    .string()
    .uuid("must be a person id")
    .openapi({ param: { name: "personId", in: "path" } }),
});

/** The triage rule's result. */
export const TriageSchema = z
  .object({
    route: z.enum(triageRoutes),
    leadAgencyId: z.string().uuid().nullable(),
    coOrganiserAgencyIds: z.array(z.string().uuid()),
    relatedAgencyIds: z.array(z.string().uuid()),
    coordinatorAgencyIds: z.array(z.string().uuid()),
    ownerUnitIds: z.array(z.string().uuid()),
    reason: z
      .string()
      .describe("Why: a key under `matters.triage.` (single-unit, no-owner, units-in-one-agency, …)"),
  })
  .openapi("Triage");

/** A short reference to an agency or unit. */
export const MatterOrgSchema = z.object({ id: z.string().uuid(), slug: z.string(), name: localeText });

/** A short reference to a person (never their e-mail). */
export const PersonRefSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  nameEn: z.string().nullable(),
});

/** A decision on a refusal at one level, and its contest if any. */
export const DecisionSchema = z.object({
  level: z.enum(refusalLevels),
  decision: z.enum(["accept", "reject"]),
  note: z.string().nullable(),
  decidedBy: PersonRefSchema.nullable(),
  decidedAt: z.string(),
  contest: z.object({ reason: z.string(), by: PersonRefSchema.nullable(), at: z.string() }).nullable(),
});

/** A unit's refusal of ownership. */
export const RefusalSchema = z
  .object({
    id: z.string().uuid(),
    unit: MatterOrgSchema,
    proposedOwnerUnit: MatterOrgSchema,
    reason: z.string(),
    state: z.enum(["pending", "accepted", "rejected"]),
    level: z.enum(refusalLevels),
    final: z.boolean().describe("Rejected at the minister's office: no further contest"),
    refusedBy: PersonRefSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    decisions: z.array(DecisionSchema),
  })
  .openapi("MatterRefusal");

/** A member of the case working group. */
export const MemberSchema = z
  .object({
    person: PersonRefSchema,
    addedBy: PersonRefSchema.nullable(),
    addedAt: z.string(),
    removedAt: z.string().nullable(),
  })
  .openapi("MatterMember");

/** One entry of a matter's history. */
export const HistoryEntrySchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    at: z.string(),
    actor: PersonRefSchema.nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi("MatterHistoryEntry");

const matterBase = {
  id: z.string().uuid(),
  reference: z.string().openapi({ example: "M-2026-0001" }),
  title: z.string(),
  state: z.enum(matterStates),
  visibility: z.enum(matterVisibilities),
  triage: TriageSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
};

/** A matter in lists. */
export const MatterListItemSchema = z.object(matterBase).openapi("MatterListItem");

/** A page of matters. */
export const MatterPageSchema = z.object({
  items: z.array(MatterListItemSchema),
  next: z.string().nullable().describe("Pass as `after` for the next page"),
});

/** A matter with owners, agencies, triage, refusals, working group and history. */
export const MatterSchema = z
  .object({
    ...matterBase,
    description: z.string().nullable(),
    createdBy: PersonRefSchema.nullable(),
    triagedAt: z.string(),
    owners: z.array(MatterOrgSchema.extend({ agencyId: z.string().uuid().nullable(), since: z.string() })),
    agencies: z.array(
      MatterOrgSchema.extend({ role: z.enum(["lead", "co", "related"]), named: z.boolean() }),
    ),
    refusals: z.array(RefusalSchema),
    workingGroup: z
      .array(MemberSchema)
      .nullable()
      .describe("Current and past members; null for readers outside the network"),
    history: z.array(HistoryEntrySchema),
  })
  .openapi("Matter");

/** Query of the matter list. */
export const MatterListQuery = z.object({
  agency: z.string().max(100).optional().describe("An agency id or slug taking part in the matter"),
  route: z.enum(triageRoutes).optional(),
  state: z.enum(matterStates).optional(),
  mine: z.enum(["coordinating"]).optional().describe("Only matters I coordinate as a PO"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().max(100).optional(),
});

const ownerUnitIds = z.array(orgId).max(50, "at most 50 units");
const agencyIds = z.array(orgId).max(50, "at most 50 agencies");

/** Body to raise a matter. */
export const CreateMatterBody = z
  .object({
    title: z.string().trim().min(1, "must not be empty").max(200),
    description: z.string().max(20_000).optional(),
    ownerUnitIds: ownerUnitIds.default([]),
    agencyIds: agencyIds.optional(),
    leadAgencyId: orgId.optional(),
    visibility: z.enum(matterVisibilities).default("network"),
  })
  .openapi("CreateMatter");

/** Body to set a matter's owners (re-triages). */
export const SetOwnersBody = z
  .object({
    ownerUnitIds,
    agencyIds: agencyIds.optional(),
    leadAgencyId: orgId.optional(),
  })
  .openapi("SetMatterOwners");

/** Body of a refusal: the handbook lets a unit refuse only by naming who should own the matter. */
export const FileRefusalBody = z
  .object({
    unitId: orgId,
    reason: z.string().trim().min(1, "must not be empty").max(5000),
    proposedOwnerUnitId: z
      .string({ error: "is required: a unit may refuse only by naming the unit that should own the matter" })
      .min(1, "is required: a unit may refuse only by naming the unit that should own the matter")
      .max(100),
  })
  .openapi("FileMatterRefusal");

/** Body of a decision on a refusal. */
export const DecideRefusalBody = z
  .object({
    decision: z.enum(["accept", "reject"], { error: "must be accept or reject" }),
    note: z.string().max(5000).optional(),
  })
  .openapi("DecideMatterRefusal");

/** Body of a contest: why the refusing side does not accept the rejection. */
export const ContestRefusalBody = z
  .object({ reason: z.string().trim().min(1, "must not be empty").max(5000) })
  .openapi("ContestMatterRefusal");

/** Body to add a person to the working group. */
export const AddMemberBody = z
  .object({ personId: z.string().uuid("must be a person id") })
  .openapi("AddMatterMember");

/** Optional note when closing or reopening. */
export const NoteBody = z.object({ note: z.string().max(5000).optional() }).openapi("MatterNote");
