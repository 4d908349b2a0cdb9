import { randomUUID } from 'node:crypto';
import type { ActivityRecord } from '../state/types.js';
import type { NotificationHub } from './notifications.js';

/** What to run as an activity. */
export interface ActivitySpec {
  /** PMS activity type, e.g. `library.update.section`, `library.refresh.items`, `butler.task`. */
  type: string;
  title: string;
  subtitle?: string;
  userId: number;
  context?: Record<string, string>;
  /** Called once when the activity reaches 100 %. */
  onFinish?: () => void;
  /** Called once when the activity is cancelled before finishing. */
  onCancel?: () => void;
}

/**
 * Runs long server jobs (scans, refreshes, butler tasks) as PMS does: an activity that starts,
 * reports progress and ends, each step published as an `activity` notification. Steps advance
 * on timers so a caller sees the job running before it finishes.
 */
export class ActivityRunner {
  private readonly running = new Map<
    string,
    { record: ActivityRecord; timer: NodeJS.Timeout; onCancel: (() => void) | undefined }
  >();
  private waiters: (() => void)[] = [];

  constructor(
    private readonly activities: Map<string, ActivityRecord>,
    private readonly hub: NotificationHub,
    /** Time between progress steps; four steps make an activity. */
    private readonly stepMs: number,
  ) {}

  /** Starts an activity and returns its record (already visible in `/activities`). */
  start(spec: ActivitySpec): ActivityRecord {
    const record: ActivityRecord = {
      uuid: randomUUID(),
      type: spec.type,
      title: spec.title,
      subtitle: spec.subtitle ?? '',
      progress: 0,
      cancellable: true,
      userId: spec.userId,
      context: spec.context ?? {},
    };
    this.activities.set(record.uuid, record);
    this.publish('started', record);
    const step = () => {
      record.progress = Math.min(100, record.progress + 25);
      if (record.progress < 100) {
        this.publish('updated', record);
        entry.timer = schedule(step, this.stepMs);
        return;
      }
      this.finish(record.uuid);
      spec.onFinish?.();
    };
    const entry = { record, timer: schedule(step, this.stepMs), onCancel: spec.onCancel };
    this.running.set(record.uuid, entry);
    return record;
  }

  /** Cancels a running activity; false when there is none with that uuid. */
  cancel(uuid: string): boolean {
    const entry = this.running.get(uuid);
    if (!entry) return false;
    clearTimeout(entry.timer);
    this.finish(uuid);
    entry.onCancel?.();
    return true;
  }

  /** Resolves once no activity is running. */
  idle(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops every timer (emulator shutdown). */
  dispose(): void {
    for (const { timer } of this.running.values()) clearTimeout(timer);
    this.running.clear();
    this.activities.clear();
    this.release();
  }

  private finish(uuid: string): void {
    const entry = this.running.get(uuid);
    if (!entry) return;
    this.running.delete(uuid);
    this.activities.delete(uuid);
    this.publish('ended', entry.record);
    if (this.running.size === 0) this.release();
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private publish(event: 'started' | 'updated' | 'ended', record: ActivityRecord): void {
    this.hub.publish({
      type: 'activity',
      element: 'ActivityNotification',
      entries: [
        {
          event,
          uuid: record.uuid,
          Activity: {
            uuid: record.uuid,
            type: record.type,
            cancellable: record.cancellable,
            userID: record.userId,
            title: record.title,
            subtitle: record.subtitle,
            progress: record.progress,
            Context: record.context,
          },
        },
      ],
    });
  }
}

/** A timer that does not keep the process alive on its own. */
function schedule(fn: () => void, ms: number): NodeJS.Timeout {
  const timer = setTimeout(fn, ms);
  timer.unref();
  return timer;
}
