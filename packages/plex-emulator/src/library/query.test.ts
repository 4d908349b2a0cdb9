import { describe, expect, it } from 'vitest';
import { DEMO } from '../data/demo.js';
import type { SectionRecord } from '../state/types.js';
import { testEmulator } from '../testing/harness.js';
import { QueryError } from './errors.js';
import {
  countMatches,
  itemsFor,
  libraryQuery,
  orderedKeys,
  parseLibraryQuery,
  queryPredicate,
  selectKeys,
} from './query.js';

const NOW = Date.UTC(2025, 10, 22, 12) / 1000;

function setup() {
  const emulator = testEmulator();
  const { state } = emulator;
  const section = (id: number) => state.sections.get(id) as SectionRecord;
  const parse = (query: string, id: number = DEMO.sections.movies, accountId = 1) =>
    parseLibraryQuery(new URLSearchParams(query), { section: section(id), accountId, now: NOW });
  return { state, section, parse };
}

describe('parseLibraryQuery', () => {
  it('defaults to the section top type and that type usual order', () => {
    const { parse } = setup();
    const query = parse('');
    expect([query.type, query.filter, query.sort.map((key) => key.field.key)]).toEqual([
      'movie',
      undefined,
      ['titleSort'],
    ]);
  });

  it('reads type numbers, sorts and filters', () => {
    const { parse } = setup();
    const query = parse(
      'type=4&sort=originallyAvailableAt:desc&show.title=Bonanza',
      DEMO.sections.tv,
    );
    expect(query.type).toBe('episode');
    expect(query.sort[0]?.descending).toBe(true);
    expect(query.filter?.terms[0]).toMatchObject({ kind: 'clause', scope: 'show' });
  });

  it('honours endpoint defaults for type and sort', () => {
    const { state, section } = setup();
    const query = parseLibraryQuery(new URLSearchParams(''), {
      section: section(DEMO.sections.tv),
      accountId: 1,
      now: NOW,
      defaultType: 'episode',
      defaultSort: 'addedAt:desc',
    });
    const keys = selectKeys(state, query);
    const added = itemsFor(state, keys).map((item) => item.addedAt);
    expect(added).toEqual([...added].sort((a, b) => b - a));
  });

  it('passes 400s through for unknown types, fields and sorts', () => {
    const { parse } = setup();
    expect(() => parse('type=99')).toThrow(QueryError);
    expect(() => parse('colour=red')).toThrow(QueryError);
    expect(() => parse('sort=colour')).toThrow(QueryError);
  });
});

describe('selectKeys and countMatches', () => {
  it('agree with each other and with the predicate', () => {
    const { state, parse } = setup();
    for (const text of [
      '',
      'genre=Horror',
      'year<<=1930&genre!=Comedy',
      'unwatched=1',
      'title=the',
    ]) {
      const query = parse(text);
      const keys = selectKeys(state, query);
      expect(countMatches(state, query)).toBe(keys.length);
      const matches = queryPredicate(state, query);
      const brute = state
        .keysOf(DEMO.sections.movies, 'movie')
        .filter((key) => matches(state.items.get(key) as never));
      expect([...keys].sort()).toEqual([...brute].sort());
    }
  });

  it('keeps the order of the sort within the filtered result', () => {
    const { state, parse } = setup();
    const all = orderedKeys(state, parse('sort=year'));
    const horror = selectKeys(state, parse('sort=year&genre=Horror'));
    expect(horror).toEqual(all.filter((key) => horror.includes(key)));
  });

  it('caches orders and selections until the state revision changes', () => {
    const { state, parse } = setup();
    const first = selectKeys(state, parse(''));
    expect(selectKeys(state, parse(''))).toBe(first);
    const filtered = selectKeys(state, parse('genre=Horror'));
    expect(selectKeys(state, parse('genre=Horror'))).toBe(filtered);
    const added = state.addItem({
      type: 'movie',
      sectionId: DEMO.sections.movies,
      title: 'Aaa Horror Test',
      addedAt: NOW,
      tags: { genre: [{ tag: 'Horror' }] },
    });
    const after = selectKeys(state, parse(''));
    expect(after).not.toBe(first);
    expect(after[0]).toBe(added.ratingKey);
    expect(selectKeys(state, parse('genre=Horror'))[0]).toBe(added.ratingKey);
    expect(countMatches(state, parse('genre=Horror'))).toBe(filtered.length + 1);
  });

  it('keeps watch-state orders per account', () => {
    const { state, parse } = setup();
    const owner = selectKeys(state, parse('sort=lastViewedAt:desc', DEMO.sections.movies, 1));
    const alex = selectKeys(state, parse('sort=lastViewedAt:desc', DEMO.sections.movies, 2));
    expect(owner[0]).toBe(DEMO.movies.charade.ratingKey);
    expect(alex[0]).toBe(DEMO.movies.theGeneral.ratingKey);
  });

  it('never caches random orders', () => {
    const { state, parse } = setup();
    const query = parse('sort=random');
    const one = selectKeys(state, query);
    expect(selectKeys(state, query)).not.toBe(one);
    expect([...one].sort()).toEqual([...state.keysOf(DEMO.sections.movies, 'movie')].sort());
  });
});

describe('libraryQuery', () => {
  it('builds a query in code', () => {
    const { state, section } = setup();
    const query = libraryQuery({
      section: section(DEMO.sections.music),
      accountId: 1,
      type: 'album',
      sort: 'year:desc',
    });
    const years = itemsFor(state, selectKeys(state, query)).map((album) => album.year);
    expect(years.slice(0, 2)).toEqual([2015, 2012]);
  });
});
