// What the transcript benchmarks share: the corpus location, a fresh database on either engine, and
// the archive's files read lazily.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { loadConfig, type Config } from "../src/config/index.ts";
import { collectTranscriptFiles } from "../src/cli/files.ts";

/** The public archive beside the repository (not shipped). */
export const DEFAULT_CORPUS = join(import.meta.dirname, "../../shared/corpus/transcripts");

/**
 * A configuration for a benchmark: PGlite in `dataDir` (kept) or in a temporary folder (removed by
 * `dispose`), or, for `postgres`, a fresh database on BENCH_DATABASE_URL's server (dropped by
 * `dispose`).
 */
export async function benchConfig(
  engine: "pglite" | "postgres",
  options: { dataDir?: string; extra?: Record<string, string> } = {},
): Promise<{ config: Config; dispose(): Promise<void> }> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "po-bench-"));
  const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const dbName = `po_bench_${process.pid}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(statement);
    await c.end();
  };
  let databaseUrl: string | undefined;
  if (engine === "postgres") {
    await admin(
      `create database ${dbName} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`,
    );
    const u = new URL(serverUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  const config = loadConfig({
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    LOG_LEVEL: "silent",
    NODE_ENV: "test",
    SESSION_SECRET: "bench-secret-bench-secret-bench-secret-00",
    ...options.extra,
  });
  return {
    config,
    async dispose() {
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (engine === "postgres") await admin(`drop database if exists ${dbName} with (force)`);
    },
  };
}

/** The archive's transcript files under `dir`, each read only when its text is asked for. */
export function corpusFiles(dir: string): Array<{ name: string; readonly text: string }> {
  return collectTranscriptFiles([dir]).files.map((name) => ({
    name,
    get text() {
      return readFileSync(name, "utf8");
    },
  }));
}

/**
 * CPU seconds of this process's busiest threads (Linux `/proc`), read before the engine's thread
 * ends: on a shared machine, CPU time says what the work cost when wall time also counts waiting.
 */
export function busiestThreads(n = 3): Array<{ thread: string; cpuSeconds: number }> {
  const out: Array<{ thread: string; cpuSeconds: number }> = [];
  let tids: string[];
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return out; // not Linux
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, in 1/100 s
      out.push({ thread: tid, cpuSeconds: ticks / 100 });
    } catch {
      // the thread ended meanwhile
    }
  }
  return out.sort((a, b) => b.cpuSeconds - a.cpuSeconds).slice(0, n);
}
