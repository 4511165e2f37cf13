import { fail } from "../../../platform/http/errors.ts";
import * as repo from "../repository.ts";
import type { MeetingKind } from "../tables.ts";
import type { MeetingsDeps } from "./deps.ts";

/** Meetings, newest first, by kind and year (public). */
export async function listMeetings(
  deps: MeetingsDeps,
  input: { kind?: MeetingKind; year?: number; cursor?: string; limit: number },
) {
  let before: { date: string; id: string } | undefined;
  if (input.cursor) {
    const m = /^(\d{4}-\d{2}-\d{2})_([0-9a-f-]{36})$/.exec(input.cursor);
    if (!m) throw fail.invalid("cursor", "must be a cursor from a previous page");
    before = { date: m[1]!, id: m[2]! };
  }
  const rows = await repo.listMeetings(deps.db, {
    kind: input.kind,
    year: input.year,
    before,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((m) => ({
      id: m.id,
      kind: m.kind,
      title: m.title,
      date: m.date,
      startTime: m.startTime,
      ballotState: m.ballotState,
      url: `/meetings/${m.id}`,
    })),
    next: rows.length > input.limit && last ? `${last.date}_${last.id}` : null,
  };
}
