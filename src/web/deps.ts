import type { Config } from "../config/index.ts";
import type { Database } from "../platform/db/database.ts";
import type { Clock } from "../platform/clock/index.ts";
import type { AuthDeps } from "../modules/auth/index.ts";
import type { DirectoryDeps } from "../modules/directory/index.ts";
import { viewOf, type Ctx, type View } from "./view.tsx";

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
  /** The view of a request. */
  view(c: Ctx): View;
}

/** Builds the page kit. */
export function pageKit(deps: PageDeps): PageKit {
  const mailbox = devMailboxEnabled(deps.config);
  return {
    deps,
    dir: { db: deps.database.db, clock: deps.clock },
    view: (c) => viewOf(c, mailbox),
  };
}
