import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import { presentComment } from "../presenter.ts";
import { warningError } from "../errors.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { personLabels, type Actor } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
import type { EarlyWarningsDeps } from "./deps.ts";
import { readableWarningOrFail } from "./warning-of.ts";

/**
 * Anyone who may read a warning comments on it; the raiser is told (repeats merge into one unread
 * item). A merged warning takes no new comments: they belong on the survivor.
 */
export async function commentOnWarning(
  deps: EarlyWarningsDeps,
  actor: Actor,
  id: string,
  input: { body: string },
) {
  if (!actor.personId) throw fail.unauthenticated();
  const authorId = actor.personId;
  const comment = await writeAudited(deps.db, actor, async (tx) => {
    const loaded = await readableWarningOrFail(tx, actor, id, true);
    const { warning } = loaded;
    if (!can(actor, { do: "comment", warning: loaded.access })) throw fail.forbidden();
    if (warning.state === "merged") throw warningError("warning_merged", "state");
    const now = deps.clock.now();
    const row = await repo.insertComment(tx, {
      warningId: warning.id,
      authorId,
      body: input.body.trim(),
      createdAt: now,
    });
    await repo.updateWarning(tx, warning.id, { updatedAt: now });
    await notify(
      tx,
      { now, publicUrl: deps.publicUrl },
      {
        recipientIds: warning.raisedBy ? [warning.raisedBy] : [],
        actorId: authorId,
        kind: "early-warning.commented",
        title: {
          "zh-TW": `您的先期警報有新留言：${warning.title}`,
          en: `New comment on your early warning: ${warning.title}`,
        },
        url: `/early-warnings/${warning.id}`,
        mergeKey: `early-warning:${warning.id}:comments`,
      },
    );
    return {
      value: row,
      audit: [
        {
          action: "early-warning.comment",
          entityType: "early-warning",
          entityId: warning.id,
          after: { commentId: row.id, body: row.body },
        },
      ],
    };
  });
  const people = await personLabels(deps.db, [authorId]);
  return presentComment(comment, { orgs: new Map(), people, warnings: new Map() });
}
