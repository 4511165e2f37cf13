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
} from "drizzle-orm/pg-core";
import { people } from "../directory/index.ts";

/** Whom a request asks. */
export type TargetKind = "unit" | "agency-po" | "pdis" | "partner" | "pool";
/** Where a request stands. */
export type HelpState = "open" | "acknowledged" | "answered" | "withdrawn";

/** A request for help: it must get a response, and two clocks make sure it does. */
export const helpRequests = pgTable(
  "help_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    requesterId: uuid("requester_id")
      .notNull()
      .references(() => people.id),
    /** The requester's agency when asked (for the chain of outside targets). */
    requesterAgencyId: uuid("requester_agency_id"),
    matterId: uuid("matter_id"),
    targetKind: text("target_kind").notNull().$type<TargetKind>(),
    targetId: uuid("target_id"),
    supportKind: text("support_kind").$type<"authority" | "technical" | "process" | "experience">(),
    state: text("state").notNull().default("open").$type<HelpState>(),
    acknowledgeDays: integer("acknowledge_days").notNull(),
    respondDays: integer("respond_days").notNull(),
    acknowledgeDueAt: timestamp("acknowledge_due_at", { withTimezone: true }).notNull(),
    respondDueAt: timestamp("respond_due_at", { withTimezone: true }).notNull(),
    /** Earliest running clock: what the sweep looks at. Null when no clock runs. */
    nextDueAt: timestamp("next_due_at", { withTimezone: true }),
    escalationLevel: integer("escalation_level").notNull().default(0),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredBy: uuid("answered_by"),
    answer: text("answer"),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("help_requests_due_idx")
      .on(t.nextDueAt)
      .where(sql`${t.nextDueAt} is not null`),
    index("help_requests_requester_idx").on(t.requesterId, t.createdAt),
    index("help_requests_target_idx").on(t.targetKind, t.targetId, t.state),
    index("help_requests_matter_idx").on(t.matterId),
    check("help_requests_state_check", sql`${t.state} in ('open', 'acknowledged', 'answered', 'withdrawn')`),
    check(
      "help_requests_target_check",
      sql`${t.targetKind} in ('unit', 'agency-po', 'pdis', 'partner', 'pool')`,
    ),
  ],
);

/** Each escalation step, at most once per level: the unique key makes a double escalation impossible. */
export const helpEscalations = pgTable(
  "help_escalations",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => helpRequests.id, { onDelete: "cascade" }),
    level: integer("level").notNull(),
    clock: text("clock").notNull().$type<"acknowledge" | "respond">(),
    targetKind: text("target_kind")
      .notNull()
      .$type<"agency-po" | "supervisor" | "pdis" | "minister-office">(),
    targetId: uuid("target_id"),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.level] })],
);

/** The trail of a request: created, acknowledged, responded, reopened, withdrawn, escalated. */
export const helpEvents = pgTable(
  "help_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => helpRequests.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: uuid("actor_id"),
    kind: text("kind").notNull(),
    data: jsonb("data"),
  },
  (t) => [index("help_events_request_idx").on(t.requestId, t.id)],
);

/** Clock lengths per target kind, in working days (defaults 1 and 5), set by an admin. */
export const helpClockSettings = pgTable(
  "help_clock_settings",
  {
    targetKind: text("target_kind").primaryKey().$type<TargetKind>(),
    acknowledgeDays: integer("acknowledge_days").notNull(),
    respondDays: integer("respond_days").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("help_clock_settings_kind_key").on(t.targetKind)],
);
