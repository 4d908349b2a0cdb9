import type { LogBook } from '../state/store.js';
import type { LogFile, LogLine } from '../state/types.js';
import type { ActivityRunner } from './activities.js';
import { appendLog } from './logbook.js';
import type { NotificationHub, PlexNotification } from './notifications.js';

/** Behaviour switches handlers consult. */
export interface BehaviourOptions {
  /** Answer 400 when `/library/sections/{id}/all` is asked without a container size (newer PMS). */
  requireContainerSize: boolean;
  /** The path prefix plex.tv endpoints are served under on this emulator. */
  plexTvPath: string;
}

/** The emulator's shared services, handed to every route handler. */
export interface Services {
  /** Current time in ms (a fixed clock in tests). */
  now(): number;
  /** Current time in Unix seconds, as Plex timestamps are. */
  nowSeconds(): number;
  notify(notification: PlexNotification): void;
  log(file: LogFile, level: LogLine['level'], message: string): void;
  hub: NotificationHub;
  activities: ActivityRunner;
  behaviour: BehaviourOptions;
}

/** Builds the services object from its parts. */
export function createServices(parts: {
  now: () => number;
  hub: NotificationHub;
  activities: ActivityRunner;
  logs: LogBook;
  behaviour: BehaviourOptions;
}): Services {
  const { now, hub, logs } = parts;
  return {
    now,
    nowSeconds: () => Math.floor(now() / 1000),
    notify: (notification) => hub.publish(notification),
    log: (file, level, message) => appendLog(logs, file, level, message, now()),
    hub,
    activities: parts.activities,
    behaviour: parts.behaviour,
  };
}
