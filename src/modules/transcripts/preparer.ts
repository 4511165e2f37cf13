import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { prepareTranscriptFile, type PrepareOutcome } from "./use-cases/prepare-file.ts";

/** Prepares files for an import, in worker threads when there are enough files to be worth it. */
export interface Preparer {
  /** How many files to keep in preparation ahead of the writes. */
  depth: number;
  prepare(name: string, text: string): Promise<PrepareOutcome>;
  close(): Promise<void>;
}

/** Below this many files an import prepares them itself (starting a worker costs ~0.3 s). */
const WORKER_MIN_FILES = 50;

/**
 * A preparer for `count` files: worker threads (one per spare core, at least one) for a large import,
 * the calling thread otherwise. If a worker cannot start or dies, its files are prepared here instead,
 * so an import never fails for want of a thread.
 */
export function createPreparer(hashes: Map<string, { sourceHash: string }>, count: number): Preparer {
  const local = (name: string, text: string): PrepareOutcome =>
    prepareTranscriptFile(name, text, (slug) => hashes.get(slug)?.sourceHash);
  if (count < WORKER_MIN_FILES) {
    return { depth: 1, prepare: async (name, text) => local(name, text), close: async () => {} };
  }
  const size = Math.max(1, Math.min(4, availableParallelism() - 1));
  const known = [...hashes].map(([slug, h]) => [slug, h.sourceHash] as [string, string]);
  const pending = new Map<number, { name: string; text: string; resolve: (o: PrepareOutcome) => void }>();
  const workers: Array<{ worker: Worker; alive: boolean }> = [];
  let nextId = 0;
  for (let i = 0; i < size; i++) {
    const slot = {
      worker: new Worker(new URL("./prepare-worker.js", import.meta.url), { workerData: { hashes: known } }),
      alive: true,
    };
    const fallBack = () => {
      if (!slot.alive) return;
      slot.alive = false;
      // Whatever this worker had in hand is prepared here.
      for (const [id, job] of pending) {
        if (owner.get(id) !== slot) continue;
        pending.delete(id);
        owner.delete(id);
        job.resolve(local(job.name, job.text));
      }
    };
    slot.worker.on("message", (msg: { id?: number; outcome?: PrepareOutcome }) => {
      if (msg.id === undefined) return;
      const job = pending.get(msg.id);
      if (!job) return;
      pending.delete(msg.id);
      owner.delete(msg.id);
      job.resolve(msg.outcome!);
    });
    slot.worker.on("error", fallBack);
    slot.worker.on("exit", fallBack);
    workers.push(slot);
  }
  const owner = new Map<number, (typeof workers)[number]>();
  let turn = 0;
  return {
    depth: size * 4,
    prepare(name, text) {
      const alive = workers.filter((w) => w.alive);
      if (alive.length === 0) return Promise.resolve(local(name, text));
      const slot = alive[turn++ % alive.length]!;
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { name, text, resolve });
        owner.set(id, slot);
        slot.worker.postMessage({ id, name, text });
      });
    },
    async close() {
      for (const w of workers) {
        w.alive = false;
        await w.worker.terminate();
      }
    },
  };
}
