import { describe, expect, it } from 'vitest';
import type { ItemRecord } from '../../state/types.js';
import { testEmulator } from '../../testing/harness.js';
import { addShow } from '../../testing/library-fixtures.js';
import {
  markPlayed,
  markUnplayed,
  pastWatchedMark,
  rateItem,
  reportProgress,
} from './watch-marks.js';

const NOW = 1_700_000_000;
const ACCOUNT = 1;

function fixture() {
  const { state } = testEmulator({ library: 'empty' });
  const { show, episodes } = addShow(state, [{ index: 1, episodes: [1, 2] }], 1000);
  const watch = (item: ItemRecord) => state.watchState(ACCOUNT, item.ratingKey);
  return { state, show, episodes, watch };
}

describe('watch marks', () => {
  it('scrobbling a leaf adds a view each time and drops its resume point', () => {
    const { state, episodes, watch } = fixture();
    const [first] = episodes as [ItemRecord];
    reportProgress(state, ACCOUNT, first, 400, NOW);
    markPlayed(state, ACCOUNT, first, NOW + 1);
    markPlayed(state, ACCOUNT, first, NOW + 2);
    expect(watch(first)).toEqual({ viewCount: 2, lastViewedAt: NOW + 2 });
  });

  it('scrobbling a show plays only the episodes not yet played', () => {
    const { state, show, episodes, watch } = fixture();
    const [first, second] = episodes as [ItemRecord, ItemRecord];
    markPlayed(state, ACCOUNT, first, NOW);
    markPlayed(state, ACCOUNT, show, NOW + 10);
    expect(watch(first)).toEqual({ viewCount: 1, lastViewedAt: NOW });
    expect(watch(second)).toEqual({ viewCount: 1, lastViewedAt: NOW + 10 });
    expect(watch(show).viewCount).toBe(0);
  });

  it('unscrobbling a show clears every episode but keeps ratings', () => {
    const { state, show, episodes, watch } = fixture();
    const [first] = episodes as [ItemRecord];
    markPlayed(state, ACCOUNT, show, NOW);
    rateItem(state, ACCOUNT, first, 8, NOW);
    markUnplayed(state, ACCOUNT, show);
    expect(watch(first)).toEqual({ viewCount: 0, userRating: 8, lastRatedAt: NOW });
    rateItem(state, ACCOUNT, first, undefined, NOW);
    expect(watch(first)).toEqual({ viewCount: 0 });
  });

  it('progress past 90 % counts one play; 0 clears the resume point', () => {
    const { state, episodes, watch } = fixture();
    const [first] = episodes as [ItemRecord];
    expect(pastWatchedMark(first, 899)).toBe(false);
    expect(pastWatchedMark(first, 900)).toBe(true);
    reportProgress(state, ACCOUNT, first, 500, NOW);
    expect(watch(first)).toEqual({ viewCount: 0, viewOffset: 500, lastViewedAt: NOW });
    reportProgress(state, ACCOUNT, first, 0, NOW + 1);
    expect(watch(first)).toEqual({ viewCount: 0, lastViewedAt: NOW });
    reportProgress(state, ACCOUNT, first, 950, NOW + 2);
    reportProgress(state, ACCOUNT, first, 990, NOW + 3);
    expect(watch(first)).toEqual({ viewCount: 1, lastViewedAt: NOW + 2 });
  });
});
