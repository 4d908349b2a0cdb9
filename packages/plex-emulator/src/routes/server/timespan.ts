import { HttpError, type RequestContext } from '../../http/context.js';

/**
 * Plex's dashboard timespan codes (python-plexapi `bandwidth()`): 1 months, 2 weeks, 3 days,
 * 4 hours, 6 seconds. There is no 5.
 */
export type Timespan = 1 | 2 | 3 | 4 | 6;

/** Seconds between "seconds" samples: PMS's live dashboard rows arrive about every 5 s. */
export const SAMPLE_SECONDS = 5;
/** How far back the live ("seconds") statistics reach: the dashboard's two-minute graph. */
export const LIVE_WINDOW_SECONDS = 120;

const HOUR = 3600;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** 1970-01-05, the first Monday after the epoch: weeks start on Mondays. */
const FIRST_MONDAY = 4 * DAY;

/** The `timespan` query parameter, or `fallback` when absent; 400 for a code Plex lacks. */
export function readTimespan(ctx: RequestContext, fallback: Timespan): Timespan {
  const raw = ctx.query.get('timespan');
  if (raw === null || raw === '') return fallback;
  const code = Number(raw);
  if (code === 1 || code === 2 || code === 3 || code === 4 || code === 6) return code;
  throw new HttpError(400, `unknown timespan ${raw}`);
}

/** Start (Unix seconds, UTC) of the bin holding `at`. */
export function binStart(timespan: Timespan, at: number): number {
  switch (timespan) {
    case 6:
      return at - mod(at, SAMPLE_SECONDS);
    case 4:
      return at - mod(at, HOUR);
    case 3:
      return at - mod(at, DAY);
    case 2:
      return at - mod(at - FIRST_MONDAY, WEEK);
    case 1: {
      const date = new Date(at * 1000);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 1000;
    }
  }
}

/** Start of the bin after the one starting at `start`. */
export function nextBin(timespan: Timespan, start: number): number {
  switch (timespan) {
    case 6:
      return start + SAMPLE_SECONDS;
    case 4:
      return start + HOUR;
    case 3:
      return start + DAY;
    case 2:
      return start + WEEK;
    case 1: {
      const date = new Date(start * 1000);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / 1000;
    }
  }
}

/** Start of the bin before the one starting at `start`. */
export function previousBin(timespan: Timespan, start: number): number {
  return binStart(timespan, start - 1);
}

/**
 * Calls `visit` for every bin that overlaps `[from, to)` with the seconds of overlap, in order.
 */
export function forEachBin(
  timespan: Timespan,
  from: number,
  to: number,
  visit: (start: number, overlapSeconds: number) => void,
): void {
  for (let start = binStart(timespan, from); start < to; ) {
    const end = nextBin(timespan, start);
    const overlap = Math.min(to, end) - Math.max(from, start);
    if (overlap > 0) visit(start, overlap);
    start = end;
  }
}

function mod(value: number, by: number): number {
  return ((value % by) + by) % by;
}
