import { loadCalendar } from "../../../platform/calendar/index.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { appendAudit } from "../../audit/index.ts";
import { admins, membersOf, pdisStaff } from "../../directory/index.ts";
import { raiseSystemWarning } from "../../early-warnings/index.ts";
import { notify } from "../../notifications/index.ts";
import * as repo from "../repository.ts";
import { isQualifiedOrLater, PETITION_DEFAULTS, petitionChain, type PetitionStep } from "../rules.ts";
import type { PetitionsDeps } from "./deps.ts";
import { accessOf, petitionPath, posOf } from "./shared.ts";

const CLOCK_NAMES = {
  plan: { "zh-TW": "處理計畫", en: "handling plan" },
  response: { "zh-TW": "正式回應", en: "formal response" },
  reply: { "zh-TW": "綜整回應", en: "consolidated reply" },
} as const;

const STEP_NAMES: Record<PetitionStep["kind"], { "zh-TW": string; en: string }> = {
  supervisor: { "zh-TW": "主辦機關的督導", en: "the lead agency's supervising official" },
  pdis: { "zh-TW": "PDIS", en: "PDIS" },
  "minister-office": { "zh-TW": "督導政務委員辦公室", en: "the supervising minister's office" },
};

/** People of an escalation step. */
async function peopleOfStep(db: Queryable, step: PetitionStep): Promise<string[]> {
  switch (step.kind) {
    case "supervisor":
      return step.agencyId ? (await membersOf(db, step.agencyId, "supervisor")).map((m) => m.personId) : [];
    case "pdis":
      return (await pdisStaff(db)).map((m) => m.personId);
    case "minister-office":
      // No minister's-office role exists yet: administrators act for it (as for help requests).
      return (await admins(db)).map((p) => p.id);
  }
}

/**
 * The sweep of petition timers. Petitions with a due clock are claimed in batches with FOR UPDATE SKIP
 * LOCKED (one being changed, or swept elsewhere, is left to the next run), one transaction per batch,
 * and each of their due clocks is handled:
 * - `window`: an open petition that did not qualify becomes `not-qualified`; a notice becomes `closed`;
 * - `warn-no-response`: a qualified petition still without a published response raises its early warning;
 * - `plan`, `response`, `reply`: a lapsed deadline climbs one step of the chain (lead agency's supervisor
 *   → PDIS → minister's office), recorded once per (clock, level), told at once (urgent); the next step
 *   is due 5 working days later if nothing happens.
 * Running it twice at the same time changes nothing more.
 */
export async function sweepPetitionClocks(
  deps: PetitionsDeps,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<{ closed: number; escalated: number; warned: number; batches: number }> {
  const now = deps.clock.now();
  const batchSize = options.batchSize ?? 200;
  const cal = await loadCalendar(deps.db, now);
  const out = { closed: 0, escalated: 0, warned: 0, batches: 0 };
  for (; out.batches < (options.maxBatches ?? Infinity);) {
    const claimed = await deps.db.transaction(async (tx) => {
      const claimedPetitions = await repo.claimDuePetitions(tx, now, batchSize);
      for (const claimedPetition of claimedPetitions) {
        const agencies = await repo.listAgencies(tx, [claimedPetition.id]);
        const access = accessOf(agencies);
        // Each due clock sees the petition as the previous one left it.
        for (const c of await repo.dueClocksOf(tx, claimedPetition.id, now)) {
          const p = (await repo.findPetition(tx, claimedPetition.id))!;
          if (c.clock === "window") {
            await repo.updateClock(tx, p.id, "window", { nextDueAt: null, stoppedAt: now });
            if (p.state !== "open") continue;
            const state = p.kind === "petition" ? "not-qualified" : "closed";
            await repo.updatePetition(tx, p.id, { state, closedAt: c.dueAt, updatedAt: now });
            await repo.addEvent(tx, {
              petitionId: p.id,
              at: c.dueAt,
              actorId: null,
              kind: p.kind === "petition" ? "not-qualified" : "notice-closed",
              data: { endorsements: p.endorsementCount, threshold: p.threshold },
            });
            await notify(
              tx,
              { now, publicUrl: deps.publicUrl },
              {
                recipientIds: [
                  ...(await repo.followerIds(tx, p.id)),
                  ...(p.kind === "notice" ? await posOf(tx, [...access.lead, ...access.named]) : []),
                ],
                actorId: null,
                kind: p.kind === "petition" ? "petition.not-qualified" : "petition.notice-closed",
                title:
                  p.kind === "petition"
                    ? {
                        "zh-TW": `提議附議期滿未成案：${p.title}`,
                        en: `Petition closed without qualifying: ${p.title}`,
                      }
                    : {
                        "zh-TW": `眾開講預告期滿，請綜整回應：${p.title}`,
                        en: `Notice period ended; the consolidated reply is due: ${p.title}`,
                      },
                url: petitionPath(p.id),
              },
            );
            await appendAudit(tx, { personId: null }, [
              {
                action: `petition.${state}`,
                entityType: "petition",
                entityId: p.id,
                before: { state: p.state },
                after: { state },
              },
            ]);
            out.closed++;
            continue;
          }
          if (c.clock === "warn-no-response") {
            await repo.updateClock(tx, p.id, "warn-no-response", { nextDueAt: null, stoppedAt: now });
            if (
              p.noResponseWarningId ||
              p.respondedAt ||
              !isQualifiedOrLater(p.state) ||
              p.state === "responded"
            )
              continue;
            const days = Math.round((now.getTime() - (p.qualifiedAt ?? now).getTime()) / 86_400_000);
            const w = await raiseSystemWarning(
              tx,
              { now, publicUrl: deps.publicUrl },
              {
                title: `成案提議尚未回應 Qualified petition without a response: ${p.title}`.slice(0, 200),
                description:
                  `提議於 ${p.qualifiedAt?.toISOString()} 成案，${days} 天後仍無正式回應。` +
                  `\nQualified on ${p.qualifiedAt?.toISOString()}; no response after ${days} days.`,
                signalSource: "petition",
                evidence: p.sourceUrl ? [p.sourceUrl] : [],
                agencyIds: [...access.lead, ...access.co, ...access.named],
                flareUpWithinDays: 30,
                severity: "high",
                notice: {
                  "zh-TW": `成案提議「${p.title}」${days} 天仍無正式回應。`,
                  en: `The qualified petition "${p.title}" has had no response for ${days} days.`,
                },
              },
            );
            await repo.updatePetition(tx, p.id, { noResponseWarningId: w.id });
            await repo.addEvent(tx, {
              petitionId: p.id,
              at: now,
              actorId: null,
              kind: "warning-raised",
              internal: true,
              data: { warningId: w.id, reason: "no-response", days },
            });
            out.warned++;
            continue;
          }
          // A deadline: plan, response or reply.
          const lead = access.lead[0] ?? null;
          const chain = petitionChain(lead);
          if (c.level >= chain.length) {
            await repo.updateClock(tx, p.id, c.clock, { nextDueAt: null });
            await repo.addEvent(tx, {
              petitionId: p.id,
              at: now,
              actorId: null,
              kind: "chain-exhausted",
              internal: true,
              data: { clock: c.clock },
            });
            continue;
          }
          const level = c.level + 1;
          const step = chain[level - 1]!;
          const clock = c.clock as "plan" | "response" | "reply";
          const inserted = await repo.insertEscalation(tx, {
            petitionId: p.id,
            clock,
            level,
            targetKind: step.kind,
            targetId: step.agencyId,
            at: now,
          });
          await repo.updateClock(tx, p.id, clock, {
            level,
            nextDueAt:
              level < chain.length ? cal.addWorkingDays(now, PETITION_DEFAULTS.stepWorkingDays) : null,
          });
          if (!inserted) continue; // recorded already: never notify twice
          await repo.addEvent(tx, {
            petitionId: p.id,
            at: now,
            actorId: null,
            kind: "escalated",
            internal: true,
            data: {
              clock,
              level,
              targetKind: step.kind,
              targetId: step.agencyId,
              dueAt: c.dueAt.toISOString(),
            },
          });
          const recipients = [...(await posOf(tx, access.lead)), ...(await peopleOfStep(tx, step))];
          for (const earlier of chain.slice(0, level - 1))
            recipients.push(...(await peopleOfStep(tx, earlier)));
          await notify(
            tx,
            { now, publicUrl: deps.publicUrl },
            {
              recipientIds: recipients,
              actorId: null,
              kind: "petition.escalated",
              urgent: true,
              title: {
                "zh-TW": `提議的${CLOCK_NAMES[clock]["zh-TW"]}已逾期，已轉請${STEP_NAMES[step.kind]["zh-TW"]}協助：${p.title}`,
                en: `The ${CLOCK_NAMES[clock].en} is overdue; escalated to ${STEP_NAMES[step.kind].en}: ${p.title}`,
              },
              url: petitionPath(p.id),
            },
          );
          await appendAudit(tx, { personId: null }, [
            {
              action: "petition.escalate",
              entityType: "petition",
              entityId: p.id,
              after: { clock, level, targetKind: step.kind, targetId: step.agencyId },
            },
          ]);
          out.escalated++;
        }
      }
      return claimedPetitions.length;
    });
    if (claimed === 0) break;
    out.batches++;
    if (claimed < batchSize) break;
  }
  return out;
}
