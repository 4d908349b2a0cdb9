import { describe, expect, it } from 'vitest';
import { PlexNotFoundError } from '../errors/not-found-error.js';
import { emulatorClient } from '../testing/emulator-client.js';
import { lastUrl } from '../testing/lookups.js';

describe('search.hubs', () => {
  it('sends the query with collections included and returns only hubs with results', async () => {
    const { client, sent } = emulatorClient();
    const hubs = await client.search.hubs('night of the living');
    const url = lastUrl(sent);
    expect(url.pathname).toBe('/hubs/search');
    expect(url.searchParams.get('query')).toBe('night of the living');
    expect(url.searchParams.get('includeCollections')).toBe('1');
    expect(url.searchParams.has('limit')).toBe(false);

    expect(hubs.length).toBeGreaterThan(0);
    expect(hubs.every((hub) => hub.items.length + hub.directories.length > 0)).toBe(true);
    const movies = hubs.find((hub) => hub.hubIdentifier === 'movie');
    expect(movies?.items[0]).toMatchObject({ title: 'Night of the Living Dead', year: 1968 });
    expect(movies?.items[0]?.librarySectionID).toBe(1);
  });

  it('reads shows sent as Directory as items, and people as directories', async () => {
    const { client, emulator } = emulatorClient();
    const show = [...emulator.state.items.values()].find((item) => item.type === 'show')!;
    const shows = await client.search.hubs(show.title, { types: ['show'] });
    expect(shows.map((hub) => hub.type)).toEqual(['show']);
    expect(shows[0]?.items.map((item) => item.ratingKey)).toContain(show.ratingKey);
    expect(shows[0]?.items[0]?.type).toBe('show');

    const people = await client.search.hubs('Romero', { types: ['director'] });
    const romero = people[0]?.directories.find((entry) => entry.tag === 'George A. Romero');
    expect(romero).toMatchObject({ type: 'tag', tagType: 4, librarySectionID: 1 });
    expect(romero?.id).toBe(emulator.state.tagId('director', 'George A. Romero'));
  });

  it('limits per hub and restricts to one section', async () => {
    const { client, sent } = emulatorClient();
    const hubs = await client.search.hubs('the', { limit: 1, sectionId: 1 });
    const url = lastUrl(sent);
    expect(url.searchParams.get('limit')).toBe('1');
    expect(url.searchParams.get('sectionId')).toBe('1');
    const items = hubs.flatMap((hub) => hub.items);
    expect(items.length).toBeGreaterThan(0);
    expect(hubs.every((hub) => hub.items.length <= 1)).toBe(true);
    expect(items.every((item) => item.librarySectionID === 1 || item.type === 'playlist')).toBe(
      true,
    );
  });

  it('is NOT_FOUND for an unknown section and refuses an empty query unsent', async () => {
    const { client, sent } = emulatorClient();
    await expect(client.search.hubs('night', { sectionId: 77 })).rejects.toBeInstanceOf(
      PlexNotFoundError,
    );
    const before = sent.length;
    await expect(client.search.hubs('   ')).rejects.toBeInstanceOf(TypeError);
    expect(sent).toHaveLength(before);
  });
});

describe('search.library', () => {
  it('ranks items and people by score with the search types asked', async () => {
    const { client, sent } = emulatorClient();
    const results = await client.search.library('Romero', {
      searchTypes: ['people', 'movies'],
      limit: 5,
    });
    const url = lastUrl(sent);
    expect(url.pathname).toBe('/library/search');
    expect(url.searchParams.get('searchTypes')).toBe('people,movies');
    expect(url.searchParams.get('limit')).toBe('5');

    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(5);
    const scores = results.map((result) => result.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const person = results.find((result) => result.kind === 'directory');
    expect(person?.kind === 'directory' && person.directory.tag).toBe('George A. Romero');
  });

  it('returns library items with their score', async () => {
    const { client } = emulatorClient();
    const results = await client.search.library('His Girl Friday', { searchTypes: ['movies'] });
    const first = results[0];
    expect(first?.kind).toBe('item');
    if (first?.kind !== 'item') throw new Error('expected an item');
    expect(first.item).toMatchObject({ title: 'His Girl Friday', year: 1940, type: 'movie' });
    expect(first.score).toBeGreaterThan(0);
    expect(first.score).toBeLessThanOrEqual(1);
  });
});
