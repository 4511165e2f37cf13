// PGlite host: runs the embedded PostgreSQL in its own thread and serves it over the PostgreSQL wire
// protocol on a Unix socket, so the HTTP thread never blocks on a query (see docs/adr/0001).
//
// PGlite is one session. Several client connections share it, so a connection must own the session
// from its first message until PostgreSQL reports ReadyForQuery with status idle ('I'): that covers a
// whole extended-protocol batch (Parse … Sync) and a whole transaction (BEGIN … COMMIT). Messages of
// other connections wait their turn. (Interleaving them per message, as a plain queue does, hands one
// connection another's unnamed statement or rows.)
import { createServer } from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/** @type {{ dataDir: string | null, socketPath: string }} */
const options = workerData;

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const GSSENC_REQUEST = 80877104;

/**
 * @typedef {{ id: number, socket: import("node:net").Socket, buffer: Buffer, started: boolean,
 *   queue: Uint8Array[], closed: boolean }} Conn
 */

async function main() {
  const db = await PGlite.create(options.dataDir ?? undefined, { extensions: { pg_trgm } });
  // One session serves every connection: give it the memory a server would give a search query, so
  // bitmaps of frequent terms stay exact (a lossy bitmap rechecks every row of its pages).
  await db.exec("set work_mem = '64MB'");
  /** @type {Set<Conn>} */
  const conns = new Set();
  /** @type {Conn | null} */
  let owner = null;
  let pumping = false;
  let nextId = 1;

  /** True when a response ends with ReadyForQuery 'I' (idle: no batch, no transaction open). */
  const endsIdle = (/** @type {Uint8Array} */ out) =>
    out.length >= 6 && out[out.length - 6] === 0x5a && out[out.length - 1] === 0x49;

  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      for (;;) {
        if (owner && owner.closed) {
          // The owner went away mid-transaction: roll it back and free the session.
          await db.runExclusive(() => db.exec("rollback").catch(() => {}));
          owner = null;
        }
        /** @type {Conn | null | undefined} */
        let conn = owner;
        if (!conn) conn = [...conns].find((c) => c.queue.length > 0);
        if (!conn || conn.queue.length === 0) break; // the owner waits for its next message
        owner = conn;
        const message = /** @type {Uint8Array} */ (conn.queue.shift());
        const out = await db.runExclusive(() => db.execProtocolRaw(message));
        if (!conn.closed && out.length) conn.socket.write(out);
        if (endsIdle(out)) owner = null;
      }
    } finally {
      pumping = false;
    }
  }

  /**
   * Splits the connection's buffer into protocol messages; returns how many bytes the buffer must
   * hold before the next message can be taken (so a large message is joined from its chunks once,
   * not re-copied on every chunk).
   */
  function take(/** @type {Conn} */ c) {
    for (;;) {
      if (!c.started) {
        if (c.buffer.length < 8) return 8;
        const len = c.buffer.readInt32BE(0);
        if (c.buffer.length < len) return len;
        const code = c.buffer.readInt32BE(4);
        const msg = c.buffer.subarray(0, len);
        c.buffer = c.buffer.subarray(len);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          c.socket.write("N");
          continue;
        }
        if (code === CANCEL_REQUEST) {
          c.socket.end();
          return 0;
        }
        c.started = true;
        c.queue.push(new Uint8Array(msg));
        continue;
      }
      if (c.buffer.length < 5) return 5;
      const len = 1 + c.buffer.readInt32BE(1);
      if (c.buffer.length < len) return len;
      const type = c.buffer[0];
      const msg = c.buffer.subarray(0, len);
      c.buffer = c.buffer.subarray(len);
      if (type === 0x58) {
        // Terminate: nothing to run; the socket closes.
        c.socket.end();
        return 0;
      }
      c.queue.push(new Uint8Array(msg));
    }
  }

  const server = createServer((socket) => {
    /** @type {Conn} */
    const c = { id: nextId++, socket, buffer: Buffer.alloc(0), started: false, queue: [], closed: false };
    conns.add(c);
    socket.setNoDelay(true);
    /** Chunks received but not yet joined, and the bytes the next message needs. */
    let chunks = /** @type {Buffer[]} */ ([]);
    let chunkBytes = 0;
    let need = 0;
    socket.on("data", (chunk) => {
      chunks.push(chunk);
      chunkBytes += chunk.length;
      if (c.buffer.length + chunkBytes < need) return;
      c.buffer = c.buffer.length || chunks.length > 1 ? Buffer.concat([c.buffer, ...chunks]) : chunk;
      chunks = [];
      chunkBytes = 0;
      need = take(c);
      void pump();
    });
    const close = () => {
      c.closed = true;
      c.queue = [];
      conns.delete(c);
      void pump();
    };
    socket.on("close", close);
    socket.on("error", close);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.socketPath, () => resolve(undefined));
  });
  parentPort?.postMessage({ type: "ready", conn: options.socketPath });
  parentPort?.on("message", async (msg) => {
    if (msg && msg.type === "stop") {
      for (const c of conns) c.socket.destroy();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      await db.close();
      parentPort?.postMessage({ type: "stopped" });
    }
  });
}

main().catch((err) => {
  parentPort?.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
});
