import { describe, expect, it } from 'vitest';
import { DEMO } from '../data/demo.js';
import type { SectionRecord } from '../state/types.js';
import { TEST_NOW_MS, testEmulator } from '../testing/harness.js';
import { ON_DECK_WINDOW_SECONDS, onDeck, recentlyAdded } from './feeds.js';

const NOW = TEST_NOW_MS / 1000;

function setup() {
  const { state } = testEmulator();
  const sections = [...state.sections.values()] as SectionRecord[];
  return { state, sections };
}

describe('recentlyAdded', () => {
  it('merges movies, episodes and albums newest first', () => {
    const { state, sections } = setup();
    const feed = recentlyAdded(state, sections, 1);
    const items = feed.keys.map((key) => state.items.get(key));
    expect(feed.total).toBe(DEMO.counts.movies + DEMO.counts.episodes + DEMO.counts.albums);
    expect(feed.keys).toHaveLength(feed.total);
    expect(new Set(items.map((item) => item?.type))).toEqual(
      new Set(['movie', 'episode', 'album']),
    );
    const times = items.map((item) => item?.addedAt ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('stops after the count asked for but still reports the total', () => {
    const { state, sections } = setup();
    const full = recentlyAdded(state, sections, 1);
    const head = recentlyAdded(state, sections, 1, { count: 5 });
    expect(head.keys).toEqual(full.keys.slice(0, 5));
    expect(head.total).toBe(full.total);
  });

  it('lists one type when asked', () => {
    const { state, sections } = setup();
    const feed = recentlyAdded(state, sections, 1, { type: 'movie' });
    expect(feed.total).toBe(DEMO.counts.movies);
    expect(feed.keys[0]).toBe(DEMO.movies.scarletStreet.ratingKey);
  });
});

describe('onDeck', () => {
  it('lists in-progress items and next episodes, most recent first', () => {
    const { state, sections } = setup();
    const deck = onDeck(state, sections, 1, NOW);
    // Charade and Bonanza's "The Newcomers" are part-watched; One Step Beyond and The Beverly
    // Hillbillies continue after the owner's last watched episode (S01E02 and S01E03).
    expect(deck.map((item) => item.title)).toEqual([
      'Charade',
      'The Newcomers',
      'Emergency Only',
      'The Clampetts Meet Mrs. Drysdale',
    ]);
    expect(deck.slice(2).map((item) => [item.grandparentRatingKey, item.index])).toEqual([
      [DEMO.shows.oneStepBeyond.ratingKey, 3],
      [DEMO.shows.beverlyHillbillies.ratingKey, 4],
    ]);
  });

  it('is per account and leaves music out', () => {
    const { state, sections } = setup();
    expect(onDeck(state, sections, 2, NOW).map((item) => item.title)).toContain('The General');
    expect(onDeck(state, sections, 4, NOW)).toEqual([]);
  });

  it('drops a show once its latest watched episode is the last one', () => {
    const { state, sections } = setup();
    const show = state.items.get(DEMO.shows.oneStepBeyond.ratingKey);
    if (!show) throw new Error('demo show missing');
    const last = state.leavesOf(show).at(-1);
    if (!last) throw new Error('demo episodes missing');
    state.setWatchState(1, last.ratingKey, { viewCount: 1, lastViewedAt: NOW - 60 });
    const deck = onDeck(state, sections, 1, NOW);
    expect(deck.some((item) => item.grandparentRatingKey === show.ratingKey)).toBe(false);
  });

  it('forgets activity older than the On Deck window', () => {
    const { state, sections } = setup();
    const stale = NOW - ON_DECK_WINDOW_SECONDS - 86_400;
    state.setWatchState(1, DEMO.movies.charade.ratingKey, {
      viewCount: 0,
      viewOffset: 60_000,
      lastViewedAt: stale,
    });
    expect(onDeck(state, sections, 1, NOW).map((item) => item.title)).not.toContain('Charade');
  });
});
