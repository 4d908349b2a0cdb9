import { container, type Fields } from '../http/responses.js';
import type { EmulatorState } from '../state/store.js';
import type { PlayQueueRecord } from '../state/types.js';
import { renderItem } from './metadata.js';

/** Which part of a queue to send (`GET /playQueues/{id}?center=&window=&includeBefore=…`). */
export interface QueueWindow {
  /** Queue item id the window centres on; the selected item by default. */
  center?: number;
  /** Items on each side of the centre. */
  window: number;
  includeBefore: boolean;
  includeAfter: boolean;
}

/** PMS's default window: generous enough that small queues come back whole. */
export const DEFAULT_WINDOW: QueueWindow = { window: 50, includeBefore: true, includeAfter: true };

/** Renders a play queue's MediaContainer: the queue attributes and the items in the window. */
export function renderPlayQueue(
  state: EmulatorState,
  queue: PlayQueueRecord,
  accountId: number,
  window: QueueWindow = DEFAULT_WINDOW,
): Response {
  const selected = queue.items.find((entry) => entry.playQueueItemId === queue.selectedItemId);
  const lastAdded = queue.lastAddedItemId;
  const metadata: Fields[] = [];
  for (const entry of windowOf(queue, window)) {
    const item = state.items.get(entry.ratingKey);
    if (item) {
      metadata.push({
        ...renderItem(state, item, accountId, 'list'),
        playQueueItemID: entry.playQueueItemId,
      });
    }
  }
  return container(
    {
      size: metadata.length,
      identifier: 'com.plexapp.plugins.library',
      mediaTagPrefix: '/system/bundle/media/flags/',
      mediaTagVersion: 1734362201,
      playQueueID: queue.id,
      playQueueLastAddedItemID: lastAdded === undefined ? undefined : String(lastAdded),
      playQueueSelectedItemID: queue.selectedItemId,
      playQueueSelectedItemOffset: queue.selectedOffset,
      playQueueSelectedMetadataItemID: selected ? Number(selected.ratingKey) : undefined,
      playQueueShuffled: queue.shuffled,
      playQueueSourceURI: queue.sourceUri,
      playQueueTotalCount: queue.items.length,
      playQueueVersion: queue.version,
      Metadata: metadata,
    },
    'Metadata',
  );
}

function windowOf(queue: PlayQueueRecord, window: QueueWindow): PlayQueueRecord['items'] {
  const centerId = window.center ?? queue.selectedItemId;
  let center = queue.items.findIndex((entry) => entry.playQueueItemId === centerId);
  if (center < 0) center = Math.min(queue.selectedOffset, queue.items.length - 1);
  if (center < 0) return [];
  const from = window.includeBefore ? Math.max(0, center - window.window) : center + 1;
  const to = window.includeAfter ? center + window.window + 1 : center;
  return queue.items.slice(from, Math.max(from, to));
}
