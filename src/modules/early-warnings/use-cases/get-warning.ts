import { presentWarning } from "../presenter.ts";
import { recordRead } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import type { EarlyWarningsDeps } from "./deps.ts";
import { detailParts, labelsFor } from "./views.ts";
import { permissions, readableWarningOrFail } from "./warning-of.ts";

/**
 * One warning with its evidence, agencies, comments, merged duplicates, conversion, outcome and
 * history. Only POs, PDIS, admins, supervisors of an affected agency and the raiser may read it —
 * anyone else (the public included) gets 404 — and every read is audited.
 */
export async function getEarlyWarning(deps: EarlyWarningsDeps, actor: Actor, id: string) {
  const loaded = await readableWarningOrFail(deps.db, actor, id);
  await recordRead(deps.db, actor, "early-warning", loaded.warning.id);
  const parts = await detailParts(deps.db, loaded.warning, loaded.agencies);
  return presentWarning(
    parts,
    await labelsFor(deps.db, [parts]),
    deps.clock.now(),
    permissions(actor, loaded),
  );
}
