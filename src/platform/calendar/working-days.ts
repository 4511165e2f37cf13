// Pure working-day arithmetic in Asia/Taipei (UTC+8 all year: Taiwan has had no daylight saving since 1979).

const TAIPEI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** A local calendar date as `YYYY-MM-DD`. */
export type LocalDate = string;

/** What is known about one day beyond the weekday rule. */
export interface DayOverride {
  off: boolean;
  name: string | null;
}

/** The calendar data the arithmetic needs: overrides by local date. */
export type CalendarData = ReadonlyMap<LocalDate, DayOverride>;

/** The Taipei local date of an instant. */
export function taipeiDate(at: Date): LocalDate {
  return new Date(at.getTime() + TAIPEI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which a Taipei local day ends (23:59:59.999 local). */
export function endOfTaipeiDay(day: LocalDate): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - TAIPEI_OFFSET_MS + DAY_MS - 1);
}

/** The instant at which a Taipei local day starts (00:00 local). */
export function startOfTaipeiDay(day: LocalDate): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - TAIPEI_OFFSET_MS);
}

/** The next local date. */
export function nextDay(day: LocalDate, by = 1): LocalDate {
  return new Date(Date.parse(`${day}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10);
}

/** True when government offices work on that day: an override decides, else Monday–Friday. */
export function isWorkingDay(day: LocalDate, data: CalendarData): boolean {
  const o = data.get(day);
  if (o) return !o.off;
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * The deadline N working days after an instant: the end (23:59:59.999 Taipei) of the N-th working
 * day after the instant's local day. With N = 0, the end of that day if it is a working day, else of
 * the next working day. So a 1-working-day clock started on Friday afternoon runs to the end of
 * Monday, and one started during a long holiday runs to the end of the first day back.
 */
export function addWorkingDays(from: Date, days: number, data: CalendarData): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError("days must be a whole number ≥ 0");
  let day = taipeiDate(from);
  if (days === 0) {
    while (!isWorkingDay(day, data)) day = nextDay(day);
    return endOfTaipeiDay(day);
  }
  let counted = 0;
  // Guard against a calendar with no working days at all.
  for (let guard = 0; counted < days; guard++) {
    if (guard > 3700) throw new RangeError("no working days found within ten years");
    day = nextDay(day);
    if (isWorkingDay(day, data)) counted++;
  }
  return endOfTaipeiDay(day);
}

/** Working days d with from's local day < d ≤ to's local day (negative when to is before from). */
export function workingDaysBetween(from: Date, to: Date, data: CalendarData): number {
  const a = taipeiDate(from);
  const b = taipeiDate(to);
  if (a === b) return 0;
  const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
  let n = 0;
  for (let d = nextDay(lo); d <= hi; d = nextDay(d)) if (isWorkingDay(d, data)) n++;
  return n * sign;
}
