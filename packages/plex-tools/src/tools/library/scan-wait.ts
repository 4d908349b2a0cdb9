import type { Activity, Library } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../../context.js';
import { isoTime } from '../../shared/outputs.js';
import { pause } from '../../shared/pause.js';
import { Warnings, warningsField } from '../../shared/warnings.js';

/** How long to wait for a scan by default, and at most (seconds). */
export const DEFAULT_WAIT_SECONDS = 30;
export const MAX_WAIT_SECONDS = 300;

/** First poll interval; it grows to `MAX_POLL_MS` so long scans cost few requests. */
const FIRST_POLL_MS = 100;
const MAX_POLL_MS = 2000;
/**
 * A scan that never showed `refreshing` and left `scannedAt` alone counts as done after this:
 * PMS may finish a small scan between two polls within the same second.
 */
const UNSEEN_GRACE_MS = 2000;

/** The `wait_seconds` input of the scan tools. */
export const waitSeconds = v.optional(
  v.pipe(
    v.number(),
    v.integer(),
    v.minValue(0),
    v.maxValue(MAX_WAIT_SECONDS),
    v.description('Max wait for the end'),
  ),
  DEFAULT_WAIT_SECONDS,
);

/** A scanned library in the scan tools' output. */
export const scanState = v.object({
  id: v.string(),
  title: v.string(),
  /** Null when the libraries could not be read after the scan started (see `warnings`). */
  scanning: v.nullable(v.boolean()),
  scanned_at: v.optional(v.string()),
});

/** What the scan tools return. */
export const scanOutput = v.object({
  /** Null when the scan's progress could not be read (it was started all the same). */
  finished: v.nullable(v.boolean()),
  libraries: v.array(scanState),
  message: v.string(),
  ...warningsField,
});

/** The scan tools' output. */
export type ScanOutput = v.InferInput<typeof scanOutput>;

/** Scan progress (0–100) per section id, from `/activities`; empty when Plex will not say. */
async function scanProgress(ctx: ToolContext): Promise<Map<string, number>> {
  let activities: Activity[];
  try {
    activities = await ctx.plex.butler.activities({ signal: ctx.signal });
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return new Map();
  }
  const progress = new Map<string, number>();
  for (const activity of activities) {
    const section = activity.Context?.librarySectionID;
    if (activity.type === 'library.update.section' && section !== undefined) {
      progress.set(String(section), activity.progress ?? 0);
    }
  }
  return progress;
}

const names = (libraries: readonly Library[]) => libraries.map((l) => l.title).join(', ');

/**
 * After a scan of `targets` was started: polls the sections' `refreshing` flag (and the scan
 * activities for a percentage), reporting progress, until every scan ended, `waitSeconds` passed
 * or the call is cancelled. Bounded: polls back off to every 2 s and stop at the deadline.
 */
export async function waitForScans(
  ctx: ToolContext,
  targets: readonly Library[],
  waitSeconds: number,
  verb: string,
): Promise<ScanOutput> {
  const started = Date.now();
  const deadline = started + waitSeconds * 1000;
  const ids = new Set(targets.map((t) => t.key));
  const scannedBefore = new Map(targets.map((t) => [t.key, t.scannedAt]));
  const seenRunning = new Set<string>();
  let interval = FIRST_POLL_MS;
  const warnings = new Warnings(ctx.signal);
  for (;;) {
    // The scan was started; failing to watch it must not report it as not started.
    const [sections, progress] = await Promise.all([
      warnings.optional('scan progress', () => ctx.plex.libraries.list({ signal: ctx.signal })),
      scanProgress(ctx),
    ]);
    if (sections === null) {
      return warnings.attach({
        finished: null,
        libraries: targets.map((t) => ({ id: t.key, title: t.title, scanning: null })),
        message: `${verb} of ${names(targets)} started; whether it finished is unknown.`,
      });
    }
    const current = sections.filter((s) => ids.has(s.key));
    const elapsed = Date.now() - started;
    const running = current.filter((section) => {
      if (section.refreshing) {
        seenRunning.add(section.key);
        return true;
      }
      const changed = section.scannedAt !== scannedBefore.get(section.key);
      return !seenRunning.has(section.key) && !changed && elapsed < UNSEEN_GRACE_MS;
    });
    const runningIds = new Set(running.map((s) => s.key));
    const percent =
      current.length === 0
        ? 100
        : current.reduce(
            (sum, s) => sum + (runningIds.has(s.key) ? (progress.get(s.key) ?? 0) : 100),
            0,
          ) / current.length;
    const finished = running.length === 0;
    ctx.progress({
      progress: Math.round(percent),
      total: 100,
      message: finished ? `${verb} finished` : `${verb} ${names(running)}`,
    });
    if (finished || Date.now() >= deadline) {
      return {
        finished,
        libraries: current.map((section) => ({
          id: section.key,
          title: section.title,
          scanning: runningIds.has(section.key),
          scanned_at: isoTime(section.scannedAt),
        })),
        message: finished
          ? `${verb} of ${names(current)} finished.`
          : `${verb} of ${names(running)} still running after ${waitSeconds} s; library_list shows refreshing until it ends.`,
      };
    }
    await pause(Math.min(interval, Math.max(0, deadline - Date.now())), ctx.signal);
    interval = Math.min(MAX_POLL_MS, interval * 2);
  }
}
