import { Hono } from "hono";
import { renderAtom } from "../../platform/http/atom.ts";
import { pick } from "../../platform/i18n/index.ts";
import { findOrg, publicActor, type AppEnv } from "../directory/index.ts";
import { listMatters } from "./use-cases/list-matters.ts";
import type { MattersDeps } from "./use-cases/deps.ts";

/**
 * Atom feeds of public matters: `/feeds/matters.atom`, optionally `?agency=slug`. Only public matters
 * appear (the list is read as the public would read it).
 */
export function matterFeeds(deps: MattersDeps, publicUrl: string) {
  const app = new Hono<AppEnv>();
  app.get("/feeds/matters.atom", async (c) => {
    const agencySlug = c.req.query("agency");
    const locale = c.get("locale");
    const agency = agencySlug ? await findOrg(deps.db, agencySlug) : null;
    if (agencySlug && (!agency || agency.kind === "unit")) {
      return c.json({ error: { code: "not_found", message: "no such agency", field: "agency" } }, 404);
    }
    const { items } = await listMatters(deps, publicActor, { agency: agency?.id, limit: 50 });
    const title =
      (locale === "en" ? "PO Network — public matters" : "開放政府聯絡人網絡 — 公開議題") +
      (agency ? ` — ${pick(agency.name, locale)}` : "");
    const self = `${publicUrl}/feeds/matters.atom${agency ? `?agency=${agency.slug}` : ""}`;
    const xml = renderAtom({
      id: self,
      title,
      link: `${publicUrl}/`,
      selfLink: self,
      language: locale,
      updated: items[0] ? new Date(items[0].updatedAt) : new Date(0),
      entries: items.map((m) => ({
        id: `${publicUrl}/matters/${m.reference}`,
        title: `${m.reference} ${m.title}`,
        link: `${publicUrl}/matters/${m.reference}`,
        updated: new Date(m.updatedAt),
        published: new Date(m.createdAt),
        summary: `${m.state} · ${m.triage.route}`,
      })),
    });
    return c.body(xml, 200, { "content-type": "application/atom+xml; charset=utf-8" });
  });
  return app;
}
