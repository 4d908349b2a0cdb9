import * as v from 'valibot';
import { activitySchema } from './butler.js';
import { bool, id, num, opt } from './common.js';
import { type Setting, settingSchema } from './server.js';

/**
 * Server notifications as `/:/eventsource/notifications` sends them: one event per entry, the
 * event name is the notification type, the data `{"<Element>": {…}}` (a single object, unlike
 * the WebSocket feed's arrays).
 */

/** `playing`: a session changed state (sent on every change and about every 10 s). */
export const playSessionStateSchema = v.object({
  /** The session's `sessionKey` (a string, as in `/status/sessions`). */
  sessionKey: id,
  /** The player's machine identifier. */
  clientIdentifier: opt(v.string()),
  ratingKey: opt(id),
  key: opt(v.string()),
  guid: opt(v.string()),
  url: opt(v.string()),
  /** ms. */
  viewOffset: opt(num),
  playQueueID: opt(num),
  playQueueItemID: opt(num),
  /** `buffering`, `playing`, `paused` or `stopped`. */
  state: v.string(),
  /** The transcode job's id, while transcoding. */
  transcodeSession: opt(v.string()),
});

/** `timeline`: a library item was created, changed, processed or deleted. */
export const timelineEntrySchema = v.object({
  identifier: opt(v.string()),
  /** `"-1"` for items outside a section (playlists). */
  sectionID: opt(id),
  itemID: opt(id),
  parentItemID: opt(id),
  rootItemID: opt(id),
  /** Metadata type number (1 movie, 4 episode, 15 playlist, 18 collection, …). */
  type: opt(num),
  title: opt(v.string()),
  /** 0 created, 1 progress, 2 matching, 3 downloading, 4 processing, 5 processed, 9 deleted. */
  state: opt(num),
  metadataState: opt(v.string()),
  mediaState: opt(v.string()),
  queueSize: opt(num),
  updatedAt: opt(num),
});

/** `activity`: an activity started, progressed or ended. */
export const activityNotificationSchema = v.object({
  /** `started`, `updated` or `ended`. */
  event: v.string(),
  uuid: v.string(),
  Activity: activitySchema,
});

/** `status`: a server status message (scans and the like). */
export const statusNotificationSchema = v.object({
  title: opt(v.string()),
  description: opt(v.string()),
  notificationName: opt(v.string()),
});

/** `progress`: a progress message. */
export const progressNotificationSchema = v.object({ message: v.string() });

/** `reachability`: whether the server is reachable from outside. */
export const reachabilityNotificationSchema = v.object({ reachability: bool });

/** `update.statechange`: the updater's state changed. */
export const autoUpdateNotificationSchema = v.object({
  key: opt(v.string()),
  version: opt(v.string()),
  state: opt(v.string()),
});

/** `backgroundProcessingQueue`: the optimizer queue changed. */
export const backgroundProcessingQueueSchema = v.object({
  queueID: opt(num),
  event: opt(v.string()),
});

/** The schema of each known notification type (its payload element in the event's data). */
export const NOTIFICATION_SCHEMAS = {
  playing: { element: 'PlaySessionStateNotification', schema: playSessionStateSchema },
  timeline: { element: 'TimelineEntry', schema: timelineEntrySchema },
  activity: { element: 'ActivityNotification', schema: activityNotificationSchema },
  status: { element: 'StatusNotification', schema: statusNotificationSchema },
  progress: { element: 'ProgressNotification', schema: progressNotificationSchema },
  reachability: { element: 'ReachabilityNotification', schema: reachabilityNotificationSchema },
  preference: { element: 'Setting', schema: settingSchema },
  'update.statechange': { element: 'AutoUpdateNotification', schema: autoUpdateNotificationSchema },
  backgroundProcessingQueue: {
    element: 'BackgroundProcessingQueueEventNotification',
    schema: backgroundProcessingQueueSchema,
  },
} as const;

/** A `playing` notification's payload. */
export type PlaySessionStateNotification = v.InferOutput<typeof playSessionStateSchema>;
/** A `timeline` notification's payload. */
export type TimelineEntry = v.InferOutput<typeof timelineEntrySchema>;
/** An `activity` notification's payload. */
export type ActivityNotification = v.InferOutput<typeof activityNotificationSchema>;
/** A `status` notification's payload. */
export type StatusNotification = v.InferOutput<typeof statusNotificationSchema>;
/** A `progress` notification's payload. */
export type ProgressNotification = v.InferOutput<typeof progressNotificationSchema>;
/** A `reachability` notification's payload. */
export type ReachabilityNotification = v.InferOutput<typeof reachabilityNotificationSchema>;
/** An `update.statechange` notification's payload. */
export type AutoUpdateNotification = v.InferOutput<typeof autoUpdateNotificationSchema>;
/** A `backgroundProcessingQueue` notification's payload. */
export type BackgroundProcessingQueueNotification = v.InferOutput<
  typeof backgroundProcessingQueueSchema
>;

/** A notification type the client parses into a typed payload. */
export type KnownNotificationType = keyof typeof NOTIFICATION_SCHEMAS;

/**
 * One server notification. Known types carry a typed `data`; anything else (new types, or a
 * payload that did not match its schema) comes as `other` with the event name and raw data, so
 * one odd event never ends a stream.
 */
export type PlexNotification =
  | { type: 'playing'; data: PlaySessionStateNotification }
  | { type: 'timeline'; data: TimelineEntry }
  | { type: 'activity'; data: ActivityNotification }
  | { type: 'status'; data: StatusNotification }
  | { type: 'progress'; data: ProgressNotification }
  | { type: 'reachability'; data: ReachabilityNotification }
  | { type: 'preference'; data: Setting }
  | { type: 'update.statechange'; data: AutoUpdateNotification }
  | { type: 'backgroundProcessingQueue'; data: BackgroundProcessingQueueNotification }
  | {
      type: 'other';
      /** The event name Plex sent (`transcodeSession.update`, …). */
      event: string;
      /** The parsed JSON data, or the raw text when it was not JSON. */
      data: unknown;
    };
