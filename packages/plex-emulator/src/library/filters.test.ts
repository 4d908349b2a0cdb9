import { describe, expect, it } from 'vitest';
import { DEMO } from '../data/demo.js';
import type { ItemRecord, ItemType, SectionType } from '../state/types.js';
import { testEmulator } from '../testing/harness.js';
import { QueryError } from './errors.js';
import {
  compileFilter,
  type FilterClause,
  type FilterContext,
  type FilterGroup,
  filterSignature,
  isReservedParam,
  parseFilter,
  resolveField,
} from './filters.js';

const NOW = Date.UTC(2025, 10, 22, 12) / 1000;
const MOVIES: FilterContext = { sectionType: 'movie', type: 'movie', now: NOW };

function parse(query: string, context: FilterContext = MOVIES): FilterGroup | undefined {
  return parseFilter(new URLSearchParams(query), context);
}

function onlyClause(query: string, context: FilterContext = MOVIES): FilterClause {
  const group = parse(query, context);
  const clause = group?.terms[0];
  if (group?.terms.length !== 1 || clause?.kind !== 'clause')
    throw new Error(`not one clause: ${query}`);
  return clause;
}

describe('parseFilter: operators', () => {
  it('reads the operator from the key tail, as URLSearchParams splits raw PMS queries', () => {
    expect(onlyClause('year=1968').operator).toBe('=');
    expect(onlyClause('year!=1968').operator).toBe('!=');
    expect(onlyClause('year>>=1960').operator).toBe('>>=');
    expect(onlyClause('year<<=1960').operator).toBe('<<=');
    expect(onlyClause('year>=1960').operator).toBe('>=');
    expect(onlyClause('year<=1960').operator).toBe('<=');
    expect(onlyClause('title<=Sher').operator).toBe('<=');
    expect(onlyClause('title>=Jr.').operator).toBe('>=');
  });

  it('reads python-plexapi percent-encoded keys the same way', () => {
    expect(onlyClause('year%3E%3E=2000').operator).toBe('>>=');
    expect(onlyClause('genre%21=89').operator).toBe('!=');
    const exact = onlyClause('title%3D=Alien');
    expect([exact.operator, exact.values]).toEqual(['==', ['Alien']]);
  });

  it('reads string equality written raw (`title==x`, `title!==x`)', () => {
    const is = onlyClause('title==Detour');
    expect([is.operator, is.values]).toEqual(['==', ['Detour']]);
    const isNot = onlyClause('title!==Detour');
    expect([isNot.operator, isNot.values]).toEqual(['!==', ['Detour']]);
  });

  it('splits comma lists into alternatives and resolves dates', () => {
    expect(onlyClause('genre=Horror,Comedy').values).toEqual(['Horror', 'Comedy']);
    expect(onlyClause('addedAt>>=-30d').numbers).toEqual([NOW - 30 * 86_400]);
    expect(onlyClause('decade=1960,1920').numbers).toEqual([1960, 1920]);
  });

  it('refuses operators a field type does not have', () => {
    expect(() => parse('genre>>=5')).toThrow(QueryError);
    expect(() => parse('unwatched>>=1')).toThrow(QueryError);
    expect(() => parse('year==1968')).toThrow(QueryError);
  });

  it('refuses values of the wrong kind', () => {
    expect(() => parse('year=nineteen')).toThrow(QueryError);
    expect(() => parse('unwatched=maybe')).toThrow(QueryError);
    expect(() => parse('addedAt>>=soon')).toThrow(QueryError);
  });
});

describe('parseFilter: structure', () => {
  it('ignores paging, client headers, include flags and reserved words', () => {
    const query =
      'type=1&sort=titleSort&limit=5&includeGuids=1&includeMeta=1&excludeFields=summary' +
      '&X-Plex-Token=abc&X-Plex-Container-Start=0&x-plex-product=Web&checkFiles=1';
    expect(parse(query)).toBeUndefined();
    expect(isReservedParam('X-Plex-Client-Identifier')).toBe(true);
    expect(isReservedParam('genre')).toBe(false);
  });

  it('ignores parameters the caller names as not filters', () => {
    expect(
      parseFilter(new URLSearchParams('query=x'), { ...MOVIES, ignore: new Set(['query']) }),
    ).toBeUndefined();
  });

  it('ANDs repeated fields and ORs around or=1', () => {
    const and = parse('genre=Horror&genre=Comedy');
    expect(and?.kind).toBe('and');
    expect(and?.terms).toHaveLength(2);
    const or = parse('year=1968&or=1&year=1940');
    expect(or?.kind).toBe('or');
    expect(filterSignature(or)).toBe('or(and(movie.year=1968);and(movie.year=1940))');
  });

  it('nests push/pop groups: (a OR b) AND c', () => {
    const group = parse('push=1&year=1968&or=1&year=1940&pop=1&genre=Comedy');
    expect(filterSignature(group)).toBe(
      'and(or(and(movie.year=1968);and(movie.year=1940));movie.genre=Comedy)',
    );
  });

  it('refuses unbalanced groups', () => {
    expect(() => parse('push=1&year=1968')).toThrow(QueryError);
    expect(() => parse('year=1968&pop=1')).toThrow(QueryError);
  });

  it('refuses unknown fields with a 400', () => {
    expect(() => parse('colour=red')).toThrow(QueryError);
    expect(() => parse('movie.colour=red')).toThrow(QueryError);
  });
});

describe('resolveField', () => {
  const tv = (type: ItemType, sourceType?: ItemType): FilterContext => ({
    sectionType: 'show' as SectionType,
    type,
    now: NOW,
    ...(sourceType ? { sourceType } : {}),
  });

  it('honours explicit scopes of the section hierarchy', () => {
    expect(resolveField('show.title', tv('episode')).scope).toBe('show');
    expect(resolveField('episode.title', tv('show')).scope).toBe('episode');
    expect(resolveField('movie.genre', MOVIES).scope).toBe('movie');
    expect(() => resolveField('artist.title', tv('show'))).toThrow(QueryError);
  });

  it('falls back to the levels below, then above, for unqualified fields', () => {
    expect(resolveField('resolution', tv('show')).scope).toBe('episode');
    expect(resolveField('genre', tv('episode')).scope).toBe('show');
    expect(resolveField('title', tv('show')).scope).toBe('show');
  });

  it('uses sourceType as the default level', () => {
    expect(resolveField('title', tv('episode', 'show')).scope).toBe('show');
  });

  it('refuses fields no level has', () => {
    expect(() => resolveField('hdr', { sectionType: 'artist', type: 'artist', now: NOW })).toThrow(
      QueryError,
    );
  });
});

describe('compileFilter', () => {
  const { state } = testEmulator();
  const owner = 1;

  function select(query: string, sectionId: number, type: ItemType, accountId = owner): string[] {
    const section = state.sections.get(sectionId);
    if (!section) throw new Error('no section');
    const group = parse(query, { sectionType: section.type, type, now: NOW });
    if (!group) throw new Error('no filter');
    const test = compileFilter(group, {
      env: { state, accountId },
      sectionId,
      sectionType: section.type,
      type,
    });
    return state
      .keysOf(sectionId, type)
      .map((key) => state.items.get(key))
      .filter((item): item is ItemRecord => item !== undefined && test(item))
      .map((item) => item.title)
      .sort();
  }

  const movies = (query: string, accountId = owner) =>
    select(query, DEMO.sections.movies, 'movie', accountId);

  it('matches tags by name, case-insensitively, and by tag id', () => {
    const byName = movies('director=fritz lang');
    expect(byName).toEqual(['Metropolis', 'Scarlet Street']);
    const id = state.tagId('director', 'Fritz Lang');
    expect(movies(`director=${id}`)).toEqual(byName);
    expect(movies(`actor=${state.tagId('role', 'Cary Grant')}`)).toEqual([
      'Charade',
      'His Girl Friday',
    ]);
  });

  it('treats commas as OR and != as "none of these"', () => {
    expect(movies('genre=War,Science Fiction')).toEqual([
      'Metropolis',
      'Plan 9 from Outer Space',
      'The General',
    ]);
    const all = state.keysOf(DEMO.sections.movies, 'movie').length;
    expect(movies('genre!=Horror,Comedy').length).toBe(all - movies('genre=Horror,Comedy').length);
  });

  it('matches collections by tag, by collection title and by collection ratingKey', () => {
    const byTitle = movies('collection=Film Noir');
    expect(byTitle).toEqual(['D.O.A.', 'Detour', 'Scarlet Street']);
    expect(movies(`collection=${DEMO.collections.filmNoir.ratingKey}`)).toEqual(byTitle);
    expect(movies(`collection=${state.tagId('collection', 'Film Noir')}`)).toEqual(byTitle);
  });

  it('compares numbers and decades', () => {
    expect(movies('year=1968')).toEqual(['Night of the Living Dead']);
    expect(movies('year>>=1960&year<<=1963')).toEqual(['Carnival of Souls']);
    expect(movies('year>=1962&year<=1962')).toEqual(['Carnival of Souls']);
    expect(movies('decade=1910')).toEqual(['Sherlock Holmes']);
    const topRated = [...state.items.values()]
      .filter((item) => item.type === 'movie' && (item.rating ?? 0) > 9.5)
      .map((item) => item.title)
      .sort();
    expect(topRated.length).toBeGreaterThan(0);
    expect(movies('rating>>=9.5')).toEqual(topRated);
  });

  it('matches strings by contains, equals, prefix and suffix', () => {
    expect(movies('title=sherlock')).toEqual([
      'Sherlock Holmes',
      'Sherlock Holmes',
      'Sherlock Jr.',
    ]);
    expect(movies('title==sherlock holmes')).toEqual(['Sherlock Holmes', 'Sherlock Holmes']);
    expect(movies('title<=the ')).toEqual([
      'The General',
      'The Kid',
      'The Little Shop of Horrors',
      'The Phantom of the Opera',
    ]);
    expect(movies('title>=jr.')).toEqual(['Sherlock Jr.']);
    expect(movies('studio=buster keaton')).toEqual(['Sherlock Jr.', 'The General']);
    expect(movies('studio!=pictures').includes('Charade')).toBe(false);
  });

  it('matches dates by day, before and after', () => {
    expect(movies('originallyAvailableAt=1968-10-01')).toEqual(['Night of the Living Dead']);
    expect(movies(`addedAt>>=${Date.UTC(2025, 9, 1) / 1000}`)).toEqual([
      'Scarlet Street',
      'Sherlock Holmes',
      'Sherlock Holmes',
    ]);
    expect(movies(`addedAt<<=${Date.UTC(2024, 2, 1) / 1000}`)).toEqual([
      'Night of the Living Dead',
    ]);
  });

  it('reads watch state for the caller only', () => {
    expect(movies('inProgress=1')).toEqual(['Charade']);
    expect(movies('inProgress=1', 2)).toEqual(['The General']);
    expect(movies('unwatched=0')).toHaveLength(7);
    expect(movies('unwatched!=1')).toEqual(movies('unwatched=0'));
    expect(movies('userRating>>=8')).toEqual(['Night of the Living Dead', 'The General']);
  });

  it('matches resolutions by bucket', () => {
    expect(movies('resolution=4k')).toEqual(['Night of the Living Dead']);
    expect(movies('resolution=sd')).toEqual(['Plan 9 from Outer Space']);
    expect(movies('resolution=480')).toEqual(['His Girl Friday', 'The Little Shop of Horrors']);
  });

  it('applies push/pop groups', () => {
    expect(movies('push=1&year=1968&or=1&year=1940&pop=1&genre=Comedy')).toEqual([
      'His Girl Friday',
    ]);
  });

  it('evaluates fields of other levels: shows by their episodes, episodes by their show', () => {
    const tv = DEMO.sections.tv;
    expect(select('episode.inProgress=1', tv, 'show')).toEqual(['Bonanza']);
    expect(select('unwatched=1', tv, 'show')).toEqual([
      'Bonanza',
      'One Step Beyond',
      'The Beverly Hillbillies',
    ]);
    const bonanzaEpisodes = select('show.title==Bonanza', tv, 'episode');
    expect(bonanzaEpisodes).toHaveLength(DEMO.shows.bonanza.episodes);
    expect(select('genre=Western', tv, 'episode')).toEqual(bonanzaEpisodes);
  });
});
