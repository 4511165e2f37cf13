import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new random secret (URL-safe) with an optional readable prefix. */
export function newSecret(prefix = "", bytes = 32): string {
  return prefix + randomBytes(bytes).toString("base64url");
}

/** SHA-256 of a secret: only hashes of tokens are stored. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
