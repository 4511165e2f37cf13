import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { people } from "../directory/index.ts";

/** A bilingual text. */
type LocaleText = { "zh-TW": string; en: string };

/** One item of a person's inbox; repeats of the same event are merged into one item with a count. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: jsonb("title").notNull().$type<LocaleText>(),
    body: jsonb("body").$type<LocaleText>(),
    url: text("url"),
    urgent: boolean("urgent").notNull().default(false),
    mergeKey: text("merge_key"),
    count: integer("count").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_person_idx").on(t.personId, t.updatedAt),
    index("notifications_unread_idx")
      .on(t.personId)
      .where(sql`${t.readAt} is null`),
    uniqueIndex("notifications_merge_key")
      .on(t.personId, t.mergeKey)
      .where(sql`${t.readAt} is null and ${t.mergeKey} is not null`),
    index("notifications_digest_idx")
      .on(t.personId)
      .where(sql`${t.emailedAt} is null`),
  ],
);

/** How a person wants e-mail: each item at once, or one daily digest (lapsed clocks always at once). */
export const notificationPrefs = pgTable("notification_prefs", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  email: text("email").notNull().default("daily").$type<"immediate" | "daily" | "none">(),
  lastDigestAt: timestamp("last_digest_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
