import type { RequestSpec, Transport } from '../http/transport.js';
import {
  type Collection,
  collectionItemsContainerSchema,
  collectionsContainerSchema,
} from '../schemas/collections.js';
import { type MetadataItem, metadataTypeNumber } from '../schemas/metadata.js';
import { type ArtworkUploadsApi, artworkUploads } from './artwork-upload.js';
import { contentUri } from './content-uri.js';
import { fetchOneMetadata, segment, withSignal } from './helpers.js';
import { editQueryString } from './metadata.js';
import { fetchMetadataPage, iteratePages, type Page, type PageOptions } from './paging.js';
import type { CallOptions, MoveItemOptions } from './server.js';

/** What a collection can hold. */
export type CollectionItemType =
  | 'movie'
  | 'show'
  | 'season'
  | 'episode'
  | 'artist'
  | 'album'
  | 'track'
  | 'photo';

/** How a collection shows in its library (`collectionMode`). */
export const COLLECTION_MODES = { default: -1, hide: 0, hideItems: 1, showItems: 2 } as const;
/** How a collection shows in its library: the library default, hidden, hiding its items, or both shown. */
export type CollectionMode = keyof typeof COLLECTION_MODES;

/** The order of a collection's items (`collectionSort`). */
export const COLLECTION_ORDERS = { release: 0, alpha: 1, custom: 2 } as const;
/** The order of a collection's items: release date, title, or custom (`moveItem()`). */
export type CollectionOrder = keyof typeof COLLECTION_ORDERS;

/** Options of `collections.create()`. */
export interface CreateCollectionOptions {
  /** The library section the collection lives in; its items must be from there. */
  sectionId: number | string;
  title: string;
  /** What it holds (`movie`, `show`, …). */
  type: CollectionItemType;
  /** The first members; may be empty for an empty collection. */
  ratingKeys: readonly (string | number)[];
  summary?: string;
  /** The server's machine identifier; read once from `/identity` when omitted. */
  machineIdentifier?: string;
}

/** The fields `collections.edit()` changes; each changed field is locked. */
export interface CollectionEdit {
  /** The collection's section (edits go through its edit form); read from the collection when omitted. */
  sectionId?: number | string;
  title?: string;
  titleSort?: string;
  summary?: string;
  contentRating?: string;
  addLabels?: readonly string[];
  removeLabels?: readonly string[];
}

/** The `collections` namespace of a Plex client. */
export interface CollectionsApi extends ArtworkUploadsApi {
  /** One page of a section's collections, by title (`GET /library/sections/{id}/collections`). */
  list(sectionId: number | string, options?: PageOptions & CallOptions): Promise<Page<Collection>>;
  /** One collection (`GET /library/metadata/{id}`). */
  get(id: string | number, options?: CallOptions): Promise<Collection>;
  /** One page of a collection's members, in its order (`GET /library/collections/{id}/children`). */
  items(id: string | number, options?: PageOptions & CallOptions): Promise<Page<MetadataItem>>;
  /** Every member of a collection, page by page (`pageSize` per request, default 100). */
  iterateItems(
    id: string | number,
    options?: CallOptions & {
      pageSize?: number;
    },
  ): AsyncGenerator<MetadataItem, void, undefined>;
  /**
   * Creates a collection
   * (`POST /library/collections?sectionId=&title=&type=&smart=0&uri=server://…/library/metadata/{ids}`);
   * without `ratingKeys` it starts empty. A `summary` is set through the edit form afterwards.
   */
  create(create: CreateCollectionOptions, options?: CallOptions): Promise<Collection>;
  /** Adds members; ones already in it stay once (`PUT /library/collections/{id}/items?uri=`). */
  addItems(
    id: string | number,
    ratingKeys: readonly (string | number)[],
    options?: {
      machineIdentifier?: string;
    } & CallOptions,
  ): Promise<Collection>;
  /**
   * Removes a member by its ratingKey (`DELETE /library/collections/{id}/items/{ratingKey}`);
   * `BAD_REQUEST` when it is not a member.
   */
  removeItem(
    id: string | number,
    ratingKey: string | number,
    options?: CallOptions,
  ): Promise<Collection>;
  /**
   * Moves a member after another, or first without `after`
   * (`PUT /library/collections/{id}/items/{itemId}/move?after=`); `itemId` and `after` are
   * members' ratingKeys. Shows only with the `custom` order (`setOrder(id, 'custom')`).
   */
  moveItem(
    id: string | number,
    itemId: string | number,
    options?: MoveItemOptions,
  ): Promise<Collection>;
  /** Deletes the collection (`DELETE /library/collections/{id}`); its members stay. */
  delete(id: string | number, options?: CallOptions): Promise<void>;
  /**
   * How the collection shows in its library (`PUT /library/metadata/{id}/prefs?collectionMode=`, as Plex Web and the official API send it):
   * `default`, `hide`, `hideItems` (show the collection instead of its items) or `showItems`.
   */
  setMode(id: string | number, mode: CollectionMode, options?: CallOptions): Promise<void>;
  /**
   * The order of its items (`PUT /library/metadata/{id}/prefs?collectionSort=`): `release`
   * date, `alpha`(betical) or `custom` (set with `moveItem()`).
   */
  setOrder(id: string | number, order: CollectionOrder, options?: CallOptions): Promise<void>;
  /**
   * Edits title, sort title, summary, content rating and labels through the section's edit
   * form, built by the metadata edit (`PUT /library/sections/{sec}/all?type=18&id=&title.value=
   * &title.locked=1&label[0].tag.tag=…`), locking each changed field. Adding labels re-sends
   * the existing ones, as Plex replaces a tag list with what an edit names; so the collection
   * is read first then (and when `sectionId` is omitted).
   */
  edit(id: string | number, edit: CollectionEdit, options?: CallOptions): Promise<void>;
}

/** Collections of library items. Writes are the server admin's. */
export function collectionsApi(transport: Transport): CollectionsApi {
  const one = (spec: RequestSpec) =>
    fetchOneMetadata(transport, spec, collectionsContainerSchema, 'collection');

  const api = {
    /** One page of a section's collections, by title (`GET /library/sections/{id}/collections`). */
    async list(
      sectionId: number | string,
      options: PageOptions & CallOptions = {},
    ): Promise<Page<Collection>> {
      return fetchMetadataPage(
        transport,
        { path: `/library/sections/${segment(sectionId)}/collections` },
        collectionsContainerSchema,
        options,
      );
    },

    /** One collection (`GET /library/metadata/{id}`). */
    async get(id: string | number, options: CallOptions = {}): Promise<Collection> {
      return one({ path: `/library/metadata/${segment(id)}`, ...withSignal(options) });
    },

    /** One page of a collection's members, in its order (`GET /library/collections/{id}/children`). */
    async items(
      id: string | number,
      options: PageOptions & CallOptions = {},
    ): Promise<Page<MetadataItem>> {
      return fetchMetadataPage(
        transport,
        { path: `/library/collections/${segment(id)}/children` },
        collectionItemsContainerSchema,
        options,
      );
    },

    /** Every member of a collection, page by page (`pageSize` per request, default 100). */
    iterateItems(
      id: string | number,
      options: CallOptions & { pageSize?: number } = {},
    ): AsyncGenerator<MetadataItem, void, undefined> {
      const { pageSize, ...call } = options;
      return iteratePages((window) => api.items(id, { ...call, ...window }), pageSize);
    },

    /**
     * Creates a collection
     * (`POST /library/collections?sectionId=&title=&type=&smart=0&uri=server://…/library/metadata/{ids}`);
     * without `ratingKeys` it starts empty. A `summary` is set through the edit form afterwards.
     */
    async create(create: CreateCollectionOptions, options: CallOptions = {}): Promise<Collection> {
      if (create.title.trim() === '') throw new TypeError('a collection needs a title');
      const type = metadataTypeNumber(create.type);
      const uri =
        create.ratingKeys.length === 0
          ? undefined
          : await contentUri(transport, create.ratingKeys, create.machineIdentifier, options);
      const collection = await one({
        method: 'POST',
        path: '/library/collections',
        query: { sectionId: create.sectionId, title: create.title, type, smart: false, uri },
        ...withSignal(options),
      });
      if (create.summary === undefined) return collection;
      await api.edit(
        collection.ratingKey,
        { sectionId: create.sectionId, summary: create.summary },
        options,
      );
      return { ...collection, summary: create.summary };
    },

    /** Adds members; ones already in it stay once (`PUT /library/collections/{id}/items?uri=`). */
    async addItems(
      id: string | number,
      ratingKeys: readonly (string | number)[],
      options: { machineIdentifier?: string } & CallOptions = {},
    ): Promise<Collection> {
      const uri = await contentUri(transport, ratingKeys, options.machineIdentifier, options);
      const path = `/library/collections/${segment(id)}/items`;
      return one({ method: 'PUT', path, query: { uri }, ...withSignal(options) });
    },

    /**
     * Removes a member by its ratingKey (`DELETE /library/collections/{id}/items/{ratingKey}`);
     * `BAD_REQUEST` when it is not a member.
     */
    async removeItem(
      id: string | number,
      ratingKey: string | number,
      options: CallOptions = {},
    ): Promise<Collection> {
      const path = `/library/collections/${segment(id)}/items/${segment(ratingKey)}`;
      return one({ method: 'DELETE', path, ...withSignal(options) });
    },

    /**
     * Moves a member after another, or first without `after`
     * (`PUT /library/collections/{id}/items/{itemId}/move?after=`); `itemId` and `after` are
     * members' ratingKeys. Shows only with the `custom` order (`setOrder(id, 'custom')`).
     */
    async moveItem(
      id: string | number,
      itemId: string | number,
      options: MoveItemOptions = {},
    ): Promise<Collection> {
      return one({
        method: 'PUT',
        path: `/library/collections/${segment(id)}/items/${segment(itemId)}/move`,
        query: { after: options.after === undefined ? undefined : String(options.after) },
        ...withSignal(options),
      });
    },

    /** Deletes the collection (`DELETE /library/collections/{id}`); its members stay. */
    async delete(id: string | number, options: CallOptions = {}): Promise<void> {
      await transport.empty({
        method: 'DELETE',
        path: `/library/collections/${segment(id)}`,
        ...withSignal(options),
      });
    },

    /**
     * How the collection shows in its library (`PUT /library/metadata/{id}/prefs?collectionMode=`, as Plex Web and the official API send it):
     * `default`, `hide`, `hideItems` (show the collection instead of its items) or `showItems`.
     */
    async setMode(
      id: string | number,
      mode: CollectionMode,
      options: CallOptions = {},
    ): Promise<void> {
      const value = COLLECTION_MODES[mode];
      if (value === undefined) throw new TypeError(`unknown collection mode ${mode}`);
      await setPrefs(transport, id, { collectionMode: value }, options);
    },

    /**
     * The order of its items (`PUT /library/metadata/{id}/prefs?collectionSort=`): `release`
     * date, `alpha`(betical) or `custom` (set with `moveItem()`).
     */
    async setOrder(
      id: string | number,
      order: CollectionOrder,
      options: CallOptions = {},
    ): Promise<void> {
      const value = COLLECTION_ORDERS[order];
      if (value === undefined) throw new TypeError(`unknown collection order ${order}`);
      await setPrefs(transport, id, { collectionSort: value }, options);
    },

    /**
     * Edits title, sort title, summary, content rating and labels through the section's edit
     * form, built by the metadata edit (`PUT /library/sections/{sec}/all?type=18&id=&title.value=
     * &title.locked=1&label[0].tag.tag=…`), locking each changed field. Adding labels re-sends
     * the existing ones, as Plex replaces a tag list with what an edit names; so the collection
     * is read first then (and when `sectionId` is omitted).
     */
    async edit(
      id: string | number,
      edit: CollectionEdit,
      options: CallOptions = {},
    ): Promise<void> {
      const addLabels = clean(edit.addLabels);
      const current =
        addLabels.length > 0 || edit.sectionId === undefined
          ? await api.get(id, options)
          : undefined;
      const sectionId = edit.sectionId ?? current?.librarySectionID;
      if (sectionId === undefined)
        throw new TypeError(`collection ${id} has no section; pass sectionId`);
      if (edit.title !== undefined && edit.title.trim() === '') {
        throw new TypeError('a collection needs a title');
      }
      const fields = {
        title: edit.title,
        titleSort: edit.titleSort,
        summary: edit.summary,
        contentRating: edit.contentRating,
      };
      const query = editQueryString(
        String(id),
        metadataTypeNumber('collection'),
        {
          fields: Object.fromEntries(
            Object.entries(fields).filter(([, value]) => value !== undefined),
          ),
          addTags: { label: addLabels },
          removeTags: { label: clean(edit.removeLabels) },
        },
        current,
      );
      if (query === '') throw new TypeError('nothing to edit');
      // Already encoded: Plex gets exactly what python-plexapi would send.
      await transport.empty({
        method: 'PUT',
        path: `/library/sections/${segment(sectionId)}/all`,
        rawQuery: query,
        ...withSignal(options),
      });
    },

    /** `uploadPoster()` and `uploadArt()`: a custom poster or background from a URL or bytes. */
    ...artworkUploads(transport),
  };
  return api;
}

function clean(labels: readonly string[] | undefined): string[] {
  return (labels ?? []).map((label) => label.trim()).filter((label) => label !== '');
}

async function setPrefs(
  transport: Transport,
  id: string | number,
  prefs: Record<string, number>,
  options: CallOptions,
): Promise<void> {
  await transport.empty({
    method: 'PUT',
    path: `/library/metadata/${segment(id)}/prefs`,
    query: prefs,
    ...withSignal(options),
  });
}
