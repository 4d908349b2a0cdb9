import * as v from 'valibot';
import { accountSchema, deviceSchema } from './accounts.js';
import { bool, list, mediaContainer, num, opt } from './common.js';

/**
 * The admin dashboard's statistics (`/statistics/bandwidth`, `/media`, `/resources`). Each row
 * covers one time bin starting at `at` (epoch seconds); `timespan` is Plex's bin code.
 */

/** One `StatisticsBandwidth` row: bytes sent to one device of one account, LAN or WAN, in a bin. */
export const bandwidthRowSchema = v.object({
  accountID: num,
  deviceID: num,
  timespan: num,
  at: num,
  lan: v.optional(bool, false),
  bytes: num,
});

/** One `StatisticsMedia` row: plays of one metadata type by one account on one device in a bin. */
export const mediaRowSchema = v.object({
  accountID: num,
  deviceID: num,
  timespan: num,
  at: num,
  /** Plex's metadata type number (1 movie, 4 episode, 10 track, …). */
  metadataType: num,
  count: num,
  /** Seconds played. */
  duration: num,
});

/** One `StatisticsResources` sample: CPU and memory use in percent. */
export const resourcesRowSchema = v.object({
  timespan: num,
  at: num,
  hostCpuUtilization: num,
  processCpuUtilization: num,
  hostMemoryUtilization: num,
  processMemoryUtilization: num,
});

/** `GET /statistics/bandwidth`: rows plus the accounts and devices they name. */
export const bandwidthContainerSchema = mediaContainer({
  Account: list(accountSchema),
  Device: list(deviceSchema),
  StatisticsBandwidth: list(bandwidthRowSchema),
});

/** `GET /statistics/media`: rows plus the accounts and devices they name. */
export const mediaStatisticsContainerSchema = mediaContainer({
  Account: list(accountSchema),
  Device: list(deviceSchema),
  StatisticsMedia: list(mediaRowSchema),
});

/** `GET /statistics/resources`. */
export const resourcesContainerSchema = mediaContainer({
  StatisticsResources: list(resourcesRowSchema),
  timespan: opt(num),
});

/** Bytes sent in one time bin to one device of one account. */
export type BandwidthStatistic = v.InferOutput<typeof bandwidthRowSchema>;
/** Plays of one metadata type in one time bin by one account on one device. */
export type MediaStatistic = v.InferOutput<typeof mediaRowSchema>;
/** One CPU/memory sample of the server. */
export type ResourceStatistic = v.InferOutput<typeof resourcesRowSchema>;
