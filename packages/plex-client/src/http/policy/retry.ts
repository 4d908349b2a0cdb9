import type { Failure } from './failure.js';
import { parseRetryAfter } from './retry-after.js';

/** Retry policy for idempotent requests. */
export interface RetryPolicy {
  /** Retries after the first attempt. 0 turns retrying off. */
  limit: number;
  /** Delay before the first retry; doubles each time, with ±50 % jitter. */
  baseDelayMs: number;
  /** Upper bound for one delay, a server's `Retry-After` included. */
  maxDelayMs: number;
}

/** Methods retried. Writes never are: Plex may have applied them before the connection failed. */
export const RETRY_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** Statuses worth another try: the server is overloaded or a proxy could not reach it. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Statuses whose `Retry-After` says how long to wait. */
export const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** Delay before retry number `attempt` (1-based): exponential, capped, ±50 % jitter. */
export function backoffDelay(retry: RetryPolicy, attempt: number): number {
  const exponential = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return exponential * (0.5 + Math.random());
}

/**
 * How long to wait before retry number `attempt` (1-based) of a failed try, or undefined when
 * the failure is final. The one rule both engines follow:
 * - only `RETRY_METHODS`, and at most `retry.limit` retries;
 * - network failures and `RETRY_STATUSES` are retried with `backoffDelay`;
 * - timeouts are not (the server is slow, and another try doubles the wait), nor answers over
 *   the body cap or requests Node refused to send (another try fails the same way);
 * - for 429/503, a `Retry-After` up to `maxDelayMs` is waited exactly; a longer one ends the
 *   retries at once. Retrying sooner than the server asked only spends an attempt against a
 *   server that said it is overloaded; the `RATE_LIMITED` error carries `retryAfterMs` so the
 *   caller can come back when asked.
 */
export function retryDelay(
  failure: Failure,
  attempt: number,
  method: string,
  retry: RetryPolicy,
): number | undefined {
  if (attempt > retry.limit || !RETRY_METHODS.has(method)) return undefined;
  if (failure.kind === 'network') return backoffDelay(retry, attempt);
  if (failure.kind !== 'status' || !RETRY_STATUSES.has(failure.status)) return undefined;
  if (RETRY_AFTER_STATUSES.has(failure.status)) {
    const after = parseRetryAfter(failure.header('Retry-After'));
    if (after !== undefined) return after <= retry.maxDelayMs ? after : undefined;
  }
  return backoffDelay(retry, attempt);
}
