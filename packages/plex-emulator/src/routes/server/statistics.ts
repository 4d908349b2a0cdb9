import { type RequestContext, requireOwner } from '../../http/context.js';
import { container, type Fields } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { EmulatorState } from '../../state/store.js';
import { renderAccount, renderDevice } from './render.js';
import { parseStatFilters, type StatRow } from './stat-filter.js';
import { type StreamSpan, streamSpans } from './streams.js';
import {
  binStart,
  forEachBin,
  LIVE_WINDOW_SECONDS,
  nextBin,
  previousBin,
  readTimespan,
  type Timespan,
} from './timespan.js';

/** Where a timespan's statistics begin: the live window for seconds, all history otherwise. */
function windowStart(timespan: Timespan, now: number): number {
  return timespan === 6 ? binStart(6, now - LIVE_WINDOW_SECONDS) : Number.NEGATIVE_INFINITY;
}

/** `Device` and `Account` elements for the ids the rows mention, as PMS sends alongside them. */
function referenced(state: EmulatorState, rows: readonly StatRow[]): Fields {
  const deviceIds = new Set(rows.map((row) => row.deviceID));
  const accountIds = new Set(rows.map((row) => row.accountID));
  return {
    Device: state.devices.filter((device) => deviceIds.has(device.id)).map(renderDevice),
    Account: [...state.accounts.values()]
      .filter((account) => accountIds.has(account.id))
      .sort((a, b) => a.id - b.id)
      .map(renderAccount),
  };
}

function byTimeThenIds(a: StatRow, b: StatRow): number {
  return (
    Number(a.at) - Number(b.at) ||
    Number(a.accountID) - Number(b.accountID) ||
    Number(a.deviceID) - Number(b.deviceID) ||
    Number(a.lan ?? 0) - Number(b.lan ?? 0) ||
    Number(a.metadataType ?? 0) - Number(b.metadataType ?? 0)
  );
}

/**
 * `GET /statistics/bandwidth`: bytes sent per account, device, LAN/WAN and time bin. Each stream
 * contributes its bitrate times the seconds it overlaps a bin.
 */
function bandwidth(ctx: RequestContext): Response {
  requireOwner(ctx);
  const timespan = readTimespan(ctx, 6);
  const keep = parseStatFilters(ctx.query, {
    accountID: 'number',
    deviceID: 'number',
    lan: 'boolean',
    at: 'number',
    bytes: 'number',
  });
  const now = ctx.services.nowSeconds();
  const from = windowStart(timespan, now);
  const bins = new Map<string, StatRow>();
  for (const span of streamSpans(ctx.state, now)) {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, now);
    if (end <= start) continue;
    forEachBin(timespan, start, end, (at, seconds) => {
      const key = `${span.accountId}:${span.deviceId}:${span.lan}:${at}`;
      const row = bins.get(key) ?? {
        accountID: span.accountId,
        deviceID: span.deviceId,
        timespan,
        at,
        lan: span.lan,
        bytes: 0,
      };
      row.bytes = Number(row.bytes) + span.bytesPerSecond * seconds;
      bins.set(key, row);
    });
  }
  const rows = [...bins.values()]
    .map((row) => ({ ...row, bytes: Math.round(Number(row.bytes)) }))
    .filter((row) => row.bytes > 0 && keep(row))
    .sort(byTimeThenIds);
  return container(
    { ...referenced(ctx.state, rows), StatisticsBandwidth: rows },
    'StatisticsBandwidth',
  );
}

/**
 * `GET /statistics/media`: plays per account, device, metadata type and bin, with their total
 * length in seconds. Counts finished plays (the history) in the bin they were recorded in.
 */
function media(ctx: RequestContext): Response {
  requireOwner(ctx);
  const timespan = readTimespan(ctx, 4);
  const keep = parseStatFilters(ctx.query, {
    accountID: 'number',
    deviceID: 'number',
    metadataType: 'number',
    at: 'number',
    count: 'number',
    duration: 'number',
  });
  const now = ctx.services.nowSeconds();
  const from = windowStart(timespan, now);
  const bins = new Map<string, StatRow>();
  for (const span of streamSpans(ctx.state, now)) {
    if (!span.play || span.play.viewedAt < from || span.play.viewedAt > now) continue;
    const at = binStart(timespan, span.play.viewedAt);
    const key = `${span.accountId}:${span.deviceId}:${span.play.metadataType}:${at}`;
    const row = bins.get(key) ?? {
      accountID: span.accountId,
      deviceID: span.deviceId,
      timespan,
      at,
      metadataType: span.play.metadataType,
      count: 0,
      duration: 0,
    };
    row.count = Number(row.count) + 1;
    row.duration = Number(row.duration) + span.play.durationSeconds;
    bins.set(key, row);
  }
  const rows = [...bins.values()].filter(keep).sort(byTimeThenIds);
  return container({ ...referenced(ctx.state, rows), StatisticsMedia: rows }, 'StatisticsMedia');
}

/** Samples `/statistics/resources` returns per request. */
const RESOURCE_SAMPLES = 24;

/**
 * `GET /statistics/resources`: CPU and memory samples, the newest in the current bin. Load
 * follows the streams that overlap each sample (transcodes cost far more than direct plays),
 * plus a small fixed ripple so the graph looks alive; the same state and clock give the same rows.
 */
function resources(ctx: RequestContext): Response {
  requireOwner(ctx);
  const timespan = readTimespan(ctx, 6);
  const now = ctx.services.nowSeconds();
  const spans = streamSpans(ctx.state, now);
  const starts: number[] = [binStart(timespan, now)];
  while (starts.length < RESOURCE_SAMPLES) starts.unshift(previousBin(timespan, starts[0]!));
  const rows = starts.map((at) => {
    const end = Math.min(nextBin(timespan, at), now + 1);
    const { direct, transcodes } = concurrency(spans, at, end);
    const processCpu = 0.35 + 1.2 * direct + 17.5 * transcodes + ripple(at, 0.3);
    const hostCpu = processCpu + 2.1 + ripple(at + 11, 0.9);
    const hostMemory = 31.4 + 0.6 * (direct + transcodes) + ripple(at + 23, 0.2);
    const processMemory = 2.3 + 0.35 * direct + 1.1 * transcodes + ripple(at + 37, 0.04);
    return {
      timespan,
      at,
      hostCpuUtilization: percent(hostCpu),
      processCpuUtilization: percent(processCpu),
      hostMemoryUtilization: percent(hostMemory),
      processMemoryUtilization: percent(processMemory),
    };
  });
  return container({ StatisticsResources: rows }, 'StatisticsResources');
}

/** Average number of streams running over `[from, to)`, split into direct and transcoding work. */
function concurrency(spans: readonly StreamSpan[], from: number, to: number) {
  let direct = 0;
  let transcodes = 0;
  for (const span of spans) {
    const overlap = (span.live ? to : Math.min(span.end, to)) - Math.max(span.start, from);
    if (overlap <= 0) continue;
    const share = overlap / (to - from);
    transcodes += share * span.transcodeLoad;
    direct += share * (1 - span.transcodeLoad);
  }
  return { direct, transcodes };
}

/** A deterministic wobble of at most ±`amplitude` around zero. */
function ripple(at: number, amplitude: number): number {
  return amplitude * (0.6 * Math.sin(at * 0.37) + 0.4 * Math.sin(at * 1.13));
}

function percent(value: number): number {
  return Math.round(Math.min(100, Math.max(0, value)) * 1000) / 1000;
}

/** The admin dashboard's statistics: `/statistics/bandwidth`, `/media` and `/resources`. */
export const statisticsRoutes: Route[] = [
  { method: 'GET', path: '/statistics/bandwidth', handler: bandwidth },
  { method: 'GET', path: '/statistics/media', handler: media },
  { method: 'GET', path: '/statistics/resources', handler: resources },
];
