import type { PlaylistItem } from '@plexmcp/plex-client';
import { ToolError } from '../errors.js';
import { looksLikeId } from './id-or-title.js';
import { candidateLine, candidateList } from './listing.js';

/**
 * Which items of a playlist's entries the caller named, each by id (a number-like value that an
 * entry's item has) or else by exact title (case-insensitive). Matching happens among the
 * entries, not the whole server: only what is in the playlist can be removed from it. A title
 * two different items carry is AMBIGUOUS with candidates; what matches no entry is not found.
 */
export function entriesOfItems(
  entries: readonly PlaylistItem[],
  asked: readonly string[],
): { itemKeys: Set<string>; notFound: string[] } {
  const itemKeys = new Set<string>();
  const notFound: string[] = [];
  for (const wanted of asked) {
    if (looksLikeId(wanted) && entries.some((entry) => entry.ratingKey === wanted)) {
      itemKeys.add(wanted);
      continue;
    }
    const titled = entries.filter((entry) => entry.title.toLowerCase() === wanted.toLowerCase());
    const distinct = [...new Map(titled.map((entry) => [entry.ratingKey, entry])).values()];
    if (distinct.length === 0) notFound.push(wanted);
    else if (distinct.length === 1) itemKeys.add(distinct[0]!.ratingKey);
    else {
      const candidates = distinct.map((entry) => ({
        id: entry.ratingKey,
        title: entry.title,
        type: entry.type,
        ...(entry.year === undefined ? {} : { year: entry.year }),
      }));
      throw new ToolError(
        'AMBIGUOUS',
        `${distinct.length} items in the playlist are titled "${wanted}": ${candidateList(
          candidates.map((c) => candidateLine(c.id, c.title, [c.year, c.type])),
        )}. Give its id in items instead.`,
        { candidates },
      );
    }
  }
  return { itemKeys, notFound };
}
