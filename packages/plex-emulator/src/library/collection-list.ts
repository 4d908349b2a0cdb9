import type { EmulatorState } from '../state/store.js';
import type { ItemRecord } from '../state/types.js';
import { type SortKeys, sortByQuery } from './list-order.js';

const SORTS: SortKeys<ItemRecord> = { childCount: (item) => item.childKeys.length };

/**
 * A section's collections whose title holds `title` (case-insensitive), sorted by the `sort`
 * parameter (titles by default; `childCount` too).
 */
export function findCollections(
  state: EmulatorState,
  sectionId: number,
  filter: { title?: string | undefined; sort?: string | null | undefined },
): ItemRecord[] {
  let list = state.keysOf(sectionId, 'collection').flatMap((key) => state.items.get(key) ?? []);
  const title = filter.title?.toLowerCase();
  if (title) list = list.filter((item) => item.title.toLowerCase().includes(title));
  return sortByQuery(list, filter.sort ?? null, SORTS);
}
