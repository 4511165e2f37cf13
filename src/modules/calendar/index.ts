// Public surface of the calendar module: the admin side of the working-day calendar.
import type { Db } from "../../platform/db/database.ts";
import type { Clock } from "../../platform/clock/index.ts";
import { fail } from "../../platform/http/errors.ts";
import {
  calendarDays,
  listCalendarDays,
  loadCalendar,
  parseOfficialCalendar,
  taipeiDate,
  upsertCalendarDays,
  type CalendarProblem,
} from "../../platform/calendar/index.ts";
import { writeAudited } from "../audit/index.ts";
import { isPdis, type Actor } from "../directory/index.ts";
import { and, eq } from "drizzle-orm";

export { calendarRoutes } from "./routes.ts";

/** What the calendar's use cases need. */
export interface CalendarDeps {
  db: Db;
  clock: Clock;
}

const mayEdit = (actor: Actor) => actor.isAdmin || isPdis(actor);

/**
 * Imports the official office calendar CSV. The whole file is checked first: any problem and nothing
 * is written. Re-importing the same file changes nothing; closures set by an admin are kept.
 */
export async function importCalendar(
  deps: CalendarDeps,
  actor: Actor,
  bytes: Uint8Array,
): Promise<{
  days: number;
  holidays: number;
  makeupDays: number;
  written: number;
  keptClosures: number;
  problems: CalendarProblem[];
}> {
  if (!actor.isAdmin) throw fail.forbidden();
  const { rows, problems } = parseOfficialCalendar(bytes);
  if (problems.length) return { days: 0, holidays: 0, makeupDays: 0, written: 0, keptClosures: 0, problems };
  const weekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
  const result = await writeAudited(deps.db, actor, async (tx) => {
    const r = await upsertCalendarDays(tx, rows, "official", actor.personId, deps.clock.now());
    return {
      value: r,
      audit: [
        {
          action: "calendar.import",
          entityType: "calendar",
          entityId: `${rows[0]!.day}..${rows[rows.length - 1]!.day}`,
          after: { days: rows.length, written: r.written, kept: r.kept },
        },
      ],
    };
  });
  return {
    days: rows.length,
    holidays: rows.filter((r) => r.off && !weekend(r.day)).length,
    makeupDays: rows.filter((r) => !r.off && weekend(r.day)).length,
    written: result.written,
    keptClosures: result.kept,
    problems: [],
  };
}

/** Marks a day as an ad-hoc closure (e.g. a typhoon day): offices closed, clocks do not run. */
export async function addClosure(deps: CalendarDeps, actor: Actor, input: { day: string; name: string }) {
  if (!mayEdit(actor)) throw fail.forbidden();
  const now = deps.clock.now();
  return writeAudited(deps.db, actor, async (tx) => {
    const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.day, input.day));
    const [row] = await tx
      .insert(calendarDays)
      .values({
        day: input.day,
        off: true,
        name: input.name,
        source: "admin",
        updatedAt: now,
        updatedBy: actor.personId,
      })
      .onConflictDoUpdate({
        target: calendarDays.day,
        set: { off: true, name: input.name, source: "admin", updatedAt: now, updatedBy: actor.personId },
      })
      .returning();
    return {
      value: presentDay(row!),
      audit: [
        {
          action: "calendar.closure.add",
          entityType: "calendar-day",
          entityId: input.day,
          before,
          after: row,
        },
      ],
    };
  });
}

/** Removes an ad-hoc closure; the day goes back to the weekday rule (re-import to restore a holiday). */
export async function removeClosure(deps: CalendarDeps, actor: Actor, day: string) {
  if (!mayEdit(actor)) throw fail.forbidden();
  await writeAudited(deps.db, actor, async (tx) => {
    const [row] = await tx
      .delete(calendarDays)
      .where(and(eq(calendarDays.day, day), eq(calendarDays.source, "admin")))
      .returning();
    if (!row) throw fail.notFound();
    return {
      value: row,
      audit: [{ action: "calendar.closure.remove", entityType: "calendar-day", entityId: day, before: row }],
    };
  });
}

/** Non-standard days of a year: holidays, make-up workdays and closures. */
export async function listYear(deps: CalendarDeps, year: number) {
  const rows = await listCalendarDays(deps.db, `${year}-01-01`, `${year}-12-31`);
  const weekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
  return rows.filter((r) => r.off !== weekend(r.day) || r.source === "admin").map(presentDay);
}

/** The deadline N working days after an instant, computed with the stored calendar. */
export async function dueAfterWorkingDays(deps: CalendarDeps, from: Date, days: number) {
  const cal = await loadCalendar(deps.db, from);
  const date = cal.addWorkingDays(from, days);
  return { date: date.toISOString(), localDate: taipeiDate(date) };
}

type DayKind = "workday" | "weekend" | "holiday" | "makeup-workday" | "closure";

function presentDay(r: typeof calendarDays.$inferSelect) {
  const dow = new Date(`${r.day}T00:00:00Z`).getUTCDay();
  const weekend = dow === 0 || dow === 6;
  const kind: DayKind =
    r.source === "admin"
      ? "closure"
      : r.off
        ? weekend
          ? "weekend"
          : "holiday"
        : weekend
          ? "makeup-workday"
          : "workday";
  return { day: r.day, off: r.off, kind, name: r.name, source: r.source };
}
