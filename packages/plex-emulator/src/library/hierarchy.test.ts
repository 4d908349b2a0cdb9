import { describe, expect, it } from 'vitest';
import { DEMO } from '../data/demo.js';
import { testEmulator } from '../testing/harness.js';
import { QueryError } from './errors.js';
import {
  levelsAbove,
  levelsBelow,
  parseItemType,
  relatedAt,
  sectionItemTypes,
  topType,
  typeNumber,
} from './hierarchy.js';

describe('item types', () => {
  it('reads type numbers and names, and refuses unknown ones', () => {
    expect(parseItemType('1')).toBe('movie');
    expect(parseItemType('4')).toBe('episode');
    expect(parseItemType('10')).toBe('track');
    expect(parseItemType('18')).toBe('collection');
    expect(parseItemType('season')).toBe('season');
    expect(parseItemType(null)).toBeUndefined();
    expect(parseItemType('')).toBeUndefined();
    expect(() => parseItemType('99')).toThrow(QueryError);
    expect(() => parseItemType('podcast')).toThrow(QueryError);
    expect(typeNumber('album')).toBe(9);
  });

  it('knows each section type levels and top type', () => {
    expect(sectionItemTypes('show')).toEqual(['show', 'season', 'episode', 'collection']);
    expect(sectionItemTypes('photo')).toEqual(['photo']);
    expect(topType('artist')).toBe('artist');
    expect(levelsBelow('show', 'show')).toEqual(['season', 'episode']);
    expect(levelsAbove('artist', 'track')).toEqual(['album', 'artist']);
    expect(levelsBelow('movie', 'collection')).toEqual([]);
  });
});

describe('relatedAt', () => {
  const { state } = testEmulator();
  const show = state.items.get(DEMO.shows.bonanza.ratingKey);
  const episode = state.items.get(DEMO.episodes.theNewcomers.ratingKey);
  const movie = state.items.get(DEMO.movies.charade.ratingKey);

  it('walks up to parents and grandparents', () => {
    if (!episode) throw new Error('demo episode missing');
    expect(relatedAt(state, 'show', episode, 'show').map((i) => i.title)).toEqual(['Bonanza']);
    expect(relatedAt(state, 'show', episode, 'season').map((i) => i.type)).toEqual(['season']);
    expect(relatedAt(state, 'show', episode, 'episode')).toEqual([episode]);
  });

  it('walks down to children and leaves', () => {
    if (!show) throw new Error('demo show missing');
    expect(relatedAt(state, 'show', show, 'season')).toHaveLength(DEMO.shows.bonanza.seasons);
    expect(relatedAt(state, 'show', show, 'episode')).toHaveLength(DEMO.shows.bonanza.episodes);
  });

  it('finds nothing between unrelated levels', () => {
    if (!movie) throw new Error('demo movie missing');
    expect(relatedAt(state, 'movie', movie, 'show')).toEqual([]);
  });
});
