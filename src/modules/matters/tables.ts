import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  boolean,
} from "drizzle-orm/pg-core";
import { orgs, people } from "../directory/index.ts";
import type { Triage } from "./triage.ts";

const id = () => uuid("id").primaryKey().defaultRandom();
const at = (name: string) => timestamp(name, { withTimezone: true });

/** Matter states. */
export type MatterState = "open" | "closed";
/** Who may read a matter: the network (and its working group) or everyone. */
export type MatterVisibility = "network" | "public";
/** Where the triage rule sends a matter. */
export type MatterRoute = "unit" | "po" | "cross-agency";
/** An agency's part in a matter (主辦 / 協辦 / 有關機關). */
export type MatterAgencyRole = "lead" | "co" | "related";
/** The escalation ladder of a contested refusal. */
export type RefusalLevel = "po" | "pdis" | "minister-office";
/** A refusal waits for a decision, was accepted (ownership moved) or rejected (ownership kept). */
export type RefusalState = "pending" | "accepted" | "rejected";

/**
 * The last reference number given out per year (M-2026-0001, M-2026-0002, …). The number is taken
 * with an upsert on the year's row inside the matter's transaction: the row lock serialises concurrent
 * creators, a rolled-back creation gives its number back, and `matters_reference_key` is the backstop.
 */
export const matterReferenceCounters = pgTable("matter_reference_counters", {
  year: integer("year").primaryKey(),
  lastNumber: integer("last_number").notNull(),
});

/** A matter (議題/案件): what it is about, who may see it, and the triage result in force. */
export const matters = pgTable(
  "matters",
  {
    id: id(),
    reference: text("reference").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    state: text("state").notNull().default("open").$type<MatterState>(),
    visibility: text("visibility").notNull().default("network").$type<MatterVisibility>(),
    route: text("route").notNull().$type<MatterRoute>(),
    leadAgencyId: uuid("lead_agency_id")
      .notNull()
      .references(() => orgs.id),
    /** The lead agency a person asked for; kept so a later re-triage honours it while it is involved. */
    requestedLeadAgencyId: uuid("requested_lead_agency_id").references(() => orgs.id),
    /** The triage rule's whole output, as last computed. */
    triage: jsonb("triage").notNull().$type<Triage>(),
    triagedAt: at("triaged_at").notNull(),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    closedAt: at("closed_at"),
  },
  (t) => [
    uniqueIndex("matters_reference_key").on(t.reference),
    index("matters_created_idx").on(t.createdAt, t.id),
    index("matters_state_created_idx").on(t.state, t.createdAt, t.id),
    index("matters_lead_agency_idx").on(t.leadAgencyId),
    check("matters_state_check", sql`${t.state} in ('open', 'closed')`),
    check("matters_visibility_check", sql`${t.visibility} in ('network', 'public')`),
    check("matters_route_check", sql`${t.route} in ('unit', 'po', 'cross-agency')`),
  ],
);

/** The units that currently own a matter, in the order given (the first decides the default lead). */
export const matterOwners = pgTable(
  "matter_owners",
  {
    matterId: uuid("matter_id")
      .notNull()
      .references(() => matters.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => orgs.id),
    /** The agency the unit belonged to when it became an owner. */
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => orgs.id),
    position: integer("position").notNull(),
    addedBy: uuid("added_by").references(() => people.id, { onDelete: "set null" }),
    addedAt: at("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.matterId, t.unitId] }), index("matter_owners_unit_idx").on(t.unitId)],
);

/** The agencies of a matter with their part; `named` marks those a person named (not derived from units). */
export const matterAgencies = pgTable(
  "matter_agencies",
  {
    matterId: uuid("matter_id")
      .notNull()
      .references(() => matters.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => orgs.id),
    role: text("role").notNull().$type<MatterAgencyRole>(),
    named: boolean("named").notNull().default(false),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.matterId, t.agencyId] }),
    index("matter_agencies_agency_idx").on(t.agencyId, t.matterId),
    check("matter_agencies_role_check", sql`${t.role} in ('lead', 'co', 'related')`),
  ],
);

/** A unit refusing ownership, naming the unit it proposes instead; escalates PO → PDIS → minister's office. */
export const matterRefusals = pgTable(
  "matter_refusals",
  {
    id: id(),
    matterId: uuid("matter_id")
      .notNull()
      .references(() => matters.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => orgs.id),
    proposedUnitId: uuid("proposed_unit_id")
      .notNull()
      .references(() => orgs.id),
    reason: text("reason").notNull(),
    state: text("state").notNull().default("pending").$type<RefusalState>(),
    level: text("level").notNull().default("po").$type<RefusalLevel>(),
    refusedBy: uuid("refused_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    index("matter_refusals_matter_idx").on(t.matterId, t.createdAt),
    // One live refusal per unit and matter: a rejected one is contested, not filed again.
    uniqueIndex("matter_refusals_live_key")
      .on(t.matterId, t.unitId)
      .where(sql`${t.state} <> 'accepted'`),
    check("matter_refusals_state_check", sql`${t.state} in ('pending', 'accepted', 'rejected')`),
    check("matter_refusals_level_check", sql`${t.level} in ('po', 'pdis', 'minister-office')`),
    check("matter_refusals_not_self_check", sql`${t.unitId} <> ${t.proposedUnitId}`),
  ],
);

/** One decision on a refusal at one level, and the contest that took it a level up, if any. */
export const matterRefusalDecisions = pgTable(
  "matter_refusal_decisions",
  {
    id: id(),
    refusalId: uuid("refusal_id")
      .notNull()
      .references(() => matterRefusals.id),
    level: text("level").notNull().$type<RefusalLevel>(),
    decision: text("decision").notNull().$type<"accept" | "reject">(),
    note: text("note"),
    decidedBy: uuid("decided_by").references(() => people.id, { onDelete: "set null" }),
    decidedAt: at("decided_at").notNull(),
    contestReason: text("contest_reason"),
    contestedBy: uuid("contested_by").references(() => people.id, { onDelete: "set null" }),
    contestedAt: at("contested_at"),
  },
  (t) => [
    // Each level decides once: two deciders racing cannot both succeed.
    uniqueIndex("matter_refusal_decisions_level_key").on(t.refusalId, t.level),
    check("matter_refusal_decisions_decision_check", sql`${t.decision} in ('accept', 'reject')`),
    check("matter_refusal_decisions_level_check", sql`${t.level} in ('po', 'pdis', 'minister-office')`),
  ],
);

/** The case working group: people a coordinating PO added for this matter only. */
export const matterMembers = pgTable(
  "matter_members",
  {
    id: id(),
    matterId: uuid("matter_id")
      .notNull()
      .references(() => matters.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    addedBy: uuid("added_by").references(() => people.id, { onDelete: "set null" }),
    addedAt: at("added_at").notNull(),
    removedAt: at("removed_at"),
    removedBy: uuid("removed_by").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("matter_members_active_key")
      .on(t.matterId, t.personId)
      .where(sql`${t.removedAt} is null`),
    index("matter_members_person_idx")
      .on(t.personId)
      .where(sql`${t.removedAt} is null`),
  ],
);

/** The matter's history: every triage, owner change, refusal step, member change, closing. Append-only. */
export const matterEvents = pgTable(
  "matter_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    matterId: uuid("matter_id")
      .notNull()
      .references(() => matters.id),
    kind: text("kind").notNull(),
    actorId: uuid("actor_id").references(() => people.id),
    at: at("at").notNull(),
    data: jsonb("data")
      .notNull()
      .default(sql`'{}'::jsonb`)
      .$type<Record<string, unknown>>(),
  },
  (t) => [index("matter_events_matter_idx").on(t.matterId, t.id)],
);
