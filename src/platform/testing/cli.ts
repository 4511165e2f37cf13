import { spawn } from "node:child_process";

/**
 * Runs `po-network jobs run-due --now NOW` in a child process against a PostgreSQL database (the
 * race tests start two at once).
 */
export function runDueInChild(
  databaseUrl: string,
  now: string,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/po-network.js", "jobs", "run-due", "--now", now], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (err += d));
    child.on("exit", (code) => resolve({ code, out, err }));
  });
}
