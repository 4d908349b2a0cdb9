import { type Collection, isPlexError, type Library } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../context.js';
import { ToolError } from '../errors.js';
import { notFoundById } from './by-id.js';
import { mapGated } from './concurrency.js';
import { hidden } from './hidden-input.js';
import { idOrTitle, looksLikeId } from './id-or-title.js';
import { libraryInput } from './inputs.js';
import { candidateLine, candidateList } from './listing.js';
import { resolveLibrary } from './resolve-library.js';

/**
 * Collection addressing: one input, an id or an exact title. A title in several libraries is
 * AMBIGUOUS with each one's library; the `library` narrowing callers sent before is honoured,
 * unlisted (it also spares listing every library's collections).
 */
export const collectionAddressing = {
  collection: idOrTitle('Collection id or exact title'),
  library: hidden(v.optional(libraryInput)),
};

/** How a tool names a collection: its `collection` input, and the library narrowing a title. */
export interface CollectionRef {
  collection: string;
  library?: string | undefined;
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
 * The collection with this id (with its library), or undefined when no collection has it: the
 * id may be a movie's, and the value a collection's title ("1917") all the same.
 */
async function collectionIfId(
  ctx: ToolContext,
  id: string,
): Promise<ResolvedCollection | undefined> {
  let collection: Collection;
  try {
    collection = await ctx.plex.collections.get(id, { signal: ctx.signal });
  } catch (error) {
    if (isPlexError(error) && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
  if (collection.type !== 'collection') return undefined;
  return {
    collection,
    libraryId: String(collection.librarySectionID ?? ''),
    libraryTitle: collection.librarySectionTitle ?? '',
  };
}

/**
 * Fetches a collection by an id only (deletes take no titles): an unknown id, or the id of
 * something that is not a collection, is NOT_FOUND pointing at collection_list.
 */
export async function collectionById(ctx: ToolContext, id: string): Promise<ResolvedCollection> {
  const where = { thing: 'collection', field: 'collection_id', id, finder: 'collection_list' };
  const found = await collectionIfId(ctx, id);
  if (!found) throw notFoundById(where);
  return found;
}

/**
 * Finds a collection by id (a number-like value is tried as one first), or by exact title
 * (case-insensitive) in one library or all of them. Several matches are AMBIGUOUS with candidates; none is NOT_FOUND naming the collections there are.
 */
export async function resolveCollection(
  ctx: ToolContext,
  ref: CollectionRef,
): Promise<ResolvedCollection> {
  const title = ref.collection;
  const byId = looksLikeId(title) ? await collectionIfId(ctx, title) : undefined;
  if (byId) return byId;
  const libraries =
    ref.library === undefined
      ? await ctx.plex.libraries.list({ signal: ctx.signal })
      : [await resolveLibrary(ctx, ref)];
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
      )}. Call again with its id as collection.`,
      { candidates: matches.map(candidateOf) },
    );
  }
  const shown = all.slice(0, 20);
  const names = shown.map((c) => `"${c.collection.title}" (id ${c.collection.ratingKey})`);
  throw new ToolError(
    'NOT_FOUND',
    `No collection with id or title "${title}"${ref.library === undefined ? '' : ` in ${libraries[0]?.title}`}; find them with collection_list. Collections: ${names.join(', ') || 'none'}${all.length > shown.length ? ', …' : ''}.`,
    { collections: shown.map(candidateOf) },
  );
}
