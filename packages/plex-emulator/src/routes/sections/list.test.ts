import { describe, expect, it } from 'vitest';
import { DEMO } from '../../data/demo.js';
import { call, testEmulator } from '../../testing/harness.js';

const HTML_404 =
  '<html><head><title>Not Found</title></head><body><h1>404 Not Found</h1></body></html>';

describe('GET /library/sections', () => {
  it('lists every section with the attributes real PMS sends', async () => {
    const emulator = testEmulator();
    const { status, json } = await call(emulator, '/library/sections');
    expect(status).toBe(200);
    const container = json.MediaContainer;
    expect(container).toMatchObject({ size: 3, allowSync: false, title1: 'Plex Library' });
    const [movies, tv, music] = container.Directory;
    expect(movies).toEqual({
      allowSync: true,
      art: '/:/resources/movie-fanart.jpg',
      composite: `/library/sections/1/composite/${movies.scannedAt}`,
      filters: true,
      refreshing: false,
      thumb: '/:/resources/movie.png',
      key: '1',
      type: 'movie',
      title: 'Movies',
      agent: 'tv.plex.agents.movie',
      scanner: 'Plex Movie',
      language: 'en-US',
      uuid: '3f6c1a2e-8b4d-4c7a-9e15-2d7b0c9a4f61',
      updatedAt: expect.any(Number),
      createdAt: expect.any(Number),
      scannedAt: expect.any(Number),
      content: true,
      directory: true,
      contentChangedAt: expect.any(Number),
      hidden: 0,
      Location: [{ id: 1, path: '/data/media/movies' }],
    });
    expect([tv.key, tv.type, tv.art, music.key, music.type, music.thumb]).toEqual([
      '2',
      'show',
      '/:/resources/show-fanart.jpg',
      '3',
      'artist',
      '/:/resources/artist.png',
    ]);
  });

  it('answers the same on /library/sections/all', async () => {
    const emulator = testEmulator();
    const plain = await call(emulator, '/library/sections');
    const all = await call(emulator, '/library/sections/all');
    expect(all.status).toBe(200);
    expect(all.json).toEqual(plain.json);
  });

  it('shows shared users only what was shared with them', async () => {
    const emulator = testEmulator();
    const jordan = emulator.state.accounts.get(3);
    if (!jordan) throw new Error('demo account missing');
    const { json } = await call(emulator, '/library/sections', { token: jordan.serverToken });
    expect(json.MediaContainer.Directory.map((d: { key: string }) => d.key)).toEqual(
      jordan.sharedSectionIds.map(String),
    );
    const hidden = await call(emulator, '/library/sections/3', { token: jordan.serverToken });
    expect(hidden.status).toBe(404);
  });

  it('needs a token', async () => {
    const { status, text } = await call(testEmulator(), '/library/sections', { token: null });
    expect(status).toBe(401);
    expect(text).toContain('401 Unauthorized');
  });
});

describe('GET /library/sections/{id}', () => {
  it('lists a movie section sub-keys with relative keys and hoisted attributes', async () => {
    const { status, json } = await call(testEmulator(), '/library/sections/1');
    expect(status).toBe(200);
    const container = json.MediaContainer;
    expect(container).toMatchObject({
      size: 19,
      allowSync: false,
      art: '/:/resources/movie-fanart.jpg',
      content: 'secondary',
      identifier: 'com.plexapp.plugins.library',
      librarySectionID: 1,
      mediaTagPrefix: '/system/bundle/media/flags/',
      mediaTagVersion: expect.any(Number),
      sortAsc: true,
      thumb: '/:/resources/movie.png',
      title1: 'Movies',
      viewGroup: 'secondary',
      viewMode: 65592,
    });
    expect(container.Directory[0]).toEqual({ key: 'all', title: 'All Movies' });
    expect(container.Directory).toContainEqual({
      key: 'genre',
      title: 'By Genre',
      secondary: true,
    });
    expect(container.Directory.at(-1)).toEqual({
      key: 'search?type=1',
      title: 'Search...',
      prompt: 'Search Movies',
      search: true,
    });
    expect(container.Type).toBeUndefined();
  });

  it('lists TV and music sub-keys for their levels', async () => {
    const emulator = testEmulator();
    const tv = (await call(emulator, '/library/sections/2')).json.MediaContainer.Directory;
    const music = (await call(emulator, '/library/sections/3')).json.MediaContainer.Directory;
    const keys = (list: { key: string }[]) => list.map((entry) => entry.key);
    expect(keys(tv)).toEqual(
      expect.arrayContaining(['all', 'onDeck', 'search?type=2', 'search?type=4']),
    );
    expect(tv[0].title).toBe('All Shows');
    expect(keys(music)).toEqual(
      expect.arrayContaining(['albums', 'search?type=9', 'search?type=10']),
    );
    expect(music[0].title).toBe('All Artists');
  });

  it('adds Type and FieldType with includeDetails=1', async () => {
    const { json } = await call(testEmulator(), '/library/sections/2', {
      query: { includeDetails: 1 },
    });
    const container = json.MediaContainer;
    expect(container.Type.map((type: { type: string }) => type.type)).toEqual([
      'show',
      'season',
      'episode',
      'collection',
    ]);
    expect(container.FieldType.map((type: { type: string }) => type.type)).toContain('tag');
  });

  it('answers 404 for an unknown section and 400 for a malformed id', async () => {
    const emulator = testEmulator();
    const missing = await call(emulator, '/library/sections/99');
    expect([missing.status, missing.text]).toEqual([404, HTML_404]);
    expect((await call(emulator, '/library/sections/movies')).status).toBe(400);
  });

  it('keeps answering for sections added later', async () => {
    const emulator = testEmulator();
    const movies = emulator.state.sections.get(DEMO.sections.movies);
    if (!movies) throw new Error('demo section missing');
    emulator.state.sections.set(7, {
      ...movies,
      id: 7,
      uuid: 'c0ffee00-0000-4000-8000-000000000007',
      title: 'Home Videos',
      locations: [{ id: 7, path: '/data/home' }],
      prefs: {},
      trash: new Set(),
    });
    const { json } = await call(emulator, '/library/sections');
    expect(json.MediaContainer.Directory.map((d: { title: string }) => d.title)).toContain(
      'Home Videos',
    );
    expect((await call(emulator, '/library/sections/7')).json.MediaContainer.title1).toBe(
      'Home Videos',
    );
  });
});
