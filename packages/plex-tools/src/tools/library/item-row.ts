import type { MetadataItem } from '@plexmcp/plex-client';
import * as v from 'valibot';
import { isoTime } from '../../shared/outputs.js';

/** An item in a library list: the summary plus what browsing and sorting are about. */
export const itemRow = v.object({
  id: v.string(),
  title: v.string(),
  type: v.string(),
  year: v.optional(v.number()),
  /** The show or artist (episodes, seasons, albums, tracks). */
  parent: v.optional(v.string()),
  watched: v.boolean(),
  rating: v.optional(v.number()),
  added_at: v.optional(v.string()),
  last_viewed_at: v.optional(v.string()),
});

/** A library list row for an item. */
export function itemRowOf(item: MetadataItem): v.InferInput<typeof itemRow> {
  // Parents are watched when every playable descendant is; leaves when played at least once.
  const watched =
    item.leafCount !== undefined
      ? item.leafCount > 0 && item.viewedLeafCount === item.leafCount
      : (item.viewCount ?? 0) > 0;
  return {
    id: item.ratingKey,
    title: item.title,
    type: item.type,
    year: item.year,
    parent: item.grandparentTitle ?? item.parentTitle,
    watched,
    rating: item.rating,
    added_at: isoTime(item.addedAt),
    last_viewed_at: isoTime(item.lastViewedAt),
  };
}
