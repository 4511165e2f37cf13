import type { Queryable } from "../../platform/db/database.ts";
import { fail } from "../../platform/http/errors.ts";
import {
  admins,
  findOrg,
  findResource,
  holds,
  isPdis,
  membersOf,
  pdisStaff,
  type Actor,
  type LocaleText,
} from "../directory/index.ts";
import type { EscalationStep } from "./chain.ts";
import type { EscalationRow, HelpRow } from "./repository.ts";
import type { TargetKind } from "./tables.ts";

/** A validated target with what the chain and the pages need. */
export interface ResolvedTarget {
  kind: TargetKind;
  id: string | null;
  agencyId: string | null;
  name: LocaleText;
  /** For partners and pools: where the request is e-mailed. */
  contactEmail: string | null;
}

const PDIS_NAME = { "zh-TW": "公共數位創新空間（PDIS）", en: "PDIS (Public Digital Innovation Space)" };

/** Checks that the target exists and is of the right kind; 400 naming `target.id` otherwise. */
export async function resolveTarget(
  db: Queryable,
  kind: TargetKind,
  id: string | null | undefined,
): Promise<ResolvedTarget> {
  if (kind === "pdis") return { kind, id: null, agencyId: null, name: PDIS_NAME, contactEmail: null };
  if (!id) throw fail.invalid("target.id", "is required for this kind of target");
  if (kind === "unit" || kind === "agency-po") {
    const org = await findOrg(db, id);
    if (!org) throw fail.invalid("target.id", "no such unit or agency");
    if (kind === "unit" && org.kind !== "unit") throw fail.invalid("target.id", "must be a unit");
    if (kind === "agency-po" && org.kind === "unit") throw fail.invalid("target.id", "must be an agency");
    const agencyId = kind === "unit" ? org.parentId : org.id;
    return { kind, id: org.id, agencyId, name: org.name, contactEmail: org.email };
  }
  const resource = await findResource(db, id);
  if (!resource) throw fail.invalid("target.id", "no such resource");
  if (kind === "pool" && resource.kind !== "pool") throw fail.invalid("target.id", "must be an outside pool");
  return { kind, id: resource.id, agencyId: null, name: resource.name, contactEmail: resource.contactEmail };
}

/** People who answer for one escalation step. */
export async function peopleOfStep(db: Queryable, step: EscalationStep): Promise<string[]> {
  switch (step.kind) {
    case "agency-po":
      return step.agencyId ? (await membersOf(db, step.agencyId, "po")).map((m) => m.personId) : [];
    case "supervisor":
      return step.agencyId ? (await membersOf(db, step.agencyId, "supervisor")).map((m) => m.personId) : [];
    case "pdis":
      return (await pdisStaff(db)).map((m) => m.personId);
    case "minister-office":
      // No minister's-office role exists yet: administrators act for it (docs/help-requests.md).
      return (await admins(db)).map((p) => p.id);
  }
}

/** People first asked: the unit's staff (or, if it has none, its agency's POs), the PO team, PDIS. */
export async function peopleOfTarget(
  db: Queryable,
  r: { targetKind: TargetKind; targetId: string | null; requesterAgencyId: string | null },
  targetAgencyId: string | null,
): Promise<string[]> {
  switch (r.targetKind) {
    case "unit": {
      const staff = r.targetId ? (await membersOf(db, r.targetId, "unit-staff")).map((m) => m.personId) : [];
      if (staff.length) return staff;
      return targetAgencyId ? (await membersOf(db, targetAgencyId, "po")).map((m) => m.personId) : [];
    }
    case "agency-po":
      return r.targetId ? (await membersOf(db, r.targetId, "po")).map((m) => m.personId) : [];
    case "pdis":
      return (await pdisStaff(db)).map((m) => m.personId);
    case "partner":
    case "pool":
      // The outside side is e-mailed; in the network the requester's own PO team follows it up.
      return r.requesterAgencyId
        ? (await membersOf(db, r.requesterAgencyId, "po")).map((m) => m.personId)
        : [];
  }
}

/** May the actor acknowledge and respond: the target's side, or whoever the request escalated to. */
export function canAnswer(
  actor: Actor,
  r: HelpRow,
  targetAgencyId: string | null,
  escalations: EscalationRow[],
): boolean {
  if (actor.isAdmin) return true;
  const side = (() => {
    switch (r.targetKind) {
      case "unit":
        return (
          actor.grants.some((g) => g.role === "unit-staff" && g.orgId === r.targetId) ||
          (!!targetAgencyId &&
            (holds(actor, "po", targetAgencyId) || holds(actor, "supervisor", targetAgencyId)))
        );
      case "agency-po":
        return !!r.targetId && (holds(actor, "po", r.targetId) || holds(actor, "supervisor", r.targetId));
      case "pdis":
        return isPdis(actor);
      case "partner":
      case "pool":
        return isPdis(actor) || (!!r.requesterAgencyId && holds(actor, "po", r.requesterAgencyId));
    }
  })();
  if (side) return true;
  return escalations.some(
    (e) =>
      (e.targetKind === "agency-po" && !!e.targetId && holds(actor, "po", e.targetId)) ||
      (e.targetKind === "supervisor" && !!e.targetId && holds(actor, "supervisor", e.targetId)) ||
      (e.targetKind === "pdis" && isPdis(actor)),
  );
}

/** May the actor read the request: the requester, the answering side, PDIS, POs and supervisors involved. */
export function canSee(
  actor: Actor,
  r: HelpRow,
  targetAgencyId: string | null,
  escalations: EscalationRow[],
): boolean {
  if (!actor.personId && !actor.isAdmin) return false;
  if (actor.personId === r.requesterId || isPdis(actor) || actor.isAdmin) return true;
  if (canAnswer(actor, r, targetAgencyId, escalations)) return true;
  return (
    !!r.requesterAgencyId &&
    (holds(actor, "po", r.requesterAgencyId) || holds(actor, "supervisor", r.requesterAgencyId))
  );
}
