import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { requireConfirmation } from '../../shared/confirm.js';
import { ratingKey } from '../../shared/inputs.js';
import { collectionById } from '../../shared/resolve-collection.js';

/** collection_delete: deletes a collection (its items stay in the library). */
export const collectionDelete = defineTool({
  name: 'collection_delete',
  module: 'collection',
  access: 'delete',
  title: 'Delete collection',
  description: 'Delete a collection; its items stay.',
  input: v.object({
    collection_id: ratingKey('Collection id'),
    confirm: v.optional(v.pipe(v.string(), v.description('Its exact title'))),
  }),
  output: v.object({
    deleted: v.object({
      id: v.string(),
      title: v.string(),
      library: v.string(),
      item_count: v.number(),
    }),
  }),
  annotations: { idempotentHint: true },
  async run(ctx, input) {
    const { collection, libraryTitle } = await collectionById(ctx, input.collection_id);
    const count = collection.childCount ?? 0;
    requireConfirmation(
      input.confirm,
      collection.title,
      `This deletes the collection "${collection.title}" (id ${collection.ratingKey}) from ${libraryTitle}, with its grouping of ${count} items, summary and artwork (the items stay in the library). Call again with confirm: "${collection.title}".`,
      { id: collection.ratingKey, title: collection.title, item_count: count },
    );
    await ctx.plex.collections.delete(collection.ratingKey, { signal: ctx.signal });
    return {
      deleted: {
        id: collection.ratingKey,
        title: collection.title,
        library: libraryTitle,
        item_count: count,
      },
    };
  },
});
