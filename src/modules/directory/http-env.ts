import type { Context } from "hono";
import type { Locale, Translate } from "../../platform/i18n/index.ts";
import { fail } from "../../platform/http/errors.ts";
import type { Actor } from "./actor.ts";

/** The per-request variables every route and page can read. */
export interface AppVariables {
  requestId: string;
  actor: Actor;
  locale: Locale;
  t: Translate;
  /** CSRF token of the browser session (absent for token or anonymous requests). */
  csrfToken: string | null;
  /** How the actor authenticated. */
  authKind: "session" | "token" | "none";
}

/** The Hono environment of the whole application. */
export interface AppEnv {
  Variables: AppVariables;
}

/** The signed-in actor, or a 401. */
export function requirePerson(c: Context<AppEnv>): Actor & { personId: string } {
  const actor = c.get("actor");
  if (!actor.personId) throw fail.unauthenticated();
  return actor as Actor & { personId: string };
}
