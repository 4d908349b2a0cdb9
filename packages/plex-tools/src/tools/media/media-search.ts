import type { Hub } from '@plexmcp/plex-client';
import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { libraryInput, paging } from '../../shared/inputs.js';
import { resolveLibrary } from '../../shared/resolve-library.js';
import { type MediaSummary, mediaSummary, summarize } from './shared.js';

/** What `content_type` can narrow a search to. */
const CONTENT_TYPES = [
  'movie',
  'show',
  'season',
  'episode',
  'artist',
  'album',
  'track',
  'collection',
  'person',
] as const;

/** Search hubs that hold people. */
const PEOPLE_HUBS = ['actor', 'director'];

/** A search result: an item, or a person (actor, director) with how many items they are in. */
type Result = MediaSummary & { credit?: string; item_count?: number };

/** The hub's entries, items and people alike, as result lines in the hub's (best-first) order. */
function resultsOf(hub: Hub): Result[] {
  const items: Result[] = hub.items.map(summarize);
  const people = hub.directories.flatMap((person): Result[] => {
    const name = person.tag ?? person.title;
    if (name === undefined) return [];
    const result: Result = { id: String(person.id ?? name), title: name, type: 'person' };
    result.credit = hub.type;
    if (person.librarySectionTitle !== undefined) result.library = person.librarySectionTitle;
    if (person.count !== undefined) result.item_count = person.count;
    return [result];
  });
  return [...items, ...people];
}

/** What to try when a search finds nothing: only the narrowing the caller actually used. */
function emptyHint(input: {
  query: string;
  content_type?: string | undefined;
  library?: string | undefined;
}) {
  const narrowed = [
    input.library === undefined ? undefined : 'library',
    input.content_type === undefined ? undefined : 'content_type',
  ].filter((name) => name !== undefined);
  const tries =
    narrowed.length > 0
      ? `a shorter query, another spelling, or drop ${narrowed.join('/')}`
      : 'a shorter query or another spelling';
  return `Nothing matches ${JSON.stringify(input.query)}. Try ${tries}.`;
}

/** media_search: one ranked list of matching items (and people) across the libraries. */
export const mediaSearch = defineTool({
  name: 'media_search',
  module: 'media',
  access: 'read',
  title: 'Search media',
  description: 'Search titles, people and tags; finds ids.',
  input: v.object({
    query: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Text')),
    content_type: v.optional(v.pipe(v.picklist(CONTENT_TYPES), v.description('Only this type'))),
    library: v.optional(libraryInput),
    limit: paging.limit,
  }),
  output: v.object({
    results: v.array(
      v.object({
        ...mediaSummary.entries,
        credit: v.optional(v.string()),
        item_count: v.optional(v.number()),
      }),
    ),
    has_more: v.boolean(),
    hint: v.optional(v.string()),
  }),
  async run(ctx, input) {
    const section = input.library ? await resolveLibrary(ctx, input) : undefined;
    const wanted = input.content_type;
    const hubs = await ctx.plex.search.hubs(input.query, {
      limit: input.limit,
      ...(section ? { sectionId: section.id } : {}),
      ...(wanted ? { types: wanted === 'person' ? PEOPLE_HUBS : [wanted] } : {}),
      signal: ctx.signal,
    });
    // Plex sends hubs best match first and each hub's entries best first; items carry no score
    // of their own, so that order is the ranking.
    const all = hubs
      .flatMap(resultsOf)
      .filter((result) =>
        wanted === undefined
          ? true
          : wanted === 'person'
            ? result.type === 'person'
            : result.type === wanted,
      );
    const results = all.slice(0, input.limit);
    const has_more = all.length > results.length || hubs.some((hub) => hub.more);
    if (results.length > 0 || has_more) return { results, has_more };
    return { results, has_more, hint: emptyHint(input) };
  },
});
