import type { RequestSpec, Transport } from '../http/transport.js';
import {
  type Playlist,
  type PlaylistItem,
  playlistItemsContainerSchema,
  playlistsContainerSchema,
} from '../schemas/playlists.js';
import { type ArtworkUploadsApi, artworkUploads } from './artwork-upload.js';
import { contentUri } from './content-uri.js';
import { expectOne, fetchOneMetadata, segment, withSignal } from './helpers.js';
import { fetchMetadataPage, iteratePages, type Page, type PageOptions } from './paging.js';
import type { PlayQueueType } from './play-queues.js';
import type { CallOptions, MoveItemOptions } from './server.js';

/** Which playlists `playlists.list()` returns. */
export interface PlaylistFilter {
  /** Only playlists of this kind. */
  playlistType?: PlayQueueType;
  /** Only smart (true) or only dumb (false) playlists. */
  smart?: boolean;
  /** Only playlists holding items of this library section. */
  sectionId?: number | string;
  /** Only playlists whose title contains this (case-insensitive). */
  title?: string;
  /** Plex sort, e.g. `lastViewedAt:desc`. Default: by title. */
  sort?: string;
}

/** Options of `playlists.create()`. */
export interface CreatePlaylistOptions {
  title: string;
  /** What the playlist holds; items of another kind are left out by Plex. */
  type: PlayQueueType;
  /** The items, in order. Shows, seasons and albums add their episodes or tracks. */
  ratingKeys: readonly (string | number)[];
  summary?: string;
  /** The server's machine identifier; read once from `/identity` when omitted. */
  machineIdentifier?: string;
}

/** The fields `playlists.edit()` changes (and locks against agent refreshes). */
export interface PlaylistEdit {
  title?: string;
  titleSort?: string;
  summary?: string;
}

/** What `playlists.addItems()` reports. */
export interface PlaylistAddResult {
  playlist: Playlist;
  /** Items that went in. */
  leafCountAdded: number;
  /** Items asked for, after shows, seasons and albums were expanded. */
  leafCountRequested: number;
}

/** The `playlists` namespace of a Plex client. */
export interface PlaylistsApi extends ArtworkUploadsApi {
  /** One page of playlists, by title unless `sort` says otherwise (`GET /playlists`). */
  list(options?: PlaylistFilter & PageOptions & CallOptions): Promise<Page<Playlist>>;
  /** One playlist (`GET /playlists/{id}`). */
  get(id: string | number, options?: CallOptions): Promise<Playlist>;
  /** One page of a playlist's items, in playlist order (`GET /playlists/{id}/items`). */
  items(id: string | number, options?: PageOptions & CallOptions): Promise<Page<PlaylistItem>>;
  /** Every item of a playlist, page by page (`pageSize` per request, default 100). */
  iterateItems(
    id: string | number,
    options?: CallOptions & {
      pageSize?: number;
    },
  ): AsyncGenerator<PlaylistItem, void, undefined>;
  /**
   * Creates a dumb playlist from items in one request
   * (`POST /playlists?uri=server://{machineId}/com.plexapp.plugins.library/library/metadata/{ids}&type=&title=&smart=0`);
   * a `summary` is set with a second request, as Plex takes none on creation.
   */
  create(create: CreatePlaylistOptions, options?: CallOptions): Promise<Playlist>;
  /**
   * Appends items (`PUT /playlists/{id}/items?uri=…`); shows, seasons and albums add their
   * episodes or tracks. An item of another kind than the playlist's is `BAD_REQUEST`.
   */
  addItems(
    id: string | number,
    ratingKeys: readonly (string | number)[],
    options?: {
      machineIdentifier?: string;
    } & CallOptions,
  ): Promise<PlaylistAddResult>;
  /**
   * Removes one entry by its `playlistItemID` (not the item's ratingKey)
   * (`DELETE /playlists/{id}/items/{playlistItemID}`). Dumb playlists only.
   */
  removeItem(
    id: string | number,
    playlistItemId: string | number,
    options?: CallOptions,
  ): Promise<Playlist>;
  /**
   * Moves an entry after another (`PUT /playlists/{id}/items/{itemId}/move?after=`), or to the
   * top without `after`; `itemId` and `after` are `playlistItemID`s, not ratingKeys.
   */
  moveItem(
    id: string | number,
    itemId: string | number,
    options?: MoveItemOptions,
  ): Promise<Playlist>;
  /** Removes every entry (`DELETE /playlists/{id}/items`). Dumb playlists only. */
  clear(id: string | number, options?: CallOptions): Promise<Playlist>;
  /**
   * Changes title, sort title and summary, locking each changed field
   * (`PUT /playlists/{id}?title.value=…&title.locked=1&…`, python-plexapi's form).
   */
  edit(id: string | number, edit: PlaylistEdit, options?: CallOptions): Promise<void>;
  /** Deletes the playlist (`DELETE /playlists/{id}`); the items stay in the library. */
  delete(id: string | number, options?: CallOptions): Promise<void>;
}

/**
 * Playlists of the signed-in account (each Plex user has their own; another user's playlists
 * are `NOT_FOUND`). Ids are playlist ratingKeys; entries inside a playlist are addressed by
 * `playlistItemID`, because the same item may appear twice.
 */
export function playlistsApi(transport: Transport): PlaylistsApi {
  const one = (spec: RequestSpec): Promise<Playlist> =>
    fetchOneMetadata(transport, spec, playlistsContainerSchema, 'playlist');

  const api = {
    /** One page of playlists, by title unless `sort` says otherwise (`GET /playlists`). */
    async list(options: PlaylistFilter & PageOptions & CallOptions = {}): Promise<Page<Playlist>> {
      return fetchMetadataPage(
        transport,
        {
          path: '/playlists',
          query: {
            playlistType: options.playlistType,
            smart: options.smart,
            sectionID: options.sectionId,
            title: options.title,
            sort: options.sort,
          },
        },
        playlistsContainerSchema,
        options,
      );
    },

    /** One playlist (`GET /playlists/{id}`). */
    async get(id: string | number, options: CallOptions = {}): Promise<Playlist> {
      return one({ path: `/playlists/${segment(id)}`, ...withSignal(options) });
    },

    /** One page of a playlist's items, in playlist order (`GET /playlists/{id}/items`). */
    async items(
      id: string | number,
      options: PageOptions & CallOptions = {},
    ): Promise<Page<PlaylistItem>> {
      return fetchMetadataPage(
        transport,
        { path: `/playlists/${segment(id)}/items` },
        playlistItemsContainerSchema,
        options,
      );
    },

    /** Every item of a playlist, page by page (`pageSize` per request, default 100). */
    iterateItems(
      id: string | number,
      options: CallOptions & { pageSize?: number } = {},
    ): AsyncGenerator<PlaylistItem, void, undefined> {
      const { pageSize, ...call } = options;
      return iteratePages((window) => api.items(id, { ...call, ...window }), pageSize);
    },

    /**
     * Creates a dumb playlist from items in one request
     * (`POST /playlists?uri=server://{machineId}/com.plexapp.plugins.library/library/metadata/{ids}&type=&title=&smart=0`);
     * a `summary` is set with a second request, as Plex takes none on creation.
     */
    async create(create: CreatePlaylistOptions, options: CallOptions = {}): Promise<Playlist> {
      if (create.title.trim() === '') throw new TypeError('a playlist needs a title');
      const uri = await contentUri(transport, create.ratingKeys, create.machineIdentifier, options);
      const playlist = await one({
        method: 'POST',
        path: '/playlists',
        query: { uri, type: create.type, title: create.title, smart: false },
        ...withSignal(options),
      });
      if (create.summary === undefined) return playlist;
      await api.edit(playlist.ratingKey, { summary: create.summary }, options);
      return { ...playlist, summary: create.summary };
    },

    /**
     * Appends items (`PUT /playlists/{id}/items?uri=…`); shows, seasons and albums add their
     * episodes or tracks. An item of another kind than the playlist's is `BAD_REQUEST`.
     */
    async addItems(
      id: string | number,
      ratingKeys: readonly (string | number)[],
      options: { machineIdentifier?: string } & CallOptions = {},
    ): Promise<PlaylistAddResult> {
      const uri = await contentUri(transport, ratingKeys, options.machineIdentifier, options);
      const path = `/playlists/${segment(id)}/items`;
      const body = await transport.json(
        { method: 'PUT', path, query: { uri }, ...withSignal(options) },
        playlistsContainerSchema,
      );
      const playlist = expectOne(body.MediaContainer.Metadata, transport, path, 'playlist', 'PUT');
      return {
        playlist,
        leafCountAdded: body.MediaContainer.leafCountAdded ?? 0,
        leafCountRequested: body.MediaContainer.leafCountRequested ?? 0,
      };
    },

    /**
     * Removes one entry by its `playlistItemID` (not the item's ratingKey)
     * (`DELETE /playlists/{id}/items/{playlistItemID}`). Dumb playlists only.
     */
    async removeItem(
      id: string | number,
      playlistItemId: string | number,
      options: CallOptions = {},
    ): Promise<Playlist> {
      const path = `/playlists/${segment(id)}/items/${segment(playlistItemId)}`;
      return one({ method: 'DELETE', path, ...withSignal(options) });
    },

    /**
     * Moves an entry after another (`PUT /playlists/{id}/items/{itemId}/move?after=`), or to the
     * top without `after`; `itemId` and `after` are `playlistItemID`s, not ratingKeys.
     */
    async moveItem(
      id: string | number,
      itemId: string | number,
      options: MoveItemOptions = {},
    ): Promise<Playlist> {
      return one({
        method: 'PUT',
        path: `/playlists/${segment(id)}/items/${segment(itemId)}/move`,
        query: { after: options.after === undefined ? undefined : String(options.after) },
        ...withSignal(options),
      });
    },

    /** Removes every entry (`DELETE /playlists/{id}/items`). Dumb playlists only. */
    async clear(id: string | number, options: CallOptions = {}): Promise<Playlist> {
      return one({
        method: 'DELETE',
        path: `/playlists/${segment(id)}/items`,
        ...withSignal(options),
      });
    },

    /**
     * Changes title, sort title and summary, locking each changed field
     * (`PUT /playlists/{id}?title.value=…&title.locked=1&…`, python-plexapi's form).
     */
    async edit(id: string | number, edit: PlaylistEdit, options: CallOptions = {}): Promise<void> {
      const query: Record<string, string | number> = {};
      for (const field of ['title', 'titleSort', 'summary'] as const) {
        const value = edit[field];
        if (value === undefined) continue;
        if (field === 'title' && value.trim() === '')
          throw new TypeError('a playlist needs a title');
        query[`${field}.value`] = value;
        query[`${field}.locked`] = 1;
      }
      if (Object.keys(query).length === 0) throw new TypeError('nothing to edit');
      await transport.empty({
        method: 'PUT',
        path: `/playlists/${segment(id)}`,
        query,
        ...withSignal(options),
      });
    },

    /** Deletes the playlist (`DELETE /playlists/{id}`); the items stay in the library. */
    async delete(id: string | number, options: CallOptions = {}): Promise<void> {
      await transport.empty({
        method: 'DELETE',
        path: `/playlists/${segment(id)}`,
        ...withSignal(options),
      });
    },

    /**
     * `uploadPoster()` and `uploadArt()`: a custom poster or background from a URL or bytes.
     * Plex's element route takes a playlist's ratingKey like an item's and lets users set
     * artwork on their own playlists (official PMS API, `POST /library/metadata/{ids}/{element}`).
     */
    ...artworkUploads(transport),
  };
  return api;
}
