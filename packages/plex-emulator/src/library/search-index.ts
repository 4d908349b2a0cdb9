import type { EmulatorState } from '../state/store.js';
import type { ItemRecord, ItemType } from '../state/types.js';
import { cacheFor } from './cache.js';
import { normalizeText } from './title-match.js';

/** The searchable text of one section's items of one type, parallel to its ratingKeys. */
export interface TypeIndex {
  type: ItemType;
  items: ItemRecord[];
  /** Normalized titles. */
  titles: string[];
  /** Normalized original titles ('' when there is none). */
  originals: string[];
}

/** A person credited in a section, with how many credits they have there. */
export interface IndexedPerson {
  kind: 'role' | 'director';
  /** The name as first seen. */
  name: string;
  normalized: string;
  thumb?: string;
  count: number;
}

/** What search reads of one section: titles per type and the distinct people. */
export interface SectionSearchIndex {
  types: TypeIndex[];
  /** In the order their first credit was seen. */
  people: IndexedPerson[];
}

/**
 * The search index of a section, built in one pass and kept until `state.revision` changes.
 * Without it every search normalizes every title and every credit of the library again: at
 * 100,000 items that is over half a million lookups per keystroke.
 */
export function sectionSearchIndex(
  state: EmulatorState,
  sectionId: number,
  types: readonly ItemType[],
): SectionSearchIndex {
  const cache = cacheFor<SectionSearchIndex>(state, 'search', 64);
  const cacheKey = `${sectionId}|${types.join(',')}`;
  const cached = cache.get(cacheKey, state.revision);
  if (cached) return cached;
  const people = new Map<string, IndexedPerson>();
  const index: SectionSearchIndex = { types: [], people: [] };
  for (const type of types) {
    const entry: TypeIndex = { type, items: [], titles: [], originals: [] };
    for (const key of state.keysOf(sectionId, type)) {
      const item = state.items.get(key);
      if (!item) continue;
      entry.items.push(item);
      entry.titles.push(item.title ? normalizeText(item.title) : '');
      entry.originals.push(item.originalTitle ? normalizeText(item.originalTitle) : '');
      for (const kind of ['role', 'director'] as const) {
        for (const tag of item.tags[kind] ?? []) {
          const personKey = `${kind}\u0000${tag.tag.toLowerCase()}`;
          const known = people.get(personKey);
          if (known) {
            known.count++;
            continue;
          }
          const person: IndexedPerson = {
            kind,
            name: tag.tag,
            normalized: normalizeText(tag.tag),
            count: 1,
          };
          if (tag.thumb) person.thumb = tag.thumb;
          people.set(personKey, person);
        }
      }
    }
    if (entry.items.length > 0) index.types.push(entry);
  }
  index.people = [...people.values()];
  cache.set(cacheKey, state.revision, index);
  return index;
}
