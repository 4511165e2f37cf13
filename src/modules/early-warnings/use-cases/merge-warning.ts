import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import { notOpen, warningError } from "../errors.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
import type { EarlyWarningsDeps } from "./deps.ts";
import { loadWarning, readableWarningOrFail, recordEvent } from "./warning-of.ts";

/**
 * Merges a duplicate into another warning (the survivor). The duplicate becomes `merged`, pointing to
 * the survivor, and is never asked "did it happen?"; its affected agencies, evidence links and
 * comments are carried over to the survivor, each once; both keep their history. Only an open
 * warning can be merged, and not into itself (400) nor into a warning that was merged itself (409).
 * The raiser, POs and supervisors of an affected agency, PDIS and admins may merge.
 */
export async function mergeEarlyWarning(
  deps: EarlyWarningsDeps,
  actor: Actor,
  id: string,
  input: { intoId: string },
) {
  if (!actor.personId) throw fail.unauthenticated();
  const intoId = input.intoId.toLowerCase();
  return writeAudited(deps.db, actor, async (tx) => {
    await repo.lockWarnings(tx, [id, intoId]);
    const source = await readableWarningOrFail(tx, actor, id);
    const { warning } = source;
    if (warning.id === intoId) throw warningError("merge_into_itself", "intoId");
    const target = await loadWarning(tx, intoId);
    if (!target || !can(actor, { do: "read", warning: target.access })) {
      throw fail.invalid("intoId", "no such early warning");
    }
    if (!can(actor, { do: "manage", warning: source.access })) throw fail.forbidden();
    if (warning.state !== "open") throw notOpen(warning.state, "merge");
    if (target.warning.state === "merged") throw warningError("merge_target_merged", "intoId");

    const now = deps.clock.now();
    const survivor = target.warning;
    const agencies = await repo.addAgencies(tx, survivor.id, source.access.agencyIds.slice(), warning.id);
    const evidence = await repo.listEvidence(tx, [warning.id]);
    const carriedEvidence = await repo.addEvidence(
      tx,
      survivor.id,
      evidence.map((e) => e.url),
      { addedBy: actor.personId, addedAt: now, carriedFrom: warning.id },
    );
    const comments = await repo.copyComments(tx, warning.id, survivor.id);
    const merged = await repo.updateWarning(tx, warning.id, {
      state: "merged",
      mergedIntoId: survivor.id,
      mergedAt: now,
      mergedBy: actor.personId,
      askDueAt: null,
      updatedAt: now,
    });
    const carried = {
      agencyIds: agencies.map((a) => a.agencyId),
      evidence: carriedEvidence.map((e) => e.url),
      comments,
    };
    await recordEvent(tx, warning.id, "merged", actor, now, { intoId: survivor.id, title: survivor.title });
    await recordEvent(tx, survivor.id, "merged-in", actor, now, {
      fromId: warning.id,
      title: warning.title,
      ...carried,
    });
    await notify(
      tx,
      { now, publicUrl: deps.publicUrl },
      {
        recipientIds: warning.raisedBy ? [warning.raisedBy] : [],
        actorId: actor.personId,
        kind: "early-warning.merged",
        title: {
          "zh-TW": `您的先期警報已併入「${survivor.title}」：${warning.title}`,
          en: `Your early warning was merged into "${survivor.title}": ${warning.title}`,
        },
        url: `/early-warnings/${survivor.id}`,
      },
    );
    await notify(
      tx,
      { now, publicUrl: deps.publicUrl },
      {
        recipientIds: survivor.raisedBy ? [survivor.raisedBy] : [],
        actorId: actor.personId,
        kind: "early-warning.merged-in",
        title: {
          "zh-TW": `一則重複的先期警報已併入您的警報：${survivor.title}`,
          en: `A duplicate early warning was merged into yours: ${survivor.title}`,
        },
        url: `/early-warnings/${survivor.id}`,
      },
    );
    return {
      value: merged,
      audit: [
        {
          action: "early-warning.merge",
          entityType: "early-warning",
          entityId: warning.id,
          before: { state: warning.state },
          after: { state: merged.state, mergedIntoId: survivor.id },
        },
        {
          action: "early-warning.merge-in",
          entityType: "early-warning",
          entityId: survivor.id,
          after: { fromId: warning.id, ...carried },
        },
      ],
    };
  });
}
