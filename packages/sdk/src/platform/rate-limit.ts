// The one owner of rate-limit policy in the platform client: reading the `X-RateLimit-*` and
// `Retry-After` headers, and how long an opt-in retry waits.

import type { RateLimit } from './types.js';

/** The `X-RateLimit-*` figures, when the answer carries all three. */
export function rateLimitOf(headers: Headers): RateLimit | undefined {
  const limit = whole(headers.get('x-ratelimit-limit'));
  const remaining = whole(headers.get('x-ratelimit-remaining'));
  const reset = whole(headers.get('x-ratelimit-reset'));
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
  return { limit, remaining, reset };
}

/** `Retry-After` in seconds. The HTTP-date form is not sent by plexmcp servers. */
export function retryAfterOf(headers: Headers): number | undefined {
  return whole(headers.get('retry-after'));
}

function whole(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

/**
 * How long to wait before retrying a rate-limited request: `Retry-After` when sent, else until
 * `X-RateLimit-Reset` (a Unix time in whole seconds, so the window may already have turned),
 * else one second.
 */
export function rateLimitWaitMs(
  retryAfter: number | undefined,
  rateLimit: RateLimit | undefined,
  now = Date.now(),
): number {
  if (retryAfter !== undefined) return retryAfter * 1000;
  if (rateLimit) return Math.max(0, rateLimit.reset * 1000 - now);
  return 1000;
}

/** Resolves after `ms`, or false at once when `signal` aborts (before or during the wait). */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
