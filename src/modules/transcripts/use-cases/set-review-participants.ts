import { fail } from "../../../platform/http/errors.ts";
import { writeAudited, type AuditEntry } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { reviewError } from "../review-errors.ts";
import * as repo from "../review-repository.ts";
import { getDraft } from "./get-draft.ts";
import type { ReviewDeps } from "./review-deps.ts";
import {
  issueReviewLink,
  requireReviewManager,
  resolveParticipants,
  type ParticipantInput,
} from "./review-shared.ts";

/**
 * Maps speakers of a draft (or of a transcript in review) to a directory person or an e-mail address.
 * Speakers not named keep their mapping. During review, a speaker whose contact changes gets a new
 * link at the new address at once (the old link stops working). PDIS and administrators only.
 */
export async function setReviewParticipants(
  deps: ReviewDeps,
  actor: Actor,
  slug: string,
  participants: ParticipantInput[],
) {
  requireReviewManager(actor);
  if (!participants.length) throw fail.invalid("participants", "must name at least one speaker");
  const t = await repo.findTranscriptBySlug(deps.db, slug);
  if (!t) throw fail.notFound();
  const ids = await repo.speakerIdsOf(deps.db, t.id);
  const names = new Set((await repo.speakersById(deps.db, ids)).map((s) => s.name));
  const contacts = await resolveParticipants(deps, participants, names);
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const locked = await repo.findTranscriptById(tx, t.id, true);
    if (!locked || locked.state === "published")
      throw reviewError("wrong_state", { state: locked?.state ?? "gone" });
    const speakers = new Map(
      (
        await repo.speakersByName(
          tx,
          contacts.map((c) => c.speaker),
        )
      ).map((s) => [s.name, s]),
    );
    const before = new Map((await repo.listParticipants(tx, t.id)).map((p) => [p.speakerId, p]));
    const audit: AuditEntry[] = [];
    for (const c of contacts) {
      const speaker = speakers.get(c.speaker)!;
      const old = before.get(speaker.id);
      const changed = !old || old.personId !== c.personId || old.email !== c.email;
      if (!changed) continue;
      const row = await repo.upsertParticipant(tx, {
        transcriptId: t.id,
        speakerId: speaker.id,
        personId: c.personId,
        email: c.email,
        now,
      });
      if (locked.state === "in-review") {
        const person = (await repo.listParticipants(tx, t.id)).find((p) => p.id === row.id);
        await issueReviewLink(
          tx,
          deps,
          locked,
          {
            id: row.id,
            speakerName: speaker.name,
            email: row.email,
            personEmail: person?.personEmail ?? null,
          },
          now,
        );
      }
      audit.push({
        action: "transcript.review.map-speaker",
        entityType: "transcript",
        entityId: t.id,
        subjectIds: c.personId ? [c.personId] : [],
        before: old ? { speaker: speaker.name, personId: old.personId, email: old.email } : null,
        after: {
          speaker: speaker.name,
          personId: c.personId,
          email: c.email,
          linkSent: locked.state === "in-review",
        },
      });
    }
    if (!audit.length) {
      audit.push({
        action: "transcript.review.map-speaker",
        entityType: "transcript",
        entityId: t.id,
        after: { unchanged: true },
      });
    }
    return { value: null, audit: audit as [AuditEntry, ...AuditEntry[]] };
  });
  return getDraft(deps, actor, slug);
}
