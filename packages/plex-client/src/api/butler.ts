import type { Transport } from '../http/transport.js';
import {
  type Activity,
  activitiesContainerSchema,
  type ButlerTask,
  butlerTasksSchema,
} from '../schemas/butler.js';
import { segment, withSignal } from './helpers.js';
import type { CallOptions } from './server.js';

/** What `butler.run()` found: the task started now, or it was already running. */
export type ButlerRunResult = 'started' | 'already-running';

/** The `butler` namespace of a Plex client. */
export interface ButlerApi {
  /** The scheduled tasks with their interval (days) and whether they are enabled (`GET /butler`). */
  tasks(options?: CallOptions): Promise<ButlerTask[]>;
  /**
   * Starts a task now (`POST /butler/{name}`), outside the maintenance window. PMS answers 200
   * when it started the task and 202 when the task was already running. `NOT_FOUND` for a
   * task name the server does not know.
   */
  run(name: string, options?: CallOptions): Promise<ButlerRunResult>;
  /** Stops a running task (`DELETE /butler/{name}`). */
  stop(name: string, options?: CallOptions): Promise<void>;
  /** What the server is busy with: scans, refreshes, butler tasks (`GET /activities`). */
  activities(options?: CallOptions): Promise<Activity[]>;
  /** Cancels a cancellable activity by its uuid (`DELETE /activities/{uuid}`). */
  cancelActivity(uuid: string, options?: CallOptions): Promise<void>;
}

/** Scheduled maintenance tasks and running activities. Owner only (403 for other accounts). */
export function butlerApi(transport: Transport): ButlerApi {
  return {
    /** The scheduled tasks with their interval (days) and whether they are enabled (`GET /butler`). */
    async tasks(options: CallOptions = {}): Promise<ButlerTask[]> {
      const body = await transport.json(
        { path: '/butler', ...withSignal(options) },
        butlerTasksSchema,
      );
      return body.ButlerTasks.ButlerTask;
    },

    /**
     * Starts a task now (`POST /butler/{name}`), outside the maintenance window. PMS answers 200
     * when it started the task and 202 when the task was already running. `NOT_FOUND` for a
     * task name the server does not know.
     */
    async run(name: string, options: CallOptions = {}): Promise<ButlerRunResult> {
      const response = await transport.raw({
        method: 'POST',
        path: `/butler/${segment(name)}`,
        ...withSignal(options),
      });
      await response.body?.cancel();
      return response.status === 202 ? 'already-running' : 'started';
    },

    /** Stops a running task (`DELETE /butler/{name}`). */
    async stop(name: string, options: CallOptions = {}): Promise<void> {
      await transport.empty({
        method: 'DELETE',
        path: `/butler/${segment(name)}`,
        ...withSignal(options),
      });
    },

    /** What the server is busy with: scans, refreshes, butler tasks (`GET /activities`). */
    async activities(options: CallOptions = {}): Promise<Activity[]> {
      const body = await transport.json(
        { path: '/activities', ...withSignal(options) },
        activitiesContainerSchema,
      );
      return body.MediaContainer.Activity;
    },

    /** Cancels a cancellable activity by its uuid (`DELETE /activities/{uuid}`). */
    async cancelActivity(uuid: string, options: CallOptions = {}): Promise<void> {
      await transport.empty({
        method: 'DELETE',
        path: `/activities/${segment(uuid)}`,
        ...withSignal(options),
      });
    },
  };
}
