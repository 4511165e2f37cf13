import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { findOrg, findPerson, holds, type Actor } from "../../directory/index.ts";
import { caseError } from "../errors.ts";
import { isCaseOrganiser } from "../policy.ts";
import * as repo from "../repository.ts";
import type { CaseRoleKind } from "../tables.ts";
import { LEAD_COOLDOWN_DAYS, type CasesDeps } from "./deps.ts";
import { getCase } from "./get-case.ts";
import { loadCase, parseCaseNumber } from "./shared.ts";

/** A role to add: an agency for lead/co-organiser/related, a person for facilitators and note takers. */
export interface RoleInput {
  kind: CaseRoleKind;
  agencyId?: string;
  personId?: string;
  label?: string;
  /** The agency's own PO consents to lead within the cool-down. */
  consent?: boolean;
}

const agencyKinds: CaseRoleKind[] = ["lead", "co-organiser", "related"];

/**
 * Adds a role (organisers). A lead agency that led a collaborative meeting within 45 days is made lead
 * only when its own PO consents (`consent: true`); that PO may also take up a lead left pending.
 */
export async function addRole(deps: CasesDeps, actor: Actor, rawNumber: string, input: RoleInput) {
  const number = parseCaseNumber(rawNumber);
  const isAgencyRole = agencyKinds.includes(input.kind);
  if (isAgencyRole) {
    if (!input.agencyId) throw fail.invalid("agencyId", `is required for the role ${input.kind}`);
    const o = await findOrg(deps.db, input.agencyId);
    if (!o || o.kind !== "agency") throw fail.invalid("agencyId", "must be an agency");
    input = { ...input, agencyId: o.id };
  } else {
    if (!input.personId) throw fail.invalid("personId", `is required for the role ${input.kind}`);
    if (!(await findPerson(deps.db, input.personId))) throw fail.invalid("personId", "no such person");
  }
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const { c, roles } = await loadCase(tx, number, true);
    if (c.stage === "released") throw caseError("case_released");
    const consenting = input.kind === "lead" && input.consent === true && holds(actor, "po", input.agencyId!);
    // The pending lead agency's own PO may accept the lead; everyone else must organise the case.
    const acceptsPending = consenting && c.pendingLeadAgencyId === input.agencyId;
    if (!acceptsPending && !isCaseOrganiser(actor, roles)) throw fail.forbidden();
    if (input.consent && !consenting)
      throw fail.invalid("consent", "only a PO of that agency can consent for it to lead");
    if (input.kind === "lead") {
      if (roles.some((r) => r.kind === "lead")) throw caseError("lead_exists");
      const since = new Date(now.getTime() - LEAD_COOLDOWN_DAYS * 24 * 3600 * 1000);
      if (!consenting && (await repo.ledCollaborativeMeetingSince(tx, input.agencyId!, since, c.id)))
        throw caseError("lead_cooldown", { days: LEAD_COOLDOWN_DAYS }, "agencyId");
    }
    if (isAgencyRole && roles.some((r) => r.agencyId === input.agencyId && agencyKinds.includes(r.kind)))
      throw fail.conflict("the agency already has a role on this case", "agencyId");
    const role = await repo.insertRole(tx, {
      caseId: c.id,
      kind: input.kind,
      agencyId: isAgencyRole ? input.agencyId! : null,
      personId: isAgencyRole ? null : input.personId!,
      label: input.label ?? null,
      consentedBy: consenting ? actor.personId : null,
      createdAt: now,
    });
    if (input.kind === "lead" && c.pendingLeadAgencyId)
      await repo.updateCase(tx, c.id, { pendingLeadAgencyId: null, updatedAt: now });
    await repo.addEvent(tx, {
      caseId: c.id,
      at: now,
      actorId: actor.personId,
      kind: "role-added",
      data: { kind: role.kind, agencyId: role.agencyId, personId: role.personId },
    });
    return {
      value: role,
      audit: [
        {
          action: "case.role-add",
          entityType: "case",
          entityId: c.id,
          after: role,
          subjectIds: role.personId ? [role.personId] : [],
        },
      ],
    };
  });
  return getCase(deps, actor, number);
}

/** Removes a role (organisers). */
export async function removeRole(deps: CasesDeps, actor: Actor, rawNumber: string, roleId: string) {
  const number = parseCaseNumber(rawNumber);
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const { c, roles } = await loadCase(tx, number, true);
    if (c.stage === "released") throw caseError("case_released");
    if (!isCaseOrganiser(actor, roles)) throw fail.forbidden();
    const removed = await repo.deleteRole(tx, c.id, roleId);
    if (!removed) throw fail.notFound();
    await repo.addEvent(tx, {
      caseId: c.id,
      at: now,
      actorId: actor.personId,
      kind: "role-removed",
      data: { kind: removed.kind, agencyId: removed.agencyId, personId: removed.personId },
    });
    return {
      value: removed,
      audit: [{ action: "case.role-remove", entityType: "case", entityId: c.id, before: removed }],
    };
  });
  return getCase(deps, actor, number);
}
