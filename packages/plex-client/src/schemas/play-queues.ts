import * as v from 'valibot';
import { bool, type Extend, id, list, mediaContainer, num, opt } from './common.js';
import { type MetadataItemEntries, metadataItemEntries } from './metadata.js';

/** Play queues: the ordered list a player plays from (`/playQueues`). */

/** One item of a play queue; `playQueueItemID` is unique in the queue even when items repeat. */
const playQueueItemExtras = { playQueueItemID: num };

/** The schema of `PlayQueueItem`. */
export interface PlayQueueItemSchema
  extends v.ObjectSchema<Extend<MetadataItemEntries, typeof playQueueItemExtras>, undefined> {}
export const playQueueItemSchema: PlayQueueItemSchema = v.object({
  ...metadataItemEntries,
  ...playQueueItemExtras,
});

/** `POST /playQueues`, `GET /playQueues/{id}` and every queue mutation: the queue and a window of it. */
export const playQueueContainerSchema = mediaContainer({
  playQueueID: num,
  /** The `playQueueItemID` playback starts at. */
  playQueueSelectedItemID: opt(num),
  /** Index of the selected item in the queue. */
  playQueueSelectedItemOffset: opt(num),
  /** The selected item's ratingKey. */
  playQueueSelectedMetadataItemID: opt(id),
  playQueueShuffled: v.optional(bool, false),
  /** The content URI the queue was made from, as given. */
  playQueueSourceURI: opt(v.string()),
  /** Items in the whole queue (the window returned may hold fewer). */
  playQueueTotalCount: opt(num),
  /** Bumped on every change. */
  playQueueVersion: opt(num),
  playQueueLastAddedItemID: opt(num),
  Metadata: list(playQueueItemSchema),
});

/** An item in a play queue. */
export interface PlayQueueItem extends v.InferOutput<PlayQueueItemSchema> {}

/** A play queue: its attributes as Plex names them, and the items of the window returned. */
export type PlayQueue = Omit<
  v.InferOutput<typeof playQueueContainerSchema>['MediaContainer'],
  'Metadata' | 'size' | 'totalSize' | 'offset'
> & { items: PlayQueueItem[] };
