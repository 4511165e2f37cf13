import { pino, type Logger } from "pino";

/** Creates the structured (JSON lines) logger. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "po-network" }, timestamp: pino.stdTimeFunctions.isoTime });
}
export type { Logger };

/**
 * A request path as logged: the one-time and personal link tokens in it (sign-in links, review
 * links, ballot links) are credentials, so they are replaced by `[token]`.
 */
export function loggedPath(path: string): string {
  return path.replace(CREDENTIAL_PATH, "$1[token]");
}
const CREDENTIAL_PATH = /^(\/(?:api\/v1\/)?(?:sign-in|review|ballots?)\/)[^/]+/;
