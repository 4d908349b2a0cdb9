import type { LibraryFilters } from '@plexmcp/plex-client';
import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { libraryInput, MEDIA_TYPES, paging } from '../../shared/inputs.js';
import { pageFacts, pageOf } from '../../shared/outputs.js';
import { resolveLibrary } from '../../shared/resolve-library.js';
import { itemRow, itemRowOf } from './item-row.js';
import { itemTypeIn } from './section-types.js';

/** Sort keys of the public contract → Plex sort fields. */
const SORT_FIELDS = {
  title: 'titleSort',
  year: 'year',
  added_at: 'addedAt',
  rating: 'rating',
  last_viewed_at: 'lastViewedAt',
} as const;

/**
 * A sort key, `:desc` reversing it. A pattern rather than an enum of all ten spellings: the
 * model reads five keys instead of ten, and a wrong one is still refused naming them.
 */
const SORT = new RegExp(`^(${Object.keys(SORT_FIELDS).join('|')})(:desc)?$`);

const text = (description: string) =>
  v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description(description)));

/** `title:desc` → `titleSort:desc`; a sort without `:desc` is ascending. */
function plexSort(sort: string): string {
  const [key = '', direction] = sort.split(':');
  const field = SORT_FIELDS[key as keyof typeof SORT_FIELDS];
  return direction === 'desc' ? `${field}:desc` : field;
}

/** library_get_contents: one page of a library's items, filtered and sorted by Plex. */
export const libraryGetContents = defineTool({
  name: 'library_get_contents',
  module: 'library',
  access: 'read',
  title: 'Browse a library',
  description: "Browse a library's items, filtered and sorted.",
  input: v.object({
    library: libraryInput,
    media_type: v.optional(v.pipe(v.picklist(MEDIA_TYPES), v.description('Only this type'))),
    sort: v.optional(
      v.pipe(
        v.string(),
        v.regex(
          SORT,
          `Expected one of ${Object.keys(SORT_FIELDS).join(', ')}, each optionally with :desc`,
        ),
        v.description('Order; :desc reverses'),
      ),
    ),
    unwatched: v.optional(v.pipe(v.boolean(), v.description('Only unwatched (false: watched)'))),
    genre: text('Genre'),
    year: v.optional(v.pipe(v.number(), v.integer(), v.description('Year'))),
    decade: v.optional(
      v.pipe(
        v.number(),
        v.integer(),
        v.multipleOf(10, 'decade is its first year, e.g. 1990'),
        v.description('Decade, e.g. 1990'),
      ),
    ),
    content_rating: text('e.g. PG-13'),
    director: text('Name'),
    actor: text('Name'),
    studio: text('Part of the name'),
    resolution: v.optional(
      v.pipe(v.picklist(['4k', '1080', '720', '480', 'sd']), v.description('Resolution')),
    ),
    ...paging,
  }),
  output: v.object({
    library: v.string(),
    items: v.array(itemRow),
    ...pageFacts,
  }),
  async run(ctx, input) {
    const library = await resolveLibrary(ctx, input);
    const type = itemTypeIn(library, input.media_type);
    const filters: LibraryFilters = {};
    if (input.unwatched !== undefined) filters.unwatched = input.unwatched;
    if (input.genre !== undefined) {
      // Genre lists are short: resolve the name to its id as Plex clients do, and say which
      // genres exist when it is not one of them.
      const genres = await ctx.plex.libraries.tags(library.id, 'genre', {
        type,
        limit: 1000,
        signal: ctx.signal,
      });
      const wanted = input.genre.toLowerCase();
      const genre = genres.items.find((choice) => choice.title.toLowerCase() === wanted);
      if (!genre) {
        const names = genres.items.map((choice) => choice.title);
        throw new ToolError(
          'NOT_FOUND',
          `No genre "${input.genre}" in ${library.title}. Genres: ${names.join(', ') || 'none'}.`,
          { genres: names },
        );
      }
      filters.genre = genre.key;
    }
    if (input.year !== undefined) filters.year = input.year;
    if (input.decade !== undefined) filters.decade = input.decade;
    if (input.content_rating !== undefined) filters.contentRating = input.content_rating;
    if (input.director !== undefined) filters.director = input.director;
    if (input.actor !== undefined) filters.actor = input.actor;
    if (input.studio !== undefined) filters.studio = input.studio;
    if (input.resolution !== undefined) filters.resolution = input.resolution;
    const page = await ctx.plex.libraries.items(library.id, {
      type,
      filters,
      offset: input.offset,
      limit: input.limit,
      ...(input.sort !== undefined ? { sort: plexSort(input.sort) } : {}),
      signal: ctx.signal,
    });
    return {
      library: library.title,
      items: page.items.map(itemRowOf),
      ...pageOf(page.totalSize, input.offset, input.limit, page.items.length),
    };
  },
});
