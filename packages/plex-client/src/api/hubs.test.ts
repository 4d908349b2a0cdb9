import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlexClient } from '../client.js';
import { PlexBadRequestError } from '../errors/bad-request-error.js';
import { emulatorClient } from '../testing/emulator-client.js';
import { lastRequest } from '../testing/lookups.js';

describe('hubs.home', () => {
  it('reads the home hubs with count items each', async () => {
    const { client, sent } = emulatorClient();
    const hubs = await client.hubs.home({ count: 2 });
    const url = new URL(lastRequest(sent).url);
    expect(url.pathname).toBe('/hubs');
    expect(url.searchParams.get('count')).toBe('2');

    const identifiers = hubs.map((hub) => hub.hubIdentifier);
    expect(identifiers).toContain('home.continue');
    expect(identifiers).toContain('home.movies.recent');
    expect(hubs.every((hub) => hub.items.length <= 2 && hub.size === hub.items.length)).toBe(true);
    const movies = hubs.find((hub) => hub.hubIdentifier === 'home.movies.recent')!;
    expect(movies.more).toBe(true);
    expect(movies.items.every((item) => item.type === 'movie' && item.librarySectionID === 1)).toBe(
      true,
    );
  });

  it('asks for chosen hubs only', async () => {
    const { client, sent } = emulatorClient();
    const hubs = await client.hubs.home({ identifiers: ['home.ondeck', 'home.playlists'] });
    expect(new URL(lastRequest(sent).url).searchParams.get('identifier')).toBe(
      'home.ondeck,home.playlists',
    );
    expect(hubs.map((hub) => hub.hubIdentifier).sort()).toEqual(['home.ondeck', 'home.playlists']);
    const playlists = hubs.find((hub) => hub.hubIdentifier === 'home.playlists');
    expect(playlists?.items.every((item) => item.type === 'playlist')).toBe(true);
  });
});

describe('hubs.continueWatching', () => {
  it('reads the one Continue Watching hub and its full list, paged', async () => {
    const { client, sent } = emulatorClient();
    const hub = await client.hubs.continueWatching({ count: 2 });
    expect(new URL(lastRequest(sent).url).pathname).toBe('/hubs/continueWatching');
    expect(hub?.hubIdentifier).toBe('home.continue');
    expect(hub?.items.length).toBe(2);
    expect(hub?.items.every((item) => item.librarySectionID !== undefined)).toBe(true);

    const page = await client.hubs.continueWatchingItems({ limit: 10 });
    const request = lastRequest(sent);
    expect(new URL(request.url).pathname).toBe('/hubs/continueWatching/items');
    expect(request.headers.get('X-Plex-Container-Size')).toBe('10');
    expect(page.items.slice(0, 2).map((item) => item.ratingKey)).toEqual(
      hub?.items.map((item) => item.ratingKey),
    );
    expect(page.totalSize).toBeGreaterThanOrEqual(page.items.length);

    const tv = await client.hubs.continueWatchingItems({ sectionId: 2 });
    expect(new URL(lastRequest(sent).url).pathname).toBe('/hubs/sections/2/continueWatching/items');
    expect(tv.items.every((item) => item.librarySectionID === 2)).toBe(true);
  });
});

describe('hubs.section and hubs.items', () => {
  it('reads a section hubs and follows a hub key for the full list', async () => {
    const { client, emulator, sent } = emulatorClient();
    const hubs = await client.hubs.section(1, { count: 3 });
    expect(new URL(lastRequest(sent).url).pathname).toBe('/hubs/sections/1');
    const recent = hubs.find((hub) => hub.hubIdentifier === 'movie.recentlyadded.1')!;
    expect(recent.items).toHaveLength(3);
    expect(recent.more).toBe(true);
    expect(recent.items.every((item) => item.librarySectionID === 1)).toBe(true);

    const full = await client.hubs.items(recent, { limit: 100 });
    const request = lastRequest(sent);
    const url = new URL(request.url);
    expect(`${url.pathname}${url.search}`).toBe(recent.key);
    expect(request.headers.get('X-Plex-Container-Start')).toBe('0');
    expect(full.totalSize).toBe(emulator.state.keysOf(1, 'movie').length);
    expect(full.items.slice(0, 3).map((item) => item.ratingKey)).toEqual(
      recent.items.map((item) => item.ratingKey),
    );
  });

  it('follows a home hub key that carries its own query', async () => {
    const { client, sent } = emulatorClient();
    const page = await client.hubs.items('/hubs/home/recentlyAdded?type=1', {
      offset: 2,
      limit: 3,
    });
    const request = lastRequest(sent);
    expect(request.url).toBe('http://plex.test:32400/hubs/home/recentlyAdded?type=1');
    expect(request.headers.get('X-Plex-Container-Start')).toBe('2');
    expect(page.offset).toBe(2);
    expect(page.items.every((item) => item.type === 'movie')).toBe(true);
    await expect(client.hubs.items('https://elsewhere.example/x')).rejects.toBeInstanceOf(
      TypeError,
    );
  });

  it('fails with BAD_REQUEST for an unknown section, as PMS answers 400 there', async () => {
    const { client } = emulatorClient();
    await expect(client.hubs.section(99)).rejects.toBeInstanceOf(PlexBadRequestError);
  });
});

describe('hubs from a section container (msw)', () => {
  const PLEX = 'http://hubs.plex.test:32400';
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('gives items the container section when they carry none', async () => {
    server.use(
      http.get(`${PLEX}/hubs/sections/5`, () =>
        HttpResponse.json({
          MediaContainer: {
            size: 1,
            librarySectionID: 5,
            librarySectionTitle: 'Films',
            Hub: [
              {
                hubIdentifier: 'movie.recentlyadded.5',
                title: 'Recently Added in Films',
                type: 'movie',
                size: 1,
                more: true,
                Metadata: [{ ratingKey: 9, key: '/library/metadata/9', type: 'movie', title: 'M' }],
              },
            ],
          },
        }),
      ),
    );
    const client = createPlexClient({ baseUrl: PLEX, token: 'hub-token', retry: false });
    const [hub] = await client.hubs.section(5);
    expect(hub?.items[0]).toMatchObject({
      ratingKey: '9',
      librarySectionID: 5,
      librarySectionTitle: 'Films',
    });
    expect(hub?.more).toBe(true);
  });
});
