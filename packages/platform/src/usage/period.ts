// The time spans usage is answered for: the current calendar month (UTC), and the hour or day
// buckets of a history, aligned to UTC so every replica and every client agrees on them.

/** A history's bucket size. */
export type Granularity = 'hour' | 'day';

/** Milliseconds in a bucket of each granularity. */
export const BUCKET_MS: Readonly<Record<Granularity, number>> = {
  hour: 3_600_000,
  day: 86_400_000,
};

/** The calendar month (UTC) `now` is in: its first instant and the next month's. */
export function monthOf(now: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end };
}

/** `at` moved back to the start of its bucket. */
export function floorTo(at: number, granularity: Granularity): number {
  return Math.floor(at / BUCKET_MS[granularity]) * BUCKET_MS[granularity];
}

/** `at` moved forward to the next bucket start (unchanged when it is one). */
export function ceilTo(at: number, granularity: Granularity): number {
  return Math.ceil(at / BUCKET_MS[granularity]) * BUCKET_MS[granularity];
}
