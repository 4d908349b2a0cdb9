import { HttpError, type RequestContext, requireAccount } from '../../http/context.js';
import { emptyOk, type Fields, listContainer } from '../../http/responses.js';
import {
  applyPlaylistEdit,
  notifyPlaylistChanged,
  setPlaylistPoster,
} from '../../library/playlist-edit.js';
import { renderPlaylist } from '../../render/playlist.js';
import type { PlaylistRecord } from '../../state/types.js';

/**
 * The playlist `id` names when it is the caller's; undefined when no playlist has that id (it may
 * be a library item: they share one ratingKey space). PMS keeps playlists per user, so another
 * user's playlist is as unknown as a missing one: 404.
 */
export function callerPlaylist(
  ctx: RequestContext,
  id: string | undefined,
): PlaylistRecord | undefined {
  const account = requireAccount(ctx);
  const playlist = id === undefined ? undefined : ctx.state.playlists.get(id);
  if (!playlist) return undefined;
  if (playlist.accountId !== account.id) throw new HttpError(404, `no playlist ${id}`);
  return playlist;
}

/** The caller's playlist named by the `{id}` path parameter, or 404. */
export function ownPlaylist(ctx: RequestContext): PlaylistRecord {
  const playlist = callerPlaylist(ctx, ctx.params.id);
  if (!playlist) throw new HttpError(404, `no playlist ${ctx.params.id}`);
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
  return listContainer(
    ctx.page,
    { size: 1, ...fields, Metadata: [renderPlaylist(ctx.state, playlist)] },
    'Metadata',
  );
}

/**
 * Applies a metadata-style edit (`title.value=`, `summary=`, …) to a playlist, whether it came
 * as `PUT /playlists/{id}` or `PUT /library/metadata/{id}`: 200 with an empty body, and a
 * `timeline` notification when something changed.
 */
export function editPlaylistResponse(ctx: RequestContext, playlist: PlaylistRecord): Response {
  if (applyPlaylistEdit(ctx.state, playlist, ctx.query, ctx.services.nowSeconds())) {
    notifyPlaylistChanged(ctx.services, playlist, 'done');
  }
  return emptyOk();
}

/** Gives a playlist a new poster painted in `color` (an upload or `url=` on its metadata key). */
export function setPlaylistPosterResponse(
  ctx: RequestContext,
  playlist: PlaylistRecord,
  color: string,
): Response {
  setPlaylistPoster(ctx.state, playlist.ratingKey, color, ctx.services.nowSeconds());
  notifyPlaylistChanged(ctx.services, playlist, 'done');
  return emptyOk();
}
