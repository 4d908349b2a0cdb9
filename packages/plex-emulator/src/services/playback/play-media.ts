import { HttpError } from '../../http/context.js';
import { createPlayQueue } from '../../library/play-queue-ops.js';
import { LIBRARY_PROVIDER } from '../../library/uri.js';
import type { ItemRecord, PlayerRecord, PlayQueueRecord } from '../../state/types.js';
import { startPlayback } from './player-playback.js';
import { type PlaybackEnv, timelineTypeOf } from './sessions.js';

/** What a controller asks a player to play (`/player/playback/playMedia`). */
export interface PlayMediaRequest {
  /** The item `key` names: a leaf, or a show, season, album, … whose queue says what plays. */
  named: ItemRecord;
  /** Start position in ms. */
  offset: number;
  /** The account the player plays as. */
  accountId: number;
  /** The play queue `containerKey` names; without one the player makes its own for the item. */
  playQueueId?: number | undefined;
}

/**
 * Loads the play queue on the player and starts the named item (for a parent, the queue's
 * selected item), which becomes the queue's selection. 404 for an unknown queue, 400 when the
 * queue does not hold the item.
 */
export function playMedia(env: PlaybackEnv, player: PlayerRecord, request: PlayMediaRequest): void {
  const { named } = request;
  const queue = queueFor(env, request);
  const index = timelineTypeOf(named)
    ? queue.items.findIndex((entry) => entry.ratingKey === named.ratingKey)
    : Math.max(
        0,
        queue.items.findIndex((entry) => entry.playQueueItemId === queue.selectedItemId),
      );
  const entry = queue.items[index];
  const item = entry ? env.state.items.get(entry.ratingKey) : undefined;
  if (!entry || !item || !timelineTypeOf(item)) {
    throw new HttpError(400, `play queue ${queue.id} does not hold ${named.ratingKey}`);
  }
  queue.selectedItemId = entry.playQueueItemId;
  queue.selectedOffset = index;
  startPlayback(env, player, {
    item,
    offset: request.offset,
    accountId: request.accountId,
    queue,
    queueItemId: entry.playQueueItemId,
  });
}

/** The queue a request names, or one made for the item, as players do for a bare key. */
function queueFor(env: PlaybackEnv, request: PlayMediaRequest): PlayQueueRecord {
  if (request.playQueueId !== undefined) {
    const queue = env.state.playQueues.get(request.playQueueId);
    if (!queue) throw new HttpError(404, `no play queue ${request.playQueueId}`);
    return queue;
  }
  const machineId = env.state.server.machineIdentifier;
  return createPlayQueue(env.state, {
    uri: `server://${machineId}/${LIBRARY_PROVIDER}/library/metadata/${request.named.ratingKey}`,
    accountId: request.accountId,
  });
}
