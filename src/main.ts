import { serve } from "@hono/node-server";
import { ConfigError, loadConfig } from "./config/index.ts";
import { createLogger } from "./platform/log/index.ts";
import { buildApp } from "./app.ts";
import { openRuntime, sweeps } from "./runtime.ts";
import { scheduleSweeps } from "./platform/jobs/index.ts";

/** Starts the web server (and the in-process job scheduler). */
export async function startServer() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + "\n");
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const rt = await openRuntime(config, { demoTranscripts: true });
  const app = buildApp({ config, database: rt.database, clock: rt.clock, logger });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info(
      { port: info.port, db: rt.database.engine, url: config.publicUrl },
      `PO Network listening on ${config.publicUrl}`,
    );
  });
  const stopSweeps = config.jobs
    ? scheduleSweeps(sweeps(rt), rt.clock, 5_000, (name, err) =>
        logger.error({ err, sweep: name }, "sweep failed"),
      )
    : async () => {};
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await stopSweeps();
    server.close();
    await rt.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
