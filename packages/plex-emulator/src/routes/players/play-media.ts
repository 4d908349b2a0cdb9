import {
  HttpError,
  type RequestContext,
  requireAccount,
  requireQuery,
  toInt,
} from '../../http/context.js';
import type { ItemRecord, PlayQueueRecord } from '../../state/types.js';
import { startPlayback } from '../activity/playback.js';
import { timelineTypeOf } from '../activity/records.js';
import { createPlayQueue } from '../play-queues.js';
import { commandOk, requireCapability, targetPlayer } from './target.js';

/** The ratingKey in a `/library/metadata/{id}[/children]` key, if any. */
export function ratingKeyOf(key: string): string | undefined {
  return /\/library\/metadata\/(\d+)/.exec(key)?.[1];
}

/**
 * The play queue a `playMedia` names in `containerKey` (`/playQueues/12?window=100&own=1`), or
 * one made for the item when the controller sent none, as players do for a bare key.
 */
function queueFor(ctx: RequestContext, accountId: number, item: ItemRecord): PlayQueueRecord {
  const containerKey = ctx.query.get('containerKey') ?? '';
  const id = /^\/playQueues\/(\d+)/.exec(containerKey)?.[1];
  if (id !== undefined) {
    const queue = ctx.state.playQueues.get(Number(id));
    if (!queue) throw new HttpError(404, `no play queue ${id}`);
    return queue;
  }
  const machineId = ctx.state.server.machineIdentifier;
  return createPlayQueue(ctx.state, {
    uri: `server://${machineId}/com.plexapp.plugins.library/library/metadata/${item.ratingKey}`,
    accountId,
  });
}

/** The account a player plays as: the one whose token the controller handed over, else the caller. */
function playingAccount(ctx: RequestContext): number {
  const token = ctx.query.get('token');
  const account = token ? ctx.state.accountByServerToken(token) : undefined;
  return (account ?? requireAccount(ctx)).id;
}

/**
 * `/player/playback/playMedia?key=&offset=&containerKey=&machineIdentifier=&address=&port=…`:
 * the player loads the play queue, starts the named item (for a show or album, the queue's
 * selected item) at `offset` ms, and its session appears in `/status/sessions`.
 */
export function playMedia(ctx: RequestContext): Response {
  const player = targetPlayer(ctx);
  requireCapability(player, 'playback');
  const server = ctx.query.get('machineIdentifier');
  if (server && server !== ctx.state.server.machineIdentifier) {
    throw new HttpError(400, `the player cannot reach server ${server}`);
  }
  const ratingKey = ratingKeyOf(requireQuery(ctx, 'key'));
  if (!ratingKey) throw new HttpError(400, 'playMedia needs a /library/metadata key');
  const named = ctx.state.items.get(ratingKey);
  if (!named) throw new HttpError(404, `no item ${ratingKey}`);
  const offset = toInt(ctx.query.get('offset') || '0', 'offset');
  if (offset < 0) throw new HttpError(400, 'offset must not be negative');
  const accountId = playingAccount(ctx);
  const queue = queueFor(ctx, accountId, named);
  const index = timelineTypeOf(named)
    ? queue.items.findIndex((entry) => entry.ratingKey === named.ratingKey)
    : Math.max(
        0,
        queue.items.findIndex((entry) => entry.playQueueItemId === queue.selectedItemId),
      );
  const entry = queue.items[index];
  const item = entry ? ctx.state.items.get(entry.ratingKey) : undefined;
  if (!entry || !item || !timelineTypeOf(item)) {
    throw new HttpError(400, `play queue ${queue.id} does not hold ${named.ratingKey}`);
  }
  queue.selectedItemId = entry.playQueueItemId;
  queue.selectedOffset = index;
  startPlayback(ctx, player, {
    item,
    offset,
    accountId,
    queue,
    queueItemId: entry.playQueueItemId,
  });
  return commandOk();
}
