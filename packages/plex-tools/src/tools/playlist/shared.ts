import type { Playlist, PlaylistItem } from '@plexmcp/plex-client';
import * as v from 'valibot';

/** A playlist as lists and writes show it. */
export const playlistSummary = v.object({
  id: v.string(),
  title: v.string(),
  playlist_type: v.string(),
  smart: v.boolean(),
  item_count: v.number(),
  duration_ms: v.optional(v.number()),
});

/** The compact view of a playlist. */
export function summarizePlaylist(playlist: Playlist): v.InferOutput<typeof playlistSummary> {
  return {
    id: playlist.ratingKey,
    title: playlist.title,
    playlist_type: playlist.playlistType,
    smart: playlist.smart,
    item_count: playlist.leafCount,
    ...(playlist.duration === undefined ? {} : { duration_ms: playlist.duration }),
  };
}

/** An entry of a playlist: the item, and the entry id that removes it. */
export const playlistEntry = v.object({
  id: v.string(),
  title: v.string(),
  type: v.string(),
  year: v.optional(v.number()),
  parent: v.optional(v.string()),
  playlist_item_id: v.optional(v.string()),
});

/** The compact view of a playlist entry. */
export function summarizeEntry(item: PlaylistItem): v.InferOutput<typeof playlistEntry> {
  const parent = item.grandparentTitle ?? item.parentTitle;
  return {
    id: item.ratingKey,
    title: item.title,
    type: item.type,
    ...(item.year === undefined ? {} : { year: item.year }),
    ...(parent === undefined ? {} : { parent }),
    ...(item.playlistItemID === undefined ? {} : { playlist_item_id: String(item.playlistItemID) }),
  };
}
