import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Append-only record of every change and every read of a restricted record. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    subjectIds: uuid("subject_ids").array().notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_log_subjects_idx").using("gin", t.subjectIds),
    index("audit_log_actor_idx").on(t.actorId, t.id),
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.id),
  ],
);
