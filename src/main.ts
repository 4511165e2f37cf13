import { serve } from "@hono/node-server";
import { ConfigError, loadConfig } from "./config/index.ts";
import { createLogger } from "./platform/log/index.ts";
import { buildApp } from "./app.ts";
import { openRuntime, runDueJobs } from "./runtime.ts";

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
  const rt = await openRuntime(config);
  const app = buildApp({ config, database: rt.database, clock: rt.clock, logger });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info(
      { port: info.port, db: rt.database.engine, url: config.publicUrl },
      `PO Network listening on ${config.publicUrl}`,
    );
  });
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  if (config.jobs) {
    timer = setInterval(async () => {
      if (running) return;
      running = true;
      try {
        await runDueJobs(rt);
      } catch (err) {
        logger.error({ err }, "job sweep failed");
      } finally {
        running = false;
      }
    }, 5_000);
  }
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    if (timer) clearInterval(timer);
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
