import { AsyncLocalStorage } from "node:async_hooks";

/** Per-request facts that deep code may need without threading them through every call. */
export interface RequestContext {
  requestId: string;
}

/** Holds the current request's context (absent in CLI and sweeps). */
export const requestContext = new AsyncLocalStorage<RequestContext>();

/** The current request id, if any. */
export function currentRequestId(): string | null {
  return requestContext.getStore()?.requestId ?? null;
}
