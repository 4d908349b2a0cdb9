import * as v from 'valibot';
import { bool, list, mediaContainer, num, opt } from './common.js';

/** Scheduled maintenance (the butler) and the server's running activities. */

/** One `ButlerTask`: a scheduled maintenance job. */
export const butlerTaskSchema = v.object({
  /** What `butler.run()` takes: `BackupDatabase`, `OptimizeDatabase`, `CleanOldBundles`, … */
  name: v.string(),
  title: opt(v.string()),
  description: opt(v.string()),
  /** Days between runs. */
  interval: opt(num),
  scheduleRandomized: opt(bool),
  enabled: v.optional(bool, false),
});

/**
 * `GET /butler`: `{"ButlerTasks": {"ButlerTask": [...]}}` — not a MediaContainer.
 */
export const butlerTasksSchema = v.object({
  ButlerTasks: v.optional(v.object({ ButlerTask: list(butlerTaskSchema) }), { ButlerTask: [] }),
});

/** One `Activity`: a scan, refresh, butler task or media analysis in progress. */
export const activitySchema = v.object({
  uuid: v.string(),
  /** `library.update.section`, `library.refresh.items`, `media.generate.bif`, … */
  type: v.string(),
  cancellable: v.optional(bool, false),
  userID: opt(num),
  title: v.optional(v.string(), ''),
  subtitle: opt(v.string()),
  /** 0–100. */
  progress: opt(num),
  /** What the activity works on (`librarySectionID`, `key`, …); values as Plex sent them. */
  Context: opt(v.record(v.string(), v.unknown())),
});

/** `GET /activities`. */
export const activitiesContainerSchema = mediaContainer({ Activity: list(activitySchema) });

/** A scheduled maintenance task of the server. */
export type ButlerTask = v.InferOutput<typeof butlerTaskSchema>;
/** A running server activity (scan, refresh, butler task, analysis). */
export type Activity = v.InferOutput<typeof activitySchema>;
