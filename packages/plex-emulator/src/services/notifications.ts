/** A notification as PMS sends it inside `NotificationContainer`. */
export interface PlexNotification {
  /** `playing`, `timeline`, `activity`, `status`, `progress`, `preference`, … */
  type: string;
  /** The array element name, e.g. `PlaySessionStateNotification`, `TimelineEntry`. */
  element: string;
  entries: Record<string, unknown>[];
}

/** Receives notifications as they are published. */
export type NotificationListener = (notification: PlexNotification) => void;

/**
 * Fan-out of server notifications to `/:/eventsource/notifications` streams and to tests.
 * Keeps the most recent notifications so tests can assert on what a write emitted.
 */
export class NotificationHub {
  private readonly listeners = new Set<NotificationListener>();
  private readonly recent: PlexNotification[] = [];

  constructor(private readonly keepRecent = 200) {}

  /** Sends a notification to every subscriber. */
  publish(notification: PlexNotification): void {
    this.recent.push(notification);
    if (this.recent.length > this.keepRecent) this.recent.shift();
    for (const listener of this.listeners) listener(notification);
  }

  /** Subscribes; returns the function that unsubscribes. */
  subscribe(listener: NotificationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The latest notifications, oldest first (up to the keep limit). */
  history(): readonly PlexNotification[] {
    return this.recent;
  }

  /** How many streams and listeners are subscribed now. */
  get subscriberCount(): number {
    return this.listeners.size;
  }
}
