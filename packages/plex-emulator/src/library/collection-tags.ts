import { HttpError } from '../http/context.js';
import { notifyItemChanged } from '../services/events.js';
import type { Services } from '../services/services.js';
import type { EmulatorState } from '../state/store.js';
import type { ItemRecord } from '../state/types.js';
import {
  addCollectionMembers,
  createCollection,
  removeCollectionMember,
} from './collection-ops.js';

/*
 * In PMS a collection *is* its tag: members carry the collection's title as a `Collection` tag.
 * These keep the two in step when either side is edited.
 */

/** What a tag edit needs: the state it writes and the services that stamp and announce it. */
export interface TagEnv {
  state: EmulatorState;
  services: Services;
}

/** The collection with a title (any case) in a section, if there is one. */
export function collectionByTitle(
  state: EmulatorState,
  sectionId: number,
  title: string,
  except?: ItemRecord,
): ItemRecord | undefined {
  const wanted = title.toLowerCase();
  for (const key of state.keysOf(sectionId, 'collection')) {
    const collection = state.items.get(key);
    if (collection && collection !== except && collection.title.toLowerCase() === wanted) {
      return collection;
    }
  }
  return undefined;
}

/**
 * Keeps collections in step with an item's `Collection` tags, as PMS does: tagging an item "Silent Era" puts it in that collection, creating the
 * collection when the section has none by that name, and untagging takes it out again.
 */
export function syncCollectionMembership(
  env: TagEnv,
  item: ItemRecord,
  before: readonly string[],
  after: readonly string[],
): void {
  const now = env.services.nowSeconds();
  const had = new Set(before.map((name) => name.toLowerCase()));
  const has = new Set(after.map((name) => name.toLowerCase()));
  for (const name of after) {
    if (had.has(name.toLowerCase())) continue;
    const existing = collectionByTitle(env.state, item.sectionId, name);
    if (!existing) {
      const created = createCollection(
        env.state,
        { sectionId: item.sectionId, title: name, subtype: item.type, members: [item] },
        now,
      );
      notifyItemChanged(env.services, created, 'created');
    } else if (!existing.smart && addCollectionMembers(env.state, existing, [item], now) > 0) {
      notifyItemChanged(env.services, existing, 'done');
    }
  }
  for (const name of before) {
    if (has.has(name.toLowerCase())) continue;
    const collection = collectionByTitle(env.state, item.sectionId, name);
    if (collection && removeCollectionMember(env.state, collection, item.ratingKey, now)) {
      notifyItemChanged(env.services, collection, 'done');
    }
  }
}

/** PMS refuses (409) to rename a collection to a title another collection in its section has. */
export function checkCollectionRename(
  state: EmulatorState,
  items: readonly ItemRecord[],
  title: string,
): void {
  for (const item of items) {
    if (item.type !== 'collection') continue;
    if (collectionByTitle(state, item.sectionId, title, item)) {
      throw new HttpError(409, `a collection named ${title} already exists`);
    }
  }
}

/** A renamed collection renames the tag its members carry. */
export function renameCollectionTags(env: TagEnv, collection: ItemRecord, oldTitle: string): void {
  for (const member of env.state.childrenOf(collection)) {
    const tags = member.tags.collection;
    const tag = tags?.find((ref) => ref.tag.toLowerCase() === oldTitle.toLowerCase());
    if (!tag) continue;
    tag.tag = collection.title;
    env.state.touch(member, env.services.nowSeconds());
  }
}
