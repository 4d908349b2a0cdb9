// Durations kept as counts in fixed log-scale buckets, so minutes, replicas and restarts add up
// by plain addition (a percentile cannot be added; counts per bucket can) and p50/p95 come out
// of any sum of them. The bounds never change once released: stored counts refer to them.

/** Upper bounds (inclusive, milliseconds) of the buckets; one more bucket holds the rest. */
export const DURATION_BOUNDS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 30_000,
] as const;

/** How many buckets there are: one per bound and the overflow bucket. */
export const BUCKET_COUNT = DURATION_BOUNDS_MS.length + 1;

/** The stored column of each bucket, `h00` … `h14`, in bound order. */
export const BUCKET_COLUMNS = Array.from(
  { length: BUCKET_COUNT },
  (_, i) => `h${String(i).padStart(2, '0')}`,
) as readonly HistogramColumn[];

/** A histogram column's name. */
export type HistogramColumn =
  | 'h00'
  | 'h01'
  | 'h02'
  | 'h03'
  | 'h04'
  | 'h05'
  | 'h06'
  | 'h07'
  | 'h08'
  | 'h09'
  | 'h10'
  | 'h11'
  | 'h12'
  | 'h13'
  | 'h14';

/** The bucket a duration falls in. */
export function bucketOf(durationMs: number): number {
  // A linear scan of 14 numbers is as fast as a search at this size, and obviously right.
  for (let i = 0; i < DURATION_BOUNDS_MS.length; i += 1) {
    if (durationMs <= DURATION_BOUNDS_MS[i]!) return i;
  }
  return DURATION_BOUNDS_MS.length;
}

/**
 * The duration at quantile `q` (0–1) of the counts: the upper bound of the bucket it falls in,
 * so the answer is never below the true value. The overflow bucket answers its lower bound
 * (30 s): its durations are known only to be above it. Null when nothing was counted.
 */
export function quantileMs(counts: readonly number[], q: number): number | null {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < counts.length; i += 1) {
    seen += counts[i]!;
    if (seen >= rank) return DURATION_BOUNDS_MS[Math.min(i, DURATION_BOUNDS_MS.length - 1)]!;
  }
  return DURATION_BOUNDS_MS[DURATION_BOUNDS_MS.length - 1]!;
}
