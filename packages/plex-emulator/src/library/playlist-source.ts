import { HttpError } from '../http/context.js';
import type { EmulatorState } from '../state/store.js';
import type { ItemRecord } from '../state/types.js';
import { leavesOfContent, readContentUri } from './content.js';
import { listTypeOf, type PlaylistType } from './playlist-ops.js';

/** Where a dumb playlist's new items come from: a content `uri`, or a play queue saved as one. */
export interface PlaylistSource {
  uri?: string | null | undefined;
  playQueueId?: string | null | undefined;
  /** Whose sections and playlists `uri` may name. */
  accountId: number;
}

/**
 * The leaves a source names, in order: a uri's playable leaves (a show becomes its episodes),
 * else the play queue's items. 400 without either or for an unknown play queue.
 */
export function playlistSourceItems(state: EmulatorState, source: PlaylistSource): ItemRecord[] {
  if (source.uri) {
    return leavesOfContent(state, readContentUri(state, source.uri), source.accountId);
  }
  if (source.playQueueId) {
    const queue = state.playQueues.get(Number(source.playQueueId));
    if (!queue) throw new HttpError(400, `no play queue ${source.playQueueId}`);
    return queue.items.flatMap((entry) => state.items.get(entry.ratingKey) ?? []);
  }
  throw new HttpError(400, 'missing uri');
}

/** PMS refuses (400) to mix media types in a playlist, e.g. a film in an audio playlist. */
export function requirePlaylistType(items: ItemRecord[], type: PlaylistType): ItemRecord[] {
  const stranger = items.find((item) => listTypeOf(item) !== type);
  if (stranger) throw new HttpError(400, `${stranger.type} ${stranger.ratingKey} is not ${type}`);
  return items;
}
