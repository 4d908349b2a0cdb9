// Authentication runs on every request of every door. A key's answer is kept for 0.9 s, so a
// busy client costs about one look-up a second instead of one per request, and a revocation
// made anywhere (another replica, the CLI) is seen within a second: the 0.1 s left covers the
// look-up that replaces the expired answer (measured in bench/, the `auth` section).

import type { ResolveCaller } from '../routes/authorize.js';
import { hashApiKey } from '../secrets/api-key.js';
import type { AuthFailure } from '../services/authenticate.js';
import type { Caller } from '../services/caller.js';

/** How long an answer about a key is reused: the most a revocation elsewhere can lag. */
export const CALLER_CACHE_MS = 900;

/** The most answers kept; the oldest go first. */
export const CALLER_CACHE_ENTRIES = 10_000;

interface Kept {
  answer: Caller | AuthFailure;
  until: number;
}

/** A resolver that reuses answers for `ttlMs`, and a way to forget them all at once. */
export function cachedResolver(
  resolve: ResolveCaller,
  { ttlMs = CALLER_CACHE_MS, maxEntries = CALLER_CACHE_ENTRIES, now = Date.now } = {},
): { resolve: ResolveCaller; forget(): void } {
  // Keyed by hash: the cache never holds a secret.
  const kept = new Map<string, Kept>();
  return {
    async resolve(secret) {
      const hash = hashApiKey(secret);
      const at = now();
      const hit = kept.get(hash);
      if (hit && hit.until > at) return hit.answer;
      const answer = await resolve(secret);
      // Unknown and malformed keys are not kept: guessing must not evict real keys' answers.
      if (answer !== 'unknown' && answer !== 'malformed') {
        kept.delete(hash);
        if (kept.size >= maxEntries) {
          const oldest = kept.keys().next().value;
          if (oldest !== undefined) kept.delete(oldest);
        }
        kept.set(hash, { answer, until: at + ttlMs });
      }
      return answer;
    },
    forget: () => kept.clear(),
  };
}
