import { isParent, leavesUnder } from '../../library/children.js';
import type { EmulatorState } from '../../state/store.js';
import type { ItemRecord, WatchState } from '../../state/types.js';

/*
 * The caller's own marks on an item: played, unplayed, rated, and the resume point a client
 * reports. None of these writes history; a play that finishes on a player does (watch-progress).
 */

/** PMS counts an item as watched once playback passes 90% of it (its default threshold). */
export const WATCHED_SHARE = 0.9;

/** Whether an offset is far enough into an item to count as a full view. */
export function pastWatchedMark(item: ItemRecord, offset: number): boolean {
  return (
    item.duration !== undefined && item.duration > 0 && offset >= item.duration * WATCHED_SHARE
  );
}

/** A finished play: one more view, now, and no resume point. Ratings are kept. */
export function playedState(current: WatchState, now: number): WatchState {
  const { viewOffset: _offset, ...rest } = current;
  return { ...rest, viewCount: current.viewCount + 1, lastViewedAt: now };
}

/** Never played: no views, no last-viewed time, no resume point. Ratings are kept. */
function unplayedState(current: WatchState): WatchState {
  const { viewOffset: _offset, lastViewedAt: _at, ...rest } = current;
  return { ...rest, viewCount: 0 };
}

function withoutOffset(current: WatchState): WatchState {
  const { viewOffset: _offset, ...rest } = current;
  return rest;
}

function update(
  state: EmulatorState,
  accountId: number,
  item: ItemRecord,
  change: (current: WatchState) => WatchState,
): void {
  state.setWatchState(
    accountId,
    item.ratingKey,
    change(state.watchState(accountId, item.ratingKey)),
  );
}

/**
 * Marks an item played for one account (`/:/scrobble`). A leaf gains a view each time; under a
 * show, season, artist, album or collection every leaf not yet played gains one, and played
 * leaves keep their count, as marking a whole show twice does not replay it.
 */
export function markPlayed(
  state: EmulatorState,
  accountId: number,
  item: ItemRecord,
  now: number,
): void {
  if (!isParent(item)) {
    update(state, accountId, item, (current) => playedState(current, now));
    return;
  }
  for (const leaf of leavesUnder(state, item)) {
    update(state, accountId, leaf, (current) =>
      current.viewCount > 0 ? withoutOffset(current) : playedState(current, now),
    );
  }
}

/** Marks an item, or every leaf under it, unplayed for one account (`/:/unscrobble`). */
export function markUnplayed(state: EmulatorState, accountId: number, item: ItemRecord): void {
  for (const leaf of leavesUnder(state, item)) update(state, accountId, leaf, unplayedState);
}

/** Sets an account's 0–10 rating of an item at `ratedAt`; `undefined` clears it. */
export function rateItem(
  state: EmulatorState,
  accountId: number,
  item: ItemRecord,
  rating: number | undefined,
  ratedAt: number,
): void {
  if (rating === undefined) {
    update(state, accountId, item, ({ userRating: _r, lastRatedAt: _t, ...rest }) => rest);
    return;
  }
  update(state, accountId, item, (current) => ({
    ...current,
    userRating: rating,
    lastRatedAt: ratedAt,
  }));
}

/**
 * Stores the resume point a client reports (`/:/progress`, ms). 0 clears it; past the watched
 * mark the play counts as finished, once, as PMS's "video played threshold" does.
 */
export function reportProgress(
  state: EmulatorState,
  accountId: number,
  item: ItemRecord,
  offset: number,
  now: number,
): void {
  update(state, accountId, item, (current) => {
    if (pastWatchedMark(item, offset)) {
      const inProgress = current.viewOffset !== undefined || current.viewCount === 0;
      return inProgress ? playedState(current, now) : current;
    }
    if (offset === 0) return withoutOffset(current);
    return { ...current, viewOffset: offset, lastViewedAt: now };
  });
}
