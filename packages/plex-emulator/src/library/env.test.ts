import { describe, expect, it } from 'vitest';
import { DEMO } from '../data/demo.js';
import type { ItemRecord } from '../state/types.js';
import { testEmulator } from '../testing/harness.js';
import { watchSummary } from './env.js';

describe('watchSummary', () => {
  const { state } = testEmulator();
  const get = (key: string) => state.items.get(key) as ItemRecord;

  it('reports a leaf own watch state for the caller', () => {
    const charade = get(DEMO.movies.charade.ratingKey);
    expect(watchSummary({ state, accountId: 1 }, charade)).toMatchObject({
      viewCount: 0,
      unwatched: true,
      inProgress: true,
    });
    expect(watchSummary({ state, accountId: 3 }, charade)).toMatchObject({
      viewCount: 0,
      inProgress: false,
      lastViewedAt: undefined,
    });
  });

  it('aggregates a parent over its leaves', () => {
    const bonanza = get(DEMO.shows.bonanza.ratingKey);
    const episodes = state.leavesOf(bonanza);
    const summary = watchSummary({ state, accountId: 1 }, bonanza);
    const plays = episodes.map((episode) => state.watchState(1, episode.ratingKey));
    expect(summary.viewCount).toBe(plays.reduce((sum, watch) => sum + watch.viewCount, 0));
    expect(summary.lastViewedAt).toBe(Math.max(...plays.map((watch) => watch.lastViewedAt ?? 0)));
    expect(summary.unwatched).toBe(true);
    expect(summary.inProgress).toBe(true);
  });

  it('calls a parent watched once every leaf is', () => {
    const show = get(DEMO.shows.oneStepBeyond.ratingKey);
    for (const episode of state.leavesOf(show)) {
      state.setWatchState(4, episode.ratingKey, { viewCount: 1, lastViewedAt: 1 });
    }
    expect(watchSummary({ state, accountId: 4 }, show).unwatched).toBe(false);
  });
});
