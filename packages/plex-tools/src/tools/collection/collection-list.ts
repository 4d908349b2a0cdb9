import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { mapGated } from '../../shared/concurrency.js';
import { libraryInput, paging } from '../../shared/inputs.js';
import { pageFacts, pageOf } from '../../shared/outputs.js';
import { resolveLibrary } from '../../shared/resolve-library.js';
import { collectionSummary, summarizeCollection } from './shared.js';

/** collection_list: collections of one library or all, paged. */
export const collectionList = defineTool({
  name: 'collection_list',
  module: 'collection',
  access: 'read',
  title: 'List collections',
  description: 'List collections with library and item count.',
  input: v.object({
    library: v.optional(libraryInput),
    ...paging,
  }),
  output: v.object({ collections: v.array(collectionSummary), ...pageFacts }),
  async run(ctx, input) {
    const libraries =
      input.library === undefined
        ? await ctx.plex.libraries.list({ signal: ctx.signal })
        : [await resolveLibrary(ctx, input)];
    if (libraries.length === 1) {
      const [library] = libraries;
      const page = await ctx.plex.collections.list(library!.id, {
        offset: input.offset,
        limit: input.limit,
        signal: ctx.signal,
      });
      return {
        collections: page.items.map((c) => summarizeCollection(c, library!.title)),
        ...pageOf(page.totalSize, input.offset, input.limit, page.items.length),
      };
    }
    // Across libraries: the first offset+limit of each, in library order, is enough for the window.
    const pages = await mapGated(libraries, (library) =>
      ctx.plex.collections.list(library.id, {
        offset: 0,
        limit: input.offset + input.limit,
        signal: ctx.signal,
      }),
    );
    const all = pages.flatMap((page, i) =>
      page.items.map((c) => summarizeCollection(c, libraries[i]!.title)),
    );
    const total = pages.reduce((sum, page) => sum + page.totalSize, 0);
    const window = all.slice(input.offset, input.offset + input.limit);
    return { collections: window, ...pageOf(total, input.offset, input.limit, window.length) };
  },
});
