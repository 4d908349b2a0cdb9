import type { Collection, Library } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../context.js';
import { ToolError } from '../errors.js';
import { lookUpById } from './by-id.js';
import { mapGated } from './concurrency.js';
import { ratingKey } from './inputs.js';
import { candidateLine, candidateList } from './listing.js';
import { resolveLibrary } from './resolve-library.js';

/** Collection addressing: an id, or an exact title, optionally within a library. */
export const collectionAddressing = {
  collection_id: v.optional(ratingKey('Collection id')),
  collection_title: v.optional(
    v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Exact title, if no id')),
  ),
  library_name: v.optional(
    v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Its library')),
  ),
};

/** How a tool names a collection. */
export interface CollectionRef {
  collection_id?: string | undefined;
  collection_title?: string | undefined;
  library_name?: string | undefined;
}

/** A collection with the library it is in. */
export interface ResolvedCollection {
  collection: Collection;
  libraryId: string;
  libraryTitle: string;
}

/** A collection line for AMBIGUOUS and NOT_FOUND details. */
function candidateOf(found: ResolvedCollection) {
  return {
    id: found.collection.ratingKey,
    title: found.collection.title,
    library: found.libraryTitle,
    item_count: found.collection.childCount ?? 0,
  };
}

/** Every collection of the given libraries (up to 500 each), with its library. */
export async function collectionsOf(
  ctx: ToolContext,
  libraries: readonly Library[],
): Promise<ResolvedCollection[]> {
  const pages = await mapGated(libraries, (library) =>
    ctx.plex.collections.list(library.id, { limit: 500, signal: ctx.signal }),
  );
  return pages.flatMap((page, i) =>
    page.items.map((collection) => ({
      collection,
      libraryId: String(libraries[i]!.id),
      libraryTitle: libraries[i]!.title,
    })),
  );
}

/**
 * Finds a collection by id, or by exact title (case-insensitive) in one library or all of them.
 * Several matches are AMBIGUOUS with candidates; none is NOT_FOUND naming the collections there are.
 */
export async function resolveCollection(
  ctx: ToolContext,
  ref: CollectionRef,
): Promise<ResolvedCollection> {
  if (ref.collection_id !== undefined) {
    const id = ref.collection_id;
    const collection = await lookUpById(
      () => ctx.plex.collections.get(id, { signal: ctx.signal }),
      {
        thing: 'collection',
        field: 'collection_id',
        id,
        finder: 'collection_list',
      },
    );
    if (collection.type !== 'collection') {
      throw new ToolError(
        'NOT_FOUND',
        `${ref.collection_id} is a ${collection.type} ("${collection.title}"), not a collection. Use collection_list.`,
      );
    }
    return {
      collection,
      libraryId: String(collection.librarySectionID ?? ''),
      libraryTitle: collection.librarySectionTitle ?? '',
    };
  }
  const title = ref.collection_title;
  if (title === undefined)
    throw new ToolError('INVALID_INPUT', 'Give collection_id, or collection_title.');
  const libraries =
    ref.library_name === undefined
      ? await ctx.plex.libraries.list({ signal: ctx.signal })
      : [await resolveLibrary(ctx, { library_name: ref.library_name })];
  const all = await collectionsOf(ctx, libraries);
  const matches = all.filter((c) => c.collection.title.toLowerCase() === title.toLowerCase());
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new ToolError(
      'AMBIGUOUS',
      `${matches.length} collections are titled "${title}": ${candidateList(
        matches.map((c) =>
          candidateLine(c.collection.ratingKey, c.collection.title, [
            c.libraryTitle,
            `${c.collection.childCount ?? 0} items`,
          ]),
        ),
      )}. Call again with collection_id (or narrow with library_name).`,
      { candidates: matches.map(candidateOf) },
    );
  }
  const shown = all.slice(0, 20);
  const names = shown.map((c) => `"${c.collection.title}" (id ${c.collection.ratingKey})`);
  throw new ToolError(
    'NOT_FOUND',
    `No collection titled "${title}"${ref.library_name === undefined ? '' : ` in ${libraries[0]?.title}`}. Collections: ${names.join(', ') || 'none'}${all.length > shown.length ? ', …' : ''}.`,
    { collections: shown.map(candidateOf) },
  );
}
