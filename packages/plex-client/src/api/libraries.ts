import type { Query } from '../http/query.js';
import type { Transport } from '../http/transport.js';
import {
  type FilterChoice,
  filterChoicesContainerSchema,
  type Library,
  type LibrarySetting,
  librariesContainerSchema,
  librarySettingsContainerSchema,
} from '../schemas/libraries.js';
import {
  type MetadataItem,
  type MetadataTypeName,
  metadataContainerSchema,
  metadataTypeNumber,
} from '../schemas/metadata.js';
import { expectOne, segment, withSignal } from './helpers.js';
import { type ItemPage, toItemPage } from './item-pages.js';
import { iteratePages, type Page, type PageOptions, pageWindow, toPage } from './paging.js';
import type { CallOptions } from './server.js';

/** A library section id: the number items carry as `librarySectionID`, or its string `key`. */
export type SectionId = number | string;

/** One filter value, or several meaning "any of them" (sent comma-joined: `genre=89,90`). */
export type FilterValue = string | number | readonly (string | number)[];

/**
 * Filters of a section list, in Plex's media-query language. Tag filters (`genre`, `director`,
 * `actor`, …) take a tag id from `tags()` or a tag name; an array matches any of its values.
 */
export interface LibraryFilters {
  genre?: FilterValue;
  director?: FilterValue;
  actor?: FilterValue;
  writer?: FilterValue;
  producer?: FilterValue;
  country?: FilterValue;
  label?: FilterValue;
  collection?: FilterValue;
  mood?: FilterValue;
  style?: FilterValue;
  /** `year=1968`. */
  year?: FilterValue;
  /** A decade by its first year: `1960`. */
  decade?: FilterValue;
  contentRating?: FilterValue;
  /** `4k`, `1080`, `720`, `480` or `sd`. */
  resolution?: FilterValue;
  /** Studio name contains this text. */
  studio?: string;
  /** Title contains this text (case-insensitive). */
  title?: string;
  /** `true` only unplayed items, `false` only played ones. */
  unwatched?: boolean;
  /** Only items with a resume point. */
  inProgress?: boolean;
  /**
   * Anything else, sent as written, e.g. `{ 'year>>': 2000, 'genre!': 'Horror',
   * 'addedAt>>': '-30d' }`. An array repeats the key (AND). Overrides the typed filters.
   */
  raw?: Query;
}

/** What to list from a section. */
export interface ItemQuery {
  /** The item type (`movie`, `show`, `season`, `episode`, `artist`, `album`, `track`, …) or its number. Default the section's own. */
  type?: MetadataTypeName | number;
  /** `titleSort`, `addedAt:desc`, `year:desc,titleSort`, or several keys as an array. */
  sort?: string | readonly string[];
  filters?: LibraryFilters;
  /** Adds each item's external ids (`Guid`) to the list. */
  includeGuids?: boolean;
}

/** The tag lists a section serves (`GET /library/sections/{id}/{kind}`). */
export type TagListKind =
  | 'genre'
  | 'year'
  | 'decade'
  | 'director'
  | 'actor'
  | 'writer'
  | 'producer'
  | 'country'
  | 'contentRating'
  | 'studio'
  | 'resolution'
  | 'collection'
  | 'label'
  | 'mood'
  | 'style';

/** Options of a feed (recently added, On Deck): one section or all of them. */
export interface FeedOptions extends PageOptions {
  /** One section; omitted, every section the token may see. */
  sectionId?: SectionId;
  /** Only this item type (recently added). */
  type?: MetadataTypeName | number;
}

const TAG_FILTERS = [
  'genre',
  'director',
  'actor',
  'writer',
  'producer',
  'country',
  'label',
  'collection',
  'mood',
  'style',
  'year',
  'decade',
  'contentRating',
  'resolution',
] as const;

/** Turns typed filters into query parameters. */
export function filterQuery(filters: LibraryFilters = {}): Query {
  const query: Query = {};
  for (const name of TAG_FILTERS) {
    const value = filters[name];
    if (value === undefined) continue;
    const values = typeof value === 'object' ? [...value] : [value];
    if (values.length === 0 || values.some((one) => String(one) === '')) {
      throw new TypeError(`filter ${name} needs at least one non-empty value`);
    }
    query[name] = values.join(',');
  }
  if (filters.studio !== undefined) query.studio = filters.studio;
  if (filters.title !== undefined) query.title = filters.title;
  if (filters.unwatched !== undefined) query.unwatched = filters.unwatched;
  if (filters.inProgress !== undefined) query.inProgress = filters.inProgress;
  return { ...query, ...filters.raw };
}

function itemQuery(options: ItemQuery): Query {
  const sort = typeof options.sort === 'object' ? options.sort.join(',') : options.sort;
  return {
    type: options.type === undefined ? undefined : metadataTypeNumber(options.type),
    sort: sort === '' ? undefined : sort,
    includeGuids: options.includeGuids ? 1 : undefined,
    ...filterQuery(options.filters),
  };
}

/** The `libraries` namespace of a Plex client. */
export interface LibrariesApi {
  /** Every section the token may see (`GET /library/sections`), with folders and scan state. */
  list(options?: CallOptions): Promise<Library[]>;
  /**
   * One section, from the section list (PMS has no single-section read of the same shape);
   * `NOT_FOUND` when there is no such section.
   */
  get(sectionId: SectionId, options?: CallOptions): Promise<Library>;
  /** The section's settings (`GET /library/sections/{id}/prefs`). */
  prefs(sectionId: SectionId, options?: CallOptions): Promise<LibrarySetting[]>;
  /**
   * One page of a section's items (`GET /library/sections/{id}/all`), filtered and sorted by
   * Plex. Items get the section's id and title from the container.
   */
  items(sectionId: SectionId, options?: ItemQuery & PageOptions & CallOptions): Promise<ItemPage>;
  /** Walks every matching item of a section, one page (default 100 items) at a time. */
  iterateItems(
    sectionId: SectionId,
    options?: ItemQuery & { pageSize?: number } & CallOptions,
  ): AsyncGenerator<MetadataItem, void, undefined>;
  /**
   * How many items match, without fetching any: asks for a page of size 0 and reads
   * `totalSize` (`GET /library/sections/{id}/all` with `X-Plex-Container-Size: 0`).
   */
  count(
    sectionId: SectionId,
    options?: Omit<ItemQuery, 'sort' | 'includeGuids'> & CallOptions,
  ): Promise<number>;
  /**
   * Newest items first: of one section (`GET /library/sections/{id}/recentlyAdded`) or of every
   * section (`GET /library/recentlyAdded`).
   */
  recentlyAdded(options?: FeedOptions & CallOptions): Promise<ItemPage>;
  /**
   * In-progress items and next episodes: of one section (`GET /library/sections/{id}/onDeck`)
   * or of every section (`GET /library/onDeck`).
   */
  onDeck(options?: Omit<FeedOptions, 'type'> & CallOptions): Promise<ItemPage>;
  /**
   * The values a filter can take in a section (`GET /library/sections/{id}/{kind}`): genres,
   * years, actors, … Each `key` is what to pass back in `filters`.
   */
  tags(
    sectionId: SectionId,
    kind: TagListKind,
    options?: PageOptions & { type?: MetadataTypeName | number } & CallOptions,
  ): Promise<Page<FilterChoice>>;
  /**
   * Scans a section for new and changed files (`GET /library/sections/{id}/refresh`); `force`
   * also refreshes metadata of existing items, `path` limits the scan to one folder.
   */
  refresh(
    sectionId: SectionId,
    options?: { force?: boolean; path?: string } & CallOptions,
  ): Promise<void>;
  /** Scans every section (`GET /library/sections/all/refresh`). */
  refreshAll(options?: { force?: boolean } & CallOptions): Promise<void>;
  /** Stops a section's running scan (`DELETE /library/sections/{id}/refresh`). */
  cancelRefresh(sectionId: SectionId, options?: CallOptions): Promise<void>;
  /** Stops every running scan (`DELETE /library/sections/all/refresh`). */
  cancelRefreshAll(options?: CallOptions): Promise<void>;
  /** Deletes the section's trashed items for good (`PUT /library/sections/{id}/emptyTrash`). */
  emptyTrash(sectionId: SectionId, options?: CallOptions): Promise<void>;
  /** Starts optimising the database (`PUT /library/optimize?async=1`); returns at once. */
  optimize(options?: CallOptions): Promise<void>;
  /** Starts removing unused metadata bundles (`PUT /library/clean/bundles?async=1`). */
  cleanBundles(options?: CallOptions): Promise<void>;
}

/** Library sections: listing, browsing with filters, counting, tag lists, scans, maintenance. */
export function librariesApi(transport: Transport): LibrariesApi {
  const items = async (
    sectionId: SectionId,
    options: ItemQuery & PageOptions & CallOptions = {},
  ): Promise<ItemPage> => {
    const page = pageWindow(options);
    const body = await transport.json(
      {
        path: `/library/sections/${segment(sectionId)}/all`,
        query: itemQuery(options),
        page,
        ...withSignal(options),
      },
      metadataContainerSchema,
    );
    return toItemPage(body, page.offset);
  };

  const list = async (options: CallOptions = {}): Promise<Library[]> => {
    const body = await transport.json(
      { path: '/library/sections', ...withSignal(options) },
      librariesContainerSchema,
    );
    return body.MediaContainer.Directory;
  };

  return {
    /** Every section the token may see (`GET /library/sections`), with folders and scan state. */
    list,

    /**
     * One section, from the section list (PMS has no single-section read of the same shape);
     * `NOT_FOUND` when there is no such section.
     */
    async get(sectionId: SectionId, options: CallOptions = {}): Promise<Library> {
      const all = await list(options);
      const found = all.filter((section) => section.key === String(sectionId));
      return expectOne(found, transport, '/library/sections', `library section ${sectionId}`);
    },

    /** The section's settings (`GET /library/sections/{id}/prefs`). */
    async prefs(sectionId: SectionId, options: CallOptions = {}): Promise<LibrarySetting[]> {
      const body = await transport.json(
        { path: `/library/sections/${segment(sectionId)}/prefs`, ...withSignal(options) },
        librarySettingsContainerSchema,
      );
      return body.MediaContainer.Setting;
    },

    /**
     * One page of a section's items (`GET /library/sections/{id}/all`), filtered and sorted by
     * Plex. Items get the section's id and title from the container.
     */
    items,

    /** Walks every matching item of a section, one page (default 100 items) at a time. */
    iterateItems(
      sectionId: SectionId,
      options: ItemQuery & { pageSize?: number } & CallOptions = {},
    ): AsyncGenerator<MetadataItem, void, undefined> {
      const { pageSize, ...query } = options;
      return iteratePages((window) => items(sectionId, { ...query, ...window }), pageSize);
    },

    /**
     * How many items match, without fetching any: asks for a page of size 0 and reads
     * `totalSize` (`GET /library/sections/{id}/all` with `X-Plex-Container-Size: 0`).
     */
    async count(
      sectionId: SectionId,
      options: Omit<ItemQuery, 'sort' | 'includeGuids'> & CallOptions = {},
    ): Promise<number> {
      const body = await transport.json(
        {
          path: `/library/sections/${segment(sectionId)}/all`,
          query: itemQuery(options),
          page: { offset: 0, limit: 0 },
          ...withSignal(options),
        },
        metadataContainerSchema,
      );
      const container = body.MediaContainer;
      return container.totalSize ?? container.size;
    },

    /**
     * Newest items first: of one section (`GET /library/sections/{id}/recentlyAdded`) or of every
     * section (`GET /library/recentlyAdded`).
     */
    async recentlyAdded(options: FeedOptions & CallOptions = {}): Promise<ItemPage> {
      const page = pageWindow(options);
      const path =
        options.sectionId === undefined
          ? '/library/recentlyAdded'
          : `/library/sections/${segment(options.sectionId)}/recentlyAdded`;
      const type = options.type === undefined ? undefined : metadataTypeNumber(options.type);
      const body = await transport.json(
        { path, query: { type }, page, ...withSignal(options) },
        metadataContainerSchema,
      );
      return toItemPage(body, page.offset);
    },

    /**
     * In-progress items and next episodes: of one section (`GET /library/sections/{id}/onDeck`)
     * or of every section (`GET /library/onDeck`).
     */
    async onDeck(options: Omit<FeedOptions, 'type'> & CallOptions = {}): Promise<ItemPage> {
      const page = pageWindow(options);
      const path =
        options.sectionId === undefined
          ? '/library/onDeck'
          : `/library/sections/${segment(options.sectionId)}/onDeck`;
      const body = await transport.json(
        { path, page, ...withSignal(options) },
        metadataContainerSchema,
      );
      return toItemPage(body, page.offset);
    },

    /**
     * The values a filter can take in a section (`GET /library/sections/{id}/{kind}`): genres,
     * years, actors, … Each `key` is what to pass back in `filters`.
     */
    async tags(
      sectionId: SectionId,
      kind: TagListKind,
      options: PageOptions & { type?: MetadataTypeName | number } & CallOptions = {},
    ): Promise<Page<FilterChoice>> {
      const page = pageWindow(options);
      const type = options.type === undefined ? undefined : metadataTypeNumber(options.type);
      const body = await transport.json(
        {
          path: `/library/sections/${segment(sectionId)}/${kind}`,
          query: { type },
          page,
          ...withSignal(options),
        },
        filterChoicesContainerSchema,
      );
      const container = body.MediaContainer;
      return toPage(container.Directory, container, page.offset);
    },

    /**
     * Scans a section for new and changed files (`GET /library/sections/{id}/refresh`); `force`
     * also refreshes metadata of existing items, `path` limits the scan to one folder.
     */
    async refresh(
      sectionId: SectionId,
      options: { force?: boolean; path?: string } & CallOptions = {},
    ): Promise<void> {
      await transport.empty({
        path: `/library/sections/${segment(sectionId)}/refresh`,
        query: { force: options.force ? 1 : undefined, path: options.path },
        ...withSignal(options),
      });
    },

    /** Scans every section (`GET /library/sections/all/refresh`). */
    async refreshAll(options: { force?: boolean } & CallOptions = {}): Promise<void> {
      await transport.empty({
        path: '/library/sections/all/refresh',
        query: { force: options.force ? 1 : undefined },
        ...withSignal(options),
      });
    },

    /** Stops a section's running scan (`DELETE /library/sections/{id}/refresh`). */
    async cancelRefresh(sectionId: SectionId, options: CallOptions = {}): Promise<void> {
      await transport.empty({
        method: 'DELETE',
        path: `/library/sections/${segment(sectionId)}/refresh`,
        ...withSignal(options),
      });
    },

    /** Stops every running scan (`DELETE /library/sections/all/refresh`). */
    async cancelRefreshAll(options: CallOptions = {}): Promise<void> {
      await transport.empty({
        method: 'DELETE',
        path: '/library/sections/all/refresh',
        ...withSignal(options),
      });
    },

    /** Deletes the section's trashed items for good (`PUT /library/sections/{id}/emptyTrash`). */
    async emptyTrash(sectionId: SectionId, options: CallOptions = {}): Promise<void> {
      await transport.empty({
        method: 'PUT',
        path: `/library/sections/${segment(sectionId)}/emptyTrash`,
        ...withSignal(options),
      });
    },

    /** Starts optimising the database (`PUT /library/optimize?async=1`); returns at once. */
    async optimize(options: CallOptions = {}): Promise<void> {
      await transport.empty({
        method: 'PUT',
        path: '/library/optimize',
        query: { async: 1 },
        ...withSignal(options),
      });
    },

    /** Starts removing unused metadata bundles (`PUT /library/clean/bundles?async=1`). */
    async cleanBundles(options: CallOptions = {}): Promise<void> {
      await transport.empty({
        method: 'PUT',
        path: '/library/clean/bundles',
        query: { async: 1 },
        ...withSignal(options),
      });
    },
  };
}
