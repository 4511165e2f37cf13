import type { Queryable } from "../../../platform/db/database.ts";
import { loadCalendar } from "../../../platform/calendar/index.ts";
import * as repo from "../repository.ts";
import { calendarDeadline, defaultClosesAt, PETITION_DEFAULTS } from "../rules.ts";
import type { PetitionKind } from "../tables.ts";
import { applyEndorsement } from "./shared.ts";

/** A petition as entered or imported, with agencies already resolved to ids. */
export interface PetitionInput {
  kind: PetitionKind;
  externalId: string | null;
  sourceUrl: string | null;
  title: string;
  body: string;
  proposer: string | null;
  agencyIds: string[];
  threshold?: number;
  opensAt: Date;
  closesAt?: Date;
  endorsements?: number;
  endorsementsAt?: Date;
}

/** What happened to one petition. */
export type UpsertOutcome = "created" | "updated" | "unchanged";

/** Creates a petition: its window (or notice period) clock, a notice's reply deadline, its endorsements. */
export async function insertPetition(
  tx: Queryable,
  ctx: { now: Date; publicUrl: string; actorId: string | null; source: "import" | "api" },
  input: PetitionInput,
) {
  const { now } = ctx;
  const closesAt = input.closesAt ?? defaultClosesAt(input.kind, input.opensAt);
  let p = await repo.insertPetition(tx, {
    kind: input.kind,
    externalId: input.externalId,
    sourceUrl: input.sourceUrl,
    title: input.title,
    body: input.body,
    proposer: input.proposer,
    threshold: input.threshold ?? PETITION_DEFAULTS.threshold,
    opensAt: input.opensAt,
    closesAt,
    createdBy: ctx.actorId,
    createdAt: now,
    updatedAt: now,
  });
  await repo.setAgencies(
    tx,
    p.id,
    ["named"],
    input.agencyIds.map((agencyId) => ({ role: "named", agencyId })),
  );
  const agencies = await repo.listAgencies(tx, [p.id]);
  await repo.addEvent(tx, {
    petitionId: p.id,
    at: now,
    actorId: ctx.actorId,
    kind: ctx.source === "import" ? "imported" : "created",
    data: { externalId: p.externalId, opensAt: p.opensAt.toISOString(), closesAt: closesAt.toISOString() },
  });
  await repo.startClock(tx, { petitionId: p.id, clock: "window", dueAt: closesAt });
  if (input.kind === "notice") {
    const cal = await loadCalendar(tx, closesAt);
    const replyDueAt = calendarDeadline(closesAt, { days: PETITION_DEFAULTS.replyDaysAfterClose }, cal.data);
    await repo.startClock(tx, { petitionId: p.id, clock: "reply", dueAt: replyDueAt });
  }
  let qualified = false;
  if (input.kind === "petition" && input.endorsements !== undefined) {
    const r = await applyEndorsement(tx, ctx, p, agencies, {
      count: input.endorsements,
      at: input.endorsementsAt ?? now,
      source: ctx.source,
    });
    p = r.petition;
    qualified = r.qualified;
  }
  // A window that closed before it was entered: the sweep closes it on its next run.
  return { petition: p, qualified };
}

/**
 * Updates an imported petition from a newer copy of its source: text fields, agencies named, the
 * window, and a changed endorsement count (which may qualify it). Unchanged copies change nothing.
 */
export async function updateImported(
  tx: Queryable,
  ctx: { now: Date; publicUrl: string; actorId: string | null },
  p: repo.PetitionRow,
  input: PetitionInput,
): Promise<{ outcome: UpsertOutcome; qualified: boolean }> {
  const { now } = ctx;
  // A withdrawn entry keeps the record it was withdrawn with; a newer copy of its source changes nothing.
  if (p.state === "withdrawn") return { outcome: "unchanged", qualified: false };
  const agencies = await repo.listAgencies(tx, [p.id]);
  const named = agencies.filter((a) => a.role === "named").map((a) => a.agencyId);
  const closesAt = input.closesAt ?? defaultClosesAt(input.kind, input.opensAt);
  const fields: Partial<repo.PetitionRow> = {};
  if (p.title !== input.title) fields.title = input.title;
  if (p.body !== input.body) fields.body = input.body;
  if (p.sourceUrl !== input.sourceUrl) fields.sourceUrl = input.sourceUrl;
  if (p.proposer !== input.proposer) fields.proposer = input.proposer;
  if (input.threshold !== undefined && p.threshold !== input.threshold && p.state === "open")
    fields.threshold = input.threshold;
  if (p.state === "open" && p.opensAt.getTime() !== input.opensAt.getTime()) fields.opensAt = input.opensAt;
  if (p.state === "open" && p.closesAt.getTime() !== closesAt.getTime()) fields.closesAt = closesAt;
  const agenciesChanged = named.join(",") !== input.agencyIds.join(",");
  const countChanged = input.endorsements !== undefined && input.endorsements !== p.endorsementCount;
  if (!Object.keys(fields).length && !agenciesChanged && !countChanged)
    return { outcome: "unchanged", qualified: false };
  let current = p;
  if (Object.keys(fields).length) {
    current = await repo.updatePetition(tx, p.id, { ...fields, updatedAt: now });
    if (fields.closesAt)
      await repo.startClock(tx, { petitionId: p.id, clock: "window", dueAt: fields.closesAt });
  }
  if (agenciesChanged)
    await repo.setAgencies(
      tx,
      p.id,
      ["named"],
      input.agencyIds.map((agencyId) => ({ role: "named", agencyId })),
    );
  if (Object.keys(fields).length || agenciesChanged)
    await repo.addEvent(tx, {
      petitionId: p.id,
      at: now,
      actorId: ctx.actorId,
      kind: "source-updated",
      data: { fields: Object.keys(fields), agencies: agenciesChanged ? input.agencyIds : undefined },
    });
  let qualified = false;
  if (countChanged) {
    const r = await applyEndorsement(tx, ctx, current, await repo.listAgencies(tx, [p.id]), {
      count: input.endorsements!,
      at: input.endorsementsAt ?? now,
      source: "import",
    });
    qualified = r.qualified;
  }
  return { outcome: "updated", qualified };
}
