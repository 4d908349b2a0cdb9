import { notifyTimeline } from '../services/events.js';
import type { Services } from '../services/services.js';
import type { EmulatorState } from '../state/store.js';
import { type PlaylistRecord, TYPE_NUMBER } from '../state/types.js';

/*
 * Playlist writes that arrive the way metadata edits do (title, summary, sort title, poster),
 * and the notification PMS sends for any playlist change.
 */

/**
 * Applies a metadata-style edit. Accepts both forms python-plexapi has sent over the years:
 * `title=`/`summary=` (old `edit()`) and `title.value=`/`summary.value=`/`titleSort.value=`
 * (`editTitle()`, `editSummary()`, `editSortTitle()`). Returns true when something changed.
 */
export function applyPlaylistEdit(
  state: EmulatorState,
  playlist: PlaylistRecord,
  query: URLSearchParams,
  now: number,
): boolean {
  const pick = (field: string) => query.get(`${field}.value`) ?? query.get(field);
  const title = pick('title');
  const summary = pick('summary');
  const titleSort = pick('titleSort');
  let changed = false;
  if (title !== null && title !== '' && title !== playlist.title) {
    playlist.title = title;
    changed = true;
  }
  if (summary !== null && summary !== playlist.summary) {
    playlist.summary = summary;
    changed = true;
  }
  if (titleSort !== null) {
    if (titleSort === '') delete playlist.titleSort;
    else playlist.titleSort = titleSort;
    changed = true;
  }
  if (changed) state.touch(playlist, now);
  return changed;
}

/**
 * Sets a playlist's poster (what `POST /library/metadata/{playlistId}/posters?url=` does for a
 * playlist). `color` is the colour the emulator paints the poster with. Returns the playlist,
 * or undefined when there is none with that id.
 */
export function setPlaylistPoster(
  state: EmulatorState,
  playlistId: string,
  color: string,
  now: number,
): PlaylistRecord | undefined {
  const playlist = state.playlists.get(playlistId);
  if (!playlist) return undefined;
  playlist.thumbColor = color;
  state.touch(playlist, now);
  return playlist;
}

/** Publishes the `timeline` notification PMS sends when a playlist changes. */
export function notifyPlaylistChanged(
  services: Services,
  playlist: PlaylistRecord,
  change: 'created' | 'done' | 'deleted',
): void {
  notifyTimeline(
    services,
    {
      sectionID: '-1',
      itemID: playlist.ratingKey,
      type: TYPE_NUMBER.playlist,
      title: playlist.title,
    },
    change,
  );
}
