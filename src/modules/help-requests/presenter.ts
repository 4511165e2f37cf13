import type { EscalationRow, HelpRow } from "./repository.ts";
import type { helpEvents } from "./tables.ts";

/** A request as the API shows it. */
export function presentRequest(
  r: HelpRow,
  escalations: EscalationRow[],
  events: Array<typeof helpEvents.$inferSelect>,
  ctx: { mayAnswer: boolean; isRequester: boolean; chainLength: number; now: Date },
) {
  const running = r.state === "open" || r.state === "acknowledged";
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    state: r.state,
    requesterId: r.requesterId,
    requesterAgencyId: r.requesterAgencyId,
    target: { kind: r.targetKind, id: r.targetId },
    supportKind: r.supportKind,
    matterId: r.matterId,
    acknowledgeDueAt: r.acknowledgeDueAt.toISOString(),
    respondDueAt: r.respondDueAt.toISOString(),
    clocks: {
      acknowledge: {
        dueAt: r.acknowledgeDueAt.toISOString(),
        days: r.acknowledgeDays,
        stoppedAt: r.acknowledgedAt?.toISOString() ?? null,
        lapsed: !r.acknowledgedAt && running && r.acknowledgeDueAt <= ctx.now,
      },
      respond: {
        dueAt: r.respondDueAt.toISOString(),
        days: r.respondDays,
        stoppedAt: r.answeredAt?.toISOString() ?? r.withdrawnAt?.toISOString() ?? null,
        lapsed: running && r.respondDueAt <= ctx.now,
      },
    },
    escalationLevel: r.escalationLevel,
    escalationsLeft: Math.max(0, ctx.chainLength - r.escalationLevel),
    escalations: escalations
      .filter((e) => e.requestId === r.id)
      .map((e) => ({
        level: e.level,
        clock: e.clock,
        targetKind: e.targetKind,
        targetId: e.targetId,
        at: e.at.toISOString(),
      })),
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    answer: r.answer,
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    history: events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      actorId: e.actorId,
      data: e.data ?? null,
    })),
    can: {
      acknowledge: ctx.mayAnswer && r.state === "open",
      respond: ctx.mayAnswer && running,
      reopen: ctx.isRequester && r.state === "answered",
      withdraw: ctx.isRequester && running,
    },
  };
}
