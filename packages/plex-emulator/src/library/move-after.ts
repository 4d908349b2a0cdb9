/** How a move went: done, or which of the two entries named was not there. */
export type MoveResult = 'ok' | 'no-item' | 'no-after';

/**
 * Moves the entry with id `id` right after the one with id `afterId` (to the front without it),
 * in place: the reorder of playlists, play queues and custom-sorted collections. An entry cannot
 * go after itself (`no-after`). Says which entry was missing so routes can answer the right status.
 */
export function moveAfter<T, K>(
  list: T[],
  idOf: (entry: T) => K,
  id: K,
  afterId: K | undefined,
): MoveResult {
  const from = list.findIndex((entry) => idOf(entry) === id);
  if (from < 0) return 'no-item';
  if (afterId !== undefined && (afterId === id || !list.some((e) => idOf(e) === afterId))) {
    return 'no-after';
  }
  const [entry] = list.splice(from, 1) as [T];
  const to = afterId === undefined ? 0 : list.findIndex((e) => idOf(e) === afterId) + 1;
  list.splice(to, 0, entry);
  return 'ok';
}
