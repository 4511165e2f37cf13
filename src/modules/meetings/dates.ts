import { isWorkingDay, nextDay, type CalendarData } from "../../platform/calendar/index.ts";

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const lastDayOf = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/**
 * The default date of a monthly meeting: the first Monday of the month, or the next working day
 * when that Monday is a holiday.
 */
export function defaultMonthlyDate(month: string, cal: CalendarData): string {
  let day = `${month}-01`;
  while (weekday(day) !== 1) day = nextDay(day);
  while (!isWorkingDay(day, cal)) day = nextDay(day);
  return day;
}

/** Quarter-end months, when the quarterly coordination meeting is held. */
export const QUARTER_MONTHS = ["03", "06", "09", "12"];

/**
 * The default date of a quarterly meeting: the Monday of the month's last week (the last Monday),
 * or the next working day of that week when it is a holiday.
 */
export function defaultQuarterlyDate(month: string, cal: CalendarData): string {
  const last = lastDayOf(month);
  let day = last;
  while (weekday(day) !== 1) day = nextDay(day, -1);
  const monday = day;
  while (!isWorkingDay(day, cal) && day < last) day = nextDay(day);
  return isWorkingDay(day, cal) ? day : monday;
}
