import type { Queryable } from "../../../platform/db/database.ts";
import { loadCalendar } from "../../../platform/calendar/index.ts";
import { fail } from "../../../platform/http/errors.ts";
import { membersOf, orgsByRef, pdisStaff, type Actor } from "../../directory/index.ts";
import { raiseSystemWarning } from "../../early-warnings/index.ts";
import { notify } from "../../notifications/index.ts";
import { can, type PetitionAccess } from "../policy.ts";
import * as repo from "../repository.ts";
import { calendarDeadline, PETITION_DEFAULTS, qualifies } from "../rules.ts";
import type { PetitionAgencyRole } from "../tables.ts";

/** The agencies of a petition by role. */
export function accessOf(agencies: repo.AgencyRow[]): PetitionAccess {
  const of = (role: PetitionAgencyRole) => agencies.filter((a) => a.role === role).map((a) => a.agencyId);
  return { named: of("named"), lead: of("lead"), co: of("co"), related: of("related") };
}

/** Loads a petition (404 when there is none) with its agencies. Petitions are public records. */
export async function loadPetition(db: Queryable, id: string, forUpdate = false) {
  const p = await repo.findPetition(db, id, forUpdate);
  if (!p) throw fail.notFound();
  const agencies = await repo.listAgencies(db, [p.id]);
  return { p, agencies, access: accessOf(agencies) };
}

/** Refuses unless the actor may do this (403). */
export function authorise(actor: Actor, ok: boolean): void {
  if (!actor.personId && !actor.isAdmin) throw fail.unauthenticated();
  if (!ok) throw fail.forbidden();
}

/** May the actor see internal material of this petition. */
export const seesInternal = (actor: Actor, access: PetitionAccess) =>
  can(actor, { do: "see-internal", petition: access });

/**
 * Resolves agencies by id or slug, in the order given and once each; anything unknown, or a unit, is a
 * 400 naming the field.
 */
export async function resolveAgencyRefs(db: Queryable, refs: string[], field: string): Promise<string[]> {
  if (!refs.length) return [];
  const found = await orgsByRef(db, refs);
  const ids: string[] = [];
  for (const [i, ref] of refs.entries()) {
    const o = found.find((x) => x.id === ref.toLowerCase() || x.slug === ref);
    if (!o) throw fail.invalid(`${field}.${i}`, `no such agency: ${ref}`);
    if (o.kind === "unit") throw fail.invalid(`${field}.${i}`, `${ref} is a unit, not an agency`);
    if (!ids.includes(o.id)) ids.push(o.id);
  }
  return ids;
}

/** The automatic early warnings' settings: the admin's, or the defaults. */
export async function settingsOf(db: Queryable) {
  const row = await repo.findSettings(db);
  return {
    warnAtPercent: row?.warnAtPercent ?? PETITION_DEFAULTS.warnAtPercent,
    noResponseDays: row?.noResponseDays ?? PETITION_DEFAULTS.noResponseDays,
    source: row ? ("admin" as const) : ("default" as const),
  };
}

/** People of an agency's PO team. */
export async function posOf(db: Queryable, agencyIds: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const a of agencyIds) out.push(...(await membersOf(db, a, "po")).map((m) => m.personId));
  return out;
}

/** Where a petition is seen. */
export const petitionPath = (id: string) => `/petitions/${id}`;

/**
 * Records an observed endorsement count and applies what follows from it, in the caller's transaction:
 * a count reaching the threshold inside the window qualifies the petition (成案) and starts its clocks
 * (handling plan, response, the no-response warning); a count reaching the configured share of the
 * threshold raises the automatic early warning once. Returns the petition as it now is.
 */
export async function applyEndorsement(
  tx: Queryable,
  ctx: { now: Date; publicUrl: string; actorId: string | null },
  p: repo.PetitionRow,
  agencies: repo.AgencyRow[],
  obs: { count: number; at: Date; source: "import" | "api" },
): Promise<{ petition: repo.PetitionRow; qualified: boolean; warned: boolean }> {
  const { now } = ctx;
  await repo.addEndorsement(tx, { petitionId: p.id, at: obs.at, count: obs.count, source: obs.source });
  const newer = !p.endorsementCountAt || obs.at >= p.endorsementCountAt;
  let patch: Partial<repo.PetitionRow> = newer
    ? { endorsementCount: obs.count, endorsementCountAt: obs.at, updatedAt: now }
    : { updatedAt: now };
  await repo.addEvent(tx, {
    petitionId: p.id,
    at: now,
    actorId: ctx.actorId,
    kind: "endorsements",
    data: { count: obs.count, at: obs.at.toISOString(), source: obs.source },
  });
  let qualified = false;
  let warned = false;
  const access = accessOf(agencies);
  const agencyIds = [...access.lead, ...access.co, ...access.named];
  if (qualifies(p, obs.count, obs.at)) {
    const qualifiedAt = obs.at < p.opensAt ? p.opensAt : obs.at;
    const settings = await settingsOf(tx);
    const cal = await loadCalendar(tx, qualifiedAt);
    const responseDueAt = calendarDeadline(
      qualifiedAt,
      { months: PETITION_DEFAULTS.responseMonths },
      cal.data,
    );
    const planDueAt = calendarDeadline(qualifiedAt, { days: PETITION_DEFAULTS.planDays }, cal.data);
    patch = { ...patch, state: access.lead.length ? "assigned" : "qualified", qualifiedAt, closedAt: null };
    await repo.stopClocks(tx, p.id, ["window"], now);
    await repo.startClock(tx, { petitionId: p.id, clock: "plan", dueAt: planDueAt });
    await repo.startClock(tx, { petitionId: p.id, clock: "response", dueAt: responseDueAt });
    const warnAt = new Date(qualifiedAt.getTime() + settings.noResponseDays * 86_400_000);
    await repo.startClock(tx, { petitionId: p.id, clock: "warn-no-response", dueAt: warnAt });
    await repo.addEvent(tx, {
      petitionId: p.id,
      at: qualifiedAt,
      actorId: ctx.actorId,
      kind: "qualified",
      data: {
        count: obs.count,
        threshold: p.threshold,
        planDueAt: planDueAt.toISOString(),
        responseDueAt: responseDueAt.toISOString(),
      },
    });
    const recipients = [...(await pdisStaff(tx)).map((m) => m.personId), ...(await posOf(tx, agencyIds))];
    recipients.push(...(await repo.followerIds(tx, p.id)));
    await notify(
      tx,
      { now, publicUrl: ctx.publicUrl },
      {
        recipientIds: recipients,
        actorId: ctx.actorId,
        kind: "petition.qualified",
        title: { "zh-TW": `提議成案：${p.title}`, en: `Petition qualified: ${p.title}` },
        body: {
          "zh-TW": `附議數達 ${obs.count}（門檻 ${p.threshold}）。處理計畫與正式回應的期限已開始計算。`,
          en: `${obs.count} endorsements (threshold ${p.threshold}). The handling plan and response deadlines now run.`,
        },
        url: petitionPath(p.id),
        mergeKey: `petition:${p.id}:qualified`,
      },
    );
    qualified = true;
  } else if (
    p.kind === "petition" &&
    p.state === "open" &&
    !p.thresholdWarningId &&
    obs.count < p.threshold
  ) {
    const settings = await settingsOf(tx);
    const share = Math.ceil((p.threshold * settings.warnAtPercent) / 100);
    if (obs.count >= share && obs.at <= p.closesAt) {
      const w = await raiseSystemWarning(
        tx,
        { now, publicUrl: ctx.publicUrl },
        {
          title: `提議接近成案門檻 Petition nearing its threshold: ${p.title}`.slice(0, 200),
          description:
            `附議數 ${obs.count}／門檻 ${p.threshold}（${settings.warnAtPercent}%），附議期限至 ${p.closesAt.toISOString()}。` +
            `\n${obs.count} of ${p.threshold} endorsements (${settings.warnAtPercent}%); the window closes ${p.closesAt.toISOString()}.`,
          signalSource: "petition",
          evidence: p.sourceUrl ? [p.sourceUrl] : [],
          agencyIds,
          flareUpWithinDays: Math.max(
            1,
            Math.min(365, Math.ceil((p.closesAt.getTime() - now.getTime()) / 86_400_000) || 1),
          ),
          severity: "medium",
          notice: {
            "zh-TW": `提議「${p.title}」的附議數已達門檻的 ${settings.warnAtPercent}%。`,
            en: `The petition "${p.title}" has reached ${settings.warnAtPercent}% of its threshold.`,
          },
        },
      );
      patch = { ...patch, thresholdWarningId: w.id };
      await repo.addEvent(tx, {
        petitionId: p.id,
        at: now,
        actorId: null,
        kind: "warning-raised",
        internal: true,
        data: { warningId: w.id, reason: "threshold-share", percent: settings.warnAtPercent },
      });
      warned = true;
    }
  }
  const petition = await repo.updatePetition(tx, p.id, patch);
  return { petition, qualified, warned };
}

/** Days after which updates are pushed to followers (product brief §5). */
export const PUSH_AFTER_DAYS = 60;

/**
 * Tells the followers of an update (an edit of the published response, a follow-up) when it comes
 * more than 60 days after the petition qualified (a notice: after its period closed).
 */
export async function notifyFollowersOfUpdate(
  tx: Queryable,
  deps: { publicUrl: string },
  actor: Actor,
  p: repo.PetitionRow,
  now: Date,
  what: "update" | "response-edited",
): Promise<boolean> {
  const start = p.kind === "petition" ? p.qualifiedAt : p.closesAt;
  if (!start || now.getTime() - start.getTime() <= PUSH_AFTER_DAYS * 86_400_000) return false;
  await notify(
    tx,
    { now, publicUrl: deps.publicUrl },
    {
      recipientIds: await repo.followerIds(tx, p.id),
      actorId: actor.personId,
      kind: `petition.${what}`,
      title:
        what === "update"
          ? { "zh-TW": `提議有新的後續進度：${p.title}`, en: `New follow-up on a petition: ${p.title}` }
          : {
              "zh-TW": `提議的回應已更新：${p.title}`,
              en: `The response to a petition was updated: ${p.title}`,
            },
      url: petitionPath(p.id),
      mergeKey: `petition:${p.id}:${what}`,
    },
  );
  return true;
}
