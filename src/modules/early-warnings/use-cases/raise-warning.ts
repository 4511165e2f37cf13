import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { membersOf, type Actor } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
import type { Severity, SignalSource } from "../tables.ts";
import type { EarlyWarningsDeps } from "./deps.ts";
import { normaliseEvidence, resolveAgencies } from "./inputs.ts";
import { recordEvent } from "./warning-of.ts";

/** Input of raiseEarlyWarning. */
export interface RaiseWarningInput {
  title: string;
  description?: string;
  signalSource: SignalSource;
  evidence: string[];
  agencyIds: string[];
  flareUpWithinDays: number;
  severity: Severity;
}

const DAY_MS = 24 * 3600_000;

/** The end of the flare-up window: creation plus N calendar days (Taipei keeps no daylight saving). */
export const windowEnd = (createdAt: Date, days: number) => new Date(createdAt.getTime() + days * DAY_MS);

/**
 * A PO, PDIS, a supervisor or an admin raises an early warning (先期警報). The POs of the affected
 * agencies are told. The "did it happen?" question is due when the window ends.
 */
export async function raiseEarlyWarning(deps: EarlyWarningsDeps, actor: Actor, input: RaiseWarningInput) {
  if (!actor.personId) throw fail.unauthenticated();
  const raiserId = actor.personId;
  if (!can(actor, { do: "raise" })) throw fail.forbidden();
  const agencyIds = await resolveAgencies(deps.db, input.agencyIds);
  const evidence = normaliseEvidence(input.evidence);
  const now = deps.clock.now();
  const windowEndsAt = windowEnd(now, input.flareUpWithinDays);
  return writeAudited(deps.db, actor, async (tx) => {
    const warning = await repo.insertWarning(tx, {
      title: input.title.trim(),
      description: input.description?.trim() || null,
      signalSource: input.signalSource,
      severity: input.severity,
      flareUpWithinDays: input.flareUpWithinDays,
      windowEndsAt,
      askDueAt: windowEndsAt,
      raisedBy: raiserId,
      createdAt: now,
      updatedAt: now,
    });
    await repo.addAgencies(tx, warning.id, agencyIds);
    await repo.addEvidence(tx, warning.id, evidence, { addedBy: raiserId, addedAt: now });
    await recordEvent(tx, warning.id, "created", actor, now, {
      title: warning.title,
      signalSource: warning.signalSource,
      severity: warning.severity,
      flareUpWithinDays: warning.flareUpWithinDays,
      agencyIds,
      evidence,
    });
    const pos: string[] = [];
    for (const agencyId of agencyIds)
      pos.push(...(await membersOf(tx, agencyId, "po")).map((m) => m.personId));
    await notify(
      tx,
      { now, publicUrl: deps.publicUrl },
      {
        recipientIds: pos,
        actorId: raiserId,
        kind: "early-warning.raised",
        title: { "zh-TW": `先期警報：${warning.title}`, en: `Early warning: ${warning.title}` },
        body: {
          "zh-TW": `${actor.name ?? ""} 提出一則與貴機關有關的先期警報，預估 ${warning.flareUpWithinDays} 天內可能發酵。`,
          en: `${actor.name ?? ""} raised an early warning about your agency; it may flare up within ${warning.flareUpWithinDays} days.`,
        },
        url: `/early-warnings/${warning.id}`,
      },
    );
    return {
      value: warning,
      audit: [
        {
          action: "early-warning.create",
          entityType: "early-warning",
          entityId: warning.id,
          after: { ...warning, agencyIds, evidence },
        },
      ],
    };
  });
}
