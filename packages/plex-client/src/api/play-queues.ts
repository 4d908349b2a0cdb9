import type * as v from 'valibot';
import type { Transport } from '../http/transport.js';
import { type PlayQueue, playQueueContainerSchema } from '../schemas/play-queues.js';
import { contentUri, joinRatingKeys } from './content-uri.js';
import { segment, withSignal } from './helpers.js';
import type { CallOptions } from './server.js';

/** The kind of a play queue (or playlist): what its items are. */
export type PlayQueueType = 'video' | 'audio' | 'photo';

/** What a play queue is made from: one item, several items, or a playlist. */
export type PlayQueueSource =
  | { ratingKey: string | number }
  | { ratingKeys: readonly (string | number)[] }
  | { playlistId: string | number };

/** Options of `playQueues.create()`. */
export type CreatePlayQueueOptions = PlayQueueSource & {
  type: PlayQueueType;
  /** Start at this item (a ratingKey of the source) instead of the first. */
  startRatingKey?: string | number;
  shuffle?: boolean;
  repeat?: boolean;
  /** For one episode: queue the rest of the show after it. */
  continuous?: boolean;
  /** The server's machine identifier; read once from `/identity` when omitted. */
  machineIdentifier?: string;
};

/** Which part of a queue `playQueues.get()` returns. */
export interface PlayQueueWindow {
  /** Items on each side of the centre. Default (PMS) 50. */
  window?: number;
  /** The `playQueueItemID` to centre on; the selected item by default. */
  center?: number;
  includeBefore?: boolean;
  includeAfter?: boolean;
  /** Take ownership of the queue (players send it when they start playing). */
  own?: boolean;
}

/** The queue from its container: attributes as Plex names them, items under `items`. */
function toQueue(body: v.InferOutput<typeof playQueueContainerSchema>): PlayQueue {
  const {
    Metadata,
    size: _size,
    totalSize: _total,
    offset: _offset,
    ...queue
  } = body.MediaContainer;
  return { ...queue, items: Metadata };
}

/** The `playQueues` namespace of a Plex client. */
export interface PlayQueuesApi {
  /**
   * Creates a play queue (`POST /playQueues?type=&uri=server://…/library/metadata/{ids}`, or
   * `playlistID=` for a playlist). A show, season or album expands to its playable items.
   */
  create(create: CreatePlayQueueOptions, options?: CallOptions): Promise<PlayQueue>;
  /** A play queue, or the window of it around the selected item (`GET /playQueues/{id}`). */
  get(id: string | number, options?: PlayQueueWindow & CallOptions): Promise<PlayQueue>;
}

/** Play queues: what a player plays from. Used by `players.playMedia()`. */
export function playQueuesApi(transport: Transport): PlayQueuesApi {
  return {
    /**
     * Creates a play queue (`POST /playQueues?type=&uri=server://…/library/metadata/{ids}`, or
     * `playlistID=` for a playlist). A show, season or album expands to its playable items.
     */
    async create(create: CreatePlayQueueOptions, options: CallOptions = {}): Promise<PlayQueue> {
      let source: { uri: string } | { playlistID: string };
      if ('playlistId' in create) {
        source = { playlistID: String(create.playlistId) };
      } else {
        const keys = 'ratingKeys' in create ? create.ratingKeys : [create.ratingKey];
        source = { uri: await contentUri(transport, keys, create.machineIdentifier, options) };
      }
      const body = await transport.json(
        {
          method: 'POST',
          path: '/playQueues',
          query: {
            type: create.type,
            ...source,
            key:
              create.startRatingKey === undefined
                ? undefined
                : `/library/metadata/${joinRatingKeys([create.startRatingKey])}`,
            shuffle: create.shuffle ?? false,
            repeat: create.repeat ?? false,
            continuous: create.continuous ?? false,
          },
          ...withSignal(options),
        },
        playQueueContainerSchema,
      );
      return toQueue(body);
    },

    /** A play queue, or the window of it around the selected item (`GET /playQueues/{id}`). */
    async get(
      id: string | number,
      options: PlayQueueWindow & CallOptions = {},
    ): Promise<PlayQueue> {
      const body = await transport.json(
        {
          path: `/playQueues/${segment(id)}`,
          query: {
            window: options.window,
            center: options.center,
            includeBefore: options.includeBefore,
            includeAfter: options.includeAfter,
            own: options.own,
          },
          ...withSignal(options),
        },
        playQueueContainerSchema,
      );
      return toQueue(body);
    },
  };
}
