import type { Transport } from '../http/transport.js';
import { type HistoryEntry, historyContainerSchema } from '../schemas/history.js';
import { epochSeconds, fetchOneMetadata, segment, withSignal } from './helpers.js';
import { fetchMetadataPage, iteratePages, type Page, type PageOptions } from './paging.js';
import type { CallOptions } from './server.js';

/** Which plays `history.list()` returns. */
export interface HistoryFilter {
  /** Plays of this account (`/accounts` id; the owner is 1). */
  accountId?: number;
  /** Plays of this device (`/devices` id). */
  deviceId?: number;
  /** Plays of items in this library section. */
  sectionId?: number | string;
  /** Plays of this item, or of its children and grandchildren (a show's episodes). */
  ratingKey?: number | string;
  /** Plays at or after this time (inclusive). */
  since?: Date | number;
  /** Plays before this time (exclusive), so consecutive windows do not overlap. */
  until?: Date | number;
  /** Plex sort, e.g. `viewedAt:asc`. Default `viewedAt:desc` (newest first). */
  sort?: string;
}

/** The `history` namespace of a Plex client. */
export interface HistoryApi {
  /**
   * One page of plays, newest first (`GET /status/sessions/history/all`), filtered as PMS
   * filters: `accountID`, `deviceID`, `librarySectionID`, `metadataItemID`, `viewedAt>=`
   * (`since`) and `viewedAt<` (`until`). The owner sees every account's plays; others their own.
   */
  list(options?: HistoryFilter & PageOptions & CallOptions): Promise<Page<HistoryEntry>>;
  /** Every matching play, page by page through `list()` (`pageSize` per request, default 100). */
  iterateItems(
    options?: HistoryFilter &
      CallOptions & {
        pageSize?: number;
      },
  ): AsyncGenerator<HistoryEntry, void, undefined>;
  /** One entry (`GET /status/sessions/history/{id}`). */
  get(historyId: string | number, options?: CallOptions): Promise<HistoryEntry>;
  /**
   * Forgets one play (`DELETE /status/sessions/history/{id}`); watched state stays. Owner only.
   */
  delete(historyId: string | number, options?: CallOptions): Promise<void>;
}

/** Playback history: finished plays, filterable and paged; deleting entries. */
export function historyApi(transport: Transport): HistoryApi {
  const api = {
    /**
     * One page of plays, newest first (`GET /status/sessions/history/all`), filtered as PMS
     * filters: `accountID`, `deviceID`, `librarySectionID`, `metadataItemID`, `viewedAt>=`
     * (`since`) and `viewedAt<` (`until`). The owner sees every account's plays; others their own.
     */
    async list(
      options: HistoryFilter & PageOptions & CallOptions = {},
    ): Promise<Page<HistoryEntry>> {
      return fetchMetadataPage(
        transport,
        {
          path: '/status/sessions/history/all',
          query: {
            accountID: options.accountId,
            deviceID: options.deviceId,
            librarySectionID: options.sectionId,
            metadataItemID: options.ratingKey,
            // Plex filter keys: `viewedAt>` means >=, `viewedAt<<` means strictly less.
            'viewedAt>': options.since === undefined ? undefined : epochSeconds(options.since),
            'viewedAt<<': options.until === undefined ? undefined : epochSeconds(options.until),
            sort: options.sort ?? 'viewedAt:desc',
          },
        },
        historyContainerSchema,
        options,
      );
    },

    /** Every matching play, page by page through `list()` (`pageSize` per request, default 100). */
    iterateItems(
      options: HistoryFilter & CallOptions & { pageSize?: number } = {},
    ): AsyncGenerator<HistoryEntry, void, undefined> {
      const { pageSize, ...filter } = options;
      return iteratePages((window) => api.list({ ...filter, ...window }), pageSize);
    },

    /** One entry (`GET /status/sessions/history/{id}`). */
    async get(historyId: string | number, options: CallOptions = {}): Promise<HistoryEntry> {
      return fetchOneMetadata(
        transport,
        { path: `/status/sessions/history/${segment(historyId)}`, ...withSignal(options) },
        historyContainerSchema,
        `history entry ${historyId}`,
      );
    },

    /**
     * Forgets one play (`DELETE /status/sessions/history/{id}`); watched state stays. Owner only.
     */
    async delete(historyId: string | number, options: CallOptions = {}): Promise<void> {
      await transport.empty({
        method: 'DELETE',
        path: `/status/sessions/history/${segment(historyId)}`,
        ...withSignal(options),
      });
    },
  };
  return api;
}
