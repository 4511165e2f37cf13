import { fail } from "../../../platform/http/errors.ts";
import type { Actor } from "../../directory/index.ts";
import * as repo from "../review-repository.ts";
import type { ReviewDeps } from "./review-deps.ts";
import { REVIEW_NOTICE, requireReviewManager, unmappedSpeakers } from "./review-shared.ts";

/** The review desk's view of a draft (or of a transcript in review, or published after review). */
export type DraftView = Awaited<ReturnType<typeof getDraft>>;

/**
 * A transcript as PDIS follows its review: the notice, the state and window, each speaker's contact
 * and progress, the content with each row's version, and the rows deleted during review (restorable).
 * PDIS and administrators only.
 */
export async function getDraft(deps: Pick<ReviewDeps, "db">, actor: Actor, slug: string) {
  requireReviewManager(actor);
  const t = await repo.findTranscriptBySlug(deps.db, slug);
  if (!t) throw fail.notFound();
  // One query at a time: the embedded database serves one connection.
  const content = await repo.listContentRows(deps.db, t.id);
  const versions = await repo.latestVersions(deps.db, t.id);
  const participants = await repo.listParticipants(deps.db, t.id);
  const pseudonyms = await repo.pseudonymsOf(deps.db, t.id);
  const deleted = await repo.deletedSpeeches(deps.db, t.id);
  const unmapped = await unmappedSpeakers(deps.db, t.id);
  const pseudonymNames = new Map(
    (await repo.speakersById(deps.db, [...pseudonyms.values()])).map((s) => [s.id, s.name]),
  );
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    slug: t.slug,
    title: t.title,
    date: t.date,
    kind: t.kind,
    state: t.state,
    language: t.language,
    meetingId: t.meetingId,
    createdAt: t.createdAt.toISOString(),
    reviewOpenedAt: iso(t.reviewOpenedAt),
    reviewEndsAt: iso(t.reviewEndsAt),
    publishNotBefore: iso(t.publishNotBefore),
    publishedAt: iso(t.publishedAt),
    notice: { ...REVIEW_NOTICE },
    participants: participants.map((p) => {
      const pseudonymId = pseudonyms.get(p.id);
      return {
        id: p.id,
        speaker: { id: p.speakerId, name: p.speakerName, slug: p.speakerSlug },
        personId: p.personId,
        personName: p.personName,
        email: p.email ?? p.personEmail,
        linkSentAt: iso(p.linkSentAt),
        doneAt: iso(p.doneAt),
        pseudonym: pseudonymId ? (pseudonymNames.get(pseudonymId) ?? null) : null,
      };
    }),
    unmappedSpeakers: unmapped,
    content: content.map((r) => ({
      id: r.id,
      position: r.position,
      kind: r.kind,
      speaker:
        r.speakerId && r.speakerName !== null && r.speakerSlug !== null
          ? { id: r.speakerId, name: r.speakerName, slug: r.speakerSlug }
          : null,
      text: r.text,
      headingLevel: r.headingLevel,
      version: versions.get(r.id) ?? 0,
    })),
    deleted: deleted.map((d) => ({
      id: d.id,
      position: d.position,
      version: d.version,
      text: d.text,
      speaker: d.speakerName,
    })),
  };
}
