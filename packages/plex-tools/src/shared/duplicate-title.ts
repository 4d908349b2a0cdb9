import * as v from 'valibot';
import type { ToolContext } from '../context.js';
import { ToolError } from '../errors.js';

/** The opt-in that lets a create take a title already in use. */
export const allowDuplicate = {
  allow_duplicate: v.optional(v.pipe(v.boolean(), v.description('Allow a taken title')), false),
};

/** A playlist or collection that already has the title asked for. */
export interface TitleHolder {
  id: string;
  title: string;
  item_count: number;
}

/** Titles compare as people read them: trimmed, case-insensitive. */
function sameTitle(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The signed-in account's playlists titled `title`, other than `exceptId`. */
export async function playlistsTitled(
  ctx: ToolContext,
  title: string,
  exceptId?: string,
): Promise<TitleHolder[]> {
  // Plex's title filter is a substring match: it narrows, the exact comparison decides.
  const near = await ctx.plex.playlists.list({
    title: title.trim(),
    limit: 500,
    signal: ctx.signal,
  });
  return near.items
    .filter((p) => p.ratingKey !== exceptId && sameTitle(p.title, title))
    .map((p) => ({ id: p.ratingKey, title: p.title, item_count: p.leafCount }));
}

/** The collections of library section `sectionId` titled `title`, other than `exceptId`. */
export async function collectionsTitled(
  ctx: ToolContext,
  sectionId: string | number,
  title: string,
  exceptId?: string,
): Promise<TitleHolder[]> {
  const page = await ctx.plex.collections.list(sectionId, { limit: 500, signal: ctx.signal });
  return page.items
    .filter((c) => c.ratingKey !== exceptId && sameTitle(c.title, title))
    .map((c) => ({ id: c.ratingKey, title: c.title, item_count: c.childCount ?? 0 }));
}

/**
 * Refuses to create a second holder of a title `holders` already carry, unless the caller allowed
 * a duplicate: two playlists (or collections of one library) with one title make every later
 * title lookup AMBIGUOUS. `where` (" in Movies") places the ones there are.
 */
export function refuseDuplicateTitle(
  holders: readonly TitleHolder[],
  allowed: boolean,
  how: { thing: 'playlist' | 'collection'; title: string; where?: string },
): void {
  if (allowed || holders.length === 0) return;
  const listed = holders.map((h) => `id ${h.id}, ${h.item_count} items`).join('; ');
  const exists =
    holders.length === 1
      ? `A ${how.thing} titled "${how.title}" already exists${how.where ?? ''} (${listed})`
      : `${holders.length} ${how.thing}s titled "${how.title}" already exist${how.where ?? ''} (${listed})`;
  throw new ToolError(
    'CONFIRMATION_REQUIRED',
    `${exists}. Give another title, or call again with allow_duplicate: true to create ${holders.length === 1 ? 'a second' : 'another'} one.`,
    { existing: holders.map((h) => ({ id: h.id, title: h.title, item_count: h.item_count })) },
  );
}
