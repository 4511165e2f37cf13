import { Feed } from "feed";

/** One entry of an Atom feed. */
export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  updated: Date;
  published?: Date;
  summary?: string;
}

/** Renders an Atom 1.0 document (with the `feed` library, which escapes everything). */
export function renderAtom(feed: {
  id: string;
  title: string;
  link: string;
  selfLink: string;
  updated: Date;
  language: string;
  entries: AtomEntry[];
}): string {
  const f = new Feed({
    id: feed.id,
    title: feed.title,
    link: feed.link,
    language: feed.language,
    updated: feed.updated,
    feedLinks: { atom: feed.selfLink },
    copyright: "CC0 1.0 — public records of the PO network",
    generator: "PO Network",
  });
  for (const e of feed.entries) {
    f.addItem({
      id: e.id,
      title: e.title,
      link: e.link,
      date: e.updated,
      published: e.published,
      description: e.summary,
    });
  }
  return f.atom1();
}
