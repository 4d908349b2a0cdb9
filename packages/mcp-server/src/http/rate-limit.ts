/** A token bucket per caller: `perSecond` tokens refill each second, up to `burst`. */
export interface RateLimitOptions {
  perSecond: number;
  burst: number;
}

/** One request's verdict and the values for the `X-RateLimit-*` headers. */
export interface RateLimitDecision {
  allowed: boolean;
  /** The bucket size: how many requests may arrive at once. */
  limit: number;
  /** Whole requests left right now. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until the next request would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

/** Buckets kept before full ones (callers idle long enough) are dropped. */
const PRUNE_ABOVE = 1000;

/** Builds a per-key limiter; `now` is injectable for tests. */
export function createRateLimiter(options: RateLimitOptions, now: () => number = Date.now) {
  const { perSecond, burst } = options;
  if (!(perSecond > 0) || !(burst >= 1)) {
    throw new Error('Rate limit: perSecond must be above 0 and burst at least 1.');
  }
  const buckets = new Map<string, Bucket>();
  const refill = (bucket: Bucket, at: number) => {
    bucket.tokens = Math.min(burst, bucket.tokens + ((at - bucket.updated) / 1000) * perSecond);
    bucket.updated = at;
  };
  const prune = (at: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= burst) buckets.delete(key);
    }
  };

  return (key: string): RateLimitDecision => {
    const at = now();
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= PRUNE_ABOVE) prune(at);
      bucket = { tokens: burst, updated: at };
      buckets.set(key, bucket);
    }
    refill(bucket, at);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    return {
      allowed,
      limit: burst,
      remaining: Math.floor(bucket.tokens),
      resetSeconds: Math.ceil((burst - bucket.tokens) / perSecond),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)),
    };
  };
}

/** The response headers for a decision. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    'x-ratelimit-limit': String(decision.limit),
    'x-ratelimit-remaining': String(decision.remaining),
    'x-ratelimit-reset': String(decision.resetSeconds),
    ...(decision.allowed ? {} : { 'retry-after': String(decision.retryAfterSeconds) }),
  };
}
