import { describe, expect, it } from 'vitest';
import { DEMO } from '../../data/demo.js';
import type { PlexEmulator } from '../../emulator.js';
import type { ItemRecord } from '../../state/types.js';
import { type CallOptions, call, testEmulator } from '../../testing/harness.js';

type Item = { ratingKey: string; title: string; [key: string]: unknown };

/** Titles listed by a section URL (path may carry a raw query with operator characters). */
async function titles(emulator: PlexEmulator, path: string, options: CallOptions = {}) {
  const { status, json, text } = await call(emulator, path, options);
  if (status !== 200) throw new Error(`${path}: ${status} ${text}`);
  return ((json.MediaContainer.Metadata ?? []) as Item[]).map((item) => item.title);
}

function demoItem(emulator: PlexEmulator, title: string): ItemRecord {
  const item = [...emulator.state.items.values()].find((entry) => entry.title === title);
  if (!item) throw new Error(`no demo item ${title}`);
  return item;
}

const sorted = (list: string[]) => [...list].sort();

describe('GET /library/sections/{id}/all: container and paging', () => {
  it('lists the section top type by title, with hoisted section attributes', async () => {
    const emulator = testEmulator();
    const { status, json, headers } = await call(emulator, '/library/sections/1/all');
    expect(status).toBe(200);
    const container = json.MediaContainer;
    expect(container).toMatchObject({
      size: DEMO.counts.movies,
      offset: 0,
      totalSize: DEMO.counts.movies,
      allowSync: true,
      art: '/:/resources/movie-fanart.jpg',
      identifier: 'com.plexapp.plugins.library',
      librarySectionID: 1,
      librarySectionTitle: 'Movies',
      librarySectionUUID: '3f6c1a2e-8b4d-4c7a-9e15-2d7b0c9a4f61',
      mediaTagPrefix: '/system/bundle/media/flags/',
      thumb: '/:/resources/movie.png',
      title1: 'Movies',
      title2: 'All Movies',
      viewGroup: 'movie',
      viewMode: 65592,
    });
    expect(container.Meta).toBeUndefined();
    expect(container.mixedParents).toBeUndefined();
    expect(headers.get('X-Plex-Container-Start')).toBe('0');
    expect(headers.get('X-Plex-Container-Total-Size')).toBe(String(DEMO.counts.movies));
    const items: Item[] = container.Metadata;
    expect(items.slice(0, 3).map((item) => item.title)).toEqual([
      'Carnival of Souls',
      'Charade',
      'D.O.A.',
    ]);
    expect(typeof items[0]?.ratingKey).toBe('string');
    expect(items.every((item) => item.type === 'movie')).toBe(true);
  });

  it('pages by X-Plex-Container-Start/-Size headers or query, rendering only the page', async () => {
    const emulator = testEmulator();
    const all = await titles(emulator, '/library/sections/1/all');
    const byHeader = await call(emulator, '/library/sections/1/all', {
      headers: { 'X-Plex-Container-Start': '5', 'X-Plex-Container-Size': '4' },
    });
    const byQuery = await call(emulator, '/library/sections/1/all', {
      query: { 'X-Plex-Container-Start': 5, 'X-Plex-Container-Size': 4 },
    });
    for (const page of [byHeader, byQuery]) {
      expect(page.status).toBe(200);
      expect(page.headers.get('X-Plex-Container-Start')).toBe('5');
      expect(page.headers.get('X-Plex-Container-Total-Size')).toBe(String(all.length));
      const container = page.json.MediaContainer;
      expect([container.offset, container.size, container.totalSize]).toEqual([5, 4, all.length]);
      expect(container.Metadata.map((item: Item) => item.title)).toEqual(all.slice(5, 9));
    }
  });

  it('answers a size-0 request with the count and no items', async () => {
    const emulator = testEmulator();
    const { json, headers } = await call(emulator, '/library/sections/1/all', {
      query: { 'X-Plex-Container-Start': 0, 'X-Plex-Container-Size': 0, genre: 'Horror' },
    });
    const horror = [...emulator.state.items.values()].filter((item) =>
      item.tags.genre?.some((tag) => tag.tag === 'Horror'),
    );
    expect(json.MediaContainer).toMatchObject({ size: 0, offset: 0, totalSize: horror.length });
    expect(json.MediaContainer.Metadata).toBeUndefined();
    expect(headers.get('X-Plex-Container-Total-Size')).toBe(String(horror.length));
  });

  it('caps the list and its total with limit', async () => {
    const { json } = await call(testEmulator(), '/library/sections/1/all', {
      query: { limit: 3, sort: 'addedAt:desc' },
    });
    expect([json.MediaContainer.size, json.MediaContainer.totalSize]).toEqual([3, 3]);
    expect(json.MediaContainer.Metadata[0].title).toBe('Scarlet Street');
  });

  it('answers past the end with an empty page', async () => {
    const { json } = await call(testEmulator(), '/library/sections/1/all', {
      query: { 'X-Plex-Container-Start': 100, 'X-Plex-Container-Size': 10 },
    });
    expect(json.MediaContainer).toMatchObject({ size: 0, totalSize: DEMO.counts.movies });
    expect(json.MediaContainer.Metadata).toBeUndefined();
  });

  it('requires a container size when the server is configured like newer PMS', async () => {
    const emulator = testEmulator({ requireContainerSize: true });
    const refused = await call(emulator, '/library/sections/1/all');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('400 Bad Request');
    const sized = await call(emulator, '/library/sections/1/all', {
      query: { 'X-Plex-Container-Size': 2 },
    });
    expect(sized.status).toBe(200);
    const counted = await call(emulator, '/library/sections/1/all', {
      headers: { 'X-Plex-Container-Size': '0' },
    });
    expect(counted.json.MediaContainer.totalSize).toBe(DEMO.counts.movies);
    // The ready-made views are not /all and keep answering without a size.
    expect((await call(emulator, '/library/sections/1/unwatched')).status).toBe(200);
  });

  it('answers 404 for unknown or unshared sections', async () => {
    const emulator = testEmulator();
    expect((await call(emulator, '/library/sections/9/all')).status).toBe(404);
    const sam = emulator.state.accounts.get(4);
    if (!sam) throw new Error('demo account missing');
    expect(
      (await call(emulator, '/library/sections/2/all', { token: sam.serverToken })).status,
    ).toBe(404);
    expect(
      (await call(emulator, '/library/sections/1/all', { token: sam.serverToken })).status,
    ).toBe(200);
  });

  it('needs a token', async () => {
    expect((await call(testEmulator(), '/library/sections/1/all', { token: null })).status).toBe(
      401,
    );
  });
});

describe('GET /library/sections/{id}/all: types', () => {
  it('lists episodes of a TV section with type=4, marked as mixed parents', async () => {
    const emulator = testEmulator();
    const { json } = await call(emulator, '/library/sections/2/all', { query: { type: 4 } });
    const container = json.MediaContainer;
    expect(container).toMatchObject({
      totalSize: DEMO.counts.episodes,
      title2: 'All Episodes',
      viewGroup: 'episode',
      mixedParents: true,
    });
    expect(container.Metadata[0]).toMatchObject({
      type: 'episode',
      grandparentTitle: 'The Beverly Hillbillies',
      parentIndex: 1,
      index: 1,
    });
  });

  it('lists seasons, albums, tracks and collections by their numbers', async () => {
    const emulator = testEmulator();
    const count = async (section: number, type: number) => {
      const { status, json, text } = await call(emulator, `/library/sections/${section}/all`, {
        query: { type },
      });
      expect(status, text).toBe(200);
      return json.MediaContainer.totalSize;
    };
    expect(await count(2, 3)).toBe(DEMO.counts.seasons);
    expect(await count(3, 9)).toBe(DEMO.counts.albums);
    expect(await count(3, 10)).toBe(DEMO.counts.tracks);
    expect(await count(1, 18)).toBe(DEMO.counts.collections);
    expect(await count(1, 4)).toBe(0);
  });

  it('refuses an unknown type', async () => {
    expect(
      (await call(testEmulator(), '/library/sections/1/all', { query: { type: 99 } })).status,
    ).toBe(400);
  });
});

describe('GET /library/sections/{id}/all: filters', () => {
  it('filters tags by id (as python-plexapi sends) and by title, with OR and !=', async () => {
    const emulator = testEmulator();
    const horror = emulator.state.tagId('genre', 'Horror');
    const war = emulator.state.tagId('genre', 'War');
    const byId = await titles(emulator, `/library/sections/1/all?genre=${horror}`);
    expect(byId).toContain('Night of the Living Dead');
    expect(byId).not.toContain('Charade');
    expect(await titles(emulator, '/library/sections/1/all?genre=horror')).toEqual(byId);
    const either = await titles(emulator, `/library/sections/1/all?genre=${horror}%2C${war}`);
    expect(sorted(either)).toEqual(sorted([...byId, 'The General']));
    const neither = await titles(emulator, `/library/sections/1/all?genre!=${horror},${war}`);
    expect(neither.length).toBe(DEMO.counts.movies - either.length);
    expect(neither.some((title) => either.includes(title))).toBe(false);
    const both = await titles(emulator, '/library/sections/1/all?genre=Horror&genre=Comedy');
    expect(sorted(both)).toEqual(['The Little Shop of Horrors']);
  });

  it('filters people, places, labels and collections', async () => {
    const emulator = testEmulator();
    const tag = (kind: string, name: string) => emulator.state.tagId(kind, name);
    const all = '/library/sections/1/all';
    expect(await titles(emulator, `${all}?director=${tag('director', 'Fritz Lang')}`)).toEqual([
      'Metropolis',
      'Scarlet Street',
    ]);
    expect(await titles(emulator, `${all}?actor=${encodeURIComponent('Cary Grant')}`)).toEqual([
      'Charade',
      'His Girl Friday',
    ]);
    expect(await titles(emulator, `${all}?writer=${tag('writer', 'Charlie Chaplin')}`)).toEqual([
      'The Kid',
    ]);
    expect(await titles(emulator, `${all}?country=Germany`)).toEqual(['Metropolis', 'Nosferatu']);
    expect(await titles(emulator, `${all}?label=${tag('label', 'Criterion')}`)).toEqual(['Detour']);
    expect(
      await titles(emulator, `${all}?collection=${DEMO.collections.filmNoir.ratingKey}`),
    ).toEqual(['D.O.A.', 'Detour', 'Scarlet Street']);
  });

  it('filters years, decades and numbers with =, !=, >>= and <<=', async () => {
    const emulator = testEmulator();
    const all = '/library/sections/1/all';
    expect(await titles(emulator, `${all}?year=1968`)).toEqual(['Night of the Living Dead']);
    expect(await titles(emulator, `${all}?year>>=1960&year<<=1963`)).toEqual(['Carnival of Souls']);
    expect(await titles(emulator, `${all}?year%3E%3E=1962`)).toEqual([
      'Charade',
      'Night of the Living Dead',
    ]);
    // Titles sort without their article: "The Little Shop…" files under L.
    expect(await titles(emulator, `${all}?decade=1960`)).toEqual([
      'Carnival of Souls',
      'Charade',
      'The Little Shop of Horrors',
      'Night of the Living Dead',
    ]);
    const not1960s = await titles(emulator, `${all}?decade!=1960`);
    expect(not1960s).toHaveLength(DEMO.counts.movies - 4);
    expect(await titles(emulator, `${all}?userRating>>=9`)).toEqual(['Night of the Living Dead']);
  });

  it('filters content ratings, studios and titles as strings', async () => {
    const emulator = testEmulator();
    const all = '/library/sections/1/all';
    const approved = await titles(emulator, `${all}?contentRating=Approved`);
    expect(approved).toContain('His Girl Friday');
    expect(approved).not.toContain('Nosferatu');
    expect(await titles(emulator, `${all}?studio=keaton`)).toEqual(['The General', 'Sherlock Jr.']);
    expect(await titles(emulator, `${all}?title=SHERLOCK`)).toEqual([
      'Sherlock Holmes',
      'Sherlock Holmes',
      'Sherlock Jr.',
    ]);
    expect(await titles(emulator, `${all}?title%3D=Sherlock%20Holmes`)).toEqual([
      'Sherlock Holmes',
      'Sherlock Holmes',
    ]);
    expect(await titles(emulator, `${all}?title!=the`)).not.toContain('The Kid');
  });

  it('filters resolutions by bucket', async () => {
    const emulator = testEmulator();
    expect(await titles(emulator, '/library/sections/1/all?resolution=4k')).toEqual([
      'Night of the Living Dead',
    ]);
    expect(await titles(emulator, '/library/sections/1/all?resolution=sd')).toEqual([
      'Plan 9 from Outer Space',
    ]);
  });

  it('filters the caller watch state, and sees writes at once', async () => {
    const emulator = testEmulator();
    const all = '/library/sections/1/all';
    expect(await titles(emulator, `${all}?inProgress=1`)).toEqual(['Charade']);
    const unwatched = await titles(emulator, `${all}?unwatched=1`);
    expect(unwatched).toContain('Metropolis');
    const metropolis = demoItem(emulator, 'Metropolis');
    emulator.state.setWatchState(1, metropolis.ratingKey, { viewCount: 1, lastViewedAt: 1 });
    const after = await titles(emulator, `${all}?unwatched=1`);
    expect(after).toHaveLength(unwatched.length - 1);
    expect(after).not.toContain('Metropolis');
    const alex = emulator.state.accounts.get(2);
    if (!alex) throw new Error('demo account missing');
    expect(await titles(emulator, `${all}?inProgress=1`, { token: alex.serverToken })).toEqual([
      'The General',
    ]);
  });

  it('filters dates, relative to now too', async () => {
    const emulator = testEmulator();
    const recent = await titles(emulator, '/library/sections/1/all?addedAt>>=-30d');
    expect(recent).toEqual(['Scarlet Street']);
    const before = await titles(
      emulator,
      `/library/sections/1/all?addedAt<<=${Date.UTC(2024, 2, 1) / 1000}`,
    );
    expect(before).toEqual(['Night of the Living Dead']);
  });

  it('reads fields of other levels: shows by episodes, episodes by show', async () => {
    const emulator = testEmulator();
    expect(await titles(emulator, '/library/sections/2/all?episode.inProgress=1')).toEqual([
      'Bonanza',
    ]);
    const bonanza = await titles(emulator, '/library/sections/2/all?type=4&show.title==Bonanza');
    expect(bonanza).toHaveLength(DEMO.shows.bonanza.episodes);
    expect(
      await titles(emulator, '/library/sections/2/all?type=4&sourceType=2&title==Bonanza'),
    ).toEqual(bonanza);
  });

  it('groups with push, or and pop', async () => {
    const emulator = testEmulator();
    expect(
      await titles(
        emulator,
        '/library/sections/1/all?push=1&year=1968&or=1&year=1940&pop=1&genre=Comedy',
      ),
    ).toEqual(['His Girl Friday']);
  });

  it('answers 400 for unknown fields, bad operators and bad values', async () => {
    const emulator = testEmulator();
    for (const query of [
      'colour=red',
      'genre>>=5',
      'year=abc',
      'unwatched=maybe',
      'artist.title=x',
    ]) {
      const { status, text } = await call(emulator, `/library/sections/1/all?${query}`);
      expect(status, query).toBe(400);
      expect(text).toBe(
        '<html><head><title>Bad Request</title></head><body><h1>400 Bad Request</h1></body></html>',
      );
    }
  });
});

describe('GET /library/sections/{id}/all: sorting', () => {
  it('sorts by any field, descending with :desc, several keys with commas', async () => {
    const emulator = testEmulator();
    const all = '/library/sections/1/all';
    const byYear = await titles(emulator, `${all}?sort=year:desc`);
    expect(byYear.slice(0, 2)).toEqual(['Night of the Living Dead', 'Charade']);
    const reversed = await titles(emulator, `${all}?sort=titleSort:desc`);
    expect(reversed).toEqual((await titles(emulator, all)).reverse());
    const multi = await titles(emulator, `${all}?sort=year,title:desc`);
    expect(multi.indexOf('Scarlet Street')).toBe(multi.indexOf('Detour') - 1);
    const added = await titles(emulator, `${all}?sort=movie.addedAt%3Adesc`);
    expect(added[0]).toBe('Scarlet Street');
    expect(added.at(-1)).toBe('Night of the Living Dead');
  });

  it('sorts by the caller watch state', async () => {
    const emulator = testEmulator();
    const viewed = await titles(emulator, '/library/sections/1/all?sort=lastViewedAt:desc');
    expect(viewed[0]).toBe('Charade');
    const plays = await titles(emulator, '/library/sections/1/all?sort=viewCount:desc');
    expect(plays[0]).toBe('Night of the Living Dead');
  });

  it('sorts shows by their newest episode, as python-plexapi recentlyAdded asks', async () => {
    const emulator = testEmulator();
    const shows = await titles(emulator, '/library/sections/2/all?sort=episode.addedAt:desc');
    const newest = (title: string) =>
      Math.max(...emulator.state.leavesOf(demoItem(emulator, title)).map((e) => e.addedAt));
    expect(shows.map(newest)).toEqual(shows.map(newest).sort((a, b) => b - a));
  });

  it('answers 400 for unknown sorts', async () => {
    const emulator = testEmulator();
    expect((await call(emulator, '/library/sections/1/all?sort=colour')).status).toBe(400);
    expect((await call(emulator, '/library/sections/1/all?sort=year:sideways')).status).toBe(400);
  });
});

describe('GET /library/sections/{id}/all: extras', () => {
  it('describes filters and sorts with includeMeta=1 (python-plexapi _loadFilters)', async () => {
    const { json } = await call(testEmulator(), '/library/sections/1/all', {
      query: {
        includeMeta: 1,
        includeAdvanced: 1,
        'X-Plex-Container-Start': 0,
        'X-Plex-Container-Size': 0,
      },
    });
    const meta = json.MediaContainer.Meta;
    expect(meta.Type[0]).toMatchObject({
      key: '/library/sections/1/all?type=1',
      type: 'movie',
      active: true,
    });
    expect(meta.Type.map((type: { type: string }) => type.type)).toEqual(['movie', 'collection']);
    const fields = meta.Type[0].Field.map((field: { key: string }) => field.key);
    expect(fields).toEqual(
      expect.arrayContaining(['title', 'genre', 'year', 'unwatched', 'resolution']),
    );
    expect(
      meta.FieldType.find((type: { type: string }) => type.type === 'integer').Operator,
    ).toEqual([
      { key: '=', title: 'is' },
      { key: '!=', title: 'is not' },
      { key: '>>=', title: 'is greater than' },
      { key: '<<=', title: 'is less than' },
    ]);
  });

  it('adds Guid arrays with includeGuids=1', async () => {
    const { json } = await call(testEmulator(), '/library/sections/1/all', {
      query: { includeGuids: 1, title: 'Night of the Living Dead' },
    });
    expect(json.MediaContainer.Metadata[0].Guid).toEqual(
      expect.arrayContaining([{ id: expect.stringMatching(/^imdb:\/\//) }]),
    );
    const plain = await call(testEmulator(), '/library/sections/1/all');
    expect(plain.json.MediaContainer.Metadata[0].Guid).toBeUndefined();
  });

  it('lists items added after the first request', async () => {
    const emulator = testEmulator();
    await titles(emulator, '/library/sections/1/all');
    emulator.state.addItem({
      type: 'movie',
      sectionId: DEMO.sections.movies,
      title: 'Aelita: Queen of Mars',
      year: 1924,
      addedAt: 1_763_800_000,
    });
    const after = await titles(emulator, '/library/sections/1/all');
    expect(after).toHaveLength(DEMO.counts.movies + 1);
    expect(after[0]).toBe('Aelita: Queen of Mars');
  });

  it('re-sorts and re-filters after a metadata edit (PUT /all, routes/metadata.ts)', async () => {
    const emulator = testEmulator();
    const detour = demoItem(emulator, 'Detour');
    await titles(emulator, '/library/sections/1/all');
    await titles(emulator, '/library/sections/1/all?title=aaa');
    const edit = await call(
      emulator,
      `/library/sections/1/all?type=1&id=${detour.ratingKey}&title.value=Aaa%20Detour&title.locked=1`,
      { method: 'PUT' },
    );
    expect(edit.status).toBe(200);
    expect((await titles(emulator, '/library/sections/1/all'))[0]).toBe('Aaa Detour');
    expect(await titles(emulator, '/library/sections/1/all?title=aaa')).toEqual(['Aaa Detour']);
  });
});

describe('section views', () => {
  it('unwatched lists what the caller has not finished', async () => {
    const emulator = testEmulator();
    const { json } = await call(emulator, '/library/sections/1/unwatched');
    expect(json.MediaContainer.title2).toBe('Unwatched');
    expect(json.MediaContainer.Metadata.map((item: Item) => item.title)).toEqual(
      await titles(emulator, '/library/sections/1/all?unwatched=1'),
    );
  });

  it('newest lists by release date; for TV, episodes', async () => {
    const emulator = testEmulator();
    const movies = await titles(emulator, '/library/sections/1/newest');
    expect(movies[0]).toBe('Night of the Living Dead');
    const { json } = await call(emulator, '/library/sections/2/newest');
    expect(json.MediaContainer.viewGroup).toBe('episode');
    const dates = json.MediaContainer.Metadata.map((item: Item) => item.originallyAvailableAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('recentlyAdded lists movies, episodes or albums newest first', async () => {
    const emulator = testEmulator();
    const movies = await call(emulator, '/library/sections/1/recentlyAdded');
    expect(movies.json.MediaContainer).toMatchObject({
      title2: 'Recently Added',
      viewGroup: 'movie',
    });
    expect(movies.json.MediaContainer.Metadata[0].title).toBe('Scarlet Street');
    const tv = await call(emulator, '/library/sections/2/recentlyAdded', {
      query: { 'X-Plex-Container-Size': 3 },
    });
    expect(tv.json.MediaContainer.mixedParents).toBe(true);
    expect(tv.json.MediaContainer.totalSize).toBe(DEMO.counts.episodes);
    const added = tv.json.MediaContainer.Metadata.map((item: Item) => item.addedAt as number);
    expect(added).toEqual([...added].sort((a, b) => b - a));
    const music = await call(emulator, '/library/sections/3/recentlyAdded');
    expect(music.json.MediaContainer.Metadata.every((item: Item) => item.type === 'album')).toBe(
      true,
    );
  });

  it('recentlyViewed lists what the caller watched, latest first', async () => {
    const emulator = testEmulator();
    const movies = await titles(emulator, '/library/sections/1/recentlyViewed');
    expect(movies[0]).toBe('Charade');
    expect(movies).not.toContain('Metropolis');
    const episodes = await call(emulator, '/library/sections/2/recentlyViewed');
    expect(episodes.json.MediaContainer.Metadata[0].title).toBe('The Newcomers');
    const shows = await titles(emulator, '/library/sections/2/recentlyViewedShows');
    expect(shows[0]).toBe('Bonanza');
  });

  it('albums lists a music section albums', async () => {
    const { json } = await call(testEmulator(), '/library/sections/3/albums');
    expect(json.MediaContainer.totalSize).toBe(DEMO.counts.albums);
    expect(json.MediaContainer.viewGroup).toBe('album');
  });
});
