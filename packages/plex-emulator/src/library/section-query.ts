import type { EmulatorState } from '../state/store.js';
import type { ItemRecord } from '../state/types.js';
import { itemTypeOf } from './hierarchy.js';
import { titleKey } from './list-order.js';
import { itemsFor } from './query.js';

/**
 * A deliberately small reading of a section query for smart playlists and collections: the
 * `type`, a `title` substring, `sort` on a few common fields and `limit`. Other filters are
 * ignored, so a smart list is a superset of what PMS would return for the same rules.
 */
export function evaluateSectionQuery(
  state: EmulatorState,
  sectionId: number,
  query: URLSearchParams,
): ItemRecord[] {
  const section = state.sections.get(sectionId);
  if (!section) return [];
  const typeNumber = Number(query.get('type') ?? Number.NaN);
  const type = Number.isInteger(typeNumber) ? itemTypeOf(typeNumber) : section.type;
  if (!type) return [];
  let items = itemsFor(state, state.keysOf(sectionId, type));
  const title = query.get('title')?.toLowerCase();
  if (title) items = items.filter((item) => item.title.toLowerCase().includes(title));
  const sort = query.get('sort');
  if (sort) items = sortItems(items, sort);
  const limit = Number(query.get('limit') ?? Number.NaN);
  return Number.isInteger(limit) && limit >= 0 ? items.slice(0, limit) : items;
}

const SORT_FIELDS: Record<string, (item: ItemRecord) => string | number> = {
  title: titleKey,
  titleSort: titleKey,
  addedAt: (item) => item.addedAt,
  updatedAt: (item) => item.updatedAt,
  year: (item) => item.year ?? 0,
  originallyAvailableAt: (item) => item.originallyAvailableAt ?? '',
  duration: (item) => item.duration ?? 0,
  rating: (item) => item.rating ?? 0,
  audienceRating: (item) => item.audienceRating ?? 0,
};

function sortItems(items: ItemRecord[], sort: string): ItemRecord[] {
  const [rawField = '', direction] = (sort.split(',')[0] ?? '').split(':');
  const field = rawField.includes('.') ? rawField.slice(rawField.lastIndexOf('.') + 1) : rawField;
  const key = SORT_FIELDS[field];
  if (!key) return items;
  const sign = direction === 'desc' ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -sign : x > y ? sign : 0;
  });
}
