import type { MetadataItem } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../context.js';
import { ToolError } from '../errors.js';
import { boundedArray } from './bounded-array.js';
import { candidateList } from './listing.js';
import { type Candidate, candidateText, resolveMedia } from './resolve-media.js';

/**
 * Several items as one input, ids or exact titles mixed (playlist and collection writes); a
 * number-like entry is tried as an id first, then as a title.
 */
export const itemList = {
  items: v.pipe(
    boundedArray(v.pipe(v.string(), v.trim(), v.nonEmpty())),
    v.minLength(1),
    v.description('Item ids or exact titles'),
  ),
};

/** How a tool names several items: its `items` input. */
export interface ItemListRef {
  items: string[];
}

/** The items found, in the order given (once each), and what was not found. */
export interface ResolvedItems {
  items: MetadataItem[];
  notFound: string[];
  /** How each found item was asked for (its id or title), by ratingKey. */
  askedAs: Map<string, string>;
}

/**
 * Looks up each entry in the order given with `resolveMedia`: as an id when it is number-like
 * and an item has it, else strictly as a title (one exact match, optionally within
 * `libraryName`). What matches nothing is collected; an ambiguous title is an AMBIGUOUS error
 * listing its candidates, never a silent pick.
 */
export async function resolveItemList(
  ctx: ToolContext,
  ref: ItemListRef,
  libraryName?: string,
): Promise<ResolvedItems> {
  const items: MetadataItem[] = [];
  const notFound: string[] = [];
  const askedAs = new Map<string, string>();
  const keep = (item: MetadataItem, asked: string) => {
    if (askedAs.has(item.ratingKey)) return;
    askedAs.set(item.ratingKey, asked);
    items.push(item);
  };
  for (const asked of ref.items) {
    try {
      keep(
        await resolveMedia(ctx, {
          media: asked,
          ...(libraryName === undefined ? {} : { library: libraryName }),
        }),
        asked,
      );
    } catch (error) {
      if (error instanceof ToolError && error.code === 'AMBIGUOUS') {
        const candidates = (error.details?.candidates as Candidate[] | undefined) ?? [];
        const listed =
          candidates.length > 0 ? `: ${candidateList(candidates.map(candidateText))}` : '';
        throw new ToolError(
          'AMBIGUOUS',
          `${candidates.length || 'Several'} items match "${asked}"${listed}. Give its id in items instead.`,
          error.details,
        );
      }
      if (!(error instanceof ToolError && error.code === 'NOT_FOUND')) throw error;
      notFound.push(asked);
    }
  }
  return { items, notFound, askedAs };
}
