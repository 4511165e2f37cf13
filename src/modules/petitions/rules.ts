// Pure rules of petitions: defaults, deadlines on the working-day calendar, the escalation chain.
import {
  addWorkingDays,
  endOfTaipeiDay,
  startOfTaipeiDay,
  taipeiDate,
  type CalendarData,
  type LocalDate,
} from "../../platform/calendar/index.ts";
import type { PetitionKind, PetitionState, PetitionStepKind } from "./tables.ts";

/** The numbers of the product brief (product.md, "Numbers at a glance"). */
export const PETITION_DEFAULTS = {
  threshold: 5000,
  windowDays: 60,
  planDays: 7,
  responseMonths: 2,
  maxExtensionMonths: 2,
  noticeDays: 60,
  replyDaysAfterClose: 14,
  /** Working days between two escalation steps of a clock that stays lapsed. */
  stepWorkingDays: 5,
  warnAtPercent: 80,
  noResponseDays: 30,
} as const;

/** A calendar date plus whole months; the day is kept or, when the month is shorter, its last day. */
export function addMonthsToDate(day: LocalDate, months: number): LocalDate {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const dd = Math.min(d, last);
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
}

/**
 * A deadline of whole calendar days or months after an instant, on the working-day calendar: the
 * Taipei date that many days or months later; when that day is not a working day, the next working
 * day; the deadline is the end of that day (23:59:59.999 Taipei). So two months from 2 March are
 * 2 May — a Saturday — and the deadline runs to the end of Monday 4 May.
 */
export function calendarDeadline(
  from: Date,
  period: { days?: number; months?: number },
  data: CalendarData,
): Date {
  let day = taipeiDate(from);
  if (period.months) day = addMonthsToDate(day, period.months);
  if (period.days) day = taipeiDate(new Date(startOfTaipeiDay(day).getTime() + period.days * 86_400_000));
  return addWorkingDays(startOfTaipeiDay(day), 0, data);
}

/** The latest a response may be extended to: the original deadline plus two months, on the calendar. */
export function latestExtension(originalDueAt: Date, data: CalendarData): Date {
  return calendarDeadline(originalDueAt, { months: PETITION_DEFAULTS.maxExtensionMonths }, data);
}

/** The end of a Taipei day named `YYYY-MM-DD`, rolled to the next working day. */
export function deadlineOnDay(day: LocalDate, data: CalendarData): Date {
  return addWorkingDays(startOfTaipeiDay(day), 0, data);
}

/** The end of the endorsement window (or notice period) when none is given: 60 days after it opens. */
export function defaultClosesAt(kind: PetitionKind, opensAt: Date): Date {
  const days = kind === "notice" ? PETITION_DEFAULTS.noticeDays : PETITION_DEFAULTS.windowDays;
  return endOfTaipeiDay(taipeiDate(new Date(opensAt.getTime() + days * 86_400_000)));
}

/**
 * Does an endorsement count observed at `at` qualify the petition? Only a petition (not a notice),
 * still open or closed as not qualified, with the count reaching the threshold inside the window.
 */
export function qualifies(
  p: { kind: PetitionKind; state: PetitionState; threshold: number; opensAt: Date; closesAt: Date },
  count: number,
  at: Date,
): boolean {
  if (p.kind !== "petition") return false;
  if (p.state !== "open" && p.state !== "not-qualified") return false;
  return count >= p.threshold && at <= p.closesAt;
}

/** The step an escalation reaches. */
export interface PetitionStep {
  kind: PetitionStepKind;
  agencyId: string | null;
}

/**
 * The chain a lapsed petition deadline climbs, one step each time it stays lapsed: the lead agency's
 * supervising official → PDIS → the supervising minister's office. The lead agency's POs own the
 * deadline and are told at every step. Before a lead agency is assigned, the chain starts at PDIS.
 */
export function petitionChain(leadAgencyId: string | null): PetitionStep[] {
  const tail: PetitionStep[] = [
    { kind: "pdis", agencyId: null },
    { kind: "minister-office", agencyId: leadAgencyId },
  ];
  return leadAgencyId ? [{ kind: "supervisor", agencyId: leadAgencyId }, ...tail] : tail;
}

/** Whether a state comes after qualifying (for petitions) — assignment and responses apply. */
export function isQualifiedOrLater(state: PetitionState): boolean {
  return state === "qualified" || state === "assigned" || state === "plan-published" || state === "responded";
}
