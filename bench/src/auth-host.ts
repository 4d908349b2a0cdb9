// What the HTTP server pays per request for a managed key: `startPlatformHost(...).authenticate`,
// the look-up behind a one-second cache, on the database auth.ts seeded.

import { type Caller, revokeApiKey, type Storage, startPlatformHost } from '@plexmcp/platform';
import { now } from './stats.js';

/** Calls per way; the ways interleave in rounds so drift hits both alike. */
const CALLS = 5_000;
const ROUNDS = 10;
/** The realistic pattern: a few clients, each calling with its own key again and again. */
const HOT_KEYS = 100;
const REVOCATIONS = 20;
/** How often a client would retry: a revocation is seen at most this much after it shows. */
const POLL_MS = 5;
/** Far past the 1 s goal: give up, the revocation will not be seen. */
const GIVE_UP_MS = 5_000;

export const HOST_NOTES = {
  calls: CALLS,
  rounds: ROUNDS,
  hotKeys: HOT_KEYS,
  revocations: REVOCATIONS,
  pollMs: POLL_MS,
};

export interface HostTimings {
  /** 100 keys in turn: after the first second, nearly every call is answered from the cache. */
  hot: number[];
  /** A random key of 10,000 with the cache emptied before each call: the look-up plus the cache. */
  cold: number[];
  /** From a revocation's commit through another handle until the host answers `revoked`. */
  revocations: number[];
}

type Key = { id: string; secret: string };

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens a platform host the way the server does (`staticKeys: false`: managed keys only) on the
 * seeded database, times its `authenticate`, then revokes keys through `other` (another replica,
 * or the CLI) and polls the host until it refuses them. `revocable` must be keys of their own:
 * a revoked key stays refused.
 */
export async function timeHost(
  database: string,
  dataDir: string,
  keys: readonly Key[],
  revocable: readonly Key[],
  other: Storage,
  caller: Caller,
): Promise<HostTimings> {
  const host = await startPlatformHost({
    env: { PLEXMCP_DATA_DIR: dataDir },
    database,
    staticKeys: false,
  });
  try {
    const hotKeys = keys.slice(0, HOT_KEYS);
    const check = (answer: unknown, what: string) => {
      if (typeof answer === 'string')
        throw new Error(`host refused a live key (${what}): ${answer}`);
    };
    const timings: HostTimings = { hot: [], cold: [], revocations: [] };
    let turn = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < CALLS / ROUNDS; i++) {
        const { secret } = hotKeys[turn++ % hotKeys.length] as Key;
        const started = now();
        const answer = await host.authenticate(secret);
        timings.hot.push(now() - started);
        check(answer, 'hot');
      }
      for (let i = 0; i < CALLS / ROUNDS; i++) {
        const { secret } = pick(keys);
        // Outside the timing: every call of this way is a miss, as for a key unseen for a second.
        host.forget();
        const started = now();
        const answer = await host.authenticate(secret);
        timings.cold.push(now() - started);
        check(answer, 'cold');
      }
    }
    for (const key of revocable) {
      // Cached first, as for a client in mid-stream: the worst case is a fresh answer kept 1 s.
      check(await host.authenticate(key.secret), 'before revocation');
      await revokeApiKey(other, caller, key.id);
      const revokedAt = now();
      while ((await host.authenticate(key.secret)) !== 'revoked') {
        if (now() - revokedAt > GIVE_UP_MS) break;
        await sleep(POLL_MS);
      }
      timings.revocations.push(now() - revokedAt);
    }
    return timings;
  } finally {
    await host.close();
  }
}
