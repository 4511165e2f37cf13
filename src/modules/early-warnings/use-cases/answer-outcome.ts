import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import { warningError } from "../errors.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import type { Happened } from "../tables.ts";
import type { EarlyWarningsDeps } from "./deps.ts";
import { readableWarningOrFail, recordEvent } from "./warning-of.ts";

/**
 * The raiser (or PDIS, or an admin) answers "did it happen?": yes, no or partly, with a note. The
 * answer is kept for the look-back; an open warning is then closed, a converted one stays converted.
 * Answering before the window ends stops the question from being asked. A later answer replaces the
 * earlier one; the history keeps both. A merged warning is answered on its survivor (409).
 */
export async function answerOutcome(
  deps: EarlyWarningsDeps,
  actor: Actor,
  id: string,
  input: { happened: Happened; note?: string },
) {
  if (!actor.personId) throw fail.unauthenticated();
  return writeAudited(deps.db, actor, async (tx) => {
    const loaded = await readableWarningOrFail(tx, actor, id, true);
    const { warning } = loaded;
    if (!can(actor, { do: "answer", warning: loaded.access })) throw fail.forbidden();
    if (warning.state === "merged") throw warningError("warning_merged", "state");
    const now = deps.clock.now();
    const note = input.note?.trim() || null;
    const previous = warning.happened ? { happened: warning.happened, note: warning.outcomeNote } : null;
    const updated = await repo.updateWarning(tx, warning.id, {
      happened: input.happened,
      outcomeNote: note,
      answeredAt: now,
      answeredBy: actor.personId,
      askDueAt: null,
      state: warning.state === "open" ? "closed" : warning.state,
      updatedAt: now,
    });
    await recordEvent(tx, warning.id, "answered", actor, now, { happened: input.happened, note, previous });
    return {
      value: updated,
      audit: [
        {
          action: "early-warning.outcome",
          entityType: "early-warning",
          entityId: warning.id,
          before: { state: warning.state, ...(previous ?? {}) },
          after: { state: updated.state, happened: updated.happened, note },
        },
      ],
    };
  });
}
