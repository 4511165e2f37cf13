import { test } from "node:test";
import assert from "node:assert/strict";
import { loggedPath } from "./index.ts";

test("loggedPath keeps link tokens out of the request log", () => {
  assert.equal(loggedPath("/sign-in/abcDEF123_-"), "/sign-in/[token]");
  assert.equal(loggedPath("/review/tok123/speeches/9"), "/review/[token]/speeches/9");
  assert.equal(loggedPath("/api/v1/review/tok123/done"), "/api/v1/review/[token]/done");
  assert.equal(loggedPath("/ballot/tok123"), "/ballot/[token]");
  assert.equal(loggedPath("/api/v1/ballots/tok123"), "/api/v1/ballots/[token]");
  // Paths without a token stay as they are.
  assert.equal(loggedPath("/sign-in"), "/sign-in");
  assert.equal(loggedPath("/transcripts/2026-01-05-月會"), "/transcripts/2026-01-05-月會");
  assert.equal(loggedPath("/api/v1/search"), "/api/v1/search");
});
