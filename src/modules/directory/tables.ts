import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** A text that exists in both interface languages. */
export type LocaleText = { "zh-TW": string; en: string };

const id = () => uuid("id").primaryKey().defaultRandom();
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** The Executive Yuan, its agencies (levels 2 and 3) and their units, in one tree. */
export const orgs = pgTable(
  "orgs",
  {
    id: id(),
    slug: text("slug").notNull(),
    kind: text("kind").notNull().$type<"executive-yuan" | "agency" | "unit">(),
    level: integer("level").notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => orgs.id, { onDelete: "restrict" }),
    name: jsonb("name").notNull().$type<LocaleText>(),
    abbreviation: jsonb("abbreviation").$type<LocaleText>(),
    website: text("website"),
    email: text("email"),
    phone: text("phone"),
    address: text("address"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("orgs_slug_key").on(t.slug),
    index("orgs_parent_idx").on(t.parentId),
    index("orgs_level_idx").on(t.level, t.kind),
    check("orgs_kind_check", sql`${t.kind} in ('executive-yuan', 'agency', 'unit')`),
    check("orgs_level_check", sql`${t.level} between 1 and 3`),
  ],
);

/** Everyone the network knows: officers, staff, supervisors, PDIS, participants. */
export const people = pgTable(
  "people",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    title: jsonb("title").$type<LocaleText>(),
    phone: text("phone"),
    isAdmin: boolean("is_admin").notNull().default(false),
    locale: text("locale").$type<"zh-TW" | "en">(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("people_email_key").on(sql`lower(${t.email})`)],
);

/** A person's place in an org: unit staff, PO (by accepted invitation), supervisor or PDIS. */
export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "restrict" }),
    role: text("role").notNull().$type<"unit-staff" | "po" | "supervisor" | "pdis">(),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    invitationId: uuid("invitation_id").references(() => poInvitations.id),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    index("memberships_person_idx").on(t.personId),
    index("memberships_org_idx").on(t.orgId, t.role),
    uniqueIndex("memberships_active_key")
      .on(t.personId, t.orgId, t.role)
      .where(sql`${t.endedAt} is null`),
    check("memberships_role_check", sql`${t.role} in ('unit-staff', 'po', 'supervisor', 'pdis')`),
  ],
);

/** An invitation to become a PO of an agency; only acceptance makes the person a PO. */
export const poInvitations = pgTable(
  "po_invitations",
  {
    id: id(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => orgs.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    invitedBy: uuid("invited_by").references(() => people.id, { onDelete: "set null" }),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    message: text("message"),
    state: text("state")
      .notNull()
      .default("pending")
      .$type<"pending" | "accepted" | "declined" | "withdrawn">(),
    createdAt: createdAt(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
  },
  (t) => [
    index("po_invitations_person_idx").on(t.personId, t.state),
    index("po_invitations_agency_idx").on(t.agencyId, t.state),
    uniqueIndex("po_invitations_pending_key")
      .on(t.agencyId, t.personId)
      .where(sql`${t.state} = 'pending'`),
    check("po_invitations_state_check", sql`${t.state} in ('pending', 'accepted', 'declined', 'withdrawn')`),
  ],
);

/** An agency's filed PO list for one year; each filing is kept as history. */
export const rosters = pgTable(
  "rosters",
  {
    id: id(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => orgs.id),
    year: integer("year").notNull(),
    filedBy: uuid("filed_by").references(() => people.id, { onDelete: "set null" }),
    note: text("note"),
    entries: jsonb("entries").notNull().$type<Array<{ personId: string; name: string; tags: string[] }>>(),
    filedAt: createdAt(),
  },
  (t) => [index("rosters_agency_year_idx").on(t.agencyId, t.year, t.filedAt)],
);

/** An agency's authorisation table (授權表), set by its supervisor; overrides the size-based defaults. */
export const authorisationTables = pgTable("authorisation_tables", {
  agencyId: uuid("agency_id")
    .primaryKey()
    .references(() => orgs.id),
  maxUnitsWithoutSignoff: integer("max_units_without_signoff").notNull(),
  maxAgenciesWithoutSignoff: integer("max_agencies_without_signoff").notNull(),
  maxWorkingGroupSize: integer("max_working_group_size").notNull(),
  notes: jsonb("notes").$type<LocaleText>(),
  updatedBy: uuid("updated_by").references(() => people.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});

/** Internal resources of an agency and outside pools that help requests can target. */
export const resources = pgTable(
  "resources",
  {
    id: id(),
    slug: text("slug").notNull(),
    kind: text("kind").notNull().$type<"internal" | "pool">(),
    category: text("category").notNull(),
    orgId: uuid("org_id").references(() => orgs.id),
    name: jsonb("name").notNull().$type<LocaleText>(),
    description: jsonb("description").$type<LocaleText>(),
    contactEmail: text("contact_email"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("resources_slug_key").on(t.slug), index("resources_org_idx").on(t.orgId)],
);
