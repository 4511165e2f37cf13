import { z } from "@hono/zod-openapi";

/** Text in both interface languages. */
export const LocaleTextSchema = z
  .object({
    "zh-TW": z.string().trim().min(1, "must not be empty").max(300),
    en: z.string().trim().min(1, "must not be empty").max(300),
  })
  .openapi("LocaleText");

/** Role tags of a PO team member. */
export const poTags = [
  "lead-po",
  "team-po",
  "legislative-liaison",
  "press",
  "it",
  "planning",
  "evaluation",
] as const;
/** Membership roles. */
export const membershipRoles = ["unit-staff", "po", "supervisor", "pdis"] as const;
/** Resource categories. */
export const resourceCategories = [
  "planning",
  "it",
  "press",
  "legislative-liaison",
  "stenographer",
  "facilitator",
  "plain-language",
  "livestream",
  "civil-society-expert",
] as const;

const idParam = z
  .string()
  .min(1)
  .openapi({ param: { name: "id", in: "path" }, example: "moi" });
/** `{id}` path parameter: a UUID or, for agencies, a slug. */
export const IdParams = z.object({ id: idParam });

/** Size of an agency. */
export const SizeSchema = z.object({ subAgencies: z.number().int(), units: z.number().int() });

/** An org in lists. */
export const AgencySchema = z
  .object({
    id: z.string().uuid(),
    slug: z.string(),
    kind: z.enum(["executive-yuan", "agency", "unit"]),
    name: LocaleTextSchema,
    abbreviation: LocaleTextSchema.nullable(),
    level: z.number().int(),
    parentId: z.string().uuid().nullable(),
    website: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    size: SizeSchema,
    coordinationWeight: z.number().int(),
  })
  .openapi("Agency");

/** A short reference to an org. */
export const OrgRefSchema = z
  .object({
    id: z.string().uuid(),
    slug: z.string(),
    name: LocaleTextSchema,
    kind: z.string(),
    level: z.number(),
  })
  .openapi("OrgRef");

/** An authorisation table, stored or defaulted. */
export const AuthorisationSchema = z
  .object({
    maxUnitsWithoutSignoff: z.number().int(),
    maxAgenciesWithoutSignoff: z.number().int(),
    maxWorkingGroupSize: z.number().int(),
    notes: LocaleTextSchema.nullable(),
    source: z.enum(["default", "supervisor"]),
    updatedAt: z.string().nullable(),
  })
  .openapi("AuthorisationTable");

/** A public PO or other member as listed on an agency. */
export const MemberSchema = z
  .object({
    membershipId: z.string().uuid(),
    personId: z.string().uuid(),
    name: z.string(),
    nameEn: z.string().nullable(),
    email: z.string().nullable(),
    role: z.enum(membershipRoles),
    tags: z.array(z.string()),
    since: z.string(),
  })
  .openapi("Member");

/** An agency in the list, with its number of active POs. */
export const AgencyListItemSchema = AgencySchema.extend({ poCount: z.number().int() }).openapi(
  "AgencyListItem",
);

/** An agency with its tree, POs and authorisation table. */
export const AgencyDetailSchema = AgencySchema.extend({
  units: z.array(z.object({ id: z.string().uuid(), slug: z.string(), name: LocaleTextSchema })),
  children: z.array(OrgRefSchema),
  ancestors: z.array(OrgRefSchema),
  pos: z.array(MemberSchema),
  supervisors: z.array(MemberSchema),
  suggestedPoCount: z.number().int(),
  authorisation: AuthorisationSchema,
}).openapi("AgencyDetail");

/** Query of the agency list. */
export const AgencyListQuery = z.object({
  level: z.coerce.number().int().min(1).max(3).optional(),
  kind: z.enum(["executive-yuan", "agency", "unit"]).optional(),
  parent: z.string().optional(),
  q: z.string().max(100).optional(),
});

/** Body to create an org. */
export const CreateOrgBody = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be lowercase letters, digits and dashes (max 63)"),
    kind: z.enum(["agency", "unit"]),
    parentId: z.string().min(1, "is required"),
    name: LocaleTextSchema,
    abbreviation: LocaleTextSchema.optional(),
    website: z.url("must be a URL").optional(),
    email: z.email("must be an e-mail address").optional(),
    phone: z.string().max(50).optional(),
    address: z.string().max(300).optional(),
  })
  .openapi("CreateOrg");

/** Body to change an org. */
export const UpdateOrgBody = CreateOrgBody.omit({ kind: true, parentId: true })
  .partial()
  .extend({
    website: z.url("must be a URL").nullable().optional(),
    email: z.email("must be an e-mail address").nullable().optional(),
    abbreviation: LocaleTextSchema.nullable().optional(),
  })
  .openapi("UpdateOrg");

/** A grant as shown on a person. */
export const RoleSchema = z
  .object({
    membershipId: z.string().uuid(),
    role: z.enum(membershipRoles),
    tags: z.array(z.string()),
    org: OrgRefSchema,
    agency: OrgRefSchema,
    since: z.string(),
    endedAt: z.string().nullable(),
  })
  .openapi("Role");

/** A person. `email` is shown to those allowed to see it. */
export const PersonSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    nameEn: z.string().nullable(),
    title: LocaleTextSchema.nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    isAdmin: z.boolean(),
    roles: z.array(RoleSchema),
    authorisation: z
      .array(z.object({ agency: OrgRefSchema, table: AuthorisationSchema }))
      .describe("Authorisation tables of the agencies this person is a PO of"),
  })
  .openapi("Person");

/** Body to create a person. */
export const CreatePersonBody = z
  .object({
    email: z.email("must be an e-mail address").max(254),
    name: z.string().trim().min(1, "must not be empty").max(100),
    nameEn: z.string().trim().max(100).optional(),
    title: LocaleTextSchema.optional(),
    phone: z.string().max(50).optional(),
  })
  .openapi("CreatePerson");

/** Body to change a person; null clears the title. */
export const UpdatePersonBody = CreatePersonBody.partial()
  .extend({ title: LocaleTextSchema.nullable().optional() })
  .openapi("UpdatePerson");

/** Body to add a membership (unit staff, supervisor, PDIS; PO only via invitation). */
export const CreateMembershipBody = z
  .object({
    personId: z.string().uuid("must be a person id"),
    orgId: z.string().min(1, "is required"),
    role: z.enum(["unit-staff", "supervisor", "pdis"], {
      error: "must be unit-staff, supervisor or pdis (POs join by accepting an invitation)",
    }),
  })
  .openapi("CreateMembership");

/** A PO invitation. */
export const InvitationSchema = z
  .object({
    id: z.string().uuid(),
    state: z.enum(["pending", "accepted", "declined", "withdrawn"]),
    agency: OrgRefSchema,
    personId: z.string().uuid(),
    personName: z.string(),
    invitedBy: z.string().uuid().nullable(),
    tags: z.array(z.string()),
    message: z.string().nullable(),
    createdAt: z.string(),
    respondedAt: z.string().nullable(),
  })
  .openapi("PoInvitation");

/** Body to invite a PO. */
export const CreateInvitationBody = z
  .object({
    personId: z.string().uuid("must be a person id"),
    tags: z.array(z.enum(poTags)).max(7).optional(),
    message: z.string().max(2000).optional(),
  })
  .openapi("CreatePoInvitation");

/** Body to set an authorisation table. */
export const AuthorisationBody = z
  .object({
    maxUnitsWithoutSignoff: z.number().int().min(0).max(100),
    maxAgenciesWithoutSignoff: z.number().int().min(0).max(100),
    maxWorkingGroupSize: z.number().int().min(1).max(200),
    notes: LocaleTextSchema.optional(),
  })
  .openapi("SetAuthorisationTable");

/** A filed roster. */
export const RosterSchema = z
  .object({
    id: z.string().uuid(),
    year: z.number().int(),
    filedAt: z.string(),
    filedBy: z.string().uuid().nullable(),
    note: z.string().nullable(),
    entries: z.array(z.object({ personId: z.string(), name: z.string(), tags: z.array(z.string()) })),
  })
  .openapi("Roster");

/** Body to file a roster: a snapshot of the agency's current POs for the year. */
export const FileRosterBody = z
  .object({
    year: z.number().int().min(2017).max(2100),
    note: z.string().max(2000).optional(),
  })
  .openapi("FileRoster");

/** A resource of the directory. */
export const ResourceSchema = z
  .object({
    id: z.string().uuid(),
    slug: z.string(),
    kind: z.enum(["internal", "pool"]),
    category: z.string(),
    org: OrgRefSchema.nullable(),
    name: LocaleTextSchema,
    description: LocaleTextSchema.nullable(),
    contactEmail: z.string().nullable(),
  })
  .openapi("Resource");

/** Body to create a resource. */
export const CreateResourceBody = z
  .object({
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be lowercase letters, digits and dashes"),
    kind: z.enum(["internal", "pool"]),
    category: z.enum(resourceCategories),
    orgId: z.string().optional(),
    name: LocaleTextSchema,
    description: LocaleTextSchema.optional(),
    contactEmail: z.email("must be an e-mail address").optional(),
  })
  .openapi("CreateResource");
