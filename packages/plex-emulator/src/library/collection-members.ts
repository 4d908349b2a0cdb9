import type { EmulatorState } from '../state/store.js';
import type { ItemRecord } from '../state/types.js';
import { titleKey } from './list-order.js';
import { evaluateSectionQuery } from './section-query.js';
import { parseContentUri } from './uri.js';

/**
 * Members in the collection's display order: `collectionSort` 0 (the default) by release date,
 * 1 alphabetically, 2 in the custom order that `move` edits. Smart collections are re-evaluated.
 */
export function collectionMembers(state: EmulatorState, collection: ItemRecord): ItemRecord[] {
  if (collection.smart) refreshSmartMembers(state, collection);
  const members = state.childrenOf(collection);
  if (collection.smart || collection.collectionSort === '2') return members;
  if (collection.collectionSort === '1') {
    return members.sort((a, b) => compare(titleKey(a), titleKey(b)));
  }
  return members.sort(
    (a, b) => compare(releaseKey(a), releaseKey(b)) || compare(titleKey(a), titleKey(b)),
  );
}

/**
 * Keeps a smart collection's `childKeys` in step with its filter so that `childCount` is right;
 * smart members carry no collection tag in PMS, so none is written.
 */
export function refreshSmartMembers(state: EmulatorState, collection: ItemRecord): void {
  const content = collection.extra?.content;
  const parsed = typeof content === 'string' ? parseContentUri(content) : undefined;
  if (parsed?.path.kind !== 'section') return;
  collection.childKeys = evaluateSectionQuery(state, parsed.path.sectionId, parsed.path.query)
    .filter((item) => item.type !== 'collection')
    .map((item) => item.ratingKey);
}

function releaseKey(item: ItemRecord): string {
  return item.originallyAvailableAt ?? (item.year === undefined ? '9999' : String(item.year));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
