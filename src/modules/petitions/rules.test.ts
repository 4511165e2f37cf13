import { test } from "node:test";
import assert from "node:assert/strict";
import { addMonthsToDate, calendarDeadline, defaultClosesAt, petitionChain, qualifies } from "./rules.ts";
import { readPetitionFile } from "./import-file.ts";

const noOverrides = new Map();
const labourDay = new Map([["2026-05-01", { off: true, name: "勞動節" }]]);

test("months are added on the calendar, keeping the day or the month's last day", () => {
  assert.equal(addMonthsToDate("2026-03-02", 2), "2026-05-02");
  assert.equal(addMonthsToDate("2026-12-31", 2), "2027-02-28");
  assert.equal(addMonthsToDate("2028-01-31", 1), "2028-02-29");
  assert.equal(addMonthsToDate("2026-11-15", 3), "2027-02-15");
});

test("a deadline lands on the end of a working day, rolled past weekends and holidays", () => {
  // Two months from Sunday 1 March 2026 is Friday 1 May, Labour Day: the next working day is Monday 4 May.
  const from = new Date("2026-03-01T02:00:00Z");
  assert.equal(calendarDeadline(from, { months: 2 }, labourDay).toISOString(), "2026-05-04T15:59:59.999Z");
  // Without the holiday, Friday 1 May itself.
  assert.equal(calendarDeadline(from, { months: 2 }, noOverrides).toISOString(), "2026-05-01T15:59:59.999Z");
  // Just after midnight in Taipei (UTC still says 2 March) counts from the Taipei date, 3 March.
  const evening = new Date("2026-03-02T16:30:00Z");
  assert.equal(calendarDeadline(evening, { days: 7 }, noOverrides).toISOString(), "2026-03-10T15:59:59.999Z");
  assert.equal(
    defaultClosesAt("petition", new Date("2026-03-02T02:00:00Z")).toISOString(),
    "2026-05-01T15:59:59.999Z",
  );
});

test("qualification needs the threshold inside the window, for a petition still open (or closed unqualified)", () => {
  const p = {
    kind: "petition" as const,
    state: "open" as const,
    threshold: 5000,
    opensAt: new Date("2026-01-01T00:00:00Z"),
    closesAt: new Date("2026-03-01T00:00:00Z"),
  };
  assert.equal(qualifies(p, 5000, new Date("2026-02-01T00:00:00Z")), true);
  assert.equal(qualifies(p, 4999, new Date("2026-02-01T00:00:00Z")), false);
  assert.equal(qualifies(p, 6000, new Date("2026-03-02T00:00:00Z")), false, "after the window");
  assert.equal(qualifies({ ...p, state: "not-qualified" }, 5000, new Date("2026-02-28T00:00:00Z")), true);
  assert.equal(qualifies({ ...p, state: "responded" }, 5000, new Date("2026-02-01T00:00:00Z")), false);
  assert.equal(qualifies({ ...p, kind: "notice" }, 5000, new Date("2026-02-01T00:00:00Z")), false);
});

test("the escalation chain starts at the lead agency's supervisor, or at PDIS before assignment", () => {
  assert.deepEqual(
    petitionChain("a").map((s) => s.kind),
    ["supervisor", "pdis", "minister-office"],
  );
  assert.deepEqual(
    petitionChain(null).map((s) => s.kind),
    ["pdis", "minister-office"],
  );
});

test("files: CSV with quotes and a BOM, JSON with record lines, every problem reported", () => {
  const csv =
    "\uFEFFexternal_id,title,text,opens_at,agencies,endorsements\n" +
    'A,"標題, 有逗號","多行\n內容",2026-03-01,moi;moea,"5,000"\n' +
    "B,標題,內容,2026-02-30,,\n";
  const r = readPetitionFile(csv);
  assert.equal(r.rows.length, 1);
  assert.deepEqual(r.rows[0]!.agencies, ["moi", "moea"]);
  assert.equal(r.rows[0]!.endorsements, 5000);
  assert.equal(r.rows[0]!.body, "多行\n內容");
  assert.deepEqual(r.problems, [
    { line: 4, field: "opens_at", message: "must be a date (YYYY-MM-DD) or an ISO 8601 date-time" },
  ]);
  const unknown = readPetitionFile("external_id,title,text,opens_at,colour\nA,t,x,2026-03-01,red\n");
  assert.deepEqual(unknown.problems, [{ line: 1, field: "colour", message: "unknown column" }]);
  const json = readPetitionFile(
    '{"petitions": [\n {"externalId": "A", "title": "t", "text": "x", "opensAt": "2026-03-01"},\n {"externalId": "A", "title": "t", "text": "x", "opensAt": "2026-03-01"}\n]}',
  );
  assert.deepEqual(
    json.problems.map((p) => [p.line, p.field]),
    [[3, "external_id"]],
  );
  assert.equal(readPetitionFile("[1]").problems[0]!.message, "each petition must be an object");
  assert.match(readPetitionFile("{nope").problems[0]!.message, /not valid JSON/);
});
