import { describe, expect, it } from 'vitest';
import { PlexNotFoundError } from '../errors/not-found-error.js';
import { emulatorClient } from '../testing/emulator-client.js';
import { lastUrl } from '../testing/lookups.js';
import { filterQuery } from './libraries.js';

/** The last request sent, as a URL. */

describe('libraries.list / get / prefs', () => {
  it('lists the demo sections with ids, folders, agents and scan state', async () => {
    const { client, emulator, sent } = emulatorClient();
    const libraries = await client.libraries.list();

    expect(
      libraries.map((library) => [library.id, library.key, library.title, library.type]),
    ).toEqual([
      [1, '1', 'Movies', 'movie'],
      [2, '2', 'TV Shows', 'show'],
      [3, '3', 'Music', 'artist'],
    ]);
    const movies = libraries[0]!;
    const record = emulator.state.sections.get(1)!;
    expect(movies.agent).toBe(record.agent);
    expect(movies.scanner).toBe(record.scanner);
    expect(movies.language).toBe(record.language);
    expect(movies.scannedAt).toBe(record.scannedAt);
    expect(movies.refreshing).toBe(false);
    expect(movies.Location.map((location) => location.path)).toEqual(
      record.locations.map((location) => location.path),
    );

    const request = sent[0]!;
    expect(request.method).toBe('GET');
    expect(new URL(request.url).pathname).toBe('/library/sections');
    expect(request.headers.get('X-Plex-Token')).toBe(emulator.token);
    expect(request.headers.get('Accept')).toBe('application/json');
  });

  it('gets one section by number or key, and NOT_FOUND for an unknown one', async () => {
    const { client } = emulatorClient();
    expect((await client.libraries.get(2)).title).toBe('TV Shows');
    expect((await client.libraries.get('3')).type).toBe('artist');
    await expect(client.libraries.get(99)).rejects.toBeInstanceOf(PlexNotFoundError);
  });

  it('reads section prefs with typed values', async () => {
    const { client, sent } = emulatorClient();
    const prefs = await client.libraries.prefs(1);
    const hidden = prefs.find((pref) => pref.id === 'hidden');
    expect(hidden).toMatchObject({ type: 'int', value: 0, label: 'Visibility' });
    expect(prefs.some((pref) => typeof pref.value === 'boolean')).toBe(true);
    expect(lastUrl(sent).pathname).toBe('/library/sections/1/prefs');
  });
});

describe('libraries.items', () => {
  it('sends type, sort and filters as Plex reads them, with container start and size', async () => {
    const { client, sent } = emulatorClient();
    const page = await client.libraries.items(1, {
      type: 'movie',
      sort: 'year:desc',
      filters: { genre: 'Horror', director: 'George A. Romero' },
      offset: 0,
      limit: 10,
    });

    const url = lastUrl(sent);
    expect(url.pathname).toBe('/library/sections/1/all');
    expect([...url.searchParams]).toEqual([
      ['type', '1'],
      ['sort', 'year:desc'],
      ['genre', 'Horror'],
      ['director', 'George A. Romero'],
    ]);
    expect(sent.at(-1)!.headers.get('X-Plex-Container-Start')).toBe('0');
    expect(sent.at(-1)!.headers.get('X-Plex-Container-Size')).toBe('10');

    const night = page.items.find((item) => item.title === 'Night of the Living Dead');
    expect(night).toMatchObject({ year: 1968, type: 'movie', librarySectionID: 1 });
    expect(page.librarySectionID).toBe(1);
    expect(page.librarySectionTitle).toBe('Movies');
    expect(page.items.every((item) => item.Genre.some((genre) => genre.tag === 'Horror'))).toBe(
      true,
    );
  });

  it('pages with totalSize and offset, and the pages join up without gaps', async () => {
    const { client, emulator, sent } = emulatorClient();
    const total = emulator.state.keysOf(1, 'movie').length;
    const first = await client.libraries.items(1, { sort: 'titleSort', limit: 3 });
    const second = await client.libraries.items(1, { sort: 'titleSort', offset: 3, limit: 3 });

    expect(first.totalSize).toBe(total);
    expect(second.offset).toBe(3);
    expect(first.items).toHaveLength(3);
    const titles = [...first.items, ...second.items].map((item) => item.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(sent.at(-1)!.headers.get('X-Plex-Container-Start')).toBe('3');
  });

  it('filters by year, decade, unwatched and raw operators', async () => {
    const { client, emulator, sent } = emulatorClient();
    const ofYear = await client.libraries.items(1, { filters: { year: 1968 } });
    expect(ofYear.items.map((item) => item.title)).toContain('Night of the Living Dead');
    expect(ofYear.items.every((item) => item.year === 1968)).toBe(true);

    const before1950 = await client.libraries.items(1, {
      filters: { raw: { 'year<<': 1950 } },
      limit: 100,
    });
    expect(lastUrl(sent).search).toBe('?year%3C%3C=1950');
    const expected = [...emulator.state.items.values()].filter(
      (item) => item.sectionId === 1 && item.type === 'movie' && (item.year ?? 0) < 1950,
    );
    expect(before1950.totalSize).toBe(expected.length);
    expect(before1950.items.every((item) => (item.year ?? 0) < 1950)).toBe(true);

    const unwatched = await client.libraries.items(1, { filters: { unwatched: true }, limit: 100 });
    expect(lastUrl(sent).searchParams.get('unwatched')).toBe('1');
    expect(unwatched.items.every((item) => item.viewCount === undefined)).toBe(true);

    const sixties = await client.libraries.items(1, { filters: { decade: 1960 }, limit: 100 });
    expect(sixties.items.every((item) => (item.year ?? 0) >= 1960 && (item.year ?? 0) < 1970)).toBe(
      true,
    );
  });

  it('builds filter queries: arrays are OR (comma), raw keys pass through and win', () => {
    expect(
      filterQuery({
        genre: [100, 'Thriller'],
        year: 1968,
        unwatched: false,
        title: 'night',
        raw: { 'genre!': 'Comedy', year: [1968, 1969] },
      }),
    ).toEqual({
      genre: '100,Thriller',
      year: [1968, 1969],
      title: 'night',
      unwatched: false,
      'genre!': 'Comedy',
    });
    expect(() => filterQuery({ genre: [] })).toThrow(TypeError);
  });

  it('answers NOT_FOUND for an unknown section', async () => {
    const { client } = emulatorClient();
    const error = await client.libraries.items(42).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlexNotFoundError);
    expect((error as PlexNotFoundError).status).toBe(404);
  });
});

describe('libraries.count', () => {
  it('asks for zero items and reads totalSize', async () => {
    const { client, emulator, sent } = emulatorClient();
    const all = await client.libraries.count(1);
    expect(all).toBe(emulator.state.keysOf(1, 'movie').length);
    expect(sent.at(-1)!.headers.get('X-Plex-Container-Size')).toBe('0');
    expect(sent.at(-1)!.headers.get('X-Plex-Container-Start')).toBe('0');

    const horror = await client.libraries.count(1, { filters: { genre: 'Horror' } });
    const expected = [...emulator.state.items.values()].filter(
      (item) =>
        item.sectionId === 1 &&
        item.type === 'movie' &&
        (item.tags.genre ?? []).some((tag) => tag.tag === 'Horror'),
    ).length;
    expect(horror).toBe(expected);
    expect(horror).toBeGreaterThan(0);
    expect(horror).toBeLessThan(all);

    const episodes = await client.libraries.count(2, { type: 'episode' });
    expect(episodes).toBe(emulator.state.keysOf(2, 'episode').length);
    expect(lastUrl(sent).searchParams.get('type')).toBe('4');
  });
});

describe('libraries.iterateItems', () => {
  it('walks a 1000-item synthetic library exactly once, every page with start and size', async () => {
    const { client, emulator, sent } = emulatorClient({ library: 'synthetic:1000' });
    const keys = emulator.state.keysOf(1, 'movie');
    expect(keys.length).toBeGreaterThan(100);

    const seen: string[] = [];
    for await (const item of client.libraries.iterateItems(1, {
      sort: 'addedAt:desc',
      pageSize: 97,
    })) {
      seen.push(item.ratingKey);
    }
    expect(seen).toHaveLength(keys.length);
    expect(new Set(seen).size).toBe(keys.length);
    expect(new Set(seen)).toEqual(new Set(keys));
    expect(sent).toHaveLength(Math.ceil(keys.length / 97));
    sent.forEach((request, index) => {
      expect(request.headers.get('X-Plex-Container-Start')).toBe(String(index * 97));
      expect(request.headers.get('X-Plex-Container-Size')).toBe('97');
    });
  });
});

describe('libraries feeds', () => {
  it('reads recently added for one section and for all, newest first', async () => {
    const { client, sent } = emulatorClient();
    const movies = await client.libraries.recentlyAdded({ sectionId: 1, limit: 5 });
    expect(lastUrl(sent).pathname).toBe('/library/sections/1/recentlyAdded');
    expect(sent.at(-1)!.headers.get('X-Plex-Container-Size')).toBe('5');
    expect(movies.items).toHaveLength(5);
    const added = movies.items.map((item) => item.addedAt ?? 0);
    expect(added).toEqual([...added].sort((a, b) => b - a));

    const everywhere = await client.libraries.recentlyAdded({ type: 'movie', limit: 5 });
    expect(lastUrl(sent).pathname).toBe('/library/recentlyAdded');
    expect(lastUrl(sent).searchParams.get('type')).toBe('1');
    expect(everywhere.items.every((item) => item.librarySectionID === 1)).toBe(true);
  });

  it('reads On Deck for one section and for all', async () => {
    const { client, sent } = emulatorClient();
    const tv = await client.libraries.onDeck({ sectionId: 2 });
    expect(lastUrl(sent).pathname).toBe('/library/sections/2/onDeck');
    expect(tv.items.length).toBeGreaterThan(0);
    expect(tv.items.every((item) => item.librarySectionID === 2)).toBe(true);

    const all = await client.libraries.onDeck();
    expect(lastUrl(sent).pathname).toBe('/library/onDeck');
    expect(sent.at(-1)!.headers.get('X-Plex-Container-Size')).toBe('50');
    expect(all.totalSize).toBeGreaterThanOrEqual(tv.totalSize);
  });
});

describe('libraries.tags', () => {
  it('lists genres whose keys work as filter values', async () => {
    const { client, emulator, sent } = emulatorClient();
    const genres = await client.libraries.tags(1, 'genre', { limit: 100 });
    expect(lastUrl(sent).pathname).toBe('/library/sections/1/genre');
    const horror = genres.items.find((genre) => genre.title === 'Horror');
    expect(horror?.key).toBe(String(emulator.state.tagId('genre', 'Horror')));

    const byId = await client.libraries.items(1, { filters: { genre: horror!.key }, limit: 100 });
    const byName = await client.libraries.items(1, { filters: { genre: 'Horror' }, limit: 100 });
    expect(byId.items.map((item) => item.ratingKey)).toEqual(
      byName.items.map((item) => item.ratingKey),
    );
  });

  it('lists actors of another type with the type number', async () => {
    const { client, sent } = emulatorClient();
    const decades = await client.libraries.tags(1, 'decade');
    expect(decades.items.map((decade) => decade.key)).toContain('1960');
    await client.libraries.tags(2, 'actor', { type: 'show' });
    expect(lastUrl(sent).pathname).toBe('/library/sections/2/actor');
    expect(lastUrl(sent).searchParams.get('type')).toBe('2');
  });
});

describe('libraries scans and maintenance', () => {
  it('starts a forced scan of one folder and cancels it', async () => {
    const { client, emulator, sent } = emulatorClient({ activityStepMs: 60_000 });
    const folder = emulator.state.sections.get(1)!.locations[0]!.path;
    await client.libraries.refresh(1, { force: true, path: `${folder}/New` });
    const request = sent.at(-1)!;
    expect(request.method).toBe('GET');
    expect(new URL(request.url).pathname).toBe('/library/sections/1/refresh');
    expect(new URL(request.url).searchParams.get('force')).toBe('1');
    expect(new URL(request.url).searchParams.get('path')).toBe(`${folder}/New`);
    expect((await client.libraries.get(1)).refreshing).toBe(true);

    await client.libraries.cancelRefresh(1);
    expect(sent.at(-1)!.method).toBe('DELETE');
    expect((await client.libraries.get(1)).refreshing).toBe(false);
  });

  it('scans every section and cancels them all', async () => {
    const { client, sent } = emulatorClient({ activityStepMs: 60_000 });
    await client.libraries.refreshAll();
    expect(lastUrl(sent).pathname).toBe('/library/sections/all/refresh');
    expect(lastUrl(sent).search).toBe('');
    expect((await client.libraries.list()).every((library) => library.refreshing)).toBe(true);
    await client.libraries.cancelRefreshAll();
    expect(sent.at(-1)!.method).toBe('DELETE');
    expect((await client.libraries.list()).some((library) => library.refreshing)).toBe(false);
  });

  it('empties trash, optimises the database and cleans bundles with PUT', async () => {
    const { client, emulator, sent } = emulatorClient();
    const section = emulator.state.sections.get(1)!;
    const victim = emulator.state.keysOf(1, 'movie')[0]!;
    section.trash.add(victim);

    await client.libraries.emptyTrash(1);
    expect(sent.at(-1)!.method).toBe('PUT');
    expect(lastUrl(sent).pathname).toBe('/library/sections/1/emptyTrash');
    expect(emulator.state.items.has(victim)).toBe(false);

    await client.libraries.optimize();
    expect(sent.at(-1)!.method).toBe('PUT');
    expect(lastUrl(sent).pathname + lastUrl(sent).search).toBe('/library/optimize?async=1');

    await client.libraries.cleanBundles();
    expect(lastUrl(sent).pathname + lastUrl(sent).search).toBe('/library/clean/bundles?async=1');
  });
});
