import { describe, expect, it } from 'vitest';
import type { ItemType, SectionRecord } from '../state/types.js';
import { testEmulator } from '../testing/harness.js';
import { ACCEPTED_OPERATORS, type FieldType } from './fields.js';
import { parseFilter } from './filters.js';
import { describeSection } from './meta.js';
import { parseSort } from './sort.js';

const SAMPLE: Record<FieldType, string> = {
  tag: 'Drama',
  integer: '1',
  string: 'a',
  boolean: '1',
  date: '-30d',
  resolution: '1080',
  audioLanguage: 'eng',
  subtitleLanguage: 'eng',
};

// biome-ignore lint/suspicious/noExplicitAny: Meta is plain JSON.
type Json = any;

describe('describeSection', () => {
  const { state } = testEmulator();
  const sections = [...state.sections.values()] as SectionRecord[];

  it('lists one Type per level plus collections, the listed one active', () => {
    const tv = sections.find((section) => section.type === 'show') as SectionRecord;
    const meta: Json = describeSection(tv, { activeType: 'episode' });
    expect(meta.Type.map((type: Json) => [type.type, type.key, type.active])).toEqual([
      ['show', '/library/sections/2/all?type=2', false],
      ['season', '/library/sections/2/all?type=3', false],
      ['episode', '/library/sections/2/all?type=4', true],
      ['collection', '/library/sections/2/all?type=18', false],
    ]);
  });

  it('scopes field keys in TV and music sections and not for movies', () => {
    const [movies, tv] = sections.map((section) => describeSection(section) as Json);
    expect(movies.Type[0].Field.map((f: Json) => f.key)).toContain('genre');
    expect(tv.Type[0].Field.map((f: Json) => f.key)).toContain('show.title');
    expect(tv.Type[2].Field.map((f: Json) => f.key)).toContain('episode.resolution');
  });

  it('advertises only fields, operators and sorts the engine accepts', () => {
    for (const section of sections) {
      const meta: Json = describeSection(section);
      const operators = new Map<string, string[]>(
        meta.FieldType.map((entry: Json) => [entry.type, entry.Operator.map((o: Json) => o.key)]),
      );
      for (const [type, keys] of operators) {
        for (const key of keys) expect(ACCEPTED_OPERATORS[type as FieldType].has(key)).toBe(true);
      }
      for (const type of meta.Type as Json[]) {
        const context = { sectionType: section.type, type: type.type as ItemType, now: 0 };
        for (const field of type.Field) {
          for (const operator of operators.get(field.type) ?? []) {
            const key = `${field.key}${operator.slice(0, -1)}`;
            const query = new URLSearchParams([[key, SAMPLE[field.type as FieldType]]]);
            expect(() => parseFilter(query, context), `${type.type} ${key}`).not.toThrow();
          }
        }
        for (const sort of type.Sort) {
          expect(() => parseSort(sort.key, context)).not.toThrow();
          expect(() => parseSort(sort.descKey, context)).not.toThrow();
        }
      }
    }
  });

  it('marks the default sort and the active one', () => {
    const movies = sections[0] as SectionRecord;
    const plain: Json = describeSection(movies);
    const titleSort = plain.Type[0].Sort.find((sort: Json) => sort.key === 'titleSort');
    expect(titleSort).toMatchObject({
      default: 'asc',
      active: true,
      activeDirection: 'asc',
      firstCharacterKey: '/library/sections/1/firstCharacter',
    });
    const sorted: Json = describeSection(movies, {
      activeType: 'movie',
      activeSort: parseSort('addedAt:desc', { sectionType: 'movie', type: 'movie' }),
    });
    const active = sorted.Type[0].Sort.filter((sort: Json) => sort.active);
    expect(active).toEqual([
      expect.objectContaining({ key: 'addedAt', activeDirection: 'desc', descKey: 'addedAt:desc' }),
    ]);
  });

  it('lists simple filters in Plex menu order with value-list keys', () => {
    const meta: Json = describeSection(sections[0] as SectionRecord);
    const filters = meta.Type[0].Filter;
    expect(filters.slice(0, 3).map((f: Json) => f.filter)).toEqual(['genre', 'year', 'decade']);
    expect(filters[0]).toEqual({
      filter: 'genre',
      filterType: 'string',
      key: '/library/sections/1/genre?type=1',
      title: 'Genre',
      type: 'filter',
    });
    const unwatched = filters.find((f: Json) => f.filter === 'unwatched');
    expect(unwatched).toMatchObject({
      filterType: 'boolean',
      key: '/library/sections/1/unwatched',
      title: 'Unwatched',
    });
  });
});
