import { describe, expect, it } from 'vitest';
import { DEMO } from '../data/demo.js';
import type { SectionRecord } from '../state/types.js';
import { testEmulator } from '../testing/harness.js';
import { filterChoices, firstCharacterOf, firstCharacters, isChoiceField } from './choices.js';
import { FIELDS } from './fields.js';

describe('filterChoices', () => {
  const { state } = testEmulator();
  const movies = state.sections.get(DEMO.sections.movies) as SectionRecord;
  const tv = state.sections.get(DEMO.sections.tv) as SectionRecord;
  const music = state.sections.get(DEMO.sections.music) as SectionRecord;

  it('lists tags by title with their tag ids and counts', () => {
    const genres = filterChoices(state, movies, 'movie', 'genre');
    const titles = genres.map((choice) => choice.title);
    expect(titles).toEqual([...titles].sort());
    const horror = genres.find((choice) => choice.title === 'Horror');
    expect(horror?.key).toBe(String(state.tagId('genre', 'Horror')));
    const horrorMovies = [...state.items.values()].filter((item) =>
      item.tags.genre?.some((tag) => tag.tag === 'Horror'),
    );
    expect(horror?.count).toBe(horrorMovies.length);
  });

  it('keys content ratings and studios by the value itself', () => {
    expect(filterChoices(state, movies, 'movie', 'contentRating').map((c) => c.key)).toEqual([
      'Approved',
      'Not Rated',
    ]);
    const studio = filterChoices(state, movies, 'movie', 'studio')[0];
    expect(studio?.key).toBe(studio?.title);
  });

  it('lists years and decades newest first', () => {
    const years = filterChoices(state, movies, 'movie', 'year').map((c) => Number(c.key));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const decades = filterChoices(state, movies, 'movie', 'decade');
    expect(decades[0]).toMatchObject({ key: '1960', title: '1960s' });
    expect(decades.at(-1)).toMatchObject({ key: '1910', title: '1910s', count: 1 });
  });

  it('lists resolutions best first with Plex titles', () => {
    expect(
      filterChoices(state, movies, 'movie', 'resolution').map((c) => [c.key, c.title]),
    ).toEqual([
      ['4k', '4K'],
      ['1080', '1080p'],
      ['720', '720p'],
      ['480', '480p'],
      ['sd', 'SD'],
    ]);
  });

  it('lists values of the requested type only', () => {
    const showGenres = filterChoices(state, tv, 'show', 'genre').map((c) => c.title);
    expect(showGenres).toContain('Western');
    expect(showGenres).not.toContain('Horror');
    expect(filterChoices(state, music, 'album', 'style').map((c) => c.title)).toEqual([
      'Baroque',
      'Impressionist',
      'Ragtime',
    ]);
    expect(filterChoices(state, music, 'artist', 'resolution')).toEqual([]);
  });

  it('counts collection members, whether tagged or linked', () => {
    const collections = filterChoices(state, movies, 'movie', 'collection');
    expect(collections.map((c) => [c.title, c.count])).toEqual([
      ['Film Noir', DEMO.collections.filmNoir.size],
      ['Silent Era', DEMO.collections.silentEra.size],
    ]);
  });

  it('gives person thumbs to cast lists', () => {
    const cast = filterChoices(state, movies, 'movie', 'actor');
    expect(cast.length).toBeGreaterThan(50);
    expect(cast.every((choice) => /^\d+$/.test(choice.key))).toBe(true);
  });

  it('knows which fields have value lists', () => {
    const listable = Object.values(FIELDS)
      .filter(isChoiceField)
      .map((field) => field.key);
    expect(listable).toEqual(
      expect.arrayContaining(['genre', 'actor', 'year', 'decade', 'studio', 'resolution']),
    );
    expect(listable).not.toContain('title');
    expect(filterChoices(state, movies, 'movie', 'title')).toEqual([]);
  });
});

describe('firstCharacters', () => {
  it('buckets sort titles by first letter, digits and symbols under #', () => {
    const { state } = testEmulator();
    const movies = state.sections.get(DEMO.sections.movies) as SectionRecord;
    state.addItem({ type: 'movie', sectionId: movies.id, title: '12 Angry Men', addedAt: 1 });
    const letters = firstCharacters(state, movies, 'movie');
    expect(letters[0]).toEqual({ character: '#', count: 1 });
    const rest = letters.slice(1).map((letter) => letter.character);
    expect(rest).toEqual([...rest].sort());
    expect(rest.every((character) => /^[A-Z]$/.test(character))).toBe(true);
    const total = letters.reduce((sum, letter) => sum + letter.count, 0);
    expect(total).toBe(state.keysOf(movies.id, 'movie').length);
    const kid = [...state.items.values()].find((item) => item.title === 'The Kid');
    if (!kid) throw new Error('demo movie missing');
    expect(firstCharacterOf(kid)).toBe('K');
  });
});
