import { buildApp } from "../../app.ts";
import { createLogger } from "../log/index.ts";
import { createApiToken } from "../../modules/auth/index.ts";
import { findPersonByEmail, systemActor } from "../../modules/directory/index.ts";
import { createTestRuntime, type TestRuntimeOptions } from "./harness.ts";

/** A test application on a fresh database, with helpers to call it as a person. */
export async function createTestApp(options: TestRuntimeOptions = {}) {
  const rt = await createTestRuntime(options);
  const app = buildApp({
    config: rt.config,
    database: rt.database,
    clock: rt.clock,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
  });
  const db = rt.database.db;
  const authDeps = { db, clock: rt.clock, publicUrl: rt.config.publicUrl, secret: rt.config.sessionSecret };

  /** A bearer token for the person with this e-mail. */
  async function tokenFor(email: string): Promise<string> {
    const person = await findPersonByEmail(db, email);
    if (!person) throw new Error(`no person ${email}`);
    return (await createApiToken(authDeps, systemActor, person.id, "test")).token;
  }

  /** Calls the app with JSON and an optional bearer token; returns status and parsed body. */
  async function api<T = any>(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const headers: Record<string, string> = { accept: "application/json", ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    const res = await app.request(path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, body: body as T, headers: res.headers };
  }

  return { app, rt, db, authDeps, tokenFor, api, close: () => rt.close() };
}
