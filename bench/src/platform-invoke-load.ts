// Concurrent clients, each calling one door with its own key, one call at a time, for a fixed time.

import type { Door } from './platform-invoke-doors.js';
import { now } from './stats.js';

/** What one round of concurrent clients did. */
export interface LoadRun {
  calls: number;
  errors: number;
  /** Per-call latency in ms. */
  latencies: number[];
  /** From the clients' start to the last call's end. */
  elapsedMs: number;
  firstError?: string;
}

/** Runs every door (one per client) in a loop until `durationMs` has passed. */
export async function runLoad(doors: readonly Door[], durationMs: number): Promise<LoadRun> {
  const run: LoadRun = { calls: 0, errors: 0, latencies: [], elapsedMs: 0 };
  const started = now();
  const deadline = started + durationMs;
  const loop = async (door: Door) => {
    while (now() < deadline) {
      const callStarted = now();
      try {
        await door.call();
      } catch (error) {
        run.errors++;
        run.firstError ??= error instanceof Error ? error.message : String(error);
      }
      run.latencies.push(now() - callStarted);
      run.calls++;
    }
  };
  await Promise.all(doors.map(loop));
  run.elapsedMs = now() - started;
  return run;
}
