// Pieces shared by the review desk (PDIS) and the speakers' review page.
import { REVIEW_NOTICE, type ReviewDeps } from "../../modules/transcripts/index.ts";
import { pick } from "../../platform/i18n/index.ts";
import type { PageKit } from "../deps.ts";
import type { View } from "../view.tsx";

/** The review use cases' dependencies, from the page kit. */
export function reviewDeps(kit: PageKit): ReviewDeps {
  const { database, clock, config } = kit.deps;
  return { db: database.db, clock, publicUrl: config.publicUrl, secret: config.sessionSecret };
}

/** A speech's paragraphs (stored joined by a blank line). */
export const paragraphs = (text: string) => text.split(/\n{2,}/);

/** The plain notice every co-edited record carries: edited together, then published, never used to punish. */
export function ReviewNotice(props: { v: View }) {
  return (
    <p class="notice notice-info" id="review-notice">
      {pick(REVIEW_NOTICE, props.v.locale)}
    </p>
  );
}

/** A breadcrumb trail. */
export function Crumbs(props: { v: View; items: Array<{ href?: string; label: string }> }) {
  return (
    <nav aria-label={props.v.t("review.breadcrumb")} class="breadcrumb">
      <ol>
        {props.items.map((i) => (
          <li>{i.href ? <a href={i.href}>{i.label}</a> : <span aria-current="page">{i.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

/** A heading of the transcript, one level under the page's section heading. */
export function ContentHeading(props: { level: number | null; text: string }) {
  return (props.level ?? 2) <= 2 ? <h3>{props.text}</h3> : <h4>{props.text}</h4>;
}

/** The address of a draft on the review desk. */
export const draftPath = (slug: string) => `/drafts/${encodeURIComponent(slug)}`;
