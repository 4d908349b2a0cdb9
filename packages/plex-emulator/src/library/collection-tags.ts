import type { RequestContext } from '../../http/context.js';
import {
  addCollectionMembers,
  createCollection,
  removeCollectionMember,
} from '../../library/collection-ops.js';
import { notifyItemChanged } from '../../services/events.js';
import type { ItemRecord } from '../../state/types.js';

/** The collection with a title (any case) in a section, if there is one. */
export function collectionByTitle(
  ctx: RequestContext,
  sectionId: number,
  title: string,
): ItemRecord | undefined {
  const wanted = title.toLowerCase();
  for (const key of ctx.state.keysOf(sectionId, 'collection')) {
    const collection = ctx.state.items.get(key);
    if (collection && collection.title.toLowerCase() === wanted) return collection;
  }
  return undefined;
}

/**
 * Keeps collections in step with an item's `Collection` tags, as PMS does: in PMS a collection
 * *is* its tag, so tagging an item "Silent Era" puts it in that collection, creating the
 * collection when the section has none by that name, and untagging takes it out again.
 */
export function syncCollectionMembership(
  ctx: RequestContext,
  item: ItemRecord,
  before: readonly string[],
  after: readonly string[],
): void {
  const now = ctx.services.nowSeconds();
  const had = new Set(before.map((name) => name.toLowerCase()));
  const has = new Set(after.map((name) => name.toLowerCase()));
  for (const name of after) {
    if (had.has(name.toLowerCase())) continue;
    const existing = collectionByTitle(ctx, item.sectionId, name);
    if (!existing) {
      const created = createCollection(
        ctx.state,
        { sectionId: item.sectionId, title: name, subtype: item.type, members: [item] },
        now,
      );
      notifyItemChanged(ctx.services, created, 'created');
    } else if (!existing.smart && addCollectionMembers(ctx.state, existing, [item], now) > 0) {
      notifyItemChanged(ctx.services, existing, 'done');
    }
  }
  for (const name of before) {
    if (has.has(name.toLowerCase())) continue;
    const collection = collectionByTitle(ctx, item.sectionId, name);
    if (collection && removeCollectionMember(ctx.state, collection, item.ratingKey, now)) {
      notifyItemChanged(ctx.services, collection, 'done');
    }
  }
}
