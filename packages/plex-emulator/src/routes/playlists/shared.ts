import { HttpError, type RequestContext, requireAccount } from '../../http/context.js';
import { container, type Fields } from '../../http/responses.js';
import { renderPlaylist } from '../../render/playlist.js';
import type { PlaylistRecord } from '../../state/types.js';

/**
 * The caller's playlist named by the `{id}` path parameter. PMS keeps playlists per user, so
 * another user's playlist is as unknown as a missing one: 404.
 */
export function ownPlaylist(ctx: RequestContext): PlaylistRecord {
  const account = requireAccount(ctx);
  const playlist = ctx.state.playlists.get(ctx.params.id ?? '');
  if (!playlist || playlist.accountId !== account.id) {
    throw new HttpError(404, `no playlist ${ctx.params.id}`);
  }
  return playlist;
}

/** Dumb-playlist-only operations answer 400 on smart playlists, as PMS does. */
export function requireDumb(playlist: PlaylistRecord): void {
  if (playlist.smart) throw new HttpError(400, 'not allowed on a smart playlist');
}

/** The one-playlist MediaContainer PMS answers to playlist reads and writes. */
export function playlistResponse(
  ctx: RequestContext,
  playlist: PlaylistRecord,
  fields: Fields = {},
): Response {
  return container(
    { size: 1, ...fields, Metadata: [renderPlaylist(ctx.state, playlist)] },
    'Metadata',
  );
}
