import type { EmulatorState } from '../state/store.js';
import type { ItemRecord, ItemType, SectionType } from '../state/types.js';
import { TYPE_NUMBER } from '../state/types.js';
import { QueryError } from './errors.js';

/** The levels of each section type, top first: a show holds seasons, a season holds episodes. */
export const SECTION_LEVELS: Record<SectionType, readonly ItemType[]> = {
  movie: ['movie'],
  show: ['show', 'season', 'episode'],
  artist: ['artist', 'album', 'track'],
  photo: ['photo'],
};

/** Every item type a section can list: its levels plus collections (photo libraries have none). */
export function sectionItemTypes(sectionType: SectionType): readonly ItemType[] {
  const levels = SECTION_LEVELS[sectionType];
  return sectionType === 'photo' ? levels : [...levels, 'collection'];
}

/** The type a section lists when a request names none (movies, shows, artists, photos). */
export function topType(sectionType: SectionType): ItemType {
  return SECTION_LEVELS[sectionType][0] ?? 'movie';
}

/** Plex's number for an item type (`movie` → 1, `episode` → 4). */
export function typeNumber(type: ItemType): number {
  return TYPE_NUMBER[type];
}

const TYPE_BY_NUMBER = new Map<number, ItemType>(
  (Object.entries(TYPE_NUMBER) as [string, number][])
    .filter(([name]) => isItemType(name))
    .map(([name, number]) => [number, name as ItemType]),
);

/** The item type a Plex type number names (`4` → `episode`), if the emulator stores that type. */
export function itemTypeOf(typeNumber: number): ItemType | undefined {
  return TYPE_BY_NUMBER.get(typeNumber);
}

function isItemType(name: string): boolean {
  return (
    name === 'movie' ||
    name === 'show' ||
    name === 'season' ||
    name === 'episode' ||
    name === 'artist' ||
    name === 'album' ||
    name === 'track' ||
    name === 'collection' ||
    name === 'photo'
  );
}

/**
 * Reads a `type` value as clients send it: a number (`4`) or a name (`episode`). Undefined when
 * absent; a type the emulator does not know is a 400, as PMS answers.
 */
export function parseItemType(value: string | null | undefined): ItemType | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const byNumber = /^\d+$/.test(value) ? TYPE_BY_NUMBER.get(Number(value)) : undefined;
  if (byNumber) return byNumber;
  if (isItemType(value)) return value as ItemType;
  throw new QueryError(`unknown type ${value}`);
}

/**
 * Whether `scope` may qualify a field when listing `type` in a section: the type itself, any
 * level of the section, or any level of the type's own hierarchy (so `type=4` in a movie section
 * with `show.title` is an empty list, not an error).
 */
export function isValidScope(sectionType: SectionType, type: ItemType, scope: ItemType): boolean {
  if (scope === type || SECTION_LEVELS[sectionType].includes(scope)) return true;
  return Object.values(SECTION_LEVELS).some(
    (levels) => levels.includes(type) && levels.includes(scope),
  );
}

/** A scope name (`show` in `show.title`) as an item type, if it is one. */
export function scopeType(name: string): ItemType | undefined {
  return isItemType(name) ? (name as ItemType) : undefined;
}

/**
 * Levels below `type` in its section, nearest first (`show` → season, episode). Collections and
 * leaves have none.
 */
export function levelsBelow(sectionType: SectionType, type: ItemType): ItemType[] {
  const levels = SECTION_LEVELS[sectionType];
  const at = levels.indexOf(type);
  return at < 0 ? [] : levels.slice(at + 1);
}

/** Levels above `type` in its section, nearest first (`episode` → season, show). */
export function levelsAbove(sectionType: SectionType, type: ItemType): ItemType[] {
  const levels = SECTION_LEVELS[sectionType];
  const at = levels.indexOf(type);
  return at < 0 ? [] : levels.slice(0, at).reverse();
}

/**
 * The items at level `scope` that an item relates to: the item itself, its parent or
 * grandparent, or its children or leaves. Empty when the levels are unrelated (a movie has no
 * `show`), so a scoped clause simply fails to match.
 */
export function relatedAt(
  state: EmulatorState,
  sectionType: SectionType,
  item: ItemRecord,
  scope: ItemType,
): readonly ItemRecord[] {
  if (scope === item.type) return [item];
  const levels = SECTION_LEVELS[sectionType];
  const from = levels.indexOf(item.type);
  const to = levels.indexOf(scope);
  if (from < 0 || to < 0) return [];
  if (to < from) {
    const key = from - to === 1 ? item.parentRatingKey : item.grandparentRatingKey;
    const ancestor = key === undefined ? undefined : state.items.get(key);
    return ancestor ? [ancestor] : [];
  }
  return to - from === 1 ? state.childrenOf(item) : state.leavesOf(item);
}
