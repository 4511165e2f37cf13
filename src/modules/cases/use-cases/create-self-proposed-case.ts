import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { findOrg, holds, isPdis, type Actor } from "../../directory/index.ts";
import type { CasesDeps } from "./deps.ts";
import { getCase } from "./get-case.ts";
import { openCase } from "./open-case.ts";
import { linkablePetition } from "../../petitions/index.ts";

/** Input of a self-proposed case. */
export interface SelfProposedInput {
  title: string;
  summary?: string;
  leadAgencyId: string;
  petitionId?: string | null;
  petitionRef?: string | null;
}

/**
 * An agency proposes its own topic (自提案): no vote, a case number at once, listed at the next
 * monthly meeting. Its own PO proposing it is the agency's consent to lead, even within the cool-down.
 */
export async function createSelfProposedCase(deps: CasesDeps, actor: Actor, input: SelfProposedInput) {
  if (!actor.personId && !actor.isAdmin) throw fail.unauthenticated();
  const agency = await findOrg(deps.db, input.leadAgencyId);
  if (!agency || agency.kind !== "agency") throw fail.invalid("leadAgencyId", "must be an agency");
  const ownPo = holds(actor, "po", agency.id);
  if (!ownPo && !isPdis(actor) && !actor.isAdmin) throw fail.forbidden();
  const now = deps.clock.now();
  const row = await writeAudited(deps.db, actor, async (tx) => {
    if (input.petitionId) await linkablePetition(tx, input.petitionId);
    const opened = await openCase(tx, {
      title: input.title,
      summary: input.summary ?? "",
      origin: "self-proposed",
      urgent: false,
      meetingId: null,
      candidateId: null,
      petitionId: input.petitionId ?? null,
      petitionRef: input.petitionRef ?? null,
      leadAgencyId: agency.id,
      leadConsent: ownPo,
      leadConsentBy: ownPo ? actor.personId : null,
      actorId: actor.personId,
      now,
      publicUrl: deps.publicUrl,
    });
    return { value: opened.row, audit: [opened.audit] };
  });
  return getCase(deps, actor, row.number);
}
