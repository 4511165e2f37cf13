import type { Actor } from "../../directory/index.ts";
import * as repo from "../review-repository.ts";
import type { ReviewDeps } from "./review-deps.ts";
import { requireReviewManager } from "./review-shared.ts";

/** Drafts and transcripts in review, newest first (the review desk). PDIS and administrators only. */
export async function listDrafts(deps: Pick<ReviewDeps, "db">, actor: Actor, limit = 200) {
  requireReviewManager(actor);
  const rows = await repo.listUnpublished(deps.db, limit);
  return {
    items: rows.map((t) => ({
      slug: t.slug,
      title: t.title,
      date: t.date,
      kind: t.kind,
      state: t.state,
      createdAt: t.createdAt.toISOString(),
      reviewEndsAt: t.reviewEndsAt?.toISOString() ?? null,
      publishNotBefore: t.publishNotBefore?.toISOString() ?? null,
    })),
  };
}
