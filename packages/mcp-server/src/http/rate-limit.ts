/** A token bucket per caller: `perSecond` tokens refill each second, up to `burst`. */
export interface RateLimitOptions {
  perSecond: number;
  burst: number;
}

/** The limit when none is configured: 20 requests per second, bursts of 40. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 20, burst: 40 };

/** One request's verdict and the values for the `X-RateLimit-*` headers. */
export interface RateLimitDecision {
  allowed: boolean;
  /** The bucket size: how many requests may arrive at once. */
  limit: number;
  /** Whole requests left right now. */
  remaining: number;
  /** When the bucket is full again, as a Unix time in seconds. */
  resetAt: number;
  /** Seconds until the next request would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

/** Buckets kept before full ones (callers idle long enough) are dropped, at most once a second. */
const PRUNE_ABOVE = 1000;
/** Buckets kept at most, whatever the callers: beyond it the oldest is forgotten. */
const MAX_BUCKETS = 10_000;

/**
 * Builds a per-key limiter; `now` is injectable for tests. `take(key, cost)` spends `cost` tokens
 * (a JSON-RPC batch costs one per message) and refuses when fewer are left; `blocked(key)` says
 * whether a key has run dry without spending anything.
 */
export function createRateLimiter(options: RateLimitOptions, now: () => number = Date.now) {
  const { perSecond, burst } = options;
  if (!(perSecond > 0) || !(burst >= 1)) {
    throw new Error('Rate limit: perSecond must be above 0 and burst at least 1.');
  }
  const buckets = new Map<string, Bucket>();
  let prunedAt = Number.NEGATIVE_INFINITY;
  const refill = (bucket: Bucket, at: number) => {
    bucket.tokens = Math.min(burst, bucket.tokens + ((at - bucket.updated) / 1000) * perSecond);
    bucket.updated = at;
  };
  const prune = (at: number) => {
    prunedAt = at;
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= burst) buckets.delete(key);
    }
  };
  const bucketOf = (key: string, at: number) => {
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= PRUNE_ABOVE && at - prunedAt >= 1000) prune(at);
      // Many callers at once (addresses, for failed key checks): forget the oldest. A new key's
      // bucket starts full either way, so this can only be generous, never refuse anyone.
      if (buckets.size >= MAX_BUCKETS) buckets.delete(buckets.keys().next().value as string);
      bucket = { tokens: burst, updated: at };
      buckets.set(key, bucket);
    }
    refill(bucket, at);
    return bucket;
  };

  return {
    take(key: string, cost = 1): RateLimitDecision {
      const at = now();
      const bucket = bucketOf(key, at);
      const allowed = bucket.tokens >= cost;
      if (allowed) bucket.tokens -= cost;
      const missing = Math.min(cost, burst) - bucket.tokens;
      return {
        allowed,
        limit: burst,
        remaining: Math.floor(bucket.tokens),
        resetAt: Math.ceil((at + ((burst - bucket.tokens) / perSecond) * 1000) / 1000),
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(missing / perSecond)),
      };
    },
    blocked(key: string): boolean {
      const bucket = buckets.get(key);
      if (!bucket) return false;
      refill(bucket, now());
      return bucket.tokens < 1;
    },
  };
}

/** A limiter built by `createRateLimiter`. */
export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** The response headers for a decision. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    'x-ratelimit-limit': String(decision.limit),
    'x-ratelimit-remaining': String(decision.remaining),
    'x-ratelimit-reset': String(decision.resetAt),
    ...(decision.allowed ? {} : { 'retry-after': String(decision.retryAfterSeconds) }),
  };
}
