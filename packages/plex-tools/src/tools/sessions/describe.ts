import * as v from 'valibot';

/** An item as playback lists show it: the summary plus the show or album it belongs to. */
export const playedItem = v.object({
  id: v.string(),
  title: v.string(),
  type: v.string(),
  year: v.optional(v.number()),
  show: v.optional(v.string()),
  season: v.optional(v.number()),
  episode: v.optional(v.number()),
  artist: v.optional(v.string()),
  album: v.optional(v.string()),
  library: v.optional(v.string()),
});

/** One played item. */
export type PlayedItem = v.InferOutput<typeof playedItem>;

/** The fields of a Plex item `playedItemOf` reads. */
export interface PlayedSource {
  ratingKey?: string | undefined;
  title?: string | undefined;
  type?: string | undefined;
  year?: number | undefined;
  grandparentTitle?: string | undefined;
  parentTitle?: string | undefined;
  index?: number | undefined;
  parentIndex?: number | undefined;
  librarySectionTitle?: string | undefined;
}

/** The compact line for a played item (a deleted item keeps only what history still says). */
export function playedItemOf(item: PlayedSource): PlayedItem {
  const out: PlayedItem = {
    id: item.ratingKey ?? '',
    title: item.title ?? '(deleted item)',
    type: item.type ?? 'unknown',
  };
  if (item.year !== undefined) out.year = item.year;
  if (item.type === 'episode') {
    if (item.grandparentTitle !== undefined) out.show = item.grandparentTitle;
    if (item.parentIndex !== undefined) out.season = item.parentIndex;
    if (item.index !== undefined) out.episode = item.index;
  } else if (item.type === 'track') {
    if (item.grandparentTitle !== undefined) out.artist = item.grandparentTitle;
    if (item.parentTitle !== undefined) out.album = item.parentTitle;
  }
  if (item.librarySectionTitle !== undefined) out.library = item.librarySectionTitle;
  return out;
}
