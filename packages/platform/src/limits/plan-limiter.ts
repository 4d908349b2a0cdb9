// Each key's requests per second under its organization's plan, counted by rate-limiter-flexible:
// in memory on SQLite (one process), in PostgreSQL when the platform runs there, so every replica
// spends from the same budget. Fixed one-second windows: a key may send its plan's limit at once,
// then waits for the next window.

import { type Kysely, sql } from 'kysely';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { PLANS, type Plan } from '../storage/schema.js';
import type { Storage } from '../storage/storage.js';
import { PLAN_RATE_LIMITS } from './plan-limits.js';
import { pgLikeClient } from './postgres-store-client.js';
import type { RateLimitDecision } from './rate-limit-decision.js';

/** The table migration 0004 creates, in the columns rate-limiter-flexible's store expects. */
export const RATE_LIMIT_TABLE = 'rate_limits';

/** Windows last a second: the plans are in requests per second. */
const WINDOW_SECONDS = 1;

/** Rows of windows over this long ago are deleted (keys that stopped calling, revoked keys). */
const KEEP_EXPIRED_MS = 60_000;
/** How often each process deletes them. */
const CLEANUP_EVERY_MS = 5 * 60_000;

/** Counts requests per key under each plan's limit. */
export interface PlanLimiter {
  /**
   * Charges `cost` requests (a JSON-RPC batch costs one per message) to `key` under `plan`'s
   * limit. Refused requests are counted too, so hammering does not get through sooner.
   */
  take(key: string, plan: Plan, cost?: number): Promise<RateLimitDecision>;
  /** Stops the periodic clean-up (the storage itself is closed by its owner). */
  close(): void;
}

/** Builds the limiter for `storage`'s dialect (the PostgreSQL table must be migrated). */
export function createPlanLimiter(storage: Storage): PlanLimiter {
  const limiters = new Map<Plan, RateLimiterAbstract>(
    PLANS.map((plan) => [plan, limiterFor(storage, PLAN_RATE_LIMITS[plan])]),
  );
  const cleanup =
    storage.dialect === 'postgres'
      ? setInterval(() => void deleteExpired(storage), CLEANUP_EVERY_MS).unref()
      : undefined;
  return {
    async take(key, plan, cost = 1) {
      const limit = PLAN_RATE_LIMITS[plan];
      const limiter = limiters.get(plan) as RateLimiterAbstract;
      try {
        return decision(true, limit, await limiter.consume(key, cost));
      } catch (refused) {
        // The store failed and so did the insurance: a real error, not a refusal.
        if (!(refused instanceof RateLimiterRes)) throw refused;
        return decision(false, limit, refused);
      }
    },
    close() {
      if (cleanup) clearInterval(cleanup);
    },
  };
}

function limiterFor(storage: Storage, points: number): RateLimiterAbstract {
  // One key prefix for every plan: on PostgreSQL a key keeps its row when its plan changes, so
  // the window under way carries over to the new limit instead of starting afresh.
  const common = { points, duration: WINDOW_SECONDS, keyPrefix: 'key' };
  if (storage.dialect === 'sqlite') return new RateLimiterMemory(common);
  return new RateLimiterPostgres({
    ...common,
    storeClient: pgLikeClient(storage.db as unknown as Kysely<unknown>),
    storeType: 'client',
    tableName: RATE_LIMIT_TABLE,
    // Created by migration 0004, under the migrations' lock, not by each replica at start.
    tableCreated: true,
    // Our own clean-up below can be stopped; the store's timer cannot.
    clearExpiredByTimeout: false,
    // A key that has spent its window is refused from memory until the window ends, without
    // asking the database again: hammering costs PostgreSQL one query per window per replica.
    inMemoryBlockOnConsumed: points,
    // When PostgreSQL cannot answer, each replica limits on its own rather than failing requests.
    insuranceLimiter: new RateLimiterMemory(common),
  });
}

function decision(allowed: boolean, limit: number, res: RateLimiterRes): RateLimitDecision {
  // msBeforeNext is when the key's window ends; a new key's window starts with this request.
  const msBeforeNext = Math.max(0, res.msBeforeNext);
  return {
    allowed,
    limit,
    remaining: allowed ? Math.max(0, res.remainingPoints) : 0,
    resetAt: Math.ceil((Date.now() + msBeforeNext) / 1000),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(msBeforeNext / 1000)),
  };
}

async function deleteExpired(storage: Storage): Promise<void> {
  try {
    await sql`delete from ${sql.table(RATE_LIMIT_TABLE)} where expire < ${Date.now() - KEEP_EXPIRED_MS}`.execute(
      storage.db,
    );
  } catch {
    // Only housekeeping: the next round tries again, and a stale row is reset on its next use.
  }
}
