import type { Transport } from '../http/transport.js';
import type { Account, Device } from '../schemas/accounts.js';
import {
  type BandwidthStatistic,
  bandwidthContainerSchema,
  type MediaStatistic,
  mediaStatisticsContainerSchema,
  type ResourceStatistic,
  resourcesContainerSchema,
} from '../schemas/statistics.js';
import { epochSeconds, withSignal } from './helpers.js';
import type { CallOptions } from './server.js';

/** The bin size of dashboard statistics. `seconds` is the live two-minute graph. */
export type StatisticsTimespan = 'seconds' | 'hours' | 'days' | 'weeks' | 'months';

/** Plex's numeric codes for the bin sizes (python-plexapi `bandwidth()`); there is no 5. */
export const TIMESPAN_CODES: Readonly<Record<StatisticsTimespan, number>> = {
  months: 1,
  weeks: 2,
  days: 3,
  hours: 4,
  seconds: 6,
};

/** Options common to the statistics calls. */
export interface StatisticsOptions extends CallOptions {
  timespan?: StatisticsTimespan;
  /** Only rows of this account (`/accounts` id). */
  accountId?: number;
  /** Only rows of this device (`/devices` id). */
  deviceId?: number;
  /** Only bins starting at or after this time (`at>=`). */
  since?: Date | number;
}

/** Options of `statistics.bandwidth()`. */
export interface BandwidthOptions extends StatisticsOptions {
  /** Only LAN (true) or only WAN (false) traffic. */
  lan?: boolean;
}

/** Statistics rows with the accounts and devices they refer to (PMS sends those alongside). */
export interface StatisticsReport<Row> {
  rows: Row[];
  accounts: Account[];
  devices: Device[];
}

/** The `statistics` namespace of a Plex client. */
export interface StatisticsApi {
  /**
   * Bytes sent per account, device, LAN/WAN and bin (`GET /statistics/bandwidth`). Default
   * timespan `seconds`, as the dashboard's live graph.
   */
  bandwidth(options?: BandwidthOptions): Promise<StatisticsReport<BandwidthStatistic>>;
  /**
   * Plays per account, device and metadata type, with seconds played, per bin
   * (`GET /statistics/media`). Default timespan `hours`.
   */
  media(options?: StatisticsOptions): Promise<StatisticsReport<MediaStatistic>>;
  /**
   * Host and server-process CPU and memory samples, newest last (`GET /statistics/resources`).
   * Default timespan `seconds`.
   */
  resources(
    options?: {
      timespan?: StatisticsTimespan;
    } & CallOptions,
  ): Promise<ResourceStatistic[]>;
}

/** The admin dashboard's statistics: bandwidth, plays and server load. Owner only (403 else). */
export function statisticsApi(transport: Transport): StatisticsApi {
  return {
    /**
     * Bytes sent per account, device, LAN/WAN and bin (`GET /statistics/bandwidth`). Default
     * timespan `seconds`, as the dashboard's live graph.
     */
    async bandwidth(options: BandwidthOptions = {}): Promise<StatisticsReport<BandwidthStatistic>> {
      const body = await transport.json(
        {
          path: '/statistics/bandwidth',
          query: { ...filters(options, 'seconds'), lan: options.lan },
          ...withSignal(options),
        },
        bandwidthContainerSchema,
      );
      const { Account, Device, StatisticsBandwidth } = body.MediaContainer;
      return { rows: StatisticsBandwidth, accounts: Account, devices: Device };
    },

    /**
     * Plays per account, device and metadata type, with seconds played, per bin
     * (`GET /statistics/media`). Default timespan `hours`.
     */
    async media(options: StatisticsOptions = {}): Promise<StatisticsReport<MediaStatistic>> {
      const body = await transport.json(
        { path: '/statistics/media', query: filters(options, 'hours'), ...withSignal(options) },
        mediaStatisticsContainerSchema,
      );
      const { Account, Device, StatisticsMedia } = body.MediaContainer;
      return { rows: StatisticsMedia, accounts: Account, devices: Device };
    },

    /**
     * Host and server-process CPU and memory samples, newest last (`GET /statistics/resources`).
     * Default timespan `seconds`.
     */
    async resources(
      options: { timespan?: StatisticsTimespan } & CallOptions = {},
    ): Promise<ResourceStatistic[]> {
      const body = await transport.json(
        {
          path: '/statistics/resources',
          query: { timespan: timespanCode(options.timespan ?? 'seconds') },
          ...withSignal(options),
        },
        resourcesContainerSchema,
      );
      return body.MediaContainer.StatisticsResources;
    },
  };
}

function filters(options: StatisticsOptions, fallback: StatisticsTimespan) {
  return {
    timespan: timespanCode(options.timespan ?? fallback),
    accountID: options.accountId,
    deviceID: options.deviceId,
    'at>': options.since === undefined ? undefined : epochSeconds(options.since),
  };
}

function timespanCode(timespan: StatisticsTimespan): number {
  const code = TIMESPAN_CODES[timespan];
  if (code === undefined) {
    throw new TypeError(
      `timespan must be one of ${Object.keys(TIMESPAN_CODES).join(', ')}; got ${String(timespan)}`,
    );
  }
  return code;
}
