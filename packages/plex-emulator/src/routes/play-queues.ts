import { HttpError, type RequestContext, requireAccount, toInt } from '../http/context.js';
import type { Route } from '../http/router.js';
import {
  addToPlayQueue,
  clearPlayQueue,
  createPlayQueue,
  movePlayQueueItem,
  removeFromPlayQueue,
  resetPlayQueue,
  shufflePlayQueue,
  unshufflePlayQueue,
} from '../library/play-queue-ops.js';
import { playQueueSource } from '../library/play-queue-source.js';
import { DEFAULT_WINDOW, type QueueWindow, renderPlayQueue } from '../render/play-queue.js';
import type { PlayQueueRecord } from '../state/types.js';

export { createPlayQueue } from '../library/play-queue-ops.js';
export { renderPlayQueue } from '../render/play-queue.js';

/** `POST /playQueues?type=video&uri=…&shuffle=0&continuous=0[&key=…][&playlistID=…]`. */
function create(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const { query } = ctx;
  const optional = (name: string) => {
    const value = query.get(name);
    return value === null || value === '' ? {} : { [name]: value };
  };
  const queue = createPlayQueue(ctx.state, {
    accountId: account.id,
    ...optional('uri'),
    ...optional('type'),
    ...optional('key'),
    ...(query.get('playlistID') ? { playlistId: query.get('playlistID') as string } : {}),
    shuffle: query.get('shuffle') === '1',
    continuous: query.get('continuous') === '1',
  });
  return renderPlayQueue(ctx.state, queue, account.id);
}

function findQueue(ctx: RequestContext): PlayQueueRecord {
  const queue = ctx.state.playQueues.get(Number(ctx.params.id));
  if (!queue) throw new HttpError(404, `no play queue ${ctx.params.id}`);
  return queue;
}

function respond(ctx: RequestContext, queue: PlayQueueRecord): Response {
  return renderPlayQueue(ctx.state, queue, requireAccount(ctx).id);
}

/** `GET /playQueues/{id}?window=&center=&includeBefore=&includeAfter=` (`own` is accepted). */
function get(ctx: RequestContext): Response {
  const queue = findQueue(ctx);
  const { query } = ctx;
  const window: QueueWindow = {
    window: query.get('window') ? toInt(query.get('window'), 'window') : DEFAULT_WINDOW.window,
    includeBefore: query.get('includeBefore') !== '0',
    includeAfter: query.get('includeAfter') !== '0',
  };
  if (query.get('center')) window.center = toInt(query.get('center'), 'center');
  return renderPlayQueue(ctx.state, queue, requireAccount(ctx).id, window);
}

/** `PUT /playQueues/{id}?uri=…|playlistID=…[&next=1]`: queues more items. */
function add(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const queue = findQueue(ctx);
  const { state, query } = ctx;
  const uri = query.get('uri');
  const playlistId = query.get('playlistID');
  // Unlike POST, a PUT that names both adds what the uri names.
  if (!uri && !playlistId) throw new HttpError(400, 'missing uri or playlistID');
  const { items } = playQueueSource(
    state,
    uri
      ? { uri, accountId: account.id }
      : { playlistId: playlistId as string, accountId: account.id },
  );
  if (items.length === 0) throw new HttpError(400, 'nothing playable to add');
  addToPlayQueue(state, queue, items, query.get('next') === '1');
  return respond(ctx, queue);
}

function removeItem(ctx: RequestContext): Response {
  const queue = findQueue(ctx);
  const itemId = toInt(ctx.params.itemId, 'playQueueItemID');
  if (!removeFromPlayQueue(queue, itemId)) throw new HttpError(404, `no queue item ${itemId}`);
  return respond(ctx, queue);
}

function moveItem(ctx: RequestContext): Response {
  const queue = findQueue(ctx);
  const itemId = toInt(ctx.params.itemId, 'playQueueItemID');
  const afterRaw = ctx.query.get('after');
  const after = afterRaw ? toInt(afterRaw, 'after') : undefined;
  const result = movePlayQueueItem(queue, itemId, after);
  if (result !== 'ok')
    throw new HttpError(404, `no queue item ${result === 'no-item' ? itemId : after}`);
  return respond(ctx, queue);
}

/** Wraps a whole-queue operation as a route handler answering the modified queue. */
function queueAction(action: (queue: PlayQueueRecord) => void) {
  return (ctx: RequestContext): Response => {
    const queue = findQueue(ctx);
    action(queue);
    return respond(ctx, queue);
  };
}

/** Play queues: create, read (windowed), add, remove, move, clear, shuffle, unshuffle, reset. */
export const playQueueRoutes: Route[] = [
  { method: 'POST', path: '/playQueues', handler: create },
  { method: 'GET', path: '/playQueues/{id}', handler: get },
  { method: 'PUT', path: '/playQueues/{id}', handler: add },
  { method: 'DELETE', path: '/playQueues/{id}/items', handler: queueAction(clearPlayQueue) },
  { method: 'DELETE', path: '/playQueues/{id}/items/{itemId}', handler: removeItem },
  { method: 'PUT', path: '/playQueues/{id}/items/{itemId}/move', handler: moveItem },
  { method: 'PUT', path: '/playQueues/{id}/shuffle', handler: queueAction(shufflePlayQueue) },
  { method: 'PUT', path: '/playQueues/{id}/unshuffle', handler: queueAction(unshufflePlayQueue) },
  { method: 'PUT', path: '/playQueues/{id}/reset', handler: queueAction(resetPlayQueue) },
];
