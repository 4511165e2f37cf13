import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { findOrg, orgLabels, personLabels, type Actor } from "../../directory/index.ts";
import * as repo from "../repository.ts";
import type { MeetingsDeps } from "./deps.ts";
import { runsNetworkMeetings } from "./shared.ts";

/** The two rotation rosters. */
export type RotationKind = "nomination" | "table-facilitator";

/** A rotation in order, with who is next (the one who served longest ago, never-served first). */
export async function getRotation(deps: MeetingsDeps, kind: RotationKind) {
  const rows = await repo.listRotation(deps.db, kind);
  const orgs = await orgLabels(
    deps.db,
    rows.flatMap((r) => (r.agencyId ? [r.agencyId] : [])),
  );
  const people = await personLabels(
    deps.db,
    rows.flatMap((r) => (r.personId ? [r.personId] : [])),
  );
  const next = nextOf(rows);
  return {
    kind,
    items: rows.map((r) => ({
      position: r.position,
      agency: r.agencyId ? (orgs.get(r.agencyId) ?? null) : null,
      person: r.personId ? (people.get(r.personId) ?? null) : null,
      lastServedAt: r.lastServedAt?.toISOString() ?? null,
      lastServedFor: r.lastServedFor,
      next: next?.position === r.position,
    })),
  };
}

function nextOf(rows: Awaited<ReturnType<typeof repo.listRotation>>) {
  return [...rows].sort(
    (a, b) =>
      (a.lastServedAt?.getTime() ?? -1) - (b.lastServedAt?.getTime() ?? -1) || a.position - b.position,
  )[0];
}

/** Sets a rotation's members in order (PDIS); agencies for nominations, people for table facilitators. */
export async function setRotation(deps: MeetingsDeps, actor: Actor, kind: RotationKind, ids: string[]) {
  if (!runsNetworkMeetings(actor)) throw fail.forbidden();
  if (new Set(ids).size !== ids.length) throw fail.invalid("members", "each member may appear once");
  const members: Array<{ agencyId: string | null; personId: string | null }> = [];
  for (const [i, id] of ids.entries()) {
    if (kind === "nomination") {
      const o = await findOrg(deps.db, id);
      if (!o || o.kind !== "agency") throw fail.invalid(`members.${i}`, "must be an agency");
      members.push({ agencyId: o.id, personId: null });
    } else {
      const known = await repo.knownPeople(deps.db, [id]);
      if (!known.has(id)) throw fail.invalid(`members.${i}`, "must be a person");
      members.push({ agencyId: null, personId: id });
    }
  }
  await writeAudited(deps.db, actor, async (tx) => {
    await repo.replaceRotation(tx, kind, members);
    return {
      value: null,
      audit: [{ action: "rotation.set", entityType: "rotation", entityId: kind, after: members }],
    };
  });
  return getRotation(deps, kind);
}

/** Takes the next turn of a rotation (PDIS): the member who served longest ago serves now, for `servedFor`. */
export async function takeTurn(
  deps: MeetingsDeps,
  actor: Actor,
  kind: RotationKind,
  servedFor: string | null,
) {
  if (!runsNetworkMeetings(actor)) throw fail.forbidden();
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const rows = await repo.listRotation(tx, kind);
    const next = nextOf(rows);
    if (!next) throw fail.conflict("the rotation has no members", "members");
    await repo.markServed(tx, kind, next.position, now, servedFor);
    return {
      value: next,
      audit: [
        {
          action: "rotation.turn",
          entityType: "rotation",
          entityId: kind,
          after: { position: next.position, servedFor },
        },
      ],
    };
  });
  return getRotation(deps, kind);
}
