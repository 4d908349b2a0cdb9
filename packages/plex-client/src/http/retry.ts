import {
  DirectBodyTooLargeError,
  DirectHttpError,
  DirectTimeoutError,
  directHeader,
} from './direct.js';

/** Retry policy for idempotent requests. */
export interface RetryPolicy {
  /** Retries after the first attempt. 0 turns retrying off. */
  limit: number;
  /** Delay before the first retry; doubles each time, with ±50 % jitter. */
  baseDelayMs: number;
  /** Upper bound for one delay. */
  maxDelayMs: number;
}

/** Statuses worth another try: the server is overloaded or a proxy could not reach it. */
export const RETRY_STATUSES = [429, 502, 503, 504];

/** Statuses whose `Retry-After` says how long to wait. */
export const RETRY_AFTER_STATUSES = [429, 503];

/** Delay before retry number `attempt` (1-based): exponential, capped, ±50 % jitter. */
export function jittered(retry: RetryPolicy, attempt: number): number {
  const exponential = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return exponential * (0.5 + Math.random());
}

/**
 * How long to wait before retrying a failed direct GET, or undefined when it must not be retried.
 * The same rules the ky instance applies to its requests: network failures and the retry statuses
 * are retried, timeouts and other statuses are not; `Retry-After` (seconds or a date) wins for
 * 429/503, capped at `maxRetryAfterMs`.
 */
export function directRetryDelay(
  error: unknown,
  attempt: number,
  retry: RetryPolicy,
  maxRetryAfterMs: number,
): number | undefined {
  if (attempt > retry.limit || error instanceof DirectTimeoutError) return undefined;
  // Not the network's fault, so another try fails the same way: an answer too large to read, or
  // Node refusing the request itself (ERR_INVALID_CHAR in a header, ERR_INVALID_URL, …).
  if (error instanceof DirectBodyTooLargeError || isLocalRefusal(error)) return undefined;
  if (error instanceof DirectHttpError) {
    const { status } = error.response;
    if (!RETRY_STATUSES.includes(status)) return undefined;
    const after = retryAfterMs(directHeader(error.response, 'Retry-After'));
    if (after !== undefined && RETRY_AFTER_STATUSES.includes(status)) {
      return Math.min(after, maxRetryAfterMs);
    }
  }
  return jittered(retry, attempt);
}

/** `Retry-After` in ms: seconds, an HTTP date, or (as ky reads it) a large number as a timestamp. */
function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  let after = Number(value) * 1000;
  if (Number.isNaN(after)) after = Date.parse(value) - Date.now();
  else if (after >= Date.parse('2024-01-01')) after -= Date.now();
  return Number.isNaN(after) ? undefined : Math.max(0, after);
}

/** Node's own validation errors carry `ERR_…` codes; network failures carry `E…` ones. */
function isLocalRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_');
}
