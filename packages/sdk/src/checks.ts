/** Option checks shared by the REST and MCP clients: misuse throws here, before any call. */

/** Rejects keys that could never be sent as a header, without echoing them. */
export function checkedApiKey(apiKey: string): string {
  // Visible ASCII only: anything else fails inside fetch with the key quoted in the error.
  if (typeof apiKey !== 'string' || !/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new TypeError('apiKey must be a non-empty string of visible ASCII characters.');
  }
  return apiKey;
}

/** Timers hold at most 2^31 − 1 ms; a longer timeout would fire at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** A timeout a timer can hold: a whole number of ms from 1 to about 24 days. */
export function checkedTimeout(timeoutMs: unknown): number {
  if (
    typeof timeoutMs !== 'number' ||
    !Number.isInteger(timeoutMs) ||
    timeoutMs < 1 ||
    timeoutMs > MAX_TIMEOUT_MS
  ) {
    throw new TypeError(
      `timeoutMs must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}; got ${String(timeoutMs)}.`,
    );
  }
  return timeoutMs;
}
