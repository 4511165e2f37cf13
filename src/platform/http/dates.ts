import { z } from "@hono/zod-openapi";

/** The earliest and latest day an input date may name: wide enough for any record, narrow enough for the database. */
export const FIRST_DAY = "2000-01-01";
export const LAST_DAY = "2200-12-31";

/**
 * True for a calendar date written YYYY-MM-DD that exists (2026-02-30 does not) and lies between
 * FIRST_DAY and LAST_DAY (PostgreSQL has no year 0).
 */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || s < FIRST_DAY || s > LAST_DAY) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A request field holding such a date; a 400 naming the field otherwise. */
export const calendarDate = z
  .string()
  .refine(isCalendarDate, "must be a date YYYY-MM-DD between 2000-01-01 and 2200-12-31");
