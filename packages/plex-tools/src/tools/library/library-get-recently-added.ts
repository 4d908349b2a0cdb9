import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { libraryInput, MEDIA_TYPES, paging } from '../../shared/inputs.js';
import { pageFacts, pageOf } from '../../shared/outputs.js';
import { resolveLibrary } from '../../shared/resolve-library.js';
import { itemRow, itemRowOf } from './item-row.js';
import { itemTypeIn } from './section-types.js';

/** library_get_recently_added: the newest items of one library or of all of them. */
export const libraryGetRecentlyAdded = defineTool({
  name: 'library_get_recently_added',
  module: 'library',
  access: 'read',
  title: 'Recently added',
  description: 'Newest items, in one library or all.',
  input: v.object({
    library: v.optional(libraryInput),
    media_type: v.optional(v.pipe(v.picklist(MEDIA_TYPES), v.description('Only this type'))),
    ...paging,
  }),
  output: v.object({
    items: v.array(v.object({ ...itemRow.entries, library: v.optional(v.string()) })),
    ...pageFacts,
  }),
  async run(ctx, input) {
    const wantsLibrary = input.library !== undefined;
    const library = wantsLibrary ? await resolveLibrary(ctx, input) : undefined;
    // Checked against the library when there is one; across all libraries any type may match.
    const type =
      library && input.media_type !== undefined
        ? itemTypeIn(library, input.media_type)
        : input.media_type;
    const page = await ctx.plex.libraries.recentlyAdded({
      offset: input.offset,
      limit: input.limit,
      ...(library ? { sectionId: library.id } : {}),
      ...(type !== undefined ? { type } : {}),
      signal: ctx.signal,
    });
    return {
      items: page.items.map((item) => ({
        ...itemRowOf(item),
        library: item.librarySectionTitle ?? library?.title,
      })),
      ...pageOf(page.totalSize, input.offset, input.limit, page.items.length),
    };
  },
});
