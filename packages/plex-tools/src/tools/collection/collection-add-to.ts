import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { itemSummary, summarizeItem } from '../../shared/outputs.js';
import { collectionAddressing, resolveCollection } from '../../shared/resolve-collection.js';
import { itemList, resolveItemList } from '../../shared/resolve-item-list.js';
import { memberKeys } from './shared.js';

/** collection_add_to: adds items of the collection's library to it. */
export const collectionAddTo = defineTool({
  name: 'collection_add_to',
  module: 'collection',
  access: 'write',
  title: 'Add to collection',
  description: 'Add items to a collection.',
  input: v.object({ ...collectionAddressing, ...itemList }),
  output: v.object({
    collection: v.object({ id: v.string(), title: v.string() }),
    added: v.array(itemSummary),
    already_present: v.array(itemSummary),
    not_found: v.array(v.string()),
    total: v.number(),
  }),
  annotations: { idempotentHint: true },
  async run(ctx, input) {
    const { collection, libraryId, libraryTitle } = await resolveCollection(ctx, input);
    if (collection.smart) {
      throw new ToolError(
        'INVALID_INPUT',
        `"${collection.title}" is a smart collection; its items come from its filter.`,
      );
    }
    const { items, notFound } = await resolveItemList(ctx, input, libraryTitle || undefined);
    const elsewhere = items.filter((item) => String(item.librarySectionID) !== libraryId);
    if (elsewhere.length > 0) {
      throw new ToolError(
        'INVALID_INPUT',
        `"${collection.title}" holds items of ${libraryTitle}; these are not: ${elsewhere.map((i) => `"${i.title}" (id ${i.ratingKey})`).join(', ')}.`,
      );
    }
    const members = await memberKeys(ctx, collection.ratingKey);
    const fresh = items.filter((item) => !members.has(item.ratingKey));
    const present = items.filter((item) => members.has(item.ratingKey));
    let total = members.size;
    if (fresh.length > 0) {
      const after = await ctx.plex.collections.addItems(
        collection.ratingKey,
        fresh.map((item) => item.ratingKey),
        { signal: ctx.signal },
      );
      total = after.childCount ?? members.size + fresh.length;
    }
    return {
      collection: { id: collection.ratingKey, title: collection.title },
      added: fresh.map(summarizeItem),
      already_present: present.map(summarizeItem),
      not_found: notFound,
      total,
    };
  },
});
