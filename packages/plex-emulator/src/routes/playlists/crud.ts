import {
  HttpError,
  type RequestContext,
  requireAccount,
  requireQuery,
} from '../../http/context.js';
import { cutPage } from '../../http/paging.js';
import { pagedContainer } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { leavesOfContent, readContentUri, smartContentUri } from '../../library/content.js';
import { type SortKeys, sortByQuery } from '../../library/list-order.js';
import { notifyPlaylistChanged } from '../../library/playlist-edit.js';
import {
  createPlaylist,
  deletePlaylist,
  isPlaylistType,
  listTypeOf,
  playlistRows,
} from '../../library/playlist-ops.js';
import { renderPlaylist } from '../../render/playlist.js';
import type { ItemRecord, PlaylistRecord } from '../../state/types.js';
import { editPlaylistResponse, ownPlaylist, playlistResponse } from './shared.js';

const SORTS: SortKeys<PlaylistRecord> = {
  lastViewedAt: (p) => p.lastViewedAt ?? 0,
  viewCount: (p) => p.viewCount ?? 0,
};

/** `GET /playlists`: the caller's playlists, filtered, sorted (title by default) and paged. */
function listPlaylists(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const { state, query } = ctx;
  const types = query.get('playlistType')?.split(',').filter(isPlaylistType);
  const smart = query.get('smart');
  const sectionId = query.get('sectionID') ?? query.get('sectionId');
  const title = query.get('title')?.toLowerCase();
  // `type=42` asks for the optimizer's background playlist, which the emulator never has.
  let list =
    query.get('type') === '42'
      ? []
      : [...state.playlists.values()].filter((p) => p.accountId === account.id);
  if (types && types.length > 0) list = list.filter((p) => types.includes(p.playlistType));
  if (smart === '0' || smart === '1') list = list.filter((p) => p.smart === (smart === '1'));
  if (title) list = list.filter((p) => p.title.toLowerCase().includes(title));
  if (sectionId !== null) {
    const id = Number(sectionId);
    list = list.filter((p) => playlistRows(state, p).some((row) => row.item.sectionId === id));
  }
  sortByQuery(list, query.get('sort'), SORTS);
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

  if (query.get('smart') === '1') {
    if (!uri) throw new HttpError(400, 'smart playlists need a uri');
    const path = readContentUri(state, uri);
    const content =
      path.kind === 'section' ? smartContentUri(state, path.sectionId, path.query) : undefined;
    if (!content) throw new HttpError(400, 'smart playlists need a section filter uri');
    const playlist = createPlaylist(
      state,
      { title, playlistType: type, accountId: account.id, smartContent: content },
      now,
    );
    notifyPlaylistChanged(services, playlist, 'created');
    return playlistResponse(ctx, playlist);
  }

  const items = playableOfType(sourceItems(ctx, uri, account.id), type);
  if (items.length === 0) throw new HttpError(400, 'nothing to put in the playlist');
  const playlist = createPlaylist(
    state,
    { title, playlistType: type, accountId: account.id, items },
    now,
  );
  notifyPlaylistChanged(services, playlist, 'created');
  return playlistResponse(ctx, playlist);
}

/** The leaves named by `uri`, or by `playQueueID` (a playlist saved from a play queue). */
export function sourceItems(
  ctx: RequestContext,
  uri: string | null,
  accountId: number,
): ItemRecord[] {
  if (uri) return leavesOfContent(ctx.state, readContentUri(ctx.state, uri), accountId);
  const queueId = ctx.query.get('playQueueID');
  if (queueId) {
    const queue = ctx.state.playQueues.get(Number(queueId));
    if (!queue) throw new HttpError(400, `no play queue ${queueId}`);
    return queue.items.flatMap((entry) => ctx.state.items.get(entry.ratingKey) ?? []);
  }
  throw new HttpError(400, 'missing uri');
}

/** PMS refuses (400) to mix media types in a playlist, e.g. a film in an audio playlist. */
export function playableOfType(
  items: ItemRecord[],
  type: PlaylistRecord['playlistType'],
): ItemRecord[] {
  const stranger = items.find((item) => listTypeOf(item) !== type);
  if (stranger) throw new HttpError(400, `${stranger.type} ${stranger.ratingKey} is not ${type}`);
  return items;
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
