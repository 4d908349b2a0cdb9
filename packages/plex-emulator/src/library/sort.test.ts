import { describe, expect, it } from 'vitest';
import { DEMO } from '../data/demo.js';
import type { EmulatorState } from '../state/store.js';
import type { ItemRecord } from '../state/types.js';
import { testEmulator } from '../testing/harness.js';
import { QueryError } from './errors.js';
import { defaultSort, parseSort, sortItems, sortSignature, sortTitle } from './sort.js';

const MOVIES = { sectionType: 'movie', type: 'movie' } as const;

function itemsOf(state: EmulatorState, sectionId: number, type: ItemRecord['type']): ItemRecord[] {
  return state.keysOf(sectionId, type).flatMap((key) => state.items.get(key) ?? []);
}

describe('parseSort', () => {
  it('reads fields, directions and nullsLast', () => {
    const keys = parseSort('year:desc,titleSort,rating:nullsLast', MOVIES);
    expect(keys.map((key) => [key.field.key, key.descending, key.nullsLast])).toEqual([
      ['year', true, false],
      ['titleSort', false, false],
      ['rating', false, true],
    ]);
    expect(sortSignature(keys)).toBe('movie.year:desc,movie.titleSort,movie.rating:nullsLast');
  });

  it('strips the scope of the result type and keeps other levels', () => {
    expect(parseSort('movie.addedAt:desc', MOVIES)[0]?.scope).toBe('movie');
    const [key] = parseSort('episode.addedAt:desc', { sectionType: 'show', type: 'show' });
    expect([key?.scope, key?.field.key, key?.descending]).toEqual(['episode', 'addedAt', true]);
  });

  it('refuses unknown fields, scopes and directions with a 400', () => {
    expect(() => parseSort('colour', MOVIES)).toThrow(QueryError);
    expect(() => parseSort('show.titleSort', MOVIES)).toThrow(QueryError);
    expect(() => parseSort('year:sideways', MOVIES)).toThrow(QueryError);
  });

  it('defaults by title for top types and by position for children', () => {
    expect(sortSignature(defaultSort(MOVIES))).toBe('movie.titleSort');
    expect(sortSignature(defaultSort({ sectionType: 'show', type: 'episode' }))).toBe(
      'show.titleSort,season.index,episode.index',
    );
  });
});

describe('sortTitle', () => {
  it('uses the stored sort title, else drops a leading article, case and accents', () => {
    const { state } = testEmulator();
    const find = (title: string) => [...state.items.values()].find((item) => item.title === title);
    const phantom = find('The Phantom of the Opera');
    const kid = find('The Kid');
    const gymnopedie = find('Gymnopédie No. 1');
    if (!phantom || !kid || !gymnopedie) throw new Error('demo items missing');
    expect(sortTitle(phantom)).toBe('phantom of the opera');
    expect(sortTitle(kid)).toBe('kid');
    expect(sortTitle(gymnopedie)).toBe('gymnopedie no. 1');
  });
});

describe('sortItems', () => {
  const { state } = testEmulator();
  const env = { state, accountId: 1 };
  const movies = itemsOf(state, DEMO.sections.movies, 'movie');
  const titles = (keys: string[]) => keys.map((key) => state.items.get(key)?.title);

  it('orders by title ignoring articles, ties by ratingKey', () => {
    const ordered = titles(sortItems(movies, defaultSort(MOVIES), env, 'movie'));
    expect(ordered.slice(0, 4)).toEqual(['Carnival of Souls', 'Charade', 'D.O.A.', 'Detour']);
    const holmes = sortItems(movies, parseSort('titleSort', MOVIES), env, 'movie').filter(
      (key) => state.items.get(key)?.title === 'Sherlock Holmes',
    );
    expect(holmes).toEqual([
      DEMO.movies.sherlockHolmes1916.ratingKey,
      DEMO.movies.sherlockHolmes1922.ratingKey,
    ]);
  });

  it('sorts descending and by several keys', () => {
    const byYear = sortItems(movies, parseSort('year:desc,titleSort', MOVIES), env, 'movie');
    expect(titles(byYear).slice(0, 3)).toEqual([
      'Night of the Living Dead',
      'Charade',
      'Carnival of Souls',
    ]);
    const years = byYear.map((key) => state.items.get(key)?.year ?? 0);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const sameYear = sortItems(movies, parseSort('year,title:desc', MOVIES), env, 'movie')
      .map((key) => state.items.get(key))
      .filter((item) => item?.year === 1945)
      .map((item) => item?.title);
    expect(sameYear).toEqual(['Scarlet Street', 'Detour']);
  });

  it('puts missing values first ascending, last descending, last with nullsLast', () => {
    const rated = (sort: string) =>
      sortItems(movies, parseSort(sort, MOVIES), env, 'movie').map(
        (key) => env.state.watchState(1, key).userRating,
      );
    const ascending = rated('userRating');
    expect(ascending[0]).toBeUndefined();
    expect(ascending.at(-1)).toBe(10);
    const descending = rated('userRating:desc');
    expect(descending.slice(0, 3)).toEqual([10, 9, 8]);
    expect(descending.at(-1)).toBeUndefined();
    expect(rated('userRating:nullsLast').slice(0, 3)).toEqual([8, 9, 10]);
  });

  it('sorts parents by a level below: shows by their newest episode', () => {
    const shows = itemsOf(state, DEMO.sections.tv, 'show');
    const context = { sectionType: 'show', type: 'show' } as const;
    const keys = sortItems(shows, parseSort('episode.addedAt:desc', context), env, 'show');
    const newest = (key: string) =>
      Math.max(...state.leavesOf(state.items.get(key) as ItemRecord).map((leaf) => leaf.addedAt));
    const times = keys.map(newest);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('sorts children by a level above: episodes in show, season and episode order', () => {
    const episodes = itemsOf(state, DEMO.sections.tv, 'episode');
    const context = { sectionType: 'show', type: 'episode' } as const;
    const ordered = sortItems(episodes, defaultSort(context), env, 'show').map((key) => {
      const episode = state.items.get(key) as ItemRecord;
      const show = state.items.get(episode.grandparentRatingKey ?? '');
      const season = state.items.get(episode.parentRatingKey ?? '');
      return `${show?.title}|${season?.index}|${episode.index}`;
    });
    // "The Beverly Hillbillies" sorts as "Beverly Hillbillies", before "Bonanza".
    expect(ordered[0]).toBe('The Beverly Hillbillies|1|1');
    expect(ordered[DEMO.shows.beverlyHillbillies.episodes]).toBe('Bonanza|1|1');
    expect(ordered.at(-1)).toBe(`One Step Beyond|1|${DEMO.shows.oneStepBeyond.episodes}`);
  });
});
