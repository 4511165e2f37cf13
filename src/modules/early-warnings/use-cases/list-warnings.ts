import * as repo from "../repository.ts";
import { can, seesAllWarnings, supervisedAgencyIds } from "../policy.ts";
import { presentWarningListItem } from "../presenter.ts";
import { appendAudit } from "../../audit/index.ts";
import { fail } from "../../../platform/http/errors.ts";
import type { Actor } from "../../directory/index.ts";
import type { Severity, SignalSource, WarningState } from "../tables.ts";
import type { EarlyWarningsDeps } from "./deps.ts";
import { resolveAgencies } from "./inputs.ts";
import { labelsFor, listParts } from "./views.ts";

/** Filters of the warning list. */
export interface ListWarningsInput {
  agency?: string;
  source?: SignalSource;
  severity?: Severity;
  state?: WarningState;
  window?: "running" | "ended";
  endingWithinDays?: number;
  limit: number;
  after?: string;
}

const DAY_MS = 24 * 3600_000;

/** Encodes the keyset cursor of a page. */
export const encodeCursor = (w: repo.WarningRow) => `${w.createdAt.toISOString()}_${w.id}`;

/** Decodes a cursor; 400 on `after` when it is not one. */
export function decodeCursor(s: string): { createdAt: Date; id: string } {
  const [at = "", id = ""] = s.split("_");
  const createdAt = new Date(at);
  if (Number.isNaN(createdAt.getTime()) || !repo.isUuid(id)) throw fail.invalid("after", "is not a cursor");
  return { createdAt, id };
}

/**
 * Who may browse, and what they see: POs, PDIS and admins see every warning; a supervisor sees those
 * affecting the agencies they supervise, and their own. Anyone else gets 404, as for a single warning.
 */
export async function browseScope(deps: EarlyWarningsDeps, actor: Actor, agency: string | undefined) {
  if (!actor.personId || !can(actor, { do: "browse" })) throw fail.notFound();
  const visibleTo: repo.WarningVisibility = seesAllWarnings(actor)
    ? { all: true }
    : { all: false, personId: actor.personId, agencyIds: supervisedAgencyIds(actor) };
  const agencyId = agency ? (await resolveAgencies(deps.db, [agency], "agency"))[0] : undefined;
  return { visibleTo, agencyId };
}

/** Presents a page of warnings and audits the read of each one, in one statement. */
export async function presentPage(
  deps: EarlyWarningsDeps,
  actor: Actor,
  rows: repo.WarningRow[],
  limit: number,
) {
  const page = rows.slice(0, limit);
  if (page.length) {
    await appendAudit(
      deps.db,
      actor,
      page.map((w) => ({ action: "read", entityType: "early-warning", entityId: w.id })),
    );
  }
  const parts = await listParts(deps.db, page);
  const labels = await labelsFor(deps.db, parts);
  const now = deps.clock.now();
  const last = page[page.length - 1];
  return {
    items: parts.map((p) => presentWarningListItem(p, labels, now)),
    next: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

/**
 * Warnings newest first, keyset-paginated, filtered by affected agency, signal source, severity,
 * state and window (running, ended, or ending within N days). Every listed warning's read is audited.
 */
export async function listEarlyWarnings(deps: EarlyWarningsDeps, actor: Actor, input: ListWarningsInput) {
  const { visibleTo, agencyId } = await browseScope(deps, actor, input.agency);
  const now = deps.clock.now();
  const rows = await repo.listWarnings(deps.db, {
    visibleTo,
    agencyId,
    source: input.source,
    severity: input.severity,
    state: input.state,
    window: input.window ? { now, is: input.window } : undefined,
    windowEndsBetween: input.endingWithinDays
      ? { now, until: new Date(now.getTime() + input.endingWithinDays * DAY_MS) }
      : undefined,
    after: input.after ? decodeCursor(input.after) : undefined,
    limit: input.limit + 1,
  });
  return presentPage(deps, actor, rows, input.limit);
}
