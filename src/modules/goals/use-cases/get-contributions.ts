import { spreadsheetCell } from "../../../platform/http/csv.ts";
import { fail } from "../../../platform/http/errors.ts";
import { recordRead } from "../../audit/index.ts";
import { findPerson, type Actor } from "../../directory/index.ts";
import * as repo from "../repository.ts";
import type { GoalsDeps } from "./deps.ts";

/**
 * A person's own contribution record: cases organised (created, a stage owned, notes taken), tables
 * facilitated, help given and received, with dates and links. Only the person sees it — nobody else,
 * administrators included — and it has no totals, scores or comparisons. The read is audited.
 */
export async function getContributions(deps: GoalsDeps, actor: Actor) {
  if (!actor.personId) throw fail.unauthenticated();
  const personId = actor.personId;
  const p = await findPerson(deps.db, personId);
  if (!p) throw fail.notFound();
  const [organised, roles, given, received] = await Promise.all([
    repo.casesOrganisedBy(deps.db, personId),
    repo.caseRolesOf(deps.db, personId),
    repo.helpGivenBy(deps.db, personId),
    repo.helpReceivedBy(deps.db, personId),
  ]);
  await recordRead(deps.db, actor, "contribution-record", personId, [personId]);

  const cases = new Map<
    number,
    { number: number; title: string; url: string; parts: string[]; since: Date }
  >();
  const add = (number: number, title: string, part: string, at: Date) => {
    const c = cases.get(number) ?? { number, title, url: `/cases/${number}`, parts: [], since: at };
    if (!c.parts.includes(part)) c.parts.push(part);
    if (at < c.since) c.since = at;
    cases.set(number, c);
  };
  for (const c of organised.created) add(c.number, c.title, "created", c.at);
  for (const s of organised.stages) add(s.number, s.title, `stage:${s.stage}`, s.startedAt ?? s.selectedAt);
  for (const r of roles) if (r.kind === "note-taker") add(r.number, r.title, "note-taker", r.at);

  return {
    person: { id: p.id, name: p.name, nameEn: p.nameEn ?? null },
    generatedAt: deps.clock.now().toISOString(),
    visibleTo: "self" as const,
    casesOrganised: [...cases.values()]
      .sort((a, b) => a.since.getTime() - b.since.getTime() || a.number - b.number)
      .map((c) => ({ ...c, since: c.since.toISOString() })),
    tablesFacilitated: roles
      .filter((r) => r.kind === "plenary-facilitator" || r.kind === "table-facilitator")
      .map((r) => ({
        number: r.number,
        title: r.title,
        url: `/cases/${r.number}`,
        role: r.kind as "plenary-facilitator" | "table-facilitator",
        table: r.label,
        at: r.at.toISOString(),
      })),
    helpGiven: given.map((h) => {
      const answered = h.answeredBy === personId;
      return {
        id: h.id,
        title: h.title,
        url: `/help-requests/${h.id}`,
        part: answered ? ("answered" as const) : ("acknowledged" as const),
        state: h.state,
        askedAt: h.createdAt.toISOString(),
        at: (answered ? h.answeredAt : h.acknowledgedAt)?.toISOString() ?? null,
      };
    }),
    helpReceived: received.map((h) => ({
      id: h.id,
      title: h.title,
      url: `/help-requests/${h.id}`,
      state: h.state,
      askedAt: h.createdAt.toISOString(),
      answeredAt: h.answeredAt?.toISOString() ?? null,
    })),
  };
}

/** The record. */
export type Contributions = Awaited<ReturnType<typeof getContributions>>;

// Quote every field; a leading formula character is neutralised for spreadsheets.
const cell = (s: string | number | null) =>
  `"${spreadsheetCell(s === null ? "" : String(s)).replace(/"/g, '""')}"`;

/** The record as CSV (UTF-8 with BOM): one row per contribution, with its date and full link. */
export function contributionsCsv(r: Contributions, publicUrl: string): string {
  const rows: Array<Array<string | number | null>> = [
    ["section", "date", "part", "reference", "title", "link"],
  ];
  for (const c of r.casesOrganised)
    rows.push([
      "case-organised",
      c.since.slice(0, 10),
      c.parts.join(" "),
      c.number,
      c.title,
      publicUrl + c.url,
    ]);
  for (const t of r.tablesFacilitated)
    rows.push([
      "table-facilitated",
      t.at.slice(0, 10),
      t.role + (t.table ? ` (${t.table})` : ""),
      t.number,
      t.title,
      publicUrl + t.url,
    ]);
  for (const h of r.helpGiven)
    rows.push(["help-given", (h.at ?? h.askedAt).slice(0, 10), h.part, h.id, h.title, publicUrl + h.url]);
  for (const h of r.helpReceived)
    rows.push(["help-received", h.askedAt.slice(0, 10), h.state, h.id, h.title, publicUrl + h.url]);
  return "\uFEFF" + rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
