import { fail } from "../../../platform/http/errors.ts";
import { loadCalendar } from "../../../platform/calendar/index.ts";
import { enqueueMail } from "../../../platform/mail/outbox.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { getMatter } from "../../matters/index.ts";
import { notify } from "../../notifications/index.ts";
import { DEFAULT_CLOCKS, nextDue, escalationChain } from "../chain.ts";
import { peopleOfTarget, resolveTarget } from "../access.ts";
import * as repo from "../repository.ts";
import type { TargetKind } from "../tables.ts";
import type { HelpDeps } from "./deps.ts";
import { requesterAgency } from "./shared.ts";
import { getHelpRequest } from "./get-help-request.ts";

/** Input of askForHelp. */
export interface AskInput {
  title: string;
  body: string;
  target: { kind: TargetKind; id?: string | null };
  supportKind?: "authority" | "technical" | "process" | "experience";
  /** The matter this request belongs to (a reference number or id the requester can see). */
  matterId?: string;
}

/**
 * Anyone in the network asks for help. Two clocks start, in government working days: acknowledge
 * (default 1) and respond (default 5), as set per target kind. The target's people are told.
 */
export async function askForHelp(deps: HelpDeps, actor: Actor, input: AskInput) {
  if (!actor.personId) throw fail.unauthenticated();
  if (!actor.isAdmin && actor.grants.length === 0) throw fail.forbidden();
  if (input.target.kind === "pdis" && !input.supportKind) {
    throw fail.invalid(
      "supportKind",
      "is required when asking PDIS: authority, technical, process or experience",
    );
  }
  if (input.target.kind !== "pdis" && input.supportKind) {
    throw fail.invalid("supportKind", "applies only to requests to PDIS");
  }
  const target = await resolveTarget(deps.db, input.target.kind, input.target.id);
  let matterId: string | null = null;
  if (input.matterId) {
    try {
      matterId = (await getMatter({ db: deps.db, clock: deps.clock }, actor, input.matterId)).id;
    } catch {
      throw fail.invalid("matterId", "no such matter that you can see");
    }
  }
  const now = deps.clock.now();
  const settings = (await repo.clockSettings(deps.db)).find((s) => s.targetKind === target.kind);
  const acknowledgeDays = settings?.acknowledgeDays ?? DEFAULT_CLOCKS.acknowledgeDays;
  const respondDays = settings?.respondDays ?? DEFAULT_CLOCKS.respondDays;
  const cal = await loadCalendar(deps.db, now);
  const acknowledgeDueAt = cal.addWorkingDays(now, acknowledgeDays);
  const respondDueAt = cal.addWorkingDays(now, respondDays);
  const requesterAgencyId = requesterAgency(actor);
  const chain = escalationChain({ kind: target.kind, agencyId: target.agencyId, requesterAgencyId });
  const created = await writeAudited(deps.db, actor, async (tx) => {
    const row = await repo.insertRequest(tx, {
      title: input.title,
      body: input.body,
      requesterId: actor.personId!,
      requesterAgencyId,
      targetKind: target.kind,
      targetId: target.id,
      matterId,
      supportKind: input.supportKind ?? null,
      acknowledgeDays,
      respondDays,
      acknowledgeDueAt,
      respondDueAt,
      nextDueAt: nextDue({
        state: "open",
        acknowledgeDueAt,
        respondDueAt,
        acknowledgedAt: null,
        escalationLevel: 0,
        chainLength: chain.length,
      }),
      createdAt: now,
      updatedAt: now,
    });
    await repo.addEvent(tx, { requestId: row.id, at: now, actorId: actor.personId, kind: "created" });
    const recipients = await peopleOfTarget(tx, row, target.agencyId);
    await notify(
      tx,
      { now, publicUrl: deps.publicUrl },
      {
        recipientIds: recipients,
        actorId: actor.personId,
        kind: "help-request.created",
        title: { "zh-TW": `求救：${row.title}`, en: `Request for help: ${row.title}` },
        body: {
          "zh-TW": `${actor.name ?? ""} 向${target.name["zh-TW"]}求救，請於時限內回覆收到並答覆。`,
          en: `${actor.name ?? ""} asks ${target.name.en} for help. Please acknowledge and respond in time.`,
        },
        url: `/help-requests/${row.id}`,
      },
    );
    if (target.contactEmail && (target.kind === "partner" || target.kind === "pool")) {
      await enqueueMail(
        tx,
        {
          to: target.contactEmail,
          subject: `PO Network 求救 / Request for help: ${row.title}`,
          text: `${row.body}\n\n— ${actor.name ?? ""} <${actor.email ?? ""}>\n${deps.publicUrl}/help-requests/${row.id}\n`,
        },
        now,
      );
    }
    return {
      value: row,
      audit: [{ action: "help-request.create", entityType: "help-request", entityId: row.id, after: row }],
    };
  });
  return getHelpRequest(deps, actor, created.id);
}
