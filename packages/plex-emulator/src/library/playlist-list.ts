import type { EmulatorState } from '../state/store.js';
import type { PlaylistRecord } from '../state/types.js';
import { type SortKeys, sortByQuery } from './list-order.js';
import { type PlaylistType, playlistRows } from './playlist-ops.js';

/** What `GET /playlists` narrows by; every field is optional. */
export interface PlaylistFilter {
  types?: readonly PlaylistType[] | undefined;
  smart?: boolean | undefined;
  /** Only playlists holding an item of this section. */
  sectionId?: number | undefined;
  /** A case-insensitive title substring. */
  title?: string | undefined;
  /** The `sort=field[:desc]` parameter; titles by default. */
  sort?: string | null | undefined;
}

const SORTS: SortKeys<PlaylistRecord> = {
  lastViewedAt: (p) => p.lastViewedAt ?? 0,
  viewCount: (p) => p.viewCount ?? 0,
};

/** An account's playlists (PMS keeps them per user) that pass the filter, sorted. */
export function findPlaylists(
  state: EmulatorState,
  accountId: number,
  filter: PlaylistFilter,
): PlaylistRecord[] {
  const { types, smart, sectionId } = filter;
  const title = filter.title?.toLowerCase();
  let list = [...state.playlists.values()].filter((p) => p.accountId === accountId);
  if (types && types.length > 0) list = list.filter((p) => types.includes(p.playlistType));
  if (smart !== undefined) list = list.filter((p) => p.smart === smart);
  if (title) list = list.filter((p) => p.title.toLowerCase().includes(title));
  if (sectionId !== undefined) {
    list = list.filter((p) =>
      playlistRows(state, p).some((row) => row.item.sectionId === sectionId),
    );
  }
  return sortByQuery(list, filter.sort ?? null, SORTS);
}
