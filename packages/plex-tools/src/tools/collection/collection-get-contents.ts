import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { paging } from '../../shared/inputs.js';
import { itemSummary, pageFacts, pageOf, summarizeItem } from '../../shared/outputs.js';
import { collectionAddressing, resolveCollection } from '../../shared/resolve-collection.js';

/** collection_get_contents: a collection's members in its order. */
export const collectionGetContents = defineTool({
  name: 'collection_get_contents',
  module: 'collection',
  access: 'read',
  title: 'Collection contents',
  description: "List a collection's items in its order.",
  input: v.object({ ...collectionAddressing, ...paging }),
  output: v.object({
    collection: v.object({ id: v.string(), title: v.string(), library: v.string() }),
    items: v.array(itemSummary),
    ...pageFacts,
  }),
  async run(ctx, input) {
    const { collection, libraryTitle } = await resolveCollection(ctx, input);
    const page = await ctx.plex.collections.items(collection.ratingKey, {
      offset: input.offset,
      limit: input.limit,
      signal: ctx.signal,
    });
    return {
      collection: { id: collection.ratingKey, title: collection.title, library: libraryTitle },
      items: page.items.map(summarizeItem),
      ...pageOf(page.totalSize, input.offset, input.limit, page.items.length),
    };
  },
});
