import { HttpError, type RequestContext, requireAccount } from '../../http/context.js';
import type { Fields } from '../../http/responses.js';
import { collectionMembers } from '../../library/collection-ops.js';
import { itemTypeOf } from '../../library/content.js';
import { canSeeSection } from '../../library/section-access.js';
import { LIBRARY_PROVIDER } from '../../library/uri.js';
import { sectionContainerFields } from '../../render/metadata.js';
import type { EmulatorState } from '../../state/store.js';
import type { ItemRecord, ItemType } from '../../state/types.js';

/** The media provider identifier of the library, as clients pass it to `/:/scrobble` and friends. */
export const LIBRARY_IDENTIFIER = LIBRARY_PROVIDER;

/** Types that list other items under them (`key` ends in `/children`). */
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

/**
 * The item a ratingKey names, when the caller may see it. Items in sections not shared with the
 * caller are as unknown as missing ones (404), as PMS answers shared users.
 */
export function visibleItem(ctx: RequestContext, ratingKey: string | undefined): ItemRecord {
  const account = requireAccount(ctx);
  const item = ratingKey === undefined ? undefined : ctx.state.items.get(ratingKey);
  if (!item || !canSeeSection(account, item.sectionId)) {
    throw new HttpError(404, `no metadata item ${ratingKey ?? ''}`);
  }
  return item;
}

/**
 * The children of an item in the order PMS lists them: seasons, episodes and tracks by index,
 * collection members by the collection's sort (`0` release date, `1` title, `2` custom order).
 */
export function orderedChildren(state: EmulatorState, item: ItemRecord): ItemRecord[] {
  if (item.type === 'collection') return collectionMembers(state, item);
  const children = state.childrenOf(item);
  if (item.type === 'show' || item.type === 'season' || item.type === 'album') {
    return children.sort(
      (a, b) => (a.index ?? Number.MAX_SAFE_INTEGER) - (b.index ?? Number.MAX_SAFE_INTEGER),
    );
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

/**
 * Container attributes for a list of items: the section's hoisted fields when they all come
 * from one section, otherwise the library-wide ones and `mixedParents`.
 */
export function libraryFields(state: EmulatorState, sectionIds: Iterable<number>): Fields {
  const distinct = [...new Set(sectionIds)];
  const [first] = distinct;
  if (distinct.length === 1 && first !== undefined) return sectionContainerFields(state, first);
  const {
    librarySectionID: _id,
    librarySectionTitle: _title,
    librarySectionUUID: _uuid,
    ...common
  } = sectionContainerFields(state, first ?? -1);
  return {
    allowSync: true,
    identifier: LIBRARY_IDENTIFIER,
    ...common,
    mixedParents: distinct.length > 1 ? true : undefined,
  };
}

/** An item type from Plex's numeric `type`, or undefined for numbers the library does not hold. */
export function typeFromNumber(value: string | null): ItemType | undefined {
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isInteger(number) ? itemTypeOf(number) : undefined;
}
