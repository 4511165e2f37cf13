import { z } from "@hono/zod-openapi";

/** Where a signal was seen: legislator, media, online forum, petition trend, local office, internal. */
export const signalSources = [
  "legislator",
  "media",
  "online",
  "petition",
  "local-office",
  "internal",
] as const;
/** Severities. */
export const severities = ["low", "medium", "high"] as const;
/** Warning states. */
export const warningStates = ["open", "merged", "converted", "closed"] as const;
/** What a warning may be turned into (only "matter" is available yet). */
export const conversionKinds = ["matter", "consultation", "collaborative-topic"] as const;
/** Answers to "did it happen?". */
export const happenedValues = ["yes", "no", "partly"] as const;

const localeText = z.object({ "zh-TW": z.string(), en: z.string() });
const orgRef = z.string().min(1, "must not be empty").max(100);
const uuidOf = (what: string) => z.string().uuid(`must be ${what} id`);

/** `{id}`: a warning's UUID. */
export const WarningParams = z.object({
  id: uuidOf("an early warning").openapi({ param: { name: "id", in: "path" } }),
});

/** A short reference to an agency. */
export const WarningAgencySchema = z.object({ id: z.string().uuid(), slug: z.string(), name: localeText });

/** A short reference to a person (never their e-mail). */
export const PersonRefSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  nameEn: z.string().nullable(),
});

/** The raiser's answer to "did it happen?". */
export const OutcomeSchema = z
  .object({
    happened: z.enum(happenedValues),
    note: z.string().nullable(),
    answeredAt: z.string(),
    answeredBy: PersonRefSchema.nullable(),
  })
  .openapi("EarlyWarningOutcome");

/** What a warning became. */
export const ConvertedToSchema = z
  .object({
    kind: z.enum(conversionKinds),
    id: z.string().uuid(),
    reference: z.string().nullable().openapi({ example: "M-2026-0001" }),
    at: z.string(),
    by: PersonRefSchema.nullable(),
  })
  .openapi("EarlyWarningConversion");

/** A comment on a warning. */
export const CommentSchema = z
  .object({
    id: z.string().uuid(),
    author: PersonRefSchema.nullable(),
    body: z.string(),
    createdAt: z.string(),
    carriedFrom: z
      .string()
      .uuid()
      .nullable()
      .describe("The merged warning this comment was carried over from"),
  })
  .openapi("EarlyWarningComment");

/** One entry of a warning's history. */
export const HistoryEntrySchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    at: z.string(),
    actor: PersonRefSchema.nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi("EarlyWarningHistoryEntry");

const warningBase = {
  id: z.string().uuid(),
  title: z.string(),
  description: z.string().nullable(),
  signalSource: z.enum(signalSources),
  severity: z.enum(severities),
  evidence: z.array(z.string()),
  agencies: z.array(WarningAgencySchema),
  flareUpWithinDays: z.number().int(),
  windowEndsAt: z.string().describe("Created + flareUpWithinDays calendar days"),
  windowEnded: z.boolean(),
  state: z.enum(warningStates),
  raisedBy: PersonRefSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  mergedInto: z.object({ id: z.string().uuid(), title: z.string(), at: z.string() }).nullable(),
  convertedTo: ConvertedToSchema.nullable(),
  askedAt: z.string().nullable().describe('When the raiser was asked "did it happen?"'),
  outcome: OutcomeSchema.nullable(),
};

/** A warning in lists. */
export const WarningListItemSchema = z.object(warningBase).openapi("EarlyWarningListItem");

/** A page of warnings. */
export const WarningPageSchema = z.object({
  items: z.array(WarningListItemSchema),
  next: z.string().nullable().describe("Pass as `after` for the next page"),
});

/** A warning with its comments, merged duplicates and history. */
export const WarningSchema = z
  .object({
    ...warningBase,
    mergedFrom: z.array(z.object({ id: z.string().uuid(), title: z.string(), at: z.string().nullable() })),
    comments: z.array(CommentSchema),
    history: z.array(HistoryEntrySchema),
    can: z.object({
      comment: z.boolean(),
      merge: z.boolean(),
      convert: z.boolean(),
      answer: z.boolean(),
    }),
  })
  .openapi("EarlyWarning");

const listFilters = {
  agency: z.string().max(100).optional().describe("An affected agency's id or slug"),
  source: z.enum(signalSources).optional(),
  severity: z.enum(severities).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().max(100).optional(),
};

/** Query of the warning list. */
export const WarningListQuery = z.object({
  ...listFilters,
  state: z.enum(warningStates).optional(),
  window: z
    .enum(["running", "ended"])
    .optional()
    .describe("Warnings whose flare-up window is still running, or has ended"),
  endingWithinDays: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .optional()
    .describe("Only warnings whose window is still running and ends within this many days"),
});

/** Query of the look-back. */
export const LookBackQuery = z.object({
  ...listFilters,
  happened: z.enum(happenedValues).optional(),
});

const outcomeCounts = { yes: z.number().int(), no: z.number().int(), partly: z.number().int() };

/** The look-back: answered warnings with their outcomes, and counts by signal (never by person). */
export const LookBackSchema = z
  .object({
    summary: z.object({
      answered: z.number().int(),
      outcomes: z.object(outcomeCounts),
      bySource: z.array(
        z.object({ source: z.enum(signalSources), answered: z.number().int(), ...outcomeCounts }),
      ),
      bySeverity: z.array(
        z.object({ severity: z.enum(severities), answered: z.number().int(), ...outcomeCounts }),
      ),
    }),
    items: z.array(WarningListItemSchema),
    next: z.string().nullable(),
  })
  .openapi("EarlyWarningLookBack");

/** Body to raise a warning. */
export const RaiseWarningBody = z
  .object({
    title: z.string().trim().min(1, "must not be empty").max(200),
    description: z.string().max(20_000).optional(),
    signalSource: z.enum(signalSources, {
      error: "must be legislator, media, online, petition, local-office or internal",
    }),
    evidence: z
      .array(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2000, "is too long"))
      .max(50, "at most 50 links")
      .default([]),
    agencyIds: z.array(orgRef).min(1, "name at least one affected agency").max(50, "at most 50 agencies"),
    flareUpWithinDays: z
      .number({ error: "must be a whole number of days from 1 to 365" })
      .int("must be a whole number of days")
      .min(1, "must be at least 1 day")
      .max(365, "must be at most 365 days"),
    severity: z.enum(severities, { error: "must be low, medium or high" }),
  })
  .openapi("RaiseEarlyWarning");

/** Body of a comment. */
export const CommentBody = z
  .object({ body: z.string().trim().min(1, "must not be empty").max(5000) })
  .openapi("EarlyWarningCommentBody");

/** Body to merge a duplicate into another warning. */
export const MergeBody = z.object({ intoId: uuidOf("an early warning") }).openapi("MergeEarlyWarning");

/** Body to turn a warning into a matter (later: a consultation or a collaborative topic). */
export const ConvertBody = z
  .object({
    kind: z.enum(conversionKinds, { error: "must be matter, consultation or collaborative-topic" }),
    title: z.string().trim().min(1, "must not be empty").max(200).optional(),
  })
  .openapi("ConvertEarlyWarning");

/** Body of the answer to "did it happen?". */
export const OutcomeBody = z
  .object({
    happened: z.enum(happenedValues, { error: "must be yes, no or partly" }),
    note: z.string().max(5000).optional(),
  })
  .openapi("EarlyWarningOutcomeBody");
