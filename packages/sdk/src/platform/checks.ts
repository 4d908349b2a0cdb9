// Misuse of the platform client throws here, before any request: what a type error would
// have caught in TypeScript, for callers in plain JavaScript or with `as` casts.

/** An id for a path segment: a non-empty string, sent escaped. */
export function idSegment(method: string, id: unknown): string {
  if (typeof id !== 'string' || id === '') {
    throw new TypeError(`${method}: id must be a non-empty string such as "mcp_…" or "key_…".`);
  }
  return encodeURIComponent(id);
}

/** A JSON object for a request body or tool arguments. */
export function objectArg<V>(method: string, name: string, value: V): V {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${method}: ${name} must be an object.`);
  }
  return value;
}

/** The opt-in rate-limit retry, with whole, bounded numbers. */
export function checkedRetry(
  retry: { maxWaitMs: number; maxRetries?: number | undefined } | undefined,
): { maxWaitMs: number; maxRetries: number } | undefined {
  if (retry === undefined) return undefined;
  const { maxWaitMs, maxRetries = 3 } = retry;
  if (!Number.isInteger(maxWaitMs) || maxWaitMs < 0 || maxWaitMs > 2 ** 31 - 1) {
    throw new TypeError(
      `retryOnRateLimit.maxWaitMs must be a whole number of milliseconds from 0 to 2147483647; got ${String(maxWaitMs)}.`,
    );
  }
  if (!Number.isInteger(maxRetries) || maxRetries < 1 || maxRetries > 100) {
    throw new TypeError(
      `retryOnRateLimit.maxRetries must be a whole number from 1 to 100; got ${String(maxRetries)}.`,
    );
  }
  return { maxWaitMs, maxRetries };
}
