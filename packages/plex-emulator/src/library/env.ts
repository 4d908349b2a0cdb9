import type { EmulatorState } from '../state/store.js';
import type { ItemRecord } from '../state/types.js';

/** What evaluating a query needs besides the items: the state, and whose watch state counts. */
export interface QueryEnv {
  state: EmulatorState;
  /** The caller; `unwatched`, `inProgress`, `viewCount`, `lastViewedAt` and `userRating` are theirs. */
  accountId: number;
}

/** One item's watch facts for the caller, aggregated over the leaves for parents. */
export interface WatchSummary {
  viewCount: number;
  lastViewedAt: number | undefined;
  /** True when the item (or any leaf below it) has not been played to the end. */
  unwatched: boolean;
  /** True when the item (or any leaf below it) has a resume position. */
  inProgress: boolean;
  userRating: number | undefined;
}

const LEAF_TYPES = new Set(['movie', 'episode', 'track', 'photo']);

/**
 * The caller's watch facts for an item. Leaves report their own state; shows, seasons, artists,
 * albums and collections report their leaves (played count summed, latest view, any unplayed),
 * which is how PMS answers `unwatched=1` for shows.
 */
export function watchSummary(env: QueryEnv, item: ItemRecord): WatchSummary {
  const own = env.state.watchState(env.accountId, item.ratingKey);
  if (LEAF_TYPES.has(item.type)) {
    return {
      viewCount: own.viewCount,
      lastViewedAt: own.lastViewedAt,
      unwatched: own.viewCount === 0,
      inProgress: (own.viewOffset ?? 0) > 0,
      userRating: own.userRating,
    };
  }
  let viewCount = 0;
  let lastViewedAt: number | undefined;
  let unwatched = false;
  let inProgress = false;
  const leaves = env.state.leavesOf(item);
  for (const leaf of leaves) {
    const watch = env.state.watchState(env.accountId, leaf.ratingKey);
    viewCount += watch.viewCount;
    if (watch.viewCount === 0) unwatched = true;
    if ((watch.viewOffset ?? 0) > 0) inProgress = true;
    if (watch.lastViewedAt !== undefined && (lastViewedAt ?? -1) < watch.lastViewedAt) {
      lastViewedAt = watch.lastViewedAt;
    }
  }
  return {
    viewCount,
    lastViewedAt,
    unwatched: unwatched || leaves.length === 0,
    inProgress,
    userRating: own.userRating,
  };
}
