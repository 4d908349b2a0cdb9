import { HttpError, type RequestContext, requireAccount, toInt } from '../../http/context.js';
import { cutPage } from '../../http/paging.js';
import { pagedContainer } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { notifyPlaylistChanged } from '../../library/playlist-edit.js';
import {
  appendToPlaylist,
  clearPlaylist,
  movePlaylistEntry,
  playlistRows,
  removePlaylistEntry,
  setPlaylistFilter,
} from '../../library/playlist-ops.js';
import { playlistSourceItems, requirePlaylistType } from '../../library/playlist-source.js';
import { readSmartFilter } from '../../library/smart-filter.js';
import { renderItem } from '../../render/metadata.js';
import { playlistItemsContainerFields } from '../../render/playlist.js';
import { ownPlaylist, playlistResponse, requireDumb } from './shared.js';

/** `GET /playlists/{id}/items`: the items, each with its `playlistItemID` (dumb playlists only). */
function listItems(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const playlist = ownPlaylist(ctx);
  const rows = playlistRows(ctx.state, playlist);
  return pagedContainer(
    cutPage(rows, ctx.page),
    'Metadata',
    (row) => ({
      ...renderItem(ctx.state, row.item, account.id, 'list'),
      ...(row.playlistItemId === undefined ? {} : { playlistItemID: row.playlistItemId }),
    }),
    playlistItemsContainerFields(ctx.state, playlist),
  );
}

/**
 * `PUT /playlists/{id}/items?uri=…`: adds to a dumb playlist and reports how many leaves were
 * asked for and how many went in; on a smart playlist a section uri replaces the filter.
 */
function addItems(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const playlist = ownPlaylist(ctx);
  const { state, services, query } = ctx;
  const now = services.nowSeconds();
  if (playlist.smart) {
    const filter = readSmartFilter(state, query.get('uri') ?? '', 'library');
    if (!filter) throw new HttpError(400, 'smart playlists take a section filter uri');
    setPlaylistFilter(state, playlist, filter.content, now);
    notifyPlaylistChanged(services, playlist, 'done');
    return playlistResponse(ctx, playlist);
  }
  const source = {
    uri: query.get('uri'),
    playQueueId: query.get('playQueueID'),
    accountId: account.id,
  };
  const items = requirePlaylistType(playlistSourceItems(state, source), playlist.playlistType);
  const added = appendToPlaylist(state, playlist, items, now);
  if (added > 0) notifyPlaylistChanged(services, playlist, 'done');
  return playlistResponse(ctx, playlist, {
    leafCountAdded: added,
    leafCountRequested: items.length,
  });
}

/** `DELETE /playlists/{id}/items/{playlistItemID}`: removes one entry, answers the playlist. */
function removeItem(ctx: RequestContext): Response {
  const playlist = ownPlaylist(ctx);
  requireDumb(playlist);
  const entryId = toInt(ctx.params.itemId, 'playlistItemID');
  if (!removePlaylistEntry(ctx.state, playlist, entryId, ctx.services.nowSeconds())) {
    throw new HttpError(404, `no playlist item ${entryId}`);
  }
  notifyPlaylistChanged(ctx.services, playlist, 'done');
  return playlistResponse(ctx, playlist);
}

/** `PUT /playlists/{id}/items/{playlistItemID}/move?after=…`: no `after` moves to the front. */
function moveItem(ctx: RequestContext): Response {
  const playlist = ownPlaylist(ctx);
  requireDumb(playlist);
  const entryId = toInt(ctx.params.itemId, 'playlistItemID');
  const afterRaw = ctx.query.get('after');
  const after = afterRaw === null || afterRaw === '' ? undefined : toInt(afterRaw, 'after');
  const result = movePlaylistEntry(ctx.state, playlist, entryId, after, ctx.services.nowSeconds());
  if (result === 'no-item') throw new HttpError(404, `no playlist item ${entryId}`);
  if (result === 'no-after') throw new HttpError(400, `no playlist item ${after} to move after`);
  notifyPlaylistChanged(ctx.services, playlist, 'done');
  return playlistResponse(ctx, playlist);
}

/** `DELETE /playlists/{id}/items`: clears a dumb playlist, answers the (now empty) playlist. */
function clearItems(ctx: RequestContext): Response {
  const playlist = ownPlaylist(ctx);
  requireDumb(playlist);
  clearPlaylist(ctx.state, playlist, ctx.services.nowSeconds());
  notifyPlaylistChanged(ctx.services, playlist, 'done');
  return playlistResponse(ctx, playlist);
}

/** Playlist contents: list, add, remove, move, clear. */
export const playlistItemRoutes: Route[] = [
  { method: 'GET', path: '/playlists/{id}/items', handler: listItems },
  { method: 'PUT', path: '/playlists/{id}/items', handler: addItems },
  { method: 'DELETE', path: '/playlists/{id}/items', handler: clearItems },
  { method: 'DELETE', path: '/playlists/{id}/items/{itemId}', handler: removeItem },
  { method: 'PUT', path: '/playlists/{id}/items/{itemId}/move', handler: moveItem },
];
