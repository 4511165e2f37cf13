import * as repo from "../repository.ts";
import { can, type MatterAccess } from "../policy.ts";
import { matterError } from "../errors.ts";
import { fail } from "../../../platform/http/errors.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Actor } from "../../directory/index.ts";

/** A matter with what every rule about it looks at. */
export interface LoadedMatter {
  matter: repo.MatterRow;
  owners: repo.OwnerRow[];
  agencies: repo.MatterAgencyRow[];
  access: MatterAccess;
}

/** Loads a matter by id or reference number (locked for update inside a writing transaction). */
export async function loadMatter(
  db: Queryable,
  idOrReference: string,
  forUpdate = false,
): Promise<LoadedMatter | null> {
  const matter = await repo.findMatter(db, idOrReference, forUpdate);
  if (!matter) return null;
  const owners = await repo.listOwners(db, matter.id);
  const agencies = await repo.listMatterAgencies(db, matter.id);
  const members = await repo.listMembers(db, matter.id);
  return {
    matter,
    owners,
    agencies,
    access: {
      visibility: matter.visibility,
      state: matter.state,
      agencyIds: agencies.map((a) => a.agencyId),
      memberIds: members.map((m) => m.personId),
    },
  };
}

/** The matter if the actor may read it; otherwise 404, so that a network matter's existence never leaks. */
export async function readableMatterOrFail(
  db: Queryable,
  actor: Actor,
  idOrReference: string,
  forUpdate = false,
): Promise<LoadedMatter> {
  const loaded = await loadMatter(db, idOrReference, forUpdate);
  if (!loaded || !can(actor, { do: "read", matter: loaded.access })) throw fail.notFound();
  return loaded;
}

/** Refuses changes to a closed matter. */
export function requireOpen(loaded: LoadedMatter): void {
  if (loaded.matter.state !== "open") throw matterError("matter_closed");
}

/** Appends an entry to the matter's history; the matter's `updatedAt` is the time of its last entry. */
export async function recordEvent(
  db: Queryable,
  matterId: string,
  kind: string,
  actor: Actor,
  at: Date,
  data: Record<string, unknown> = {},
) {
  await repo.updateMatter(db, matterId, { updatedAt: at });
  return repo.insertEvent(db, { matterId, kind, actorId: actor.personId, at, data });
}
