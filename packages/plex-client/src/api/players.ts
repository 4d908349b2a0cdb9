import * as v from 'valibot';
import type { Transport } from '../http/transport.js';
import type { PlayQueue } from '../schemas/play-queues.js';
import {
  type Player,
  playersContainerSchema,
  type Timeline,
  timelinePollSchema,
} from '../schemas/players.js';
import { joinRatingKeys, machineIdentifierOf } from './content-uri.js';
import { expectOne, withSignal } from './helpers.js';
import { type PlayQueueType, playQueuesApi } from './play-queues.js';
import type { CallOptions } from './server.js';

/** A player timeline: what a playback command acts on. */
export type PlayerMediaType = 'video' | 'music' | 'photo';

/** Parameters of each `/player/playback/{command}`, as Plex players take them. */
export interface PlaybackParams {
  play: Record<never, never>;
  pause: Record<never, never>;
  stop: Record<never, never>;
  skipNext: Record<never, never>;
  skipPrevious: Record<never, never>;
  /** Forward 30 s on Plex apps. */
  stepForward: Record<never, never>;
  /** Back 10–15 s on Plex apps. */
  stepBack: Record<never, never>;
  /** `offset` in ms. */
  seekTo: { offset: number };
  /** `key` is an item of the play queue (`/library/metadata/{id}`). */
  skipTo: { key: string };
  /** Only the parameters given change. `repeat`: 0 off, 1 one, 2 all. */
  setParameters: { volume?: number; shuffle?: boolean; repeat?: 0 | 1 | 2 };
  /** Stream ids of the playing item; `subtitleStreamID: 0` turns subtitles off. */
  setStreams: { audioStreamID?: number; subtitleStreamID?: number; videoStreamID?: number };
  refreshPlayQueue: { playQueueID: number };
  /** Use `players.playMedia()`, which makes the play queue and fills these in. */
  playMedia: {
    key: string;
    containerKey: string;
    machineIdentifier: string;
    offset?: number;
    address?: string;
    port?: number;
    protocol?: string;
  };
}

/** A playback command a player takes. */
export type PlaybackCommand = keyof PlaybackParams;

/**
 * The parameters of one command, plus `type`: the timeline it acts on. Without `type` the player
 * acts on whatever it is playing.
 */
export type PlaybackArgs<C extends PlaybackCommand> = PlaybackParams[C] & {
  type?: PlayerMediaType;
};

/**
 * The options of `playback(clientId, command, options)`: the command's parameters, `type` and
 * `signal` in one object, required only when the command has required parameters (`seekTo`,
 * `skipTo`, …).
 */
export type PlaybackOptionsArg<C extends PlaybackCommand> =
  Record<never, never> extends PlaybackParams[C]
    ? [options?: PlaybackArgs<C> & CallOptions]
    : [options: PlaybackArgs<C> & CallOptions];

/** A UI navigation command a player takes (`/player/navigation/{command}`). */
export type NavigationCommand =
  | 'moveUp'
  | 'moveDown'
  | 'moveLeft'
  | 'moveRight'
  | 'pageUp'
  | 'pageDown'
  | 'nextLetter'
  | 'previousLetter'
  | 'select'
  | 'back'
  | 'home'
  | 'music'
  | 'contextMenu'
  | 'toggleOSD';

/** A player's three timelines (video, music, photo) and where its UI is. */
export interface PlayerTimelines {
  /** The command id the player echoes (the poll's own). */
  commandID: number | undefined;
  /** `navigation`, `fullScreenVideo`, `fullScreenMusic` or `fullScreenPhoto`. */
  location: string | undefined;
  timelines: Timeline[];
}

/** Options of `players.playMedia()`. */
export interface PlayMediaOptions {
  /** The item to play: a movie, episode or track, or a show, season or album (plays from its first item). */
  ratingKey: string | number;
  /** Where to start, in ms. Default 0. */
  offsetMs?: number;
  /** The queue's kind; read from the item when omitted (one extra request). */
  type?: PlayQueueType;
  shuffle?: boolean;
  /** The server's machine identifier; read once from `/identity` when omitted. */
  machineIdentifier?: string;
}

/** Just the item type, to pick a play queue type. */
const itemTypeSchema = v.object({
  MediaContainer: v.object({ Metadata: v.optional(v.array(v.object({ type: v.string() })), []) }),
});

const QUEUE_TYPE_OF: Record<string, PlayQueueType> = {
  movie: 'video',
  show: 'video',
  season: 'video',
  episode: 'video',
  clip: 'video',
  artist: 'audio',
  album: 'audio',
  track: 'audio',
  photo: 'photo',
  photoalbum: 'photo',
};

/** The `players` namespace of a Plex client. */
export interface PlayersApi {
  /** The players the server can reach now (`GET /clients`). */
  list(options?: CallOptions): Promise<Player[]>;
  /** One player by machine identifier; `NOT_FOUND` when the server cannot reach it. */
  get(clientId: string, options?: CallOptions): Promise<Player>;
  /**
   * The player's timelines right now (`GET /player/timeline/poll?wait=0`): state, item,
   * position, play queue and volume per video, music and photo timeline.
   */
  timeline(clientId: string, options?: CallOptions): Promise<PlayerTimelines>;
  /** Sends a playback command (`GET /player/playback/{command}`). */
  playback<C extends PlaybackCommand>(
    clientId: string,
    command: C,
    ...[options]: PlaybackOptionsArg<C>
  ): Promise<void>;
  /** Sends a navigation command to the player's UI (`GET /player/navigation/{command}`). */
  navigate(clientId: string, command: NavigationCommand, options?: CallOptions): Promise<void>;
  /**
   * Plays an item on a player, as Plex apps and python-plexapi do: creates a play queue for it,
   * then sends `playMedia` with the queue as `containerKey` and this server's address. Returns
   * the play queue. No transient token is sent: the player reaches the server with its own
   * sign-in.
   */
  playMedia(clientId: string, play: PlayMediaOptions, options?: CallOptions): Promise<PlayQueue>;
}

/**
 * Remote control of players through the server. Every command goes to the server with
 * `X-Plex-Target-Client-Identifier: {clientId}`, and the server relays it to the player. Each
 * carries a `commandID` from one counter per client instance that only goes up, so a player
 * can tell the newest command; players echo it in their timelines.
 */
export function playersApi(transport: Transport): PlayersApi {
  const playQueues = playQueuesApi(transport);
  let lastCommandId = 0;

  const commandSpec = (
    clientId: string,
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    options: CallOptions,
  ) => {
    if (clientId === '')
      throw new TypeError('a clientId (the player machineIdentifier) is required');
    return {
      path,
      headers: { 'X-Plex-Target-Client-Identifier': clientId },
      query: { ...query, commandID: ++lastCommandId },
      ...withSignal(options),
    };
  };

  const api = {
    /** The players the server can reach now (`GET /clients`). */
    async list(options: CallOptions = {}): Promise<Player[]> {
      const body = await transport.json(
        { path: '/clients', ...withSignal(options) },
        playersContainerSchema,
      );
      return body.MediaContainer.Server;
    },

    /** One player by machine identifier; `NOT_FOUND` when the server cannot reach it. */
    async get(clientId: string, options: CallOptions = {}): Promise<Player> {
      const players = await api.list(options);
      return expectOne(
        players.filter((player) => player.machineIdentifier === clientId),
        transport,
        '/clients',
        `player ${clientId}`,
      );
    },

    /**
     * The player's timelines right now (`GET /player/timeline/poll?wait=0`): state, item,
     * position, play queue and volume per video, music and photo timeline.
     */
    async timeline(clientId: string, options: CallOptions = {}): Promise<PlayerTimelines> {
      const body = await transport.json(
        commandSpec(clientId, '/player/timeline/poll', { wait: 0 }, options),
        timelinePollSchema,
      );
      const { commandID, location, Timeline } = body.MediaContainer;
      return { commandID, location, timelines: Timeline };
    },

    /** Sends a playback command (`GET /player/playback/{command}`). */
    async playback<C extends PlaybackCommand>(
      clientId: string,
      command: C,
      ...[options]: PlaybackOptionsArg<C>
    ): Promise<void> {
      // One bag carries the command's parameters and the signal; only the parameters are sent.
      const { signal, ...params }: Record<string, unknown> & CallOptions = { ...options };
      await transport.empty(
        commandSpec(
          clientId,
          `/player/playback/${command}`,
          params as Record<string, string | number | boolean | undefined>,
          signal ? { signal } : {},
        ),
      );
    },

    /** Sends a navigation command to the player's UI (`GET /player/navigation/{command}`). */
    async navigate(
      clientId: string,
      command: NavigationCommand,
      options: CallOptions = {},
    ): Promise<void> {
      await transport.empty(commandSpec(clientId, `/player/navigation/${command}`, {}, options));
    },

    /**
     * Plays an item on a player, as Plex apps and python-plexapi do: creates a play queue for it,
     * then sends `playMedia` with the queue as `containerKey` and this server's address. Returns
     * the play queue. No transient token is sent: the player reaches the server with its own
     * sign-in.
     */
    async playMedia(
      clientId: string,
      play: PlayMediaOptions,
      options: CallOptions = {},
    ): Promise<PlayQueue> {
      const ratingKey = joinRatingKeys([play.ratingKey]);
      const type = play.type ?? (await queueTypeOf(transport, ratingKey, options));
      const machineIdentifier =
        play.machineIdentifier ?? (await machineIdentifierOf(transport, options));
      const queue = await playQueues.create(
        { ratingKey, type, machineIdentifier, ...(play.shuffle ? { shuffle: true } : {}) },
        options,
      );
      const server = new URL(transport.baseUrl);
      const protocol = server.protocol.replace(':', '');
      await api.playback(clientId, 'playMedia', {
        key: `/library/metadata/${ratingKey}`,
        offset: play.offsetMs ?? 0,
        containerKey: `/playQueues/${queue.playQueueID}?window=100&own=1`,
        machineIdentifier,
        address: server.hostname,
        port: Number(server.port || (protocol === 'https' ? 443 : 80)),
        protocol,
        // Players call the audio timeline `music`.
        type: type === 'audio' ? 'music' : type,
        ...withSignal(options),
      });
      return queue;
    },
  };
  return api;
}

async function queueTypeOf(
  transport: Transport,
  ratingKey: string,
  options: CallOptions,
): Promise<PlayQueueType> {
  const path = `/library/metadata/${ratingKey}`;
  const body = await transport.json({ path, ...withSignal(options) }, itemTypeSchema);
  const item = expectOne(body.MediaContainer.Metadata, transport, path, `item ${ratingKey}`);
  const type = QUEUE_TYPE_OF[item.type];
  if (!type) throw new TypeError(`a ${item.type} cannot be played on a player`);
  return type;
}
