import { type Fields, omitEmpty } from '../http/responses.js';
import { playlistRows } from '../library/playlist-ops.js';
import type { EmulatorState } from '../state/store.js';
import type { PlaylistRecord } from '../state/types.js';

/** Renders a playlist as PMS's `Metadata` element of type `playlist`. */
export function renderPlaylist(state: EmulatorState, playlist: PlaylistRecord): Fields {
  const rows = playlistRows(state, playlist);
  const duration = rows.reduce((sum, row) => sum + (row.item.duration ?? 0), 0);
  const id = playlist.ratingKey;
  return omitEmpty({
    ratingKey: id,
    key: `/playlists/${id}/items`,
    guid: playlist.guid,
    type: 'playlist',
    title: playlist.title,
    titleSort: playlist.titleSort,
    summary: playlist.summary,
    smart: playlist.smart,
    playlistType: playlist.playlistType,
    composite: `/playlists/${id}/composite/${playlist.updatedAt}`,
    content: playlist.smart ? playlist.content : undefined,
    icon: playlist.smart ? 'playlist://image.smart' : undefined,
    thumb: playlist.thumbColor ? `/library/metadata/${id}/thumb/${playlist.updatedAt}` : undefined,
    viewCount: playlist.viewCount,
    lastViewedAt: playlist.lastViewedAt,
    duration,
    leafCount: rows.length,
    addedAt: playlist.addedAt,
    updatedAt: playlist.updatedAt,
  });
}

/**
 * The attributes PMS hoists onto the container of `/playlists/{id}/items`: the playlist's own,
 * except that `duration` is in seconds there (recorded from real servers).
 */
export function playlistItemsContainerFields(
  state: EmulatorState,
  playlist: PlaylistRecord,
): Fields {
  const rendered = renderPlaylist(state, playlist);
  return { ...rendered, duration: Math.round(Number(rendered.duration ?? 0) / 1000) };
}
