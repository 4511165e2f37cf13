import { parse } from "csv-parse/sync";

/** One row of the official office calendar (政府行政機關辦公日曆表). */
export interface OfficialDay {
  day: string;
  off: boolean;
  name: string | null;
}

/** A problem in a calendar file, with its line. */
export interface CalendarProblem {
  line: number;
  message: string;
}

/**
 * Parses the official office calendar CSV: a header row, then date `YYYYMMDD`, weekday, holiday flag
 * (`0` workday, `2` holiday) and remark. The file is UTF-8 (with or without BOM) or, for older years,
 * Big5. Every line is checked; problems are returned, never half a calendar.
 */
export function parseOfficialCalendar(bytes: Uint8Array): {
  rows: OfficialDay[];
  problems: CalendarProblem[];
} {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("big5").decode(bytes);
  }
  text = text.replace(/^\uFEFF/, "");
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (e) {
    return { rows: [], problems: [{ line: 1, message: (e as Error).message }] };
  }
  const rows: OfficialDay[] = [];
  const problems: CalendarProblem[] = [];
  const seen = new Set<string>();
  records.forEach((r, i) => {
    const line = i + 1;
    if (i === 0 && !/^\d{8}$/.test(r[0] ?? "")) return; // header row
    const [raw = "", , flag = "", remark = ""] = r;
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
    if (!m) return problems.push({ line, message: `date "${raw}" is not YYYYMMDD` });
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    const parsed = new Date(`${day}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
      return problems.push({ line, message: `date "${raw}" does not exist` });
    }
    if (flag !== "0" && flag !== "2") {
      return problems.push({ line, message: `holiday flag "${flag}" must be 0 (workday) or 2 (holiday)` });
    }
    if (seen.has(day)) return problems.push({ line, message: `date ${raw} appears twice` });
    seen.add(day);
    rows.push({ day, off: flag === "2", name: remark || null });
  });
  if (!rows.length && !problems.length) problems.push({ line: 1, message: "no dates in the file" });
  return { rows, problems };
}
