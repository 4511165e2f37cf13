import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import type { Actor } from "../actor.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { DirectoryDeps } from "./deps.ts";

async function agencyIdOf(deps: DirectoryDeps, orgId: string) {
  const org = await repo.findOrg(deps.db, orgId);
  if (!org) return null;
  return { org, agencyId: org.kind === "unit" && org.parentId ? org.parentId : org.id };
}

/** Adds unit staff, a supervisor or PDIS staff. A PO is never added directly: they accept an invitation. */
export async function addMembership(
  deps: DirectoryDeps,
  actor: Actor,
  input: { personId: string; orgId: string; role: "unit-staff" | "supervisor" | "pdis" },
) {
  const target = await agencyIdOf(deps, input.orgId);
  if (!target) throw fail.invalid("orgId", "no such agency or unit");
  if (input.role === "unit-staff" && target.org.kind !== "unit") {
    throw fail.invalid("orgId", "unit staff belong to a unit");
  }
  if (input.role === "supervisor" && target.org.kind === "unit") {
    throw fail.invalid("orgId", "a supervisor belongs to an agency");
  }
  const allowed =
    input.role === "pdis"
      ? actor.isAdmin
      : input.role === "supervisor"
        ? actor.isAdmin || can(actor, { do: "manage-people" })
        : can(actor, { do: "manage-memberships", agencyId: target.agencyId });
  if (!allowed) throw fail.forbidden();
  const person = await repo.findPerson(deps.db, input.personId);
  if (!person) throw fail.invalid("personId", "no such person");
  const existing = await repo.listMemberships(deps.db, {
    personId: person.id,
    orgId: target.org.id,
    role: input.role,
  });
  if (existing.length) throw fail.conflict("this person already holds this role here", "role");
  return writeAudited(deps.db, actor, async (tx) => {
    const m = await repo.insertMembership(tx, {
      personId: person.id,
      orgId: target.org.id,
      role: input.role,
      startedAt: deps.clock.now(),
    });
    return {
      value: m,
      audit: [
        {
          action: "membership.start",
          entityType: "membership",
          entityId: m.id,
          subjectIds: [person.id],
          after: m,
        },
      ],
    };
  });
}

/** Ends a membership (a PO stepping down, staff moving on); the history stays. */
export async function endMembership(deps: DirectoryDeps, actor: Actor, membershipId: string) {
  const m = await repo.findMembership(deps.db, membershipId);
  if (!m || m.endedAt) throw fail.notFound();
  const target = await agencyIdOf(deps, m.orgId);
  const self = actor.personId === m.personId;
  if (!self && !can(actor, { do: "manage-memberships", agencyId: target!.agencyId })) throw fail.forbidden();
  return writeAudited(deps.db, actor, async (tx) => {
    const ended = await repo.endMembership(tx, m.id, deps.clock.now());
    if (!ended) throw fail.notFound();
    return {
      value: ended,
      audit: [
        {
          action: "membership.end",
          entityType: "membership",
          entityId: m.id,
          subjectIds: [m.personId],
          before: m,
          after: ended,
        },
      ],
    };
  });
}
