import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { getSpeech } from "../../transcripts/index.ts";
import { petitionFail } from "../errors.ts";
import { can } from "../policy.ts";
import * as repo from "../repository.ts";
import { isQualifiedOrLater } from "../rules.ts";
import type { Citation, Reference } from "../tables.ts";
import type { PetitionsDeps } from "./deps.ts";
import { getPetition } from "./get-petition.ts";
import { authorise, loadPetition, notifyFollowersOfUpdate } from "./shared.ts";

/** The response composer's fields. */
export interface ResponseInput {
  analysis: string;
  suggestion: string;
  plan: string;
  references: Array<{ title: string; url?: string | null }>;
  citations: Array<{ speech: string; note?: string | null }>;
  evaluatedBy: string;
  evaluationMethod: string;
}

const SPEECH = /(?:^|\/speeches\/)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

/** Checks the cited speeches: each a permalink (or id) of a speech in a published transcript. */
export async function checkCitations(deps: PetitionsDeps, actor: Actor, input: ResponseInput["citations"]) {
  const out: Citation[] = [];
  for (const [i, c] of input.entries()) {
    const raw = c.speech.trim();
    let path = raw;
    try {
      path = new URL(raw).pathname;
    } catch {
      // a path or a bare id
    }
    const m = SPEECH.exec(path);
    if (!m) throw fail.invalid(`citations.${i}.speech`, "must be a speech permalink (/speeches/{id})");
    const speechId = m[1]!.toLowerCase();
    try {
      await getSpeech({ db: deps.db, clock: deps.clock }, actor, speechId);
    } catch {
      throw fail.invalid(`citations.${i}.speech`, "no such public speech");
    }
    if (!out.some((o) => o.speechId === speechId)) out.push({ speechId, note: c.note?.trim() || null });
  }
  return out;
}

/**
 * Writes the response with the composer (the lead agency's PO, PDIS, an admin). Before it is published
 * it is a draft, seen only inside the network; once published, saving edits the public response and
 * moves its "last updated" date (followers are told when it happens after day 60).
 */
export async function saveResponse(deps: PetitionsDeps, actor: Actor, id: string, input: ResponseInput) {
  const citations = await checkCitations(deps, actor, input.citations);
  const references: Reference[] = input.references.map((r) => ({
    title: r.title.trim(),
    url: r.url ?? null,
  }));
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const { p, access } = await loadPetition(tx, id, true);
    authorise(actor, can(actor, { do: "answer", petition: access }));
    if (p.kind === "petition" && !isQualifiedOrLater(p.state))
      throw petitionFail("petition_wrong_state", "state", { state: p.state, action: "answered" });
    const before = await repo.findResponse(tx, p.id);
    const saved = await repo.upsertResponse(tx, {
      petitionId: p.id,
      analysis: input.analysis,
      suggestion: input.suggestion,
      plan: input.plan,
      references,
      citations,
      evaluatedBy: input.evaluatedBy,
      evaluationMethod: input.evaluationMethod,
      publishedAt: before?.publishedAt ?? null,
      publishedBy: before?.publishedBy ?? null,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
      updatedBy: actor.personId,
    });
    const published = saved.publishedAt !== null;
    await repo.addEvent(tx, {
      petitionId: p.id,
      at: now,
      actorId: actor.personId,
      kind: published ? "response-edited" : "response-draft-saved",
      internal: !published,
    });
    if (published) {
      await repo.updatePetition(tx, p.id, { updatedAt: now });
      await notifyFollowersOfUpdate(tx, deps, actor, p, now, "response-edited");
    }
    return {
      value: saved,
      audit: [
        {
          action: published ? "petition.response-edit" : "petition.response-draft",
          entityType: "petition",
          entityId: p.id,
          before,
          after: saved,
        },
      ],
    };
  });
  return getPetition(deps, actor, id);
}
