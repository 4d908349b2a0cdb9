import { HttpError } from '../http/context.js';
import type { EmulatorState } from '../state/store.js';
import type { ItemRecord } from '../state/types.js';
import { leavesOfContent, readContentUri } from './content.js';
import { playlistRows } from './playlist-ops.js';
import { LIBRARY_PROVIDER } from './uri.js';

/** Where play queue items come from: a content `uri` or one of the account's playlists. */
export interface PlayQueueSource {
  /** Content URI (`server://…/library/metadata/1001`, `library://…`). */
  uri?: string | undefined;
  playlistId?: string | undefined;
  /** Whose playlists `playlistId` may name, whose sections `uri` sees. */
  accountId: number;
}

/**
 * The playable leaves a source names (a show becomes its episodes, in order) and the URI PMS
 * reports as the queue's source; a playlist wins over a uri. 400 without a source or for a
 * playlist that is not the account's.
 */
export function playQueueSource(
  state: EmulatorState,
  source: PlayQueueSource,
): { items: ItemRecord[]; sourceUri: string } {
  if (source.playlistId) {
    const playlist = state.playlists.get(source.playlistId);
    if (!playlist || playlist.accountId !== source.accountId) {
      throw new HttpError(400, `no playlist ${source.playlistId}`);
    }
    return {
      items: playlistRows(state, playlist).map((row) => row.item),
      sourceUri:
        source.uri ??
        `server://${state.server.machineIdentifier}/${LIBRARY_PROVIDER}/playlists/${playlist.ratingKey}`,
    };
  }
  if (!source.uri) throw new HttpError(400, 'a play queue needs a uri or a playlistID');
  const path = readContentUri(state, source.uri);
  return { items: leavesOfContent(state, path, source.accountId), sourceUri: source.uri };
}
