// One request's verdict under a plan, in the shape the server's own limiter already answers,
// so the same `X-RateLimit-*` headers and 429s serve both.

/** Whether a request may pass, and the values for the `X-RateLimit-*` headers. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Requests allowed per window (the plan's requests per second). */
  limit: number;
  /** Requests left in the current window. */
  remaining: number;
  /** When the current window ends, as a Unix time in seconds. */
  resetAt: number;
  /** Seconds until a refused request may be retried (0 when allowed). */
  retryAfterSeconds: number;
}
