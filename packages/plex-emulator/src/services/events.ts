import type { ItemRecord } from '../state/types.js';
import { TYPE_NUMBER } from '../state/types.js';
import type { Services } from './services.js';

/**
 * PMS timeline entry states: what happened to a library item. The numbers are PMS's own
 * (0 created, 5 finished processing, 9 deleted).
 */
export const TIMELINE_STATE = { created: 0, processing: 1, done: 5, deleted: 9 } as const;

/** What a `timeline` notification says changed: a library item or a playlist. */
export interface TimelineSubject {
  /** `-1` for playlists, which belong to no section. */
  sectionID: string;
  itemID: string;
  type: number;
  title: string;
}

/** Publishes a `timeline` notification (TimelineEntry), as PMS does when metadata changes. */
export function notifyTimeline(
  services: Services,
  subject: TimelineSubject,
  change: keyof typeof TIMELINE_STATE,
): void {
  services.notify({
    type: 'timeline',
    element: 'TimelineEntry',
    entries: [
      {
        identifier: 'com.plexapp.plugins.library',
        ...subject,
        state: TIMELINE_STATE[change],
        updatedAt: services.nowSeconds(),
        ...(change === 'deleted' ? { metadataState: 'deleted' } : {}),
      },
    ],
  });
}

/** Publishes a `timeline` notification for a library item (added, edited, deleted). */
export function notifyItemChanged(
  services: Services,
  item: ItemRecord,
  change: keyof typeof TIMELINE_STATE,
): void {
  notifyTimeline(
    services,
    {
      sectionID: String(item.sectionId),
      itemID: item.ratingKey,
      type: TYPE_NUMBER[item.type],
      title: item.title,
    },
    change,
  );
}

/** What a `playing` notification reports about one session. */
export interface PlayingEvent {
  sessionKey: string;
  clientIdentifier: string;
  ratingKey: string;
  state: 'playing' | 'paused' | 'stopped' | 'buffering';
  viewOffset: number;
  /** The play queue the session plays from, when there is one. */
  playQueueId?: number | undefined;
  playQueueItemId?: number | undefined;
  /** The bare transcode session id, while the server transcodes (Tautulli-style consumers read it). */
  transcodeSession?: string | undefined;
}

/** Publishes a `playing` notification (PlaySessionStateNotification), as PMS does on playback. */
export function notifyPlaying(services: Services, event: PlayingEvent): void {
  services.notify({
    type: 'playing',
    element: 'PlaySessionStateNotification',
    entries: [
      {
        sessionKey: event.sessionKey,
        clientIdentifier: event.clientIdentifier,
        guid: '',
        ratingKey: event.ratingKey,
        url: '',
        key: `/library/metadata/${event.ratingKey}`,
        viewOffset: event.viewOffset,
        playQueueItemID: event.playQueueItemId ?? 0,
        ...(event.playQueueId === undefined ? {} : { playQueueID: event.playQueueId }),
        state: event.state,
        ...(event.transcodeSession === undefined
          ? {}
          : { transcodeSession: event.transcodeSession }),
      },
    ],
  });
}
