// The meter: every metered request and tool call is added to an in-memory count for its minute,
// and the counts are written in batches — every few seconds and at close — so a request never
// waits on the database for its metering. On a graceful shutdown nothing is lost; on a crash at
// most the last interval's counts are.

import { type ErrorLog, STDERR_LOG } from '../http/errors.js';
import type { UsageDoor } from '../storage/schema.js';
import type { Storage } from '../storage/storage.js';
import { writeUsageBatch } from './flush.js';
import { BUCKET_COUNT, bucketOf } from './histogram.js';

/** Stands for "the organization's builtin MCP" (the server's own tools), resolved at flush. */
export const BUILTIN_MCP = '(builtin)';

/** The tool a call is counted under once the meter's cap on distinct rows is reached. */
export const OTHER_TOOL = '(other)';

/** One metered request or tool call. */
export interface UsageEvent {
  organizationId: string;
  /** The managed key; null for a static key. */
  keyId: string | null;
  /** The MCP called, `BUILTIN_MCP` for the server's own tools, null when none. */
  mcpId: string | null;
  /** The tool run; null for a request that is not a tool call. */
  tool: string | null;
  door: UsageDoor;
  /** `ok`, or the error code (any case; stored lower case). */
  outcome: string;
  durationMs: number;
  /** When it happened (epoch ms); now by default. */
  at?: number;
}

/** One pending row: a minute's counts for one combination of the event's fields. */
export interface PendingRow {
  /** Minutes since the epoch. */
  minute: number;
  organizationId: string;
  keyId: string;
  mcpId: string;
  tool: string;
  door: UsageDoor;
  outcome: string;
  calls: number;
  errors: number;
  totalMs: number;
  /** Counts per duration bucket (see histogram.ts). */
  buckets: number[];
}

/** How a meter is set up. */
export interface MeterOptions {
  /** How often counts are written; default 5 s. */
  flushIntervalMs?: number;
  /**
   * The most distinct rows kept between flushes (default 50,000, a few MiB). Past it, a new
   * combination is counted without its key, MCP and tool name (`(other)`), so totals stay exact
   * while memory stays bounded; this is logged once.
   */
  maxRows?: number;
  /** Where flush failures and the cap are reported; stderr by default. */
  log?: ErrorLog;
}

/** The meter as the host uses it. */
export interface Meter {
  /** Counts one event in memory: constant time, never touches the database. */
  record(event: UsageEvent): void;
  /** Writes what is pending now (one transaction); concurrent calls run one after the other. */
  flush(): Promise<void>;
  /** Stops the timer and writes what is pending; later events are ignored. */
  close(): Promise<void>;
  /** Distinct rows waiting to be written (for tests and the bench). */
  pendingRows(): number;
}

const MINUTE_MS = 60_000;
const SEPARATOR = '\u0000';

/** A meter writing to `storage`; its timer does not keep the process alive. */
export function createMeter(storage: Storage, options: MeterOptions = {}): Meter {
  const maxRows = options.maxRows ?? 50_000;
  const log = options.log ?? STDERR_LOG;
  let pending = new Map<string, PendingRow>();
  let capLogged = false;
  let failing = false;
  let closed = false;
  // Flushes run one at a time, so a batch is never written twice or out of order.
  let queue: Promise<void> = Promise.resolve();

  const add = (
    key: string,
    proto: Omit<PendingRow, 'calls' | 'errors' | 'totalMs' | 'buckets'>,
  ) => {
    let row = pending.get(key);
    if (!row) {
      row = { ...proto, calls: 0, errors: 0, totalMs: 0, buckets: new Array(BUCKET_COUNT).fill(0) };
      pending.set(key, row);
    }
    return row;
  };

  const record = (event: UsageEvent): void => {
    if (closed) return;
    const minute = Math.floor((event.at ?? Date.now()) / MINUTE_MS);
    const outcome = event.outcome.toLowerCase();
    let keyId = event.keyId ?? '';
    let mcpId = event.mcpId ?? '';
    let tool = event.tool ?? '';
    let key = rowKey(minute, event.organizationId, keyId, mcpId, tool, event.door, outcome);
    if (!pending.has(key) && pending.size >= maxRows) {
      // Coarser: one row per organization, minute, door and outcome, so counts stay exact.
      keyId = '';
      mcpId = '';
      tool = tool === '' ? '' : OTHER_TOOL;
      key = rowKey(minute, event.organizationId, keyId, mcpId, tool, event.door, outcome);
      if (!capLogged) {
        capLogged = true;
        log.error(
          `usage: more than ${maxRows} distinct usage rows between flushes; further ones are counted without their key, MCP and tool until the next flush`,
        );
      }
    }
    const row = add(key, {
      minute,
      organizationId: event.organizationId,
      keyId,
      mcpId,
      tool,
      door: event.door,
      outcome,
    });
    const durationMs = Math.max(0, event.durationMs);
    row.calls += 1;
    if (outcome !== 'ok') row.errors += 1;
    row.totalMs += durationMs;
    row.buckets[bucketOf(durationMs)]! += 1;
  };

  /** Puts a batch that could not be written back, adding to what came in meanwhile. */
  const restore = (batch: Map<string, PendingRow>) => {
    for (const [key, row] of batch) {
      const kept = pending.get(key);
      if (!kept) {
        pending.set(key, row);
        continue;
      }
      kept.calls += row.calls;
      kept.errors += row.errors;
      kept.totalMs += row.totalMs;
      row.buckets.forEach((n, i) => {
        kept.buckets[i]! += n;
      });
    }
  };

  const flushOnce = async (): Promise<void> => {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    try {
      await writeUsageBatch(storage, [...batch.values()]);
    } catch (error) {
      // Not committed: the counts go back and the next flush tries again. (A commit whose
      // acknowledgement is lost would count twice; the database gives no way to know.)
      restore(batch);
      throw error;
    }
    capLogged = false;
  };

  const flush = (): Promise<void> => {
    const run = queue.then(flushOnce);
    queue = run.catch(() => undefined);
    return run;
  };

  const timer = setInterval(() => {
    flush().then(
      () => {
        if (failing) log.error('usage: writing usage works again; nothing was lost');
        failing = false;
      },
      (error: unknown) => {
        // Once per streak of failures: the counts are kept and retried each interval.
        if (!failing) {
          log.error(
            `usage: could not write usage (kept in memory, retried every ${options.flushIntervalMs ?? 5000} ms): ${(error as Error).message}`,
          );
        }
        failing = true;
      },
    );
  }, options.flushIntervalMs ?? 5000);
  timer.unref();

  return {
    record,
    flush,
    async close() {
      if (closed) return queue;
      closed = true;
      clearInterval(timer);
      await flush();
    },
    pendingRows: () => pending.size,
  };
}

function rowKey(
  minute: number,
  organizationId: string,
  keyId: string,
  mcpId: string,
  tool: string,
  door: string,
  outcome: string,
): string {
  return `${minute}${SEPARATOR}${organizationId}${SEPARATOR}${keyId}${SEPARATOR}${mcpId}${SEPARATOR}${tool}${SEPARATOR}${door}${SEPARATOR}${outcome}`;
}
