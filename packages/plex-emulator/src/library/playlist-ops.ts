import type { EmulatorState } from '../state/store.js';
import type { ItemRecord, PlaylistRecord } from '../state/types.js';
import { stableUuid } from './guid.js';
import { type MoveResult, moveAfter } from './move-after.js';
import { evaluateSectionQuery } from './section-query.js';
import { parseContentUri } from './uri.js';

/** Plex's playlist kinds. */
export type PlaylistType = PlaylistRecord['playlistType'];

/** The playlist type an item can go into (python-plexapi's `listType`). */
export function listTypeOf(item: ItemRecord): PlaylistType | undefined {
  switch (item.type) {
    case 'movie':
    case 'show':
    case 'season':
    case 'episode':
      return 'video';
    case 'artist':
    case 'album':
    case 'track':
      return 'audio';
    case 'photo':
      return 'photo';
    default:
      return undefined;
  }
}

/** True for the three playlist types PMS knows. */
export function isPlaylistType(value: string | null): value is PlaylistType {
  return value === 'video' || value === 'audio' || value === 'photo';
}

/** What it takes to create a playlist. */
export interface NewPlaylist {
  title: string;
  playlistType: PlaylistType;
  accountId: number;
  summary?: string;
  /** Smart playlists carry a filter instead of entries. */
  smartContent?: string;
  items?: readonly ItemRecord[];
}

/** Creates a playlist owned by `accountId`, numbered from the shared ratingKey space. */
export function createPlaylist(
  state: EmulatorState,
  input: NewPlaylist,
  now: number,
): PlaylistRecord {
  const ratingKey = state.nextRatingKey();
  const playlist: PlaylistRecord = {
    ratingKey,
    guid: `com.plexapp.agents.none://${stableUuid(`${state.server.machineIdentifier}:playlist:${ratingKey}`)}`,
    title: input.title,
    summary: input.summary ?? '',
    playlistType: input.playlistType,
    smart: input.smartContent !== undefined,
    ...(input.smartContent === undefined ? {} : { content: input.smartContent }),
    accountId: input.accountId,
    addedAt: now,
    updatedAt: now,
    entries: [],
  };
  state.playlists.set(ratingKey, playlist);
  appendToPlaylist(state, playlist, input.items ?? [], now);
  state.revision++;
  return playlist;
}

/**
 * Appends the items of the playlist's type to a dumb playlist (PMS allows repeats) and returns
 * how many went in; items of another type are skipped, as PMS counts them requested but not added.
 */
export function appendToPlaylist(
  state: EmulatorState,
  playlist: PlaylistRecord,
  items: readonly ItemRecord[],
  now: number,
): number {
  let added = 0;
  for (const item of items) {
    if (listTypeOf(item) !== playlist.playlistType) continue;
    playlist.entries.push({
      playlistItemId: state.nextId('playlistItem'),
      ratingKey: item.ratingKey,
    });
    added++;
  }
  if (added > 0) state.touch(playlist, now);
  return added;
}

/** One row of a playlist: the item and, for dumb playlists, its `playlistItemID`. */
export interface PlaylistRow {
  item: ItemRecord;
  playlistItemId?: number;
}

/** The playlist's items in order; smart playlists are evaluated from their filter on each read. */
export function playlistRows(state: EmulatorState, playlist: PlaylistRecord): PlaylistRow[] {
  if (playlist.smart) return smartItems(state, playlist).map((item) => ({ item }));
  const rows: PlaylistRow[] = [];
  for (const entry of playlist.entries) {
    const item = state.items.get(entry.ratingKey);
    if (item) rows.push({ item, playlistItemId: entry.playlistItemId });
  }
  return rows;
}

function smartItems(state: EmulatorState, playlist: PlaylistRecord): ItemRecord[] {
  const content = playlist.content;
  const parsed = content ? parseContentUri(content) : undefined;
  if (parsed?.path.kind !== 'section') return [];
  return evaluateSectionQuery(state, parsed.path.sectionId, parsed.path.query).filter(
    (item) => listTypeOf(item) === playlist.playlistType,
  );
}

/** Removes one entry by its `playlistItemID`; false when the playlist has no such entry. */
export function removePlaylistEntry(
  state: EmulatorState,
  playlist: PlaylistRecord,
  playlistItemId: number,
  now: number,
): boolean {
  const at = playlist.entries.findIndex((entry) => entry.playlistItemId === playlistItemId);
  if (at < 0) return false;
  playlist.entries.splice(at, 1);
  state.touch(playlist, now);
  return true;
}

/**
 * Moves an entry after another (or to the front without `afterId`). Returns which id was not
 * found, if any, so the route can answer the right status.
 */
export function movePlaylistEntry(
  state: EmulatorState,
  playlist: PlaylistRecord,
  playlistItemId: number,
  afterId: number | undefined,
  now: number,
): MoveResult {
  const result = moveAfter(playlist.entries, (e) => e.playlistItemId, playlistItemId, afterId);
  if (result === 'ok') state.touch(playlist, now);
  return result;
}

/** Empties a dumb playlist. */
export function clearPlaylist(state: EmulatorState, playlist: PlaylistRecord, now: number): void {
  playlist.entries = [];
  state.touch(playlist, now);
}

/** Deletes a playlist; false when there was none. */
export function deletePlaylist(state: EmulatorState, playlistId: string): boolean {
  const deleted = state.playlists.delete(playlistId);
  if (deleted) state.revision++;
  return deleted;
}

/** Replaces a smart playlist's filter (its `content`). */
export function setPlaylistFilter(
  state: EmulatorState,
  playlist: PlaylistRecord,
  content: string,
  now: number,
): void {
  playlist.content = content;
  state.touch(playlist, now);
}
