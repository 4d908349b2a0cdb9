import { HttpError } from '../http/context.js';
import type { EmulatorState, NewItem } from '../state/store.js';
import type { ItemRecord, ItemType } from '../state/types.js';
import { refreshSmartMembers } from './collection-members.js';
import { stableUuid } from './guid.js';
import { type MoveResult, moveAfter } from './move-after.js';

/** What it takes to create a collection. */
export interface NewCollection {
  sectionId: number;
  title: string;
  /** The type of the members (`movie`, `show`, `artist`, `album`, …). */
  subtype: ItemType;
  /** Smart collections carry a filter (`/library/sections/1/all?type=1&…`) instead of members. */
  smartContent?: string;
  members?: readonly ItemRecord[];
}

/** Creates a collection in a section and adds its first members. */
export function createCollection(
  state: EmulatorState,
  input: NewCollection,
  now: number,
): ItemRecord {
  const ratingKey = state.nextRatingKey();
  const record: NewItem = {
    ratingKey,
    type: 'collection',
    sectionId: input.sectionId,
    title: input.title,
    addedAt: now,
    guid: `collection://${stableUuid(`${state.server.machineIdentifier}:collection:${ratingKey}`)}`,
    subtype: input.subtype,
    smart: input.smartContent !== undefined,
  };
  if (input.smartContent !== undefined) record.extra = { content: input.smartContent };
  const collection = state.addItem(record);
  if (collection.smart) refreshSmartMembers(state, collection);
  else addCollectionMembers(state, collection, input.members ?? [], now);
  return collection;
}

/**
 * Adds members, skipping items already in it, from another section or of another type.
 * Each member gets the collection's tag, which is how PMS links the two. Returns how many
 * were added.
 */
export function addCollectionMembers(
  state: EmulatorState,
  collection: ItemRecord,
  items: readonly ItemRecord[],
  now: number,
): number {
  let added = 0;
  for (const item of items) {
    if (item.sectionId !== collection.sectionId || item.type === 'collection') continue;
    if (collection.subtype !== undefined && item.type !== collection.subtype) continue;
    if (collection.childKeys.includes(item.ratingKey)) continue;
    collection.childKeys.push(item.ratingKey);
    addTag(item, collection.title, now);
    added++;
  }
  if (added > 0) state.touch(collection, now);
  return added;
}

/** Removes a member and its collection tag; false when the item is not a member. */
export function removeCollectionMember(
  state: EmulatorState,
  collection: ItemRecord,
  ratingKey: string,
  now: number,
): boolean {
  if (!collection.childKeys.includes(ratingKey)) return false;
  collection.childKeys = collection.childKeys.filter((key) => key !== ratingKey);
  const item = state.items.get(ratingKey);
  if (item) dropTagUnlessShared(state, item, collection, now);
  state.touch(collection, now);
  return true;
}

/** Moves a member after another (to the front without `afterKey`), for the custom sort order. */
export function moveCollectionMember(
  state: EmulatorState,
  collection: ItemRecord,
  ratingKey: string,
  afterKey: string | undefined,
  now: number,
): MoveResult {
  const result = moveAfter(collection.childKeys, (key) => key, ratingKey, afterKey);
  if (result !== 'ok') return result;
  state.touch(collection, now);
  return 'ok';
}

/** Deletes a collection and takes its tag off every member; undefined when there is none. */
export function deleteCollection(
  state: EmulatorState,
  collectionId: string,
  now: number,
): ItemRecord | undefined {
  const collection = state.items.get(collectionId);
  if (collection?.type !== 'collection') return undefined;
  const members = collection.smart ? [] : state.childrenOf(collection);
  state.removeItem(collectionId);
  for (const member of members) dropTagUnlessShared(state, member, collection, now);
  return collection;
}

/** Values PMS accepts for the two collection preferences (python-plexapi's mode and sort maps). */
const PREF_VALUES: Record<'collectionMode' | 'collectionSort', readonly string[]> = {
  collectionMode: ['-1', '0', '1', '2'],
  collectionSort: ['0', '1', '2'],
};

/**
 * Applies `collectionMode` / `collectionSort` from a prefs request (`PUT …/prefs?collectionSort=2`).
 * Throws 400 for values PMS rejects; returns true when something changed.
 */
export function applyCollectionPrefs(
  state: EmulatorState,
  collection: ItemRecord,
  query: URLSearchParams,
  now: number,
): boolean {
  let changed = false;
  for (const name of ['collectionMode', 'collectionSort'] as const) {
    const value = query.get(name);
    if (value === null) continue;
    if (!PREF_VALUES[name].includes(value)) throw new HttpError(400, `bad ${name} ${value}`);
    if (name === 'collectionSort' && collection.smart) {
      throw new HttpError(400, 'smart collections have no manual order');
    }
    if (collection[name] !== value) {
      collection[name] = value;
      changed = true;
    }
  }
  if (changed) {
    state.touch(collection, now);
  }
  return changed;
}

/** Replaces a smart collection's filter. */
export function setSmartContent(
  state: EmulatorState,
  collection: ItemRecord,
  content: string,
  now: number,
): void {
  collection.extra = { ...collection.extra, content };
  refreshSmartMembers(state, collection);
  state.touch(collection, now);
}

function addTag(item: ItemRecord, title: string, now: number): void {
  const tags = item.tags.collection ?? [];
  if (tags.some((tag) => tag.tag.toLowerCase() === title.toLowerCase())) return;
  item.tags.collection = [...tags, { tag: title }];
  item.updatedAt = now;
}

/** Takes the tag off unless another collection with the same title still holds the item. */
function dropTagUnlessShared(
  state: EmulatorState,
  item: ItemRecord,
  collection: ItemRecord,
  now: number,
): void {
  const title = collection.title.toLowerCase();
  const stillHeld = state.keysOf(item.sectionId, 'collection').some((key) => {
    const other = state.items.get(key);
    return (
      other !== undefined &&
      other.ratingKey !== collection.ratingKey &&
      other.title.toLowerCase() === title &&
      other.childKeys.includes(item.ratingKey)
    );
  });
  if (stillHeld) return;
  const tags = (item.tags.collection ?? []).filter((tag) => tag.tag.toLowerCase() !== title);
  if (tags.length > 0) item.tags.collection = tags;
  else delete item.tags.collection;
  item.updatedAt = now;
}
