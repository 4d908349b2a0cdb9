import type { EmulatorState } from '../state/store.js';
import type { ItemRecord, ItemType, SectionRecord } from '../state/types.js';
import { cacheFor } from './cache.js';
import type { QueryEnv } from './env.js';
import { type FieldDef, fieldDef, RESOLUTIONS } from './fields.js';
import { normalizeText, sortTitle } from './sort.js';

/** One value a filter can take in a section, as the tag-list endpoints list it. */
export interface FilterChoice {
  /** What to send back as the filter value: a tag id, a year, or the value itself. */
  key: string;
  title: string;
  /** A person's photo, for cast and crew. */
  thumb?: string;
  /** How many items of the type carry it. */
  count: number;
}

/** Fields whose values can be listed (tag lists): tags, studio, year, decade, resolution, languages. */
export function isChoiceField(field: FieldDef): boolean {
  return (
    field.type === 'tag' ||
    field.type === 'resolution' ||
    field.type === 'audioLanguage' ||
    field.type === 'subtitleLanguage' ||
    field.key === 'studio' ||
    field.key === 'year' ||
    field.key === 'decade'
  );
}

/**
 * The values a field takes on the items of one type in a section, with counts: what
 * `/library/sections/{id}/genre` (and the other tag lists) answer. Tags are keyed by their tag
 * id (`state.tagId`), content ratings and studios by the value itself, as PMS does. Years and
 * decades come newest first, resolutions best first, everything else by title. Cached until
 * `state.revision` changes; do not mutate the result.
 */
export function filterChoices(
  state: EmulatorState,
  section: SectionRecord,
  type: ItemType,
  fieldKey: string,
): FilterChoice[] {
  const field = fieldDef(fieldKey);
  if (!field || !isChoiceField(field)) return [];
  const cache = cacheFor<FilterChoice[]>(state, 'choices');
  const cacheKey = `${section.id}|${type}|${field.key}`;
  const cached = cache.get(cacheKey, state.revision);
  if (cached) return cached;
  const choices = collectChoices(state, section, type, field);
  cache.set(cacheKey, state.revision, choices);
  return choices;
}

function collectChoices(
  state: EmulatorState,
  section: SectionRecord,
  type: ItemType,
  field: FieldDef,
): FilterChoice[] {
  const found = new Map<string, FilterChoice>();
  const add = (key: string, title: string, thumb?: string, count = 1) => {
    const entry = found.get(key);
    if (entry) {
      entry.count += count;
      if (!entry.thumb && thumb) entry.thumb = thumb;
    } else {
      found.set(key, { key, title, count, ...(thumb ? { thumb } : {}) });
    }
  };
  const tagKey = memoTagKey(state);
  // Value lists hold no watch state, so any account will do.
  const env: QueryEnv = { state, accountId: 0 };
  for (const key of state.keysOf(section.id, type)) {
    const item = state.items.get(key);
    if (item) collect(field, item, add, tagKey, env);
  }
  if (field.key === 'collection') addCollections(state, section, type, add);
  return order(field, [...found.values()]);
}

type Add = (key: string, title: string, thumb?: string, count?: number) => void;
type TagKey = (kind: string, tag: string) => string;

/** `state.tagId` as a string, looked up once per distinct tag name. */
function memoTagKey(state: EmulatorState): TagKey {
  const seen = new Map<string, string>();
  return (kind, tag) => {
    let key = seen.get(tag);
    if (key === undefined) {
      key = String(state.tagId(kind, tag));
      seen.set(tag, key);
    }
    return key;
  };
}

function collect(field: FieldDef, item: ItemRecord, add: Add, tagKey: TagKey, env: QueryEnv): void {
  switch (field.type) {
    case 'tag': {
      if (field.key === 'contentRating') {
        if (item.contentRating) add(item.contentRating, item.contentRating);
        return;
      }
      const refs = item.tags[field.tagKind as keyof ItemRecord['tags']] ?? [];
      for (const ref of refs) add(tagKey(field.tagKind, ref.tag), ref.tag, ref.thumb);
      return;
    }
    case 'resolution':
    case 'audioLanguage':
    case 'subtitleLanguage':
      for (const code of field.values(item)) add(code, field.label(code, item));
      return;
    case 'string':
      if (item.studio) add(item.studio, item.studio);
      return;
    case 'integer': {
      const value = field.value(item, env);
      if (value !== undefined)
        add(String(value), field.key === 'decade' ? `${value}s` : String(value));
      return;
    }
    default:
      return;
  }
}

/** Collection items in the section whose members are of the listed type count as collection values. */
function addCollections(
  state: EmulatorState,
  section: SectionRecord,
  type: ItemType,
  add: Add,
): void {
  for (const key of state.keysOf(section.id, 'collection')) {
    const collection = state.items.get(key);
    if (!collection) continue;
    const members = collection.childKeys.filter((member) => state.items.get(member)?.type === type);
    if (members.length === 0) continue;
    const title = collection.title.toLowerCase();
    // Members already carrying the collection tag were counted by the tag pass.
    const untagged = members.filter(
      (member) =>
        !state.items.get(member)?.tags.collection?.some((tag) => tag.tag.toLowerCase() === title),
    );
    add(
      String(state.tagId('collection', collection.title)),
      collection.title,
      undefined,
      untagged.length,
    );
  }
}

function order(field: FieldDef, choices: FilterChoice[]): FilterChoice[] {
  if (field.key === 'year' || field.key === 'decade') {
    return choices.sort((a, b) => Number(b.key) - Number(a.key));
  }
  if (field.type === 'resolution') {
    const rank = (code: string) => RESOLUTIONS.findIndex((entry) => entry.code === code);
    return choices.sort((a, b) => rank(a.key) - rank(b.key));
  }
  return choices
    .map((choice) => ({ choice, sortKey: normalizeText(choice.title) }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    .map(({ choice }) => choice);
}

/** One first-letter bucket (`#` gathers digits and symbols). */
export interface FirstCharacter {
  character: string;
  count: number;
}

/** The first letters of the sort titles of a type in a section, `#` first, then A to Z (cached). */
export function firstCharacters(
  state: EmulatorState,
  section: SectionRecord,
  type: ItemType,
): FirstCharacter[] {
  const cache = cacheFor<FirstCharacter[]>(state, 'firstCharacters');
  const cacheKey = `${section.id}|${type}`;
  const cached = cache.get(cacheKey, state.revision);
  if (cached) return cached;
  const counts = new Map<string, number>();
  for (const key of state.keysOf(section.id, type)) {
    const item = state.items.get(key);
    if (!item) continue;
    const character = firstCharacterOf(item);
    counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  const letters = [...counts]
    .map(([character, count]) => ({ character, count }))
    .sort((a, b) => (rank(a.character) < rank(b.character) ? -1 : 1));
  cache.set(cacheKey, state.revision, letters);
  return letters;
}

/** `#` sorts before the letters. */
function rank(character: string): string {
  return character === '#' ? '' : character;
}

/** The bucket an item's sort title falls in. */
export function firstCharacterOf(item: ItemRecord): string {
  const first = sortTitle(item).charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}
