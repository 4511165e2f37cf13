import { Worker } from "node:worker_threads";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

/** A running embedded PostgreSQL (PGlite in a worker thread) reachable through a Unix socket. */
export interface PgliteHost {
  /** Directory holding the socket: use as the `host` of a pg connection. */
  socketDir: string;
  stop(): Promise<void>;
}

/** Thrown when another live process already serves the same PGlite directory. */
export class DataDirInUseError extends Error {
  constructor(
    readonly lock: LockInfo,
    dataDir: string,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${lock.pid}. ` +
        `Stop that process, or let the CLI reach it through its socket (${lock.socketDir}).`,
    );
  }
}

/** What the lock file of a PGlite data directory records. */
export interface LockInfo {
  pid: number;
  socketDir: string;
  startedAt: string;
}

const SOCKET_NAME = ".s.PGSQL.5432";
const LOCK_NAME = "pglite.lock";

/** Reads the lock of a data directory and returns it only when its process is still alive. */
export function liveLock(dataDir: string): LockInfo | null {
  const file = join(dataDir, LOCK_NAME);
  if (!existsSync(file)) return null;
  try {
    const info = JSON.parse(readFileSync(file, "utf8")) as LockInfo;
    // A lock whose socket is gone belongs to a process that died (or reused a pid): stale.
    if (!existsSync(join(info.socketDir, SOCKET_NAME))) return null;
    process.kill(info.pid, 0);
    return info;
  } catch (err) {
    // EPERM means the process exists but belongs to someone else: still alive.
    if ((err as NodeJS.ErrnoException).code === "EPERM") {
      return JSON.parse(readFileSync(file, "utf8")) as LockInfo;
    }
    return null;
  }
}

/** Picks a socket directory: inside the data directory when the path is short enough for a Unix socket. */
function socketDirFor(dataDir: string | null): string {
  if (dataDir) {
    const dir = join(dataDir, "run");
    // Unix socket paths are limited to ~107 bytes.
    if (Buffer.byteLength(join(dir, SOCKET_NAME)) < 100) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      return dir;
    }
  }
  return mkdtempSync(join(tmpdir(), "po-network-db-"));
}

/**
 * Starts PGlite on `dataDir` (or in memory when null) in a worker thread and serves it on a Unix socket.
 * Takes an exclusive lock on the directory so that two processes never open one PGlite directory.
 */
export async function startPgliteHost(dataDir: string | null): Promise<PgliteHost> {
  let pgDir: string | null = null;
  let lockFile: string | null = null;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    const live = liveLock(dataDir);
    if (live) throw new DataDirInUseError(live, dataDir);
    pgDir = join(dataDir, "pglite");
    lockFile = join(dataDir, LOCK_NAME);
  }
  const socketDir = socketDirFor(dataDir);
  const socketPath = join(socketDir, SOCKET_NAME);
  rmSync(socketPath, { force: true });
  if (lockFile) {
    const info: LockInfo = { pid: process.pid, socketDir, startedAt: new Date().toISOString() };
    writeFileSync(lockFile, JSON.stringify(info));
  }
  const worker = new Worker(new URL("./pglite-worker.js", import.meta.url), {
    workerData: { dataDir: pgDir, socketPath },
  });
  const release = () => {
    if (lockFile && liveLock(dataDir!)?.pid === process.pid) rmSync(lockFile, { force: true });
    rmSync(socketPath, { force: true });
  };
  await new Promise<void>((resolve, reject) => {
    const onMessage = (msg: { type: string; message?: string }) => {
      if (msg.type === "ready") {
        worker.off("message", onMessage);
        resolve();
      } else if (msg.type === "error") {
        release();
        reject(new Error(`Embedded database failed to start: ${msg.message}`));
      }
    };
    worker.on("message", onMessage);
    worker.once("error", (err) => {
      release();
      reject(err);
    });
  });
  // The worker must not keep a finished process alive on its own.
  worker.unref();
  let stopped = false;
  return {
    socketDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => resolve(), 10_000);
        worker.on("message", (msg: { type: string }) => {
          if (msg.type === "stopped") {
            clearTimeout(timer);
            resolve();
          }
        });
        worker.postMessage({ type: "stop" });
      });
      await worker.terminate();
      release();
    },
  };
}
