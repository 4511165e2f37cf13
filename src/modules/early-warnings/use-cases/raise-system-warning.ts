import * as repo from "../repository.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { appendAudit } from "../../audit/index.ts";
import { membersOf, pdisStaff } from "../../directory/index.ts";
import { notify, type LocaleText } from "../../notifications/index.ts";
import type { Severity, SignalSource } from "../tables.ts";
import { windowEnd } from "./raise-warning.ts";
import { normaliseEvidence } from "./inputs.ts";
import { recordEvent } from "./warning-of.ts";

/** Input of raiseSystemWarning: an automatic signal, raised inside the caller's transaction. */
export interface SystemWarningInput {
  title: string;
  description: string;
  signalSource: SignalSource;
  evidence: string[];
  /** Agencies (ids) the signal is about; may be empty when none is known yet. */
  agencyIds: string[];
  flareUpWithinDays: number;
  severity: Severity;
  /** Where the notification points, for people who cannot yet open the warning's page. */
  notice: LocaleText;
}

/**
 * The system raises an early warning (an automatic signal: a petition nearing its threshold, a
 * qualified petition still without a response). It has no raiser (`raisedBy` null): the POs of the
 * affected agencies and PDIS are told, and PDIS is asked "did it happen?" when its window ends. Runs in
 * the caller's transaction, so the signal and what caused it commit together.
 */
export async function raiseSystemWarning(
  tx: Queryable,
  ctx: { now: Date; publicUrl: string },
  input: SystemWarningInput,
): Promise<{ id: string }> {
  const now = ctx.now;
  const windowEndsAt = windowEnd(now, input.flareUpWithinDays);
  const warning = await repo.insertWarning(tx, {
    title: input.title,
    description: input.description,
    signalSource: input.signalSource,
    severity: input.severity,
    flareUpWithinDays: input.flareUpWithinDays,
    windowEndsAt,
    askDueAt: windowEndsAt,
    raisedBy: null,
    createdAt: now,
    updatedAt: now,
  });
  const agencyIds = [...new Set(input.agencyIds)];
  const evidence = normaliseEvidence(input.evidence);
  await repo.addAgencies(tx, warning.id, agencyIds);
  await repo.addEvidence(tx, warning.id, evidence, { addedBy: null, addedAt: now });
  await recordEvent(tx, warning.id, "created", { personId: null }, now, {
    title: warning.title,
    signalSource: warning.signalSource,
    severity: warning.severity,
    flareUpWithinDays: warning.flareUpWithinDays,
    agencyIds,
    evidence,
    automatic: true,
  });
  const recipients = (await pdisStaff(tx)).map((m) => m.personId);
  for (const agencyId of agencyIds)
    recipients.push(...(await membersOf(tx, agencyId, "po")).map((m) => m.personId));
  await notify(
    tx,
    { now, publicUrl: ctx.publicUrl },
    {
      recipientIds: recipients,
      actorId: null,
      kind: "early-warning.raised",
      title: { "zh-TW": `自動先期警報：${warning.title}`, en: `Automatic early warning: ${warning.title}` },
      body: input.notice,
      url: `/early-warnings/${warning.id}`,
    },
  );
  await appendAudit(tx, { personId: null }, [
    {
      action: "early-warning.create",
      entityType: "early-warning",
      entityId: warning.id,
      after: { ...warning, agencyIds, evidence },
    },
  ]);
  return { id: warning.id };
}
