import type { ArtworkKind, MetadataItem } from '@plexmcp/plex-client';
import * as v from 'valibot';
import { candidateOf } from '../../shared/resolve-media.js';

/** The compact line media tools list items with: what an AMBIGUOUS error lists too. */
export const mediaSummary = v.object({
  id: v.string(),
  title: v.string(),
  type: v.string(),
  year: v.optional(v.number()),
  library: v.optional(v.string()),
  parent: v.optional(v.string()),
});

/** One compact item line. */
export type MediaSummary = v.InferOutput<typeof mediaSummary>;

/** An item as a compact line (id, title, type, year, library, parent). */
export const summarize = (item: MetadataItem): MediaSummary => candidateOf(item);

/** Artwork slots as tools name them. */
export const ART_TYPES = ['poster', 'background', 'logo', 'banner'] as const;

/** An artwork slot as tools name it. */
export type ArtType = (typeof ART_TYPES)[number];

/** The client's name for each slot. */
export const ART_KIND: Record<ArtType, ArtworkKind> = {
  poster: 'poster',
  background: 'art',
  logo: 'logo',
  banner: 'banner',
};

/** The `Field` Plex locks for each slot. */
export const ART_LOCK_FIELD: Record<ArtType, string> = {
  poster: 'thumb',
  background: 'art',
  logo: 'clearLogo',
  banner: 'banner',
};

/** Whether an item counts as watched: leaves by play count, parents when every leaf was played. */
export function isWatched(item: MetadataItem): boolean {
  if (item.leafCount !== undefined)
    return item.leafCount > 0 && item.viewedLeafCount === item.leafCount;
  return (item.viewCount ?? 0) > 0;
}
