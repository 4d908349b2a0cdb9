import type { Transport } from '../http/transport.js';
import { type Hub, hubsContainerSchema } from '../schemas/hubs.js';
import { type SearchResult, searchResultsContainerSchema } from '../schemas/search.js';
import { segment, withSignal } from './helpers.js';
import type { SectionId } from './libraries.js';
import type { CallOptions } from './server.js';

/** Options of a hub search. */
export interface HubSearchOptions {
  /** Items per hub; Plex's default is 3. */
  limit?: number;
  /** Search one section only. */
  sectionId?: SectionId;
  /** Keep only hubs of these types (`movie`, `show`, `episode`, `actor`, `director`, `collection`, …). */
  types?: readonly string[];
  /** Include collections (default true, as Plex Web and python-plexapi do). */
  includeCollections?: boolean;
}

/** What `/library/search` covers: `searchTypes` values. */
export type LibrarySearchType = 'movies' | 'tv' | 'music' | 'otherVideos' | 'people';

/** Options of a flat library search. */
export interface LibrarySearchOptions {
  /** Default: everything Plex searches. */
  searchTypes?: readonly LibrarySearchType[];
  /** At most this many results in all. */
  limit?: number;
  sectionId?: SectionId;
  includeCollections?: boolean;
}

function requireQuery(query: string): string {
  const trimmed = query.trim();
  if (trimmed === '') throw new TypeError('a search query is required');
  return trimmed;
}

function positive(name: string, value: number | undefined): number | undefined {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
    throw new TypeError(`${name} must be a whole number ≥ 1; got ${value}`);
  }
  return value;
}

/** The `search` namespace of a Plex client. */
export interface SearchApi {
  /**
   * Searches titles, people and tags (`GET /hubs/search?query=…&limit=…&sectionId=…
   * &includeCollections=1`) and returns one hub per result type, best hub first. Shows,
   * seasons, artists and albums (which Plex sends as `Directory`) are in `items` like movies;
   * matching people are in `directories`. Hubs without results are left out.
   */
  hubs(query: string, options?: HubSearchOptions & CallOptions): Promise<Hub[]>;
  /**
   * One list ranked by relevance (`GET /library/search?query=…&searchTypes=movies,tv&limit=…`),
   * each result a library item or a person with a 0..1 `score`.
   */
  library(query: string, options?: LibrarySearchOptions & CallOptions): Promise<SearchResult[]>;
}

/** Searching the library: grouped by type (`/hubs/search`) or as one ranked list (`/library/search`). */
export function searchApi(transport: Transport): SearchApi {
  return {
    /**
     * Searches titles, people and tags (`GET /hubs/search?query=…&limit=…&sectionId=…
     * &includeCollections=1`) and returns one hub per result type, best hub first. Shows,
     * seasons, artists and albums (which Plex sends as `Directory`) are in `items` like movies;
     * matching people are in `directories`. Hubs without results are left out.
     */
    async hubs(query: string, options: HubSearchOptions & CallOptions = {}): Promise<Hub[]> {
      const body = await transport.json(
        {
          path: '/hubs/search',
          query: {
            query: requireQuery(query),
            limit: positive('limit', options.limit),
            sectionId: options.sectionId === undefined ? undefined : segment(options.sectionId),
            includeCollections: options.includeCollections ?? true,
          },
          ...withSignal(options),
        },
        hubsContainerSchema,
      );
      const wanted = options.types ? new Set(options.types) : undefined;
      return body.MediaContainer.Hub.filter(
        (hub) =>
          (hub.items.length > 0 || hub.directories.length > 0) &&
          (!wanted || wanted.has(hub.type) || wanted.has(hub.hubIdentifier)),
      );
    },

    /**
     * One list ranked by relevance (`GET /library/search?query=…&searchTypes=movies,tv&limit=…`),
     * each result a library item or a person with a 0..1 `score`.
     */
    async library(
      query: string,
      options: LibrarySearchOptions & CallOptions = {},
    ): Promise<SearchResult[]> {
      const searchTypes = options.searchTypes?.join(',');
      const body = await transport.json(
        {
          path: '/library/search',
          query: {
            query: requireQuery(query),
            searchTypes: searchTypes === '' ? undefined : searchTypes,
            limit: positive('limit', options.limit),
            sectionId: options.sectionId === undefined ? undefined : segment(options.sectionId),
            includeCollections:
              options.includeCollections === undefined ? undefined : options.includeCollections,
          },
          ...withSignal(options),
        },
        searchResultsContainerSchema,
      );
      return body.MediaContainer.SearchResult;
    },
  };
}
