import { describe, expect, it } from 'vitest';
import type { SectionRecord } from '../state/types.js';
import { testEmulator } from '../testing/harness.js';
import { countMatches, parseLibraryQuery, queryPredicate } from './query.js';

const NOW = Date.UTC(2025, 10, 22, 12) / 1000;

function setup() {
  const emulator = testEmulator({ library: 'synthetic:2000' });
  const { state } = emulator;
  const movies = state.sections.get(1) as SectionRecord;
  const parse = (query: string) =>
    parseLibraryQuery(new URLSearchParams(query), { section: movies, accountId: 1, now: NOW });
  /** The count the hard way: the compiled predicate over every movie. */
  const scanned = (query: string) => {
    const parsed = parse(query);
    const matches = queryPredicate(state, parsed);
    return state
      .keysOf(1, 'movie')
      .filter((key) =>
        matches(state.items.get(key) as NonNullable<ReturnType<typeof state.items.get>>),
      ).length;
  };
  const counted = (query: string) => countMatches(state, parse(query));
  return { state, scanned, counted };
}

describe('single-field counts from tallies', () => {
  it('agree with the predicate for genres by name and by id, decades, years and content ratings', () => {
    const { state, scanned, counted } = setup();
    const dramaId = state.tagId('genre', 'Drama');
    const queries = [
      'type=1&genre=Drama',
      'type=1&genre=drama',
      `type=1&genre=${dramaId}`,
      'type=1&genre=No Such Genre',
      'type=1&decade=1990',
      'type=1&decade=1990,2000,1990',
      'type=1&year=2001',
      'type=1&contentRating=PG-13',
    ];
    for (const query of queries) {
      expect([query, counted(query)]).toEqual([query, scanned(query)]);
    }
    expect(counted('type=1&genre=Drama')).toBeGreaterThan(0);
    expect(counted('type=1&genre=No Such Genre')).toBe(0);
  });

  it('see edits made after the tally was built', () => {
    const { state, scanned, counted } = setup();
    const before = counted('type=1&genre=Heist Noir');
    const key = state.keysOf(1, 'movie')[0] as string;
    const movie = state.items.get(key);
    if (!movie) throw new Error('no movie');
    movie.tags.genre = [...(movie.tags.genre ?? []), { tag: 'Heist Noir' }];
    state.touch(movie, NOW);
    expect([before, counted('type=1&genre=Heist Noir')]).toEqual([0, 1]);
    expect(counted('type=1&genre=Heist Noir')).toBe(scanned('type=1&genre=Heist Noir'));
  });

  it('leave combined and negated filters to the full scan', () => {
    const { scanned, counted } = setup();
    for (const query of [
      'type=1&genre!=Drama',
      'type=1&genre=Drama&decade=1990',
      'type=1&decade>>=1990',
      'type=1&genre=Drama,Comedy',
    ]) {
      expect([query, counted(query)]).toEqual([query, scanned(query)]);
    }
  });
});
