// Atom feeds of the public archive: the newest published transcripts, and one speaker's newest speeches.
import type { Hono } from "hono";
import type { AppEnv } from "../../modules/directory/index.ts";
import {
  archiveUrls,
  getSpeaker,
  listArchive,
  snippetOf,
  type TranscriptsDeps,
} from "../../modules/transcripts/index.ts";
import { renderAtom } from "../../platform/http/atom.ts";

const FEED_SIZE = 50;

/** A transcript's date as an instant (midnight in Taipei), for entries whose record has no time. */
const dateAt = (date: string | null) => (date ? new Date(`${date}T00:00:00+08:00`) : undefined);

const ATOM = { "content-type": "application/atom+xml; charset=utf-8" } as const;

/**
 * `GET /transcripts/feed.atom` and `GET /speakers/{slug}/feed.atom`. Registered before the pages of
 * the same paths, so a slug never shadows a feed.
 */
export function archiveFeeds(app: Hono<AppEnv>, deps: TranscriptsDeps, publicUrl: string) {
  const url = archiveUrls(publicUrl);

  app.get("/transcripts/feed.atom", async (c) => {
    const t = c.get("t");
    const { items } = await listArchive(deps, c.get("actor"), { limit: FEED_SIZE });
    const self = `${publicUrl}/transcripts/feed.atom`;
    const xml = renderAtom({
      id: self,
      title: t("archive.feed.transcripts"),
      link: `${publicUrl}/transcripts`,
      selfLink: self,
      language: c.get("locale"),
      updated: items.reduce((max, i) => (i.updatedAt > max ? i.updatedAt : max), new Date(0)),
      entries: items.map((i) => ({
        id: url.transcript(i.slug),
        title: i.date ? `${i.date} ${i.title}` : i.title,
        link: url.transcript(i.slug),
        updated: i.updatedAt,
        published: i.publishedAt ?? dateAt(i.date),
        summary: t("archive.feed.summary", {
          kind: t(`archive.kind.${i.kind}`),
          language: t(`archive.language.${i.language}`),
        }),
      })),
    });
    return c.body(xml, 200, ATOM);
  });

  app.get("/speakers/:slug/feed.atom", async (c) => {
    const t = c.get("t");
    const speaker = await getSpeaker(deps, c.get("actor"), c.req.param("slug"), { limit: FEED_SIZE });
    const self = `${url.speaker(speaker.slug)}/feed.atom`;
    const items = speaker.speeches.items;
    const xml = renderAtom({
      id: self,
      title: t("archive.feed.speaker", { name: speaker.name }),
      link: url.speaker(speaker.slug),
      selfLink: self,
      language: c.get("locale"),
      updated: items.reduce((max, i) => (i.updatedAt > max ? i.updatedAt : max), new Date(0)),
      entries: items.map((i) => ({
        id: url.speech(i.id),
        title: t("archive.feed.speechTitle", { speaker: speaker.name, title: i.transcript.title }),
        link: url.speech(i.id),
        updated: i.updatedAt,
        published: dateAt(i.transcript.date),
        summary: snippetOf(i.text, 300),
      })),
    });
    return c.body(xml, 200, ATOM);
  });
}
