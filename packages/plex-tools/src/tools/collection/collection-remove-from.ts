import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { itemSummary, summarizeItem } from '../../shared/outputs.js';
import { collectionAddressing, resolveCollection } from '../../shared/resolve-collection.js';
import { itemList, resolveItemList } from '../../shared/resolve-item-list.js';
import { memberKeys } from './shared.js';

/** collection_remove_from: takes items out of a collection (they stay in the library). */
export const collectionRemoveFrom = defineTool({
  name: 'collection_remove_from',
  module: 'collection',
  access: 'write',
  title: 'Remove from collection',
  description: 'Remove items from a collection; they stay in the library.',
  input: v.object({ ...collectionAddressing, ...itemList }),
  output: v.object({
    collection: v.object({ id: v.string(), title: v.string() }),
    removed: v.array(itemSummary),
    not_found: v.array(v.string()),
    remaining: v.number(),
  }),
  annotations: { idempotentHint: true },
  async run(ctx, input) {
    const { collection, libraryTitle } = await resolveCollection(ctx, input);
    if (collection.smart) {
      throw new ToolError(
        'INVALID_INPUT',
        `"${collection.title}" is a smart collection; its items come from its filter.`,
      );
    }
    const { items, notFound, askedAs } = await resolveItemList(
      ctx,
      input,
      libraryTitle || undefined,
    );
    const members = await memberKeys(ctx, collection.ratingKey);
    const inIt = items.filter((item) => members.has(item.ratingKey));
    const outside = items
      .filter((item) => !members.has(item.ratingKey))
      .map((item) => askedAs.get(item.ratingKey) ?? item.ratingKey);
    let remaining = members.size;
    for (const [i, item] of inIt.entries()) {
      ctx.progress({ progress: i, total: inIt.length, message: `Removing "${item.title}"` });
      const after = await ctx.plex.collections.removeItem(collection.ratingKey, item.ratingKey, {
        signal: ctx.signal,
      });
      remaining = after.childCount ?? remaining - 1;
    }
    return {
      collection: { id: collection.ratingKey, title: collection.title },
      removed: inIt.map(summarizeItem),
      not_found: [...notFound, ...outside],
      remaining,
    };
  },
});
