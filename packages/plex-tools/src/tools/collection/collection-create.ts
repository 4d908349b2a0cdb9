import type { CollectionItemType } from '@plexmcp/plex-client';
import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import {
  allowDuplicate,
  collectionsTitled,
  refuseDuplicateTitle,
} from '../../shared/duplicate-title.js';
import { libraryInput } from '../../shared/inputs.js';
import { itemList, resolveItemList } from '../../shared/resolve-item-list.js';
import { resolveLibrary } from '../../shared/resolve-library.js';
import { collectionSummary, summarizeCollection } from './shared.js';

const MEMBER_TYPES = new Set([
  'movie',
  'show',
  'season',
  'episode',
  'artist',
  'album',
  'track',
  'photo',
]);

/** collection_create: a new collection of items from one library. */
export const collectionCreate = defineTool({
  name: 'collection_create',
  module: 'collection',
  access: 'write',
  title: 'Create collection',
  description: 'Create a collection.',
  input: v.object({
    title: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Title')),
    library: libraryInput,
    ...itemList,
    summary: v.optional(v.pipe(v.string(), v.description('Summary'))),
    ...allowDuplicate,
  }),
  output: v.object({ collection: collectionSummary }),
  async run(ctx, input) {
    const library = await resolveLibrary(ctx, input);
    refuseDuplicateTitle(
      await collectionsTitled(ctx, library.id, input.title),
      input.allow_duplicate,
      {
        thing: 'collection',
        title: input.title,
        where: ` in ${library.title}`,
      },
    );
    const { items, notFound } = await resolveItemList(ctx, input, library.title);
    if (notFound.length > 0) {
      throw new ToolError(
        'NOT_FOUND',
        `Not found in ${library.title}: ${notFound.map((x) => `"${x}"`).join(', ')}. Check with media_search, then call again.`,
        { not_found: notFound },
      );
    }
    const elsewhere = items.filter((item) => item.librarySectionID !== library.id);
    if (elsewhere.length > 0) {
      throw new ToolError(
        'INVALID_INPUT',
        `A collection holds items of its own library; not in ${library.title}: ${elsewhere.map((i) => `"${i.title}" (id ${i.ratingKey})`).join(', ')}.`,
      );
    }
    const types = new Set(items.map((item) => item.type));
    const [type] = types;
    if (types.size !== 1 || type === undefined || !MEMBER_TYPES.has(type)) {
      throw new ToolError(
        'INVALID_INPUT',
        `A collection holds one type of item; these are ${[...types].join(', ')}.`,
      );
    }
    const collection = await ctx.plex.collections.create(
      {
        sectionId: library.id,
        title: input.title,
        type: type as CollectionItemType,
        ratingKeys: items.map((item) => item.ratingKey),
        ...(input.summary === undefined ? {} : { summary: input.summary }),
      },
      { signal: ctx.signal },
    );
    return { collection: summarizeCollection(collection, library.title) };
  },
});
