import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A new random secret (URL-safe) with an optional readable prefix. */
export function newSecret(prefix = "", bytes = 32): string {
  return prefix + randomBytes(bytes).toString("base64url");
}

/**
 * HMAC-SHA-256 of a token keyed with the server's SESSION_SECRET: only these digests are stored, so a
 * copy of the database alone can neither use nor check a token. Changing the secret signs everyone out.
 */
export function hashSecret(secret: string, key: string): string {
  return createHmac("sha256", key).update(secret).digest("hex");
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
