import { boolean, check, date, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/**
 * Days that differ from, or confirm, the weekday rule (Monday–Friday work, weekends off): national
 * holidays, make-up workdays (補班), ad-hoc closures. A day absent from the table follows the rule.
 */
export const calendarDays = pgTable(
  "calendar_days",
  {
    day: date("day", { mode: "string" }).primaryKey(),
    off: boolean("off").notNull(),
    name: text("name"),
    source: text("source").notNull().$type<"official" | "baseline" | "admin">(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by"),
  },
  (t) => [check("calendar_days_source_check", sql`${t.source} in ('official', 'baseline', 'admin')`)],
);
