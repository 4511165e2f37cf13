import { fail } from "../../../platform/http/errors.ts";
import * as repo from "../review-repository.ts";
import type { ReviewDeps } from "./review-deps.ts";
import type { ReviewLink } from "./own-speech.ts";
import { REVIEW_NOTICE, resolveLink, reviewOpen } from "./review-shared.ts";

/** What a speaker sees through their review link. */
export type ReviewByLink = Awaited<ReturnType<typeof getReviewByLink>>;

/**
 * The whole draft as a speaker sees it through their personal link: every row, theirs marked `mine`
 * (editable while the window is open), the notice, the window's end and how many speakers are done.
 * Other speakers' contacts are never shown. Read-only once the window closed or the record published.
 */
export async function getReviewByLink(deps: ReviewDeps, link: ReviewLink) {
  const p = await resolveLink(deps, link);
  const t = await repo.findTranscriptById(deps.db, p.transcriptId);
  if (!t) throw fail.notFound();
  // One query at a time: the embedded database serves one connection.
  const content = await repo.listContentRows(deps.db, t.id);
  const participants = await repo.listParticipants(deps.db, t.id);
  const pseudonymId = await repo.pseudonymOf(deps.db, t.id, p.id);
  const names = new Map(
    (await repo.speakersById(deps.db, [p.speakerId, ...(pseudonymId ? [pseudonymId] : [])])).map((s) => [
      s.id,
      s.name,
    ]),
  );
  const now = deps.clock.now();
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    notice: { ...REVIEW_NOTICE },
    transcript: {
      slug: t.slug,
      title: t.title,
      date: t.date,
      kind: t.kind,
      state: t.state,
      language: t.language,
      reviewEndsAt: iso(t.reviewEndsAt),
      publishNotBefore: iso(t.publishNotBefore),
      publishedAt: iso(t.publishedAt),
    },
    readOnly: !reviewOpen(t, now),
    you: {
      speaker: names.get(p.speakerId) ?? "",
      pseudonym: pseudonymId ? (names.get(pseudonymId) ?? null) : null,
      doneAt: iso(p.doneAt),
    },
    progress: { done: participants.filter((x) => x.doneAt).length, total: participants.length },
    content: content.map((r) => ({
      id: r.id,
      kind: r.kind,
      speaker: r.speakerName,
      text: r.text,
      headingLevel: r.headingLevel,
      mine:
        r.kind === "speech" &&
        r.speakerId !== null &&
        (r.speakerId === p.speakerId || r.speakerId === pseudonymId),
    })),
  };
}
