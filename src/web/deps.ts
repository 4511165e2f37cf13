import type { MiddlewareHandler } from "hono";
import type { Config } from "../config/index.ts";
import type { Database } from "../platform/db/database.ts";
import type { Clock } from "../platform/clock/index.ts";
import type { AuthDeps } from "../modules/auth/index.ts";
import type { AppEnv, DirectoryDeps } from "../modules/directory/index.ts";
import type { MattersDeps } from "../modules/matters/index.ts";
import type { HelpDeps } from "../modules/help-requests/index.ts";
import type { EarlyWarningsDeps } from "../modules/early-warnings/index.ts";
import { unreadCount } from "../modules/notifications/index.ts";
import { rememberUnread, viewOf, type Ctx, type View } from "./view.tsx";

/** What the pages need. */
export interface PageDeps {
  config: Config;
  database: Database;
  clock: Clock;
  authDeps: AuthDeps;
}

/** True when the development mailbox may be shown: no SMTP server, and not in production. */
export function devMailboxEnabled(config: Config): boolean {
  return config.smtpUrl === null && config.env !== "production";
}

/** Everything a page handler uses, derived once from the page deps. */
export interface PageKit {
  deps: PageDeps;
  dir: DirectoryDeps;
  matters: MattersDeps;
  help: HelpDeps;
  warnings: EarlyWarningsDeps;
  /** The view of a request. */
  view(c: Ctx): View;
  /**
   * Middleware that loads what the page header shows a signed-in person (the unread count of their
   * inbox) before the page is built, so `view()` can stay synchronous.
   */
  header: MiddlewareHandler<AppEnv>;
}

/** Builds the page kit. */
export function pageKit(deps: PageDeps): PageKit {
  const mailbox = devMailboxEnabled(deps.config);
  const db = deps.database.db;
  return {
    deps,
    dir: { db, clock: deps.clock },
    matters: { db, clock: deps.clock },
    help: { db, clock: deps.clock, publicUrl: deps.config.publicUrl },
    warnings: { db, clock: deps.clock, publicUrl: deps.config.publicUrl },
    view: (c) => viewOf(c, mailbox),
    header: async (c, next) => {
      const personId = c.get("actor")?.personId;
      const path = c.req.path;
      if (personId && !path.startsWith("/api/") && !path.startsWith("/static/")) {
        rememberUnread(c, await unreadCount(db, personId));
      }
      await next();
    },
  };
}
