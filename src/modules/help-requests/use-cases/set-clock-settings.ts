import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { DEFAULT_CLOCKS } from "../chain.ts";
import * as repo from "../repository.ts";
import type { TargetKind } from "../tables.ts";
import type { HelpDeps } from "./deps.ts";

const KINDS: TargetKind[] = ["unit", "agency-po", "pdis", "partner", "pool"];

/** Clock lengths per target kind (stored, or the defaults 1 and 5 working days). */
export async function getClockSettings(deps: HelpDeps) {
  const rows = await repo.clockSettings(deps.db);
  return KINDS.map((kind) => {
    const r = rows.find((x) => x.targetKind === kind);
    return {
      targetKind: kind,
      acknowledgeDays: r?.acknowledgeDays ?? DEFAULT_CLOCKS.acknowledgeDays,
      respondDays: r?.respondDays ?? DEFAULT_CLOCKS.respondDays,
      source: r ? ("admin" as const) : ("default" as const),
    };
  });
}

/** An admin sets the clock lengths of one target kind; requests asked later use them. */
export async function setClockSetting(
  deps: HelpDeps,
  actor: Actor,
  input: { targetKind: TargetKind; acknowledgeDays: number; respondDays: number },
) {
  if (!actor.isAdmin) throw fail.forbidden();
  if (input.respondDays < input.acknowledgeDays) {
    throw fail.invalid(
      "respondDays",
      "must be at least acknowledgeDays: an acknowledgement is not an answer",
    );
  }
  await writeAudited(deps.db, actor, async (tx) => {
    const row = await repo.upsertClockSetting(tx, { ...input, updatedAt: deps.clock.now() });
    return {
      value: row,
      audit: [
        { action: "help-clocks.set", entityType: "help-clocks", entityId: input.targetKind, after: row },
      ],
    };
  });
  return getClockSettings(deps);
}
