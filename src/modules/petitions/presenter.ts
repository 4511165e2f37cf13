import type { LocaleText } from "../directory/index.ts";
import type * as repo from "./repository.ts";
import type { petitionEndorsements, petitionEscalations, petitionEvents, petitionUpdates } from "./tables.ts";

/** An agency as shown on a petition. */
export interface AgencyRef {
  id: string;
  slug: string;
  name: LocaleText;
}

/** Public kinds of timeline entries that carry their data to the public. */
const PUBLIC_DATA_KINDS = new Set([
  "created",
  "imported",
  "endorsements",
  "qualified",
  "not-qualified",
  "notice-closed",
  "assigned",
  "reassigned",
  "plan-published",
  "plan-revised",
  "extended",
  "responded",
  "response-edited",
  "update",
  "source-updated",
  "withdrawn",
]);

/** The public clocks of a petition: handling plan, response, a notice's reply. */
function clocksOf(clocks: repo.ClockRow[], now: Date) {
  const one = (name: "plan" | "response" | "reply" | "window") => {
    const c = clocks.find((x) => x.clock === name);
    if (!c) return null;
    return {
      dueAt: c.dueAt.toISOString(),
      stoppedAt: c.stoppedAt?.toISOString() ?? null,
      lapsed: !c.stoppedAt && c.dueAt <= now,
    };
  };
  return { plan: one("plan"), response: one("response"), reply: one("reply") };
}

/** A petition in lists and exports: the public summary. */
export function presentSummary(
  p: repo.PetitionRow,
  agencies: repo.AgencyRow[],
  clocks: repo.ClockRow[],
  labels: Map<string, AgencyRef>,
  now: Date,
) {
  const ref = (id: string): AgencyRef => labels.get(id) ?? { id, slug: id, name: { "zh-TW": id, en: id } };
  const of = (role: string) =>
    agencies.filter((a) => a.petitionId === p.id && a.role === role).map((a) => ref(a.agencyId));
  const mine = clocks.filter((c) => c.petitionId === p.id);
  const c = clocksOf(mine, now);
  return {
    id: p.id,
    kind: p.kind,
    externalId: p.externalId,
    url: p.sourceUrl,
    title: p.title,
    proposer: p.proposer,
    state: p.state,
    threshold: p.threshold,
    endorsementCount: p.endorsementCount,
    endorsementCountAt: p.endorsementCountAt?.toISOString() ?? null,
    opensAt: p.opensAt.toISOString(),
    closesAt: p.closesAt.toISOString(),
    qualifiedAt: p.qualifiedAt?.toISOString() ?? null,
    closedAt: p.closedAt?.toISOString() ?? null,
    agencies: { named: of("named"), lead: of("lead")[0] ?? null, co: of("co"), related: of("related") },
    planDueAt: c.plan?.dueAt ?? null,
    responseDueAt: c.response?.dueAt ?? null,
    replyDueAt: c.reply?.dueAt ?? null,
    originalResponseDueAt: p.originalResponseDueAt?.toISOString() ?? null,
    extension: p.extendedAt ? { reason: p.extensionReason!, at: p.extendedAt.toISOString() } : null,
    withdrawal: p.withdrawnAt ? { reason: p.withdrawalReason!, at: p.withdrawnAt.toISOString() } : null,
    respondedAt: p.respondedAt?.toISOString() ?? null,
    overdue: Object.values(c).some((x) => x?.lapsed === true),
    clocks: c,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** A response as shown (published, or a draft to those who may see internal material). */
export function presentResponse(r: repo.ResponseRow, publicUrl: string) {
  return {
    status: r.publishedAt ? ("published" as const) : ("draft" as const),
    analysis: r.analysis,
    suggestion: r.suggestion,
    plan: r.plan,
    references: r.references,
    citations: r.citations.map((c) => ({
      speechId: c.speechId,
      permalink: `${publicUrl}/speeches/${c.speechId}`,
      note: c.note,
    })),
    evaluatedBy: r.evaluatedBy,
    evaluationMethod: r.evaluationMethod,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    lastUpdatedAt: r.updatedAt.toISOString(),
  };
}

/** A timeline entry; the public sees the data only of public kinds. */
export function presentEvent(e: typeof petitionEvents.$inferSelect) {
  return {
    at: e.at.toISOString(),
    kind: e.kind,
    internal: e.internal,
    data: e.internal || PUBLIC_DATA_KINDS.has(e.kind) ? (e.data ?? null) : null,
  };
}

/** The endorsement history. */
export const presentEndorsement = (e: typeof petitionEndorsements.$inferSelect) => ({
  at: e.at.toISOString(),
  count: e.count,
  source: e.source,
});

/** A follow-up update. */
export const presentUpdate = (u: typeof petitionUpdates.$inferSelect) => ({
  id: u.id,
  body: u.body,
  at: u.at.toISOString(),
});

/** An escalation (internal). */
export const presentEscalation = (e: typeof petitionEscalations.$inferSelect) => ({
  clock: e.clock,
  level: e.level,
  targetKind: e.targetKind,
  targetId: e.targetId,
  at: e.at.toISOString(),
});
