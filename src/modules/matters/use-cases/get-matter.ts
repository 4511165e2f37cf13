import * as repo from "../repository.ts";
import { hasNetworkRole } from "../policy.ts";
import { labelIds, presentMatter, type Labels, type MatterParts } from "../presenter.ts";
import { recordRead } from "../../audit/index.ts";
import { orgLabels, personLabels, type Actor } from "../../directory/index.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { MattersDeps } from "./deps.ts";
import { readableMatterOrFail } from "./matter-of.ts";

/**
 * One matter by id or reference number, with owners, agencies, triage, refusals, working group and
 * history. Public matters are open to all; network matters to the network and, while open, to the
 * working group — whose reads (without a network role) are audited. Anyone else gets 404.
 */
export async function getMatter(deps: MattersDeps, actor: Actor, idOrReference: string) {
  const loaded = await readableMatterOrFail(deps.db, actor, idOrReference);
  const { matter } = loaded;
  const networkReader = hasNetworkRole(actor);
  if (matter.visibility === "network" && !networkReader) {
    await recordRead(deps.db, actor, "matter", matter.id);
  }
  const member = actor.personId !== null && loaded.access.memberIds.includes(actor.personId);
  const parts = await matterParts(deps.db, loaded.matter, loaded.owners, loaded.agencies);
  return presentMatter(
    parts,
    await labelsFor(deps.db, parts),
    networkReader || member ? "network" : "outside",
  );
}

async function matterParts(
  db: Queryable,
  matter: repo.MatterRow,
  owners: repo.OwnerRow[],
  agencies: repo.MatterAgencyRow[],
): Promise<MatterParts> {
  const refusals = await repo.listRefusals(db, matter.id);
  const decisions = await repo.listDecisions(
    db,
    refusals.map((r) => r.id),
  );
  const members = await repo.listMembers(db, matter.id, true);
  const events = await repo.listEvents(db, matter.id);
  return { matter, owners, agencies, refusals, decisions, members, events };
}

async function labelsFor(db: Queryable, parts: MatterParts): Promise<Labels> {
  const { orgIds, personIds } = labelIds(parts);
  return { orgs: await orgLabels(db, orgIds), people: await personLabels(db, personIds) };
}
