import {
  HttpError,
  type RequestContext,
  requireAccount,
  requireQuery,
} from '../../http/context.js';
import { cutPage } from '../../http/paging.js';
import { pagedContainer } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { notifyPlaylistChanged } from '../../library/playlist-edit.js';
import { findPlaylists } from '../../library/playlist-list.js';
import { createPlaylist, deletePlaylist, isPlaylistType } from '../../library/playlist-ops.js';
import { playlistSourceItems, requirePlaylistType } from '../../library/playlist-source.js';
import { readSmartFilter } from '../../library/smart-filter.js';
import { renderPlaylist } from '../../render/playlist.js';
import type { PlaylistRecord } from '../../state/types.js';
import { editPlaylistResponse, ownPlaylist, playlistResponse } from './shared.js';

/** `GET /playlists`: the caller's playlists, filtered, sorted (title by default) and paged. */
function listPlaylists(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const { state, query } = ctx;
  const smart = query.get('smart');
  const sectionId = query.get('sectionID') ?? query.get('sectionId');
  // `type=42` asks for the optimizer's background playlist, which the emulator never has.
  const list =
    query.get('type') === '42'
      ? []
      : findPlaylists(state, account.id, {
          types: query.get('playlistType')?.split(',').filter(isPlaylistType),
          smart: smart === '0' || smart === '1' ? smart === '1' : undefined,
          sectionId: sectionId === null ? undefined : Number(sectionId),
          title: query.get('title') ?? undefined,
          sort: query.get('sort'),
        });
  return pagedContainer(cutPage(list, ctx.page), 'Metadata', (p) => renderPlaylist(state, p));
}

/**
 * `POST /playlists?uri=…&type=video&title=…&smart=0`. A dumb playlist takes the playable leaves
 * the uri names (a show becomes its episodes) that fit its type; a smart one stores its filter.
 */
function createPlaylistRoute(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const { state, query, services } = ctx;
  const title = requireQuery(ctx, 'title');
  const type = query.get('type');
  if (!isPlaylistType(type)) throw new HttpError(400, `bad playlist type ${type}`);
  const now = services.nowSeconds();
  const uri = query.get('uri');
  let playlist: PlaylistRecord;
  if (query.get('smart') === '1') {
    if (!uri) throw new HttpError(400, 'smart playlists need a uri');
    const filter = readSmartFilter(state, uri, 'library');
    if (!filter) throw new HttpError(400, 'smart playlists need a section filter uri');
    playlist = createPlaylist(
      state,
      { title, playlistType: type, accountId: account.id, smartContent: filter.content },
      now,
    );
  } else {
    const source = { uri, playQueueId: query.get('playQueueID'), accountId: account.id };
    const items = requirePlaylistType(playlistSourceItems(state, source), type);
    if (items.length === 0) throw new HttpError(400, 'nothing to put in the playlist');
    playlist = createPlaylist(
      state,
      { title, playlistType: type, accountId: account.id, items },
      now,
    );
  }
  notifyPlaylistChanged(services, playlist, 'created');
  return playlistResponse(ctx, playlist);
}

function getPlaylist(ctx: RequestContext): Response {
  return playlistResponse(ctx, ownPlaylist(ctx));
}

/** `PUT /playlists/{id}?title.value=…` (or the older `title=`): 200, empty body. */
function editPlaylist(ctx: RequestContext): Response {
  return editPlaylistResponse(ctx, ownPlaylist(ctx));
}

/** `DELETE /playlists/{id}`: both specs document 204 No Content here. */
function removePlaylist(ctx: RequestContext): Response {
  const playlist = ownPlaylist(ctx);
  deletePlaylist(ctx.state, playlist.ratingKey);
  notifyPlaylistChanged(ctx.services, playlist, 'deleted');
  return new Response(null, { status: 204 });
}

/** Playlist listing, creation, reading, editing and deletion. */
export const playlistCrudRoutes: Route[] = [
  { method: 'GET', path: '/playlists', handler: listPlaylists },
  // Plex's home hub links its playlist shelf to this alias.
  { method: 'GET', path: '/playlists/all', handler: listPlaylists },
  { method: 'POST', path: '/playlists', handler: createPlaylistRoute },
  { method: 'GET', path: '/playlists/{id}', handler: getPlaylist },
  { method: 'PUT', path: '/playlists/{id}', handler: editPlaylist },
  { method: 'DELETE', path: '/playlists/{id}', handler: removePlaylist },
];
