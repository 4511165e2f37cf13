import type { Clock } from "../clock/index.ts";

/** One sweep: claims due rows (FOR UPDATE SKIP LOCKED) and applies one idempotent step to each. */
export interface Sweep {
  name: string;
  run(now: Date): Promise<Record<string, number>>;
}

/** Runs each sweep once at the clock's current time; a failing sweep does not stop the others. */
export async function runSweeps(
  sweeps: Sweep[],
  clock: Clock,
  onError: (name: string, err: unknown) => void = () => {},
): Promise<Record<string, Record<string, number> | { error: string }>> {
  const out: Record<string, Record<string, number> | { error: string }> = {};
  for (const sweep of sweeps) {
    try {
      out[sweep.name] = await sweep.run(clock.now());
    } catch (err) {
      onError(sweep.name, err);
      out[sweep.name] = { error: err instanceof Error ? err.message : String(err) };
    }
  }
  return out;
}

/** Runs the sweeps every `intervalMs` in this process, never two passes at once; returns a stopper. */
export function scheduleSweeps(
  sweeps: Sweep[],
  clock: Clock,
  intervalMs: number,
  onError: (name: string, err: unknown) => void,
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = runSweeps(sweeps, clock, onError).finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
