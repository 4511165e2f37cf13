// Review then publish, as pages: the PDIS review desk and the speakers' personal review page.
import type { Hono } from "hono";
import type { AppEnv } from "../../modules/directory/index.ts";
import type { PageKit } from "../deps.ts";
import { reviewDeskPages } from "./desk-pages.tsx";
import { reviewLinkPages } from "./link-page.tsx";

/** Registers the review pages: `/drafts…` for PDIS and administrators, `/review/{token}` for speakers. */
export function reviewPages(app: Hono<AppEnv>, kit: PageKit) {
  reviewDeskPages(app, kit);
  reviewLinkPages(app, kit);
}
