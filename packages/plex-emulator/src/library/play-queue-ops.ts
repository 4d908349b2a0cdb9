import { createRng } from '../data/rng.js';
import { HttpError } from '../http/context.js';
import type { EmulatorState } from '../state/store.js';
import type { ItemRecord, PlayQueueRecord } from '../state/types.js';
import { leavesUnder } from './children.js';
import { type MoveResult, moveAfter } from './move-after.js';
import { type PlayQueueSource, playQueueSource } from './play-queue-source.js';
import { isPlaylistType, listTypeOf } from './playlist-ops.js';

/** What a play queue is made from: PMS's `POST /playQueues` parameters. */
export interface NewPlayQueue extends PlayQueueSource {
  /** `video`, `audio` or `photo`; inferred from the first item when absent. */
  type?: string;
  /** Key of the item to start at (`/library/metadata/1003`); defaults to the first. */
  key?: string;
  shuffle?: boolean;
  /** From a single episode, queue the whole show and start at that episode. */
  continuous?: boolean;
}

/**
 * Creates a play queue, as `POST /playQueues` does and as players do for `playMedia`. Throws
 * HttpError 400 for what PMS rejects: no source, an unknown source, nothing playable in it.
 */
export function createPlayQueue(state: EmulatorState, input: NewPlayQueue): PlayQueueRecord {
  const { items, sourceUri } = playQueueSource(state, input);
  let leaves = items;
  const startKey = input.key ? /\/library\/metadata\/(\d+)/.exec(input.key)?.[1] : undefined;
  const first = leaves[0];
  if (input.continuous && leaves.length === 1 && first?.type === 'episode') {
    const show = first.grandparentRatingKey
      ? state.items.get(first.grandparentRatingKey)
      : undefined;
    if (show) leaves = leavesUnder(state, show);
  }
  if (leaves.length === 0) throw new HttpError(400, 'nothing playable in the play queue source');
  if (input.type !== undefined && !isPlaylistType(input.type)) {
    throw new HttpError(400, `bad play queue type ${input.type}`);
  }
  const type = input.type ?? listTypeOf(leaves[0] as ItemRecord) ?? 'video';
  const queue: PlayQueueRecord = {
    id: state.nextId('playQueue'),
    accountId: input.accountId,
    type,
    sourceUri,
    shuffled: false,
    version: 1,
    selectedItemId: 0,
    selectedOffset: 0,
    items: leaves.map((item) => ({
      playQueueItemId: state.nextId('playQueueItem'),
      ratingKey: item.ratingKey,
    })),
  };
  const wanted = startKey ?? (input.continuous ? first?.ratingKey : undefined);
  const start = queue.items.find((entry) => entry.ratingKey === wanted) ?? queue.items[0];
  queue.selectedItemId = start?.playQueueItemId ?? 0;
  if (input.shuffle) shuffleItems(queue);
  syncSelection(queue);
  state.playQueues.set(queue.id, queue);
  return queue;
}

/** Adds items at the end, or right after the selected item with `next`. */
export function addToPlayQueue(
  state: EmulatorState,
  queue: PlayQueueRecord,
  items: readonly ItemRecord[],
  next: boolean,
): number {
  const entries = items.map((item) => ({
    playQueueItemId: state.nextId('playQueueItem'),
    ratingKey: item.ratingKey,
  }));
  const selected = queue.items.findIndex((e) => e.playQueueItemId === queue.selectedItemId);
  const at = next && selected >= 0 ? selected + 1 : queue.items.length;
  queue.items.splice(at, 0, ...entries);
  const last = entries.at(-1);
  if (last) queue.lastAddedItemId = last.playQueueItemId;
  if (queue.selectedItemId === 0 && entries[0]) queue.selectedItemId = entries[0].playQueueItemId;
  bump(queue);
  return entries.length;
}

/** Removes one queue item; false when the queue has no such item. */
export function removeFromPlayQueue(queue: PlayQueueRecord, playQueueItemId: number): boolean {
  const at = queue.items.findIndex((entry) => entry.playQueueItemId === playQueueItemId);
  if (at < 0) return false;
  queue.items.splice(at, 1);
  bump(queue);
  return true;
}

/** Moves a queue item after another (or to the front). */
export function movePlayQueueItem(
  queue: PlayQueueRecord,
  playQueueItemId: number,
  afterId: number | undefined,
): MoveResult {
  const result = moveAfter(queue.items, (e) => e.playQueueItemId, playQueueItemId, afterId);
  if (result === 'ok') bump(queue);
  return result;
}

/** Empties a queue; PMS keeps reporting the last selected item ids. */
export function clearPlayQueue(queue: PlayQueueRecord): void {
  queue.items = [];
  queue.version++;
}

/** Shuffles (or reshuffles) keeping the selected item, which moves to the front. */
export function shufflePlayQueue(queue: PlayQueueRecord): void {
  shuffleItems(queue);
  bump(queue);
}

/** Restores the natural order: queue item ids grow in the order items were queued. */
export function unshufflePlayQueue(queue: PlayQueueRecord): void {
  queue.items.sort((a, b) => a.playQueueItemId - b.playQueueItemId);
  queue.shuffled = false;
  bump(queue);
}

/** Makes the first item the selected one again. */
export function resetPlayQueue(queue: PlayQueueRecord): void {
  queue.selectedItemId = queue.items[0]?.playQueueItemId ?? queue.selectedItemId;
  bump(queue);
}

/** Deterministic per queue and version, so a test sees the same order every run. */
function shuffleItems(queue: PlayQueueRecord): void {
  const rng = createRng(queue.id * 7919 + queue.version);
  const selected = queue.items.find((entry) => entry.playQueueItemId === queue.selectedItemId);
  const rest = queue.items.filter((entry) => entry !== selected);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [rest[i], rest[j]] = [rest[j] as (typeof rest)[number], rest[i] as (typeof rest)[number]];
  }
  queue.items = selected ? [selected, ...rest] : rest;
  queue.shuffled = true;
}

function bump(queue: PlayQueueRecord): void {
  queue.version++;
  syncSelection(queue);
}

/** Keeps the selected offset right; a removed selection falls to the item that took its place. */
function syncSelection(queue: PlayQueueRecord): void {
  const at = queue.items.findIndex((entry) => entry.playQueueItemId === queue.selectedItemId);
  if (at >= 0) {
    queue.selectedOffset = at;
    return;
  }
  const offset = Math.min(queue.selectedOffset, queue.items.length - 1);
  const replacement = queue.items[offset];
  if (!replacement) return;
  queue.selectedItemId = replacement.playQueueItemId;
  queue.selectedOffset = offset;
}
