import { HttpError, type RequestContext, requireOwner } from '../../http/context.js';
import { emptyOk, json } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { EmulatorState } from '../../state/store.js';
import type { ActivityRecord, ButlerTaskRecord } from '../../state/types.js';
import { recordUpdateCheck } from './updater-state.js';

const DAY = 24 * 60 * 60;

/** The activity `Context` key that ties an activity to the butler task running it. */
export const BUTLER_TASK_CONTEXT = 'taskName';

/**
 * Activity types PMS reports for tasks whose activities are on record (API docs, notification
 * captures); the other tasks run as generic `butler.task` activities titled after the task.
 */
const ACTIVITY_OF: Record<string, { type: string; title: string }> = {
  ButlerTaskGenerateCreditsMarkers: { type: 'media.generate.credits', title: 'Detecting Credits' },
  GenerateChapterThumbs: {
    type: 'media.generate.chapter.thumbs',
    title: 'Generating chapter thumbnails',
  },
  GenerateMediaIndexFiles: {
    type: 'media.generate.bif',
    title: 'Generating video preview thumbnails',
  },
  RefreshEpgGuides: { type: 'provider.epg.load', title: 'Refreshing EPG' },
};

/** The activity running a butler task, if it runs. */
function activityOf(state: EmulatorState, name: string): ActivityRecord | undefined {
  for (const activity of state.activities.values()) {
    if (activity.context[BUTLER_TASK_CONTEXT] === name) return activity;
  }
  return undefined;
}

/**
 * Makes every task's `running` flag match the activities (an activity cancelled through
 * `DELETE /activities/{uuid}` ends its task too).
 */
export function settleButlerFlags(state: EmulatorState): void {
  for (const task of state.butlerTasks) task.running = activityOf(state, task.name) !== undefined;
}

function findTask(ctx: RequestContext): ButlerTaskRecord {
  const task = ctx.state.butlerTasks.find((candidate) => candidate.name === ctx.params.task);
  if (!task) throw new HttpError(404, `no butler task ${ctx.params.task}`);
  return task;
}

/** Starts a task as an activity; false when it already runs. */
function startTask(ctx: RequestContext, task: ButlerTaskRecord, userId: number): boolean {
  const { state, services } = ctx;
  settleButlerFlags(state);
  if (task.running) return false;
  const activity = ACTIVITY_OF[task.name] ?? { type: 'butler.task', title: task.title };
  task.running = true;
  services.log('Plex Media Server.log', 'INFO', `Butler: Starting task ${task.name}`);
  services.activities.start({
    type: activity.type,
    title: activity.title,
    subtitle: task.description,
    userId,
    context: { [BUTLER_TASK_CONTEXT]: task.name },
    onFinish: () => {
      task.running = false;
      if (task.name === 'AutomaticUpdates') recordUpdateCheck(state, services, false);
      services.log('Plex Media Server.log', 'INFO', `Butler: Task ${task.name} completed`);
    },
  });
  return true;
}

/** Stops a running task; false when it was not running. */
function stopTask(ctx: RequestContext, task: ButlerTaskRecord): boolean {
  const activity = activityOf(ctx.state, task.name);
  if (activity) ctx.services.activities.cancel(activity.uuid);
  const wasRunning = activity !== undefined || task.running;
  task.running = false;
  if (wasRunning) {
    ctx.services.log('Plex Media Server.log', 'INFO', `Butler: Stopping task ${task.name}`);
  }
  return wasRunning;
}

/** Butler tasks: list (`{"ButlerTasks": …}`, not a MediaContainer), start and stop one or all. */
export const butlerRoutes: Route[] = [
  {
    method: 'GET',
    path: '/butler',
    handler: (ctx) => {
      requireOwner(ctx);
      return json({
        ButlerTasks: {
          ButlerTask: ctx.state.butlerTasks.map((task) => ({
            name: task.name,
            // PMS reports the interval in days.
            interval: Math.max(1, Math.round(task.interval / DAY)),
            scheduleRandomized: task.scheduleRandomized,
            enabled: task.enabled,
            title: task.title,
            description: task.description,
          })),
        },
      });
    },
  },
  {
    method: 'POST',
    path: '/butler',
    // Starts every enabled task that is not already running; manual runs ignore the time window.
    handler: (ctx) => {
      const owner = requireOwner(ctx);
      for (const task of ctx.state.butlerTasks) if (task.enabled) startTask(ctx, task, owner.id);
      return emptyOk();
    },
  },
  {
    method: 'DELETE',
    path: '/butler',
    handler: (ctx) => {
      requireOwner(ctx);
      for (const task of ctx.state.butlerTasks) stopTask(ctx, task);
      return emptyOk();
    },
  },
  {
    method: 'POST',
    path: '/butler/{task}',
    handler: (ctx) => {
      const owner = requireOwner(ctx);
      const started = startTask(ctx, findTask(ctx), owner.id);
      return started
        ? emptyOk()
        : new Response(null, { status: 202, headers: { 'Content-Length': '0' } });
    },
  },
  {
    method: 'DELETE',
    path: '/butler/{task}',
    handler: (ctx) => {
      requireOwner(ctx);
      const task = findTask(ctx);
      if (!stopTask(ctx, task)) throw new HttpError(404, `butler task ${task.name} is not running`);
      return emptyOk();
    },
  },
];
