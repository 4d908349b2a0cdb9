import { isPlexError, type MetadataItem } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../context.js';
import { ToolError } from '../errors.js';
import { boundedArray } from './bounded-array.js';
import { candidateList } from './listing.js';
import { type Candidate, candidateText, resolveMedia } from './resolve-media.js';

const itemId = v.pipe(
  v.union([
    v.pipe(v.string(), v.trim(), v.nonEmpty()),
    v.pipe(v.number(), v.integer(), v.minValue(1)),
  ]),
  v.transform(String),
);

/** Several items by id or by exact title (playlist and collection writes). */
export const itemList = {
  item_ids: v.optional(v.pipe(boundedArray(itemId), v.minLength(1), v.description('Item ids'))),
  item_titles: v.optional(
    v.pipe(
      boundedArray(v.pipe(v.string(), v.trim(), v.nonEmpty())),
      v.minLength(1),
      v.description('Exact titles, if no ids'),
    ),
  ),
};

/** How a tool names several items. */
export interface ItemListRef {
  item_ids?: string[] | undefined;
  item_titles?: string[] | undefined;
}

/** The items found, in the order given (once each), and what was not found. */
export interface ResolvedItems {
  items: MetadataItem[];
  notFound: string[];
  /** How each found item was asked for (its id or title), by ratingKey. */
  askedAs: Map<string, string>;
}

function isNotFound(error: unknown): boolean {
  return (
    (error instanceof ToolError && error.code === 'NOT_FOUND') ||
    (isPlexError(error) && error.code === 'NOT_FOUND')
  );
}

/**
 * Looks up each id, and each title strictly with `resolveMedia` (one exact match, optionally
 * within `libraryName`). Unknown ids and titles are collected; an ambiguous title is an
 * AMBIGUOUS error listing its candidates, never a silent pick.
 */
export async function resolveItemList(
  ctx: ToolContext,
  ref: ItemListRef,
  libraryName?: string,
): Promise<ResolvedItems> {
  const ids = ref.item_ids ?? [];
  const titles = ref.item_titles ?? [];
  if (ids.length === 0 && titles.length === 0)
    throw new ToolError(
      'INVALID_INPUT',
      'Give item_ids, or item_titles to look items up by title.',
    );
  const items: MetadataItem[] = [];
  const notFound: string[] = [];
  const askedAs = new Map<string, string>();
  const keep = (item: MetadataItem, asked: string) => {
    if (askedAs.has(item.ratingKey)) return;
    askedAs.set(item.ratingKey, asked);
    items.push(item);
  };
  for (const id of ids) {
    try {
      keep(await ctx.plex.metadata.get(id, { signal: ctx.signal }), id);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      notFound.push(id);
    }
  }
  for (const title of titles) {
    try {
      keep(
        await resolveMedia(ctx, {
          media_title: title,
          ...(libraryName === undefined ? {} : { library_name: libraryName }),
        }),
        title,
      );
    } catch (error) {
      if (error instanceof ToolError && error.code === 'AMBIGUOUS') {
        const candidates = (error.details?.candidates as Candidate[] | undefined) ?? [];
        const listed =
          candidates.length > 0 ? `: ${candidateList(candidates.map(candidateText))}` : '';
        throw new ToolError(
          'AMBIGUOUS',
          `${candidates.length || 'Several'} items match "${title}"${listed}. Give its id in item_ids instead.`,
          error.details,
        );
      }
      if (!(error instanceof ToolError && error.code === 'NOT_FOUND')) throw error;
      notFound.push(title);
    }
  }
  return { items, notFound, askedAs };
}
