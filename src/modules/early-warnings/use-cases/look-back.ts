import * as repo from "../repository.ts";
import { presentOutcomeSummary } from "../presenter.ts";
import { severities, signalSources } from "../schema.ts";
import type { Actor } from "../../directory/index.ts";
import type { Happened, Severity, SignalSource } from "../tables.ts";
import type { EarlyWarningsDeps } from "./deps.ts";
import { browseScope, decodeCursor, presentPage } from "./list-warnings.ts";

/** Filters of the look-back. */
export interface LookBackInput {
  agency?: string;
  source?: SignalSource;
  severity?: Severity;
  happened?: Happened;
  limit: number;
  after?: string;
}

/**
 * Looking back: the warnings whose raiser answered "did it happen?", newest first, with their
 * outcomes (merged duplicates left out: their survivor stands for the signal), and the answers counted by signal source and by severity so the network learns which
 * signals come true. Counts are about signals, never about people. Every listed warning's read is audited.
 */
export async function lookBack(deps: EarlyWarningsDeps, actor: Actor, input: LookBackInput) {
  const { visibleTo, agencyId } = await browseScope(deps, actor, input.agency);
  const filter: repo.WarningFilter = {
    visibleTo,
    agencyId,
    source: input.source,
    severity: input.severity,
    happened: input.happened,
    answered: true,
    excludeMerged: true,
  };
  const counts = await repo.countOutcomes(deps.db, filter);
  const rows = await repo.listWarnings(deps.db, {
    ...filter,
    after: input.after ? decodeCursor(input.after) : undefined,
    limit: input.limit + 1,
  });
  const page = await presentPage(deps, actor, rows, input.limit);
  return { summary: presentOutcomeSummary(counts, signalSources, severities), ...page };
}
