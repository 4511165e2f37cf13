// PGlite host: runs the embedded PostgreSQL in its own thread and serves it over the
// PostgreSQL wire protocol, so the HTTP thread never blocks on a query and whole
// transactions from concurrent connections are serialised (see docs/adr/0001).
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** @type {{ dataDir: string | null, socketPath: string | null, maxConnections: number }} */
const options = workerData;

async function main() {
  const db = await PGlite.create(options.dataDir ?? undefined, { extensions: { pg_trgm } });
  const server = new PGLiteSocketServer(
    options.socketPath
      ? { db, path: options.socketPath, maxConnections: options.maxConnections }
      : { db, host: "127.0.0.1", port: 0, maxConnections: options.maxConnections },
  );
  await server.start();
  parentPort?.postMessage({ type: "ready", conn: server.getServerConn() });
  parentPort?.on("message", async (msg) => {
    if (msg && msg.type === "stop") {
      await server.stop();
      await db.close();
      parentPort?.postMessage({ type: "stopped" });
    }
  });
}

main().catch((err) => {
  parentPort?.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
});
