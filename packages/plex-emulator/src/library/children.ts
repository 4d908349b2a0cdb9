import type { EmulatorState } from '../state/store.js';
import type { ItemRecord, ItemType } from '../state/types.js';
import { collectionMembers } from './collection-members.js';

/*
 * The one display order of what sits under an item, shared by every route that lists, plays,
 * queues or marks it: `/children`, `/allLeaves`, content URIs, play queues, playlists, scrobbles.
 */

/** Types that list other items under them; every other type is played directly. */
const PARENT_TYPES: ReadonlySet<ItemType> = new Set([
  'show',
  'season',
  'artist',
  'album',
  'collection',
]);

/** Whether an item is a container of other items rather than something playable. */
export function isParent(item: ItemRecord): boolean {
  return PARENT_TYPES.has(item.type);
}

/** Sorts by `index` (episode, season and track numbers); unnumbered items go last. */
function byIndex(a: ItemRecord, b: ItemRecord): number {
  return (a.index ?? Number.MAX_SAFE_INTEGER) - (b.index ?? Number.MAX_SAFE_INTEGER);
}

/**
 * The children of an item in the order PMS lists them: seasons, episodes and tracks by index,
 * collection members by the collection's sort (`0` release date, `1` title, `2` custom order),
 * anything else (an artist's albums) as stored.
 */
export function orderedChildren(state: EmulatorState, item: ItemRecord): ItemRecord[] {
  if (item.type === 'collection') return collectionMembers(state, item);
  const children = state.childrenOf(item);
  if (item.type === 'show' || item.type === 'season' || item.type === 'album') {
    return children.sort(byIndex);
  }
  return children;
}

/**
 * The playable items under an item, in display order: every episode of a show, every track of
 * an artist, the members of a collection (and their leaves); a leaf is its own only leaf.
 */
export function leavesUnder(state: EmulatorState, item: ItemRecord): ItemRecord[] {
  if (!isParent(item)) return [item];
  return orderedChildren(state, item).flatMap((child) => leavesUnder(state, child));
}
