import { fail } from "../../../platform/http/errors.ts";
import { isUuid, personLabels, type Actor } from "../../directory/index.ts";
import * as repo from "../review-repository.ts";
import type { ReviewDeps } from "./review-deps.ts";
import { requireReviewManager } from "./review-shared.ts";

/**
 * Every version of one row of a transcript, oldest first, with who made it: a speaker through their
 * link (named by their speaker), or a signed-in person. PDIS and administrators only.
 */
export async function listSpeechVersions(
  deps: Pick<ReviewDeps, "db">,
  actor: Actor,
  slug: string,
  speechId: string,
) {
  requireReviewManager(actor);
  const t = await repo.findTranscriptBySlug(deps.db, slug);
  if (!t || !isUuid(speechId)) throw fail.notFound();
  const rows = await repo.listVersions(deps.db, t.id, speechId);
  if (!rows.length) throw fail.notFound();
  const participants = new Map((await repo.listParticipants(deps.db, t.id)).map((p) => [p.id, p]));
  const people = await personLabels(
    deps.db,
    rows.flatMap((r) => (r.personId ? [r.personId] : [])),
  );
  const current = await repo.findSpeech(deps.db, t.id, speechId);
  return {
    speechId,
    transcript: { slug: t.slug, title: t.title, state: t.state },
    exists: current !== null,
    items: rows.map((r) => {
      const p = r.participantId ? participants.get(r.participantId) : undefined;
      const by = p
        ? { kind: "participant" as const, name: p.speakerName }
        : r.personId
          ? { kind: "person" as const, name: people.get(r.personId)?.name ?? null }
          : { kind: "system" as const, name: null };
      return {
        version: r.version,
        action: r.action,
        position: r.position,
        speaker: r.speakerName,
        text: r.text,
        by,
        at: r.createdAt.toISOString(),
      };
    }),
  };
}
