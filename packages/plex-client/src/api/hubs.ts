import type { Transport } from '../http/transport.js';
import { type Hub, hubsContainerSchema } from '../schemas/hubs.js';
import { metadataContainerSchema } from '../schemas/metadata.js';
import { segment, withSignal } from './helpers.js';
import { hubsWithSection, type ItemPage, toItemPage } from './item-pages.js';
import type { SectionId } from './libraries.js';
import { type PageOptions, pageWindow } from './paging.js';
import type { CallOptions } from './server.js';

/** Options of the home hubs. */
export interface HomeHubOptions {
  /** Items per hub (Plex's default is small, e.g. 6). */
  count?: number;
  /** Only these hubs (`home.continue`, `home.ondeck`, `home.movies.recent`, …). */
  identifiers?: readonly string[];
  /** Only hubs that change with playback and additions. */
  onlyTransient?: boolean;
}

function hubCount(count: number | undefined): number | undefined {
  if (count !== undefined && (!Number.isInteger(count) || count < 0)) {
    throw new TypeError(`count must be a whole number ≥ 0; got ${count}`);
  }
  return count;
}

/** The `hubs` namespace of a Plex client. */
export interface HubsApi {
  /** The home screen's hubs (`GET /hubs?count=…`): Continue Watching, On Deck, recently added, … */
  home(options?: HomeHubOptions & CallOptions): Promise<Hub[]>;
  /**
   * The Continue Watching hub (`GET /hubs/continueWatching?count=…`): in-progress items and
   * next episodes, each with its section. Undefined if Plex sends no hub.
   */
  continueWatching(options?: { count?: number } & CallOptions): Promise<Hub | undefined>;
  /**
   * The whole Continue Watching list, paged: of every section
   * (`GET /hubs/continueWatching/items`) or one (`GET /hubs/sections/{id}/continueWatching/items`).
   */
  continueWatchingItems(
    options?: PageOptions & { sectionId?: SectionId } & CallOptions,
  ): Promise<ItemPage>;
  /** A section's hubs (`GET /hubs/sections/{id}?count=…`): Continue Watching, On Deck, recently added. */
  section(sectionId: SectionId, options?: { count?: number } & CallOptions): Promise<Hub[]>;
  /**
   * The full list behind a hub (its `key`, e.g. `/hubs/home/recentlyAdded?type=1`), paged: for
   * hubs whose `more` is true.
   */
  items(hub: Pick<Hub, 'key'> | string, options?: PageOptions & CallOptions): Promise<ItemPage>;
}

/** The shelves Plex shows: home screen, Continue Watching, per section. */
export function hubsApi(transport: Transport): HubsApi {
  const listOf = async (path: string, options: PageOptions & CallOptions) => {
    const page = pageWindow(options);
    const body = await transport.json(
      { path, page, ...withSignal(options) },
      metadataContainerSchema,
    );
    return toItemPage(body, page.offset);
  };

  return {
    /** The home screen's hubs (`GET /hubs?count=…`): Continue Watching, On Deck, recently added, … */
    async home(options: HomeHubOptions & CallOptions = {}): Promise<Hub[]> {
      const identifier = options.identifiers?.join(',');
      const body = await transport.json(
        {
          path: '/hubs',
          query: {
            count: hubCount(options.count),
            identifier: identifier === '' ? undefined : identifier,
            onlyTransient: options.onlyTransient ? 1 : undefined,
          },
          ...withSignal(options),
        },
        hubsContainerSchema,
      );
      return body.MediaContainer.Hub;
    },

    /**
     * The Continue Watching hub (`GET /hubs/continueWatching?count=…`): in-progress items and
     * next episodes, each with its section. Undefined if Plex sends no hub.
     */
    async continueWatching(
      options: { count?: number } & CallOptions = {},
    ): Promise<Hub | undefined> {
      const body = await transport.json(
        {
          path: '/hubs/continueWatching',
          query: { count: hubCount(options.count) },
          ...withSignal(options),
        },
        hubsContainerSchema,
      );
      return body.MediaContainer.Hub[0];
    },

    /**
     * The whole Continue Watching list, paged: of every section
     * (`GET /hubs/continueWatching/items`) or one (`GET /hubs/sections/{id}/continueWatching/items`).
     */
    async continueWatchingItems(
      options: PageOptions & { sectionId?: SectionId } & CallOptions = {},
    ): Promise<ItemPage> {
      const path =
        options.sectionId === undefined
          ? '/hubs/continueWatching/items'
          : `/hubs/sections/${segment(options.sectionId)}/continueWatching/items`;
      return listOf(path, options);
    },

    /** A section's hubs (`GET /hubs/sections/{id}?count=…`): Continue Watching, On Deck, recently added. */
    async section(
      sectionId: SectionId,
      options: { count?: number } & CallOptions = {},
    ): Promise<Hub[]> {
      const body = await transport.json(
        {
          path: `/hubs/sections/${segment(sectionId)}`,
          query: { count: hubCount(options.count) },
          ...withSignal(options),
        },
        hubsContainerSchema,
      );
      return hubsWithSection(body.MediaContainer.Hub, body.MediaContainer);
    },

    /**
     * The full list behind a hub (its `key`, e.g. `/hubs/home/recentlyAdded?type=1`), paged: for
     * hubs whose `more` is true.
     */
    async items(
      hub: Pick<Hub, 'key'> | string,
      options: PageOptions & CallOptions = {},
    ): Promise<ItemPage> {
      const key = typeof hub === 'string' ? hub : hub.key;
      if (key === undefined || !key.startsWith('/')) {
        throw new TypeError(`a hub key is a server path starting with "/"; got ${String(key)}`);
      }
      // The key may carry its own query string; it goes to Plex as written.
      return listOf(key, options);
    },
  };
}
