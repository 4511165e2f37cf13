import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  addWorkingDays,
  isWorkingDay,
  taipeiDate,
  workingDaysBetween,
  type DayOverride,
} from "./working-days.ts";
import { parseOfficialCalendar } from "./official-csv.ts";

const taipei = (local: string) => new Date(`${local}+08:00`);
const baseline2026 = () => {
  const rows = parseOfficialCalendar(readFileSync(new URL("./baseline/2026.csv", import.meta.url)));
  return new Map(rows.rows.map((r) => [r.day, { off: r.off, name: r.name }] as [string, DayOverride]));
};

test("Taipei dates: 23:30 UTC is already the next day in Taipei", () => {
  assert.equal(taipeiDate(new Date("2026-03-02T15:59:59Z")), "2026-03-02");
  assert.equal(taipeiDate(new Date("2026-03-02T16:00:00Z")), "2026-03-03");
});

test("weekends are off, Friday + 1 working day is the end of Monday", () => {
  const empty = new Map<string, DayOverride>();
  assert.equal(isWorkingDay("2026-03-07", empty), false);
  const due = addWorkingDays(taipei("2026-03-06T15:00:00"), 1, empty);
  assert.equal(due.toISOString(), "2026-03-09T15:59:59.999Z"); // Monday 23:59:59.999 in Taipei
  assert.equal(
    addWorkingDays(taipei("2026-03-06T15:00:00"), 5, empty).toISOString(),
    "2026-03-13T15:59:59.999Z",
  );
});

test("a make-up Saturday (補班) counts as a working day", () => {
  const data = new Map<string, DayOverride>([
    ["2025-01-27", { off: true, name: "調整放假" }],
    ["2025-02-08", { off: false, name: "補行上班" }],
  ]);
  assert.equal(isWorkingDay("2025-02-08", data), true);
  // Friday 2025-02-07 + 1 working day = the make-up Saturday.
  assert.equal(taipeiDate(addWorkingDays(taipei("2025-02-07T10:00:00"), 1, data)), "2025-02-08");
  assert.equal(workingDaysBetween(taipei("2025-02-07T10:00:00"), taipei("2025-02-10T10:00:00"), data), 2);
});

test("the 2026 Lunar New Year holiday (Feb 14–22) is skipped", () => {
  const data = baseline2026();
  for (const d of ["2026-02-16", "2026-02-17", "2026-02-20"]) assert.equal(isWorkingDay(d, data), false, d);
  // Asked on Friday 13 February: 1 working day → Monday 23 February.
  assert.equal(taipeiDate(addWorkingDays(taipei("2026-02-13T09:00:00"), 1, data)), "2026-02-23");
  // Asked during the holiday: 5 working days → Monday 2 March (27 Feb is a make-up holiday).
  assert.equal(taipeiDate(addWorkingDays(taipei("2026-02-18T09:00:00"), 5, data)), "2026-03-02");
  assert.equal(workingDaysBetween(taipei("2026-02-13T09:00:00"), taipei("2026-02-23T09:00:00"), data), 1);
});

test("a typhoon closure is a day off", () => {
  const data = new Map(baseline2026());
  data.set("2026-08-12", { off: true, name: "颱風停班" });
  assert.equal(taipeiDate(addWorkingDays(taipei("2026-08-11T09:00:00"), 1, data)), "2026-08-13");
});

test("zero days: today if a working day, else the next working day", () => {
  const empty = new Map<string, DayOverride>();
  assert.equal(taipeiDate(addWorkingDays(taipei("2026-03-04T09:00:00"), 0, empty)), "2026-03-04");
  assert.equal(taipeiDate(addWorkingDays(taipei("2026-03-07T09:00:00"), 0, empty)), "2026-03-09");
  assert.throws(() => addWorkingDays(new Date(), -1, empty), RangeError);
});
