import { stringify } from "csv-stringify/sync";

/**
 * A cell a spreadsheet program will show as text: one beginning with `=`, `+`, `-`, `@`, a tab or a
 * carriage return would be read as a formula, so it gets a leading `'`. Numbers and empty cells stay.
 */
export function spreadsheetCell<T>(value: T): T | string {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Open data as CSV for spreadsheet programs: UTF-8 with a BOM (for the Chinese text), every cell safe. */
export function spreadsheetCsv(header: readonly string[], records: unknown[][]): string {
  return "\uFEFF" + stringify([[...header], ...records.map((r) => r.map(spreadsheetCell))]);
}
