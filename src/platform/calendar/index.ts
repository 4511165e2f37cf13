import { readdirSync, readFileSync } from "node:fs";
import { and, gte, inArray, lte, sql } from "drizzle-orm";
import type { Queryable } from "../db/database.ts";
import { calendarDays } from "./tables.ts";
import { parseOfficialCalendar, type OfficialDay } from "./official-csv.ts";
import {
  addWorkingDays,
  taipeiDate,
  nextDay,
  workingDaysBetween,
  type CalendarData,
  type DayOverride,
} from "./working-days.ts";

export { calendarDays } from "./tables.ts";
export * from "./working-days.ts";
export { parseOfficialCalendar, type OfficialDay, type CalendarProblem } from "./official-csv.ts";

/** The working-day calendar as loaded from the database: deadlines and counts. */
export interface WorkingCalendar {
  data: CalendarData;
  /** End of the N-th working day after `from` (Asia/Taipei). */
  addWorkingDays(from: Date, days: number): Date;
  /** Working days between two instants. */
  workingDaysBetween(from: Date, to: Date): number;
}

/** Loads the calendar's overrides (a year back and everything ahead) for deadline arithmetic. */
export async function loadCalendar(db: Queryable, around: Date): Promise<WorkingCalendar> {
  const from = nextDay(taipeiDate(around), -400);
  const rows = await db
    .select({ day: calendarDays.day, off: calendarDays.off, name: calendarDays.name })
    .from(calendarDays)
    .where(gte(calendarDays.day, from));
  const data = new Map<string, DayOverride>(rows.map((r) => [r.day, { off: r.off, name: r.name }]));
  return {
    data,
    addWorkingDays: (at, days) => addWorkingDays(at, days, data),
    workingDaysBetween: (a, b) => workingDaysBetween(a, b, data),
  };
}

/** Days of a range as stored (holidays, make-up days, closures), for listing. */
export async function listCalendarDays(db: Queryable, fromDay: string, toDay: string) {
  return db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.day, fromDay), lte(calendarDays.day, toDay)))
    .orderBy(calendarDays.day);
}

/**
 * Writes days from a source. A day set by an admin (a typhoon closure) is never overwritten by a file;
 * the official calendar overrides the shipped baseline, and the baseline overrides nothing.
 */
export async function upsertCalendarDays(
  db: Queryable,
  days: OfficialDay[],
  source: "official" | "baseline",
  by: string | null,
  now: Date,
): Promise<{ written: number; kept: number }> {
  if (!days.length) return { written: 0, kept: 0 };
  const existing = await db
    .select({
      day: calendarDays.day,
      source: calendarDays.source,
      off: calendarDays.off,
      name: calendarDays.name,
    })
    .from(calendarDays)
    .where(
      inArray(
        calendarDays.day,
        days.map((d) => d.day),
      ),
    );
  const rank = { baseline: 0, official: 1, admin: 2 } as const;
  const byDay = new Map(existing.map((e) => [e.day, e]));
  let written = 0;
  let kept = 0;
  const toWrite = days.filter((d) => {
    const e = byDay.get(d.day);
    if (e && rank[e.source] > rank[source]) {
      kept++;
      return false;
    }
    if (e && e.source === source && e.off === d.off && e.name === d.name) return false;
    return true;
  });
  for (let i = 0; i < toWrite.length; i += 500) {
    const chunk = toWrite.slice(i, i + 500);
    await db
      .insert(calendarDays)
      .values(
        chunk.map((d) => ({ day: d.day, off: d.off, name: d.name, source, updatedAt: now, updatedBy: by })),
      )
      .onConflictDoUpdate({
        target: calendarDays.day,
        set: {
          off: sql`excluded.off`,
          name: sql`excluded.name`,
          source: sql`excluded.source`,
          updatedAt: sql`excluded.updated_at`,
          updatedBy: sql`excluded.updated_by`,
        },
      });
    written += chunk.length;
  }
  return { written, kept };
}

/** Loads the shipped baseline years (current and next) into the calendar where no better data exists. */
export async function ensureBaselineCalendar(db: Queryable, now: Date): Promise<void> {
  const dir = new URL("./baseline/", import.meta.url);
  for (const file of readdirSync(dir).filter((f) => /^\d{4}\.csv$/.test(f))) {
    const { rows } = parseOfficialCalendar(readFileSync(new URL(file, dir)));
    await upsertCalendarDays(db, rows, "baseline", null, now);
  }
}
