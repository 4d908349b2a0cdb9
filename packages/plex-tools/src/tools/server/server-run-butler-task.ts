import { type Activity, isPlexError, PlexError } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../../context.js';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { pause } from '../../shared/pause.js';
import { missingReason, Warnings, warningsField } from '../../shared/warnings.js';

/** The butler tasks Plex Media Server knows (PMS API 1.2.2), as `POST /butler/{name}` takes them. */
export const BUTLER_TASKS = [
  'AutomaticUpdates',
  'BackupDatabase',
  'ButlerTaskGenerateAdMarkers',
  'ButlerTaskGenerateCreditsMarkers',
  'ButlerTaskGenerateIntroMarkers',
  'ButlerTaskGenerateVoiceActivity',
  'CleanOldBundles',
  'CleanOldCacheFiles',
  'DeepMediaAnalysis',
  'GarbageCollectBlobs',
  'GarbageCollectLibraryMedia',
  'GenerateBlurHashes',
  'GenerateChapterThumbs',
  'GenerateMediaIndexFiles',
  'LoudnessAnalysis',
  'MusicAnalysis',
  'OptimizeDatabase',
  'RefreshEpgGuides',
  'RefreshLibraries',
  'RefreshLocalMedia',
  'RefreshPeriodicMetadata',
  'UpgradeMediaAnalysis',
] as const;

/** How long `wait` waits at most before answering `finished: false`. */
const MAX_WAIT_MS = 120_000;
/** First poll interval; it grows to `MAX_POLL_MS` so long tasks cost few requests. */
const FIRST_POLL_MS = 50;
const MAX_POLL_MS = 2000;
/** A task whose activity never showed counts as done after this (it may end between polls). */
const UNSEEN_GRACE_MS = 1000;

/**
 * Polls `/activities` for the activity running `task` (PMS tags it with `Context.taskName`) until
 * it is gone, reporting its progress; true when it ended, false after `MAX_WAIT_MS`. A cancelled
 * call stops waiting at once (TIMEOUT); the task itself keeps running.
 */
async function waitForTask(
  ctx: ToolContext,
  task: string,
  warnings: Warnings,
): Promise<boolean | null> {
  const started = Date.now();
  const deadline = started + MAX_WAIT_MS;
  let seen = false;
  let interval = FIRST_POLL_MS;
  try {
    for (;;) {
      const activities = await ctx.plex.butler.activities({ signal: ctx.signal });
      const activity = activities.find((a: Activity) => a.Context?.taskName === task);
      if (activity) seen = true;
      const finished = !activity && (seen || Date.now() - started >= UNSEEN_GRACE_MS);
      if (finished) {
        ctx.progress({ progress: 100, total: 100, message: `${task} finished` });
        return true;
      }
      const progress = Math.round(activity?.progress ?? 0);
      ctx.progress({
        progress,
        total: 100,
        message: `${activity?.title || task}: ${progress}%`,
      });
      if (Date.now() >= deadline) return false;
      await pause(Math.min(interval, Math.max(0, deadline - Date.now())), ctx.signal);
      interval = Math.min(MAX_POLL_MS, interval * 2);
    }
  } catch (error) {
    if (!ctx.signal.aborted) {
      // The task was started; losing sight of it is a missing detail, not a failed start.
      if (!isPlexError(error)) throw error;
      warnings.add(`task progress unavailable: ${missingReason(error)}`);
      return null;
    }
    throw new ToolError(
      'TIMEOUT',
      `Stopped waiting for ${task}: the call was cancelled. The task keeps running; call again with wait to follow it (it will not start twice).`,
    );
  }
}

/** server_run_butler_task: starts one maintenance task now. */
export const serverRunButlerTask = defineTool({
  name: 'server_run_butler_task',
  module: 'server',
  access: 'write',
  title: 'Run butler task',
  description: 'Run a maintenance (butler) task now.',
  input: v.object({
    // A string, not an enum of 22 names every model would read on every turn: the names come
    // from server_get_butler_tasks, and a wrong one is refused with the list.
    task_name: v.pipe(
      v.string(),
      v.trim(),
      v.check(
        (name) => (BUTLER_TASKS as readonly string[]).includes(name),
        `Expected a butler task name as server_get_butler_tasks lists it: ${BUTLER_TASKS.join(', ')}`,
      ),
      v.description('Name from server_get_butler_tasks'),
    ),
    wait: v.optional(
      v.pipe(v.boolean(), v.description(`Wait up to ${MAX_WAIT_MS / 1000} s for the end`)),
      false,
    ),
  }),
  output: v.object({
    task_name: v.string(),
    status: v.picklist(['started', 'already_running']),
    /** Present when the caller waited: whether the task ended within the wait (null: unknown). */
    finished: v.nullish(v.boolean()),
    message: v.string(),
    ...warningsField,
  }),
  async run(ctx, input) {
    const result = await ctx.plex.butler
      .run(input.task_name, { signal: ctx.signal })
      .catch((error: unknown) => {
        // An older or newer server may lack a task of the list.
        if (error instanceof PlexError && error.code === 'NOT_FOUND') {
          throw new ToolError(
            'NOT_FOUND',
            `This server has no butler task ${input.task_name}; call server_get_butler_tasks for the ones it has.`,
          );
        }
        throw error;
      });
    const started = result === 'started';
    if (input.wait) {
      const warnings = new Warnings(ctx.signal);
      const finished = await waitForTask(ctx, input.task_name, warnings);
      return warnings.attach({
        task_name: input.task_name,
        status: started ? ('started' as const) : ('already_running' as const),
        finished,
        message:
          finished === null
            ? `${input.task_name} is running; whether it finished is unknown.`
            : finished
              ? `${input.task_name} finished.`
              : `${input.task_name} still running after ${MAX_WAIT_MS / 1000} s; call again with wait to keep waiting (it will not start twice).`,
      });
    }
    return {
      task_name: input.task_name,
      status: started ? ('started' as const) : ('already_running' as const),
      message: started
        ? `Started ${input.task_name}; it runs in the background.`
        : `${input.task_name} was already running; nothing new was started.`,
    };
  },
});
