import { fail } from "../../../platform/http/errors.ts";
import { recordRead, writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { notify } from "../../notifications/index.ts";
import { caseError } from "../errors.ts";
import { isCaseOrganiser, mayInviteFor } from "../policy.ts";
import { presentSeat } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { LivestreamConsent, SeatCategory } from "../tables.ts";
import { SEAT_CAPS, type CasesDeps } from "./deps.ts";
import { labelsFor } from "./get-case.ts";
import { loadCase, parseCaseNumber } from "./shared.ts";

/** A seat to add. A co-signer may sign themselves up; organisers add anyone. */
export interface SeatInput {
  category: SeatCategory;
  invitingAgencyId?: string;
  groupName?: string;
  name?: string;
  email?: string;
  organisation?: string;
  livestreamConsent?: LivestreamConsent;
}

const foldGroup = (g: string) => g.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");

/**
 * Adds a seat at the collaborative meeting, enforcing the caps under the case's row lock:
 * ≤ 5 stakeholders per inviting agency, ≤ 10 other stakeholders with one per group (409 naming the
 * cap); co-signers beyond 5 join the waiting list, first come first served.
 */
export async function addSeat(deps: CasesDeps, actor: Actor, rawNumber: string, input: SeatInput) {
  if (!actor.personId && !actor.isAdmin) throw fail.unauthenticated();
  const number = parseCaseNumber(rawNumber);
  const now = deps.clock.now();
  const seat = await writeAudited(deps.db, actor, async (tx) => {
    const { c, roles } = await loadCase(tx, number, true);
    if (c.stage === "released") throw caseError("case_released");
    const organiser = isCaseOrganiser(actor, roles);
    let state: "confirmed" | "waiting" = "confirmed";
    let personId: string | null = null;
    let name = input.name?.trim() ?? "";
    let email = input.email?.trim() || null;
    let groupKey: string | null = null;
    switch (input.category) {
      case "agency-stakeholder": {
        const agencyId = input.invitingAgencyId;
        if (!agencyId) throw fail.invalid("invitingAgencyId", "is required for an agency's stakeholder");
        const role = roles.find((r) => r.agencyId === agencyId);
        if (!role) throw fail.invalid("invitingAgencyId", "must be an agency with a role on this case");
        if (!mayInviteFor(actor, roles, agencyId)) throw fail.forbidden();
        if (!name) throw fail.invalid("name", "must not be empty");
        const n = await repo.countConfirmed(tx, c.id, "agency-stakeholder", agencyId);
        if (n >= SEAT_CAPS.perInvitingAgency)
          throw caseError(
            "seat_cap_agency_stakeholders",
            { cap: SEAT_CAPS.perInvitingAgency },
            "invitingAgencyId",
          );
        break;
      }
      case "co-signer": {
        if (!organiser || !name) {
          // Signing oneself up: the seat is the signed-in person's.
          if (!actor.personId) throw fail.unauthenticated();
          personId = actor.personId;
          name = actor.name ?? "";
          email = actor.email;
          if (await repo.liveSeatOf(tx, c.id, personId)) throw caseError("seat_taken_by_person");
        }
        const n = await repo.countConfirmed(tx, c.id, "co-signer");
        if (n >= SEAT_CAPS.coSigners) state = "waiting";
        break;
      }
      case "other-stakeholder": {
        if (!organiser) throw fail.forbidden();
        if (!name) throw fail.invalid("name", "must not be empty");
        if (!input.groupName?.trim())
          throw fail.invalid("groupName", "is required: the group the stakeholder speaks for");
        groupKey = foldGroup(input.groupName);
        if (await repo.confirmedGroupSeat(tx, c.id, groupKey))
          throw caseError("seat_cap_one_per_group", { group: input.groupName.trim() }, "groupName");
        const n = await repo.countConfirmed(tx, c.id, "other-stakeholder");
        if (n >= SEAT_CAPS.otherStakeholders)
          throw caseError("seat_cap_other_stakeholders", { cap: SEAT_CAPS.otherStakeholders }, "category");
        break;
      }
    }
    const row = await repo.insertSeat(tx, {
      caseId: c.id,
      category: input.category,
      invitingAgencyId: input.category === "agency-stakeholder" ? input.invitingAgencyId! : null,
      groupName: input.category === "other-stakeholder" ? input.groupName!.trim() : null,
      groupKey,
      personId,
      name,
      email,
      organisation: input.organisation?.trim() || null,
      state,
      livestreamConsent: input.livestreamConsent ?? "none",
      addedBy: actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    return {
      value: row,
      audit: [
        {
          action: "case.seat-add",
          entityType: "case-seat",
          entityId: row.id,
          after: row,
          subjectIds: personId ? [personId] : [],
        },
      ],
    };
  });
  const labels = await labelsFor(deps.db, [seat.invitingAgencyId], []);
  return presentSeat(seat, labels);
}

/** Withdraws a seat (the seat holder or an organiser); the first co-signer waiting takes a freed co-signer seat. */
export async function withdrawSeat(deps: CasesDeps, actor: Actor, rawNumber: string, seatId: string) {
  const number = parseCaseNumber(rawNumber);
  const now = deps.clock.now();
  const seat = await writeAudited(deps.db, actor, async (tx) => {
    const { c, roles } = await loadCase(tx, number, true);
    if (c.stage === "released") throw caseError("case_released");
    const s = await repo.findSeat(tx, c.id, seatId);
    if (!s) throw fail.notFound();
    const own = !!actor.personId && s.personId === actor.personId;
    if (
      !own &&
      !isCaseOrganiser(actor, roles) &&
      !(s.invitingAgencyId && mayInviteFor(actor, roles, s.invitingAgencyId))
    )
      throw fail.forbidden();
    if (s.state === "withdrawn") throw caseError("seat_withdrawn");
    const row = await repo.updateSeat(tx, s.id, { state: "withdrawn", updatedAt: now });
    const audit = [
      {
        action: "case.seat-withdraw",
        entityType: "case-seat",
        entityId: s.id,
        before: s,
        after: row,
        subjectIds: s.personId ? [s.personId] : [],
      },
    ];
    if (s.category === "co-signer" && s.state === "confirmed") {
      const next = await repo.firstWaiting(tx, c.id);
      if (next) {
        const promoted = await repo.updateSeat(tx, next.id, { state: "confirmed", updatedAt: now });
        if (next.personId)
          await notify(
            tx,
            { now, publicUrl: deps.publicUrl },
            {
              recipientIds: [next.personId],
              actorId: actor.personId,
              kind: "case.seat-confirmed",
              title: {
                "zh-TW": `候補遞補：您已取得序號 ${c.number} 協作會議的席次`,
                en: `A seat is yours at the collaborative meeting of case ${c.number}`,
              },
              url: `/cases/${c.number}`,
            },
          );
        audit.push({
          action: "case.seat-promote",
          entityType: "case-seat",
          entityId: next.id,
          before: next,
          after: promoted,
          subjectIds: next.personId ? [next.personId] : [],
        });
      }
    }
    return { value: row, audit: audit as [(typeof audit)[0], ...typeof audit] };
  });
  return presentSeat(seat, await labelsFor(deps.db, [seat.invitingAgencyId], []));
}

/** Sets an attendee's livestream consent (the seat holder, or an organiser recording what they said). */
export async function setSeatConsent(
  deps: CasesDeps,
  actor: Actor,
  rawNumber: string,
  seatId: string,
  consent: LivestreamConsent,
) {
  const number = parseCaseNumber(rawNumber);
  const now = deps.clock.now();
  const seat = await writeAudited(deps.db, actor, async (tx) => {
    const { c, roles } = await loadCase(tx, number, true);
    if (c.stage === "released") throw caseError("case_released");
    const s = await repo.findSeat(tx, c.id, seatId);
    if (!s) throw fail.notFound();
    const own = !!actor.personId && s.personId === actor.personId;
    if (!own && !isCaseOrganiser(actor, roles)) throw fail.forbidden();
    const row = await repo.updateSeat(tx, s.id, { livestreamConsent: consent, updatedAt: now });
    return {
      value: row,
      audit: [
        {
          action: "case.seat-consent",
          entityType: "case-seat",
          entityId: s.id,
          before: { livestreamConsent: s.livestreamConsent },
          after: { livestreamConsent: consent },
          subjectIds: s.personId ? [s.personId] : [],
        },
      ],
    };
  });
  return presentSeat(seat, await labelsFor(deps.db, [seat.invitingAgencyId], []));
}

/** The seats with names and e-mail (organisers only; the read is audited: it is personal data). */
export async function listSeats(deps: CasesDeps, actor: Actor, rawNumber: string) {
  const number = parseCaseNumber(rawNumber);
  const { c, roles } = await loadCase(deps.db, number);
  if (!isCaseOrganiser(actor, roles)) throw fail.forbidden();
  const seats = await repo.listSeats(deps.db, c.id);
  await recordRead(
    deps.db,
    actor,
    "case-seats",
    c.id,
    seats.flatMap((s) => (s.personId ? [s.personId] : [])),
  );
  const labels = await labelsFor(
    deps.db,
    seats.map((s) => s.invitingAgencyId),
    [],
  );
  return { items: seats.map((s) => presentSeat(s, labels)) };
}
