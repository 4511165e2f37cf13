import { pino, type Logger } from "pino";

/** Creates the structured (JSON lines) logger. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "po-network" }, timestamp: pino.stdTimeFunctions.isoTime });
}
export type { Logger };
