import * as repo from "../repository.ts";
import { can, type WarningAccess } from "../policy.ts";
import type { Permissions } from "../presenter.ts";
import { fail } from "../../../platform/http/errors.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Actor } from "../../directory/index.ts";

/** A warning with what every rule about it looks at. */
export interface LoadedWarning {
  warning: repo.WarningRow;
  agencies: repo.WarningAgencyRow[];
  access: WarningAccess;
}

/** Loads a warning (locked for update inside a writing transaction). */
export async function loadWarning(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<LoadedWarning | null> {
  const warning = await repo.findWarning(db, id, forUpdate);
  if (!warning) return null;
  const agencies = await repo.listAgencies(db, [warning.id]);
  return {
    warning,
    agencies,
    access: { raisedBy: warning.raisedBy, agencyIds: agencies.map((a) => a.agencyId) },
  };
}

/** The warning if the actor may read it; otherwise 404, so that a warning's existence never leaks. */
export async function readableWarningOrFail(
  db: Queryable,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<LoadedWarning> {
  const loaded = await loadWarning(db, id, forUpdate);
  if (!loaded || !can(actor, { do: "read", warning: loaded.access })) throw fail.notFound();
  return loaded;
}

/** What the actor may do with the warning now (for the detail's `can`). */
export function permissions(actor: Actor, loaded: LoadedWarning): Permissions {
  const { warning: w, access } = loaded;
  const manage = can(actor, { do: "manage", warning: access });
  return {
    comment: w.state !== "merged" && can(actor, { do: "comment", warning: access }),
    merge: w.state === "open" && manage,
    convert: w.state === "open" && manage,
    answer: w.state !== "merged" && can(actor, { do: "answer", warning: access }),
  };
}

/** Appends an entry to the warning's history; the warning's `updatedAt` is the time of its last entry. */
export async function recordEvent(
  db: Queryable,
  warningId: string,
  kind: string,
  actor: { personId: string | null },
  at: Date,
  data: Record<string, unknown> = {},
) {
  await repo.updateWarning(db, warningId, { updatedAt: at });
  return repo.insertEvent(db, { warningId, kind, actorId: actor.personId, at, data });
}
