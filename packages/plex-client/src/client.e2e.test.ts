import { createPlexEmulator, type PlexEmulator } from '@plexmcp/plex-emulator';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPlexClient, type PlexClient } from './client.js';
import type { PlexNotification } from './schemas/notifications.js';
import { itemByTitle } from './testing/lookups.js';

/**
 * The client against the emulator as a real Plex is reached: mounted in msw (the client's own
 * global `fetch`, no injected fetch) and served on a real socket.
 */

const ROKU = 'roku-lr-7f3a';

describe('against the emulator mounted in msw', () => {
  const ORIGIN = 'http://plex.msw';
  const msw = setupServer();
  let emulator: PlexEmulator;
  let client: PlexClient;
  /** Every request the "server" received, as it received it. */
  let received: Request[];

  beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => msw.close());
  afterEach(() => msw.resetHandlers());

  function mount() {
    emulator = createPlexEmulator();
    received = [];
    msw.use(
      http.all(`${ORIGIN}/*`, ({ request }) => {
        received.push(request.clone());
        return emulator.fetch(request);
      }),
    );
    client = createPlexClient({
      baseUrl: ORIGIN,
      plexTvUrl: `${ORIGIN}${emulator.plexTvPath}`,
      token: emulator.token,
      clientIdentifier: 'e2e-msw',
      product: 'e2e',
      version: '9.9.9',
      deviceName: 'ci',
    });
  }

  function last(): { request: Request; url: URL } {
    const request = received.at(-1);
    if (!request) throw new Error('no request reached the server');
    return { request, url: new URL(request.url) };
  }

  it('server.identity: GET /identity with every identity header and the token in a header', async () => {
    mount();
    const identity = await client.server.identity();
    const { request, url } = last();
    expect(request.method).toBe('GET');
    expect(url.toString()).toBe(`${ORIGIN}/identity`);
    expect(Object.fromEntries(request.headers)).toMatchObject({
      accept: 'application/json',
      'x-plex-token': emulator.token,
      'x-plex-client-identifier': 'e2e-msw',
      'x-plex-product': 'e2e',
      'x-plex-version': '9.9.9',
      'x-plex-platform': 'Node.js',
      'x-plex-device-name': 'ci',
    });
    expect(identity.machineIdentifier).toBe(emulator.machineIdentifier);
  });

  it('libraries.items: filters and sort in the query, paging in headers, parsed items', async () => {
    mount();
    const page = await client.libraries.items(1, {
      sort: 'year',
      filters: { genre: 'Horror', raw: { 'year<<': 1970 } },
      limit: 2,
    });
    const { request, url } = last();
    expect(url.pathname).toBe('/library/sections/1/all');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      sort: 'year',
      genre: 'Horror',
      'year<<': '1970',
    });
    expect(request.headers.get('X-Plex-Container-Start')).toBe('0');
    expect(request.headers.get('X-Plex-Container-Size')).toBe('2');
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThanOrEqual(2);
    for (const item of page.items) {
      expect(item.librarySectionID).toBe(1);
      expect(item.year).toBeLessThan(1970);
      expect(item.Genre.map((tag) => tag.tag)).toContain('Horror');
    }
    expect(page.totalSize).toBeGreaterThanOrEqual(page.items.length);
  });

  it('metadata.markWatched: PUT /:/scrobble, and the server remembers it', async () => {
    mount();
    const film = itemByTitle(emulator, 'His Girl Friday');
    const owner = emulator.state.owner.id;
    const before = emulator.state.watchState(owner, film.ratingKey).viewCount ?? 0;
    await client.metadata.markWatched(film.ratingKey);
    const { request, url } = last();
    expect(request.method).toBe('PUT');
    expect(url.pathname).toBe('/:/scrobble');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      key: film.ratingKey,
      identifier: 'com.plexapp.plugins.library',
    });
    expect(emulator.state.watchState(owner, film.ratingKey).viewCount).toBe(before + 1);
    expect((await client.metadata.get(film.ratingKey)).viewCount).toBe(before + 1);
  });

  it('playlists.create: POST /playlists with a server:// uri', async () => {
    mount();
    const films = ['Night of the Living Dead', 'His Girl Friday'].map(
      (title) => itemByTitle(emulator, title).ratingKey,
    );
    const playlist = await client.playlists.create({
      title: 'Msw Night',
      type: 'video',
      ratingKeys: films,
      machineIdentifier: emulator.machineIdentifier,
    });
    const { request, url } = last();
    expect(request.method).toBe('POST');
    expect(url.pathname).toBe('/playlists');
    expect(url.searchParams.get('title')).toBe('Msw Night');
    expect(url.searchParams.get('type')).toBe('video');
    expect(url.searchParams.get('uri')).toBe(
      `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/metadata/${films.join(',')}`,
    );
    expect(playlist).toMatchObject({ title: 'Msw Night', leafCount: 2 });
    expect(emulator.state.playlists.get(playlist.ratingKey)?.title).toBe('Msw Night');
  });

  it('players.playback: through the server with the target header and a commandID', async () => {
    mount();
    await client.players.playback(ROKU, 'pause');
    const { request, url } = last();
    expect(url.pathname).toBe('/player/playback/pause');
    expect(url.searchParams.get('commandID')).toBe('1');
    expect(request.headers.get('X-Plex-Target-Client-Identifier')).toBe(ROKU);
    const timeline = await client.players.timeline(ROKU);
    expect(timeline.timelines.find((one) => one.type === 'video')?.state).toBe('paused');
  });

  it('plexTv.user: the plex.tv base URL, the same token header', async () => {
    mount();
    const user = await client.plexTv.user();
    const { request, url } = last();
    expect(url.toString()).toBe(`${ORIGIN}${emulator.plexTvPath}/api/v2/user`);
    expect(request.headers.get('X-Plex-Token')).toBe(emulator.token);
    expect(user.username).toBe('demo_owner');
  });
});

describe('against the emulator on a real socket', () => {
  let emulator: PlexEmulator;
  let client: PlexClient;

  beforeAll(async () => {
    emulator = createPlexEmulator({ activityStepMs: 5 });
    const served = await emulator.listen({ port: 0 });
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    client = createPlexClient({
      baseUrl: served.url,
      plexTvUrl: served.plexTvUrl,
      token: emulator.token,
      clientIdentifier: 'e2e-socket',
    });
  });
  afterAll(() => emulator.close());

  it('reads the server, its sections and a page of each', async () => {
    const info = await client.server.info();
    expect(info.machineIdentifier).toBe(emulator.machineIdentifier);
    const sections = await client.libraries.list();
    expect(sections.map((section) => section.title)).toEqual(['Movies', 'TV Shows', 'Music']);
    for (const section of sections) {
      const page = await client.libraries.items(section.key, { limit: 3 });
      expect(page.items).toHaveLength(3);
      expect(page.totalSize).toBe(await client.libraries.count(section.key));
    }
  });

  it('reads details, search, hubs, sessions, history, accounts and collections', async () => {
    const night = itemByTitle(emulator, 'Night of the Living Dead');
    const item = await client.metadata.get(night.ratingKey);
    expect(item).toMatchObject({ title: 'Night of the Living Dead', year: 1968 });

    const hubs = await client.search.hubs('living dead');
    const found = hubs.flatMap((hub) => hub.items.map((one) => one.ratingKey));
    expect(found).toContain(night.ratingKey);

    expect((await client.hubs.home()).length).toBeGreaterThan(0);
    expect(await client.sessions.active()).toHaveLength(2);
    const history = await client.history.list({ limit: 5 });
    expect(history.items.length).toBeGreaterThan(0);
    expect(history.totalSize).toBeGreaterThanOrEqual(history.items.length);
    expect((await client.accounts.list()).map((account) => account.name)).toContain('demo_owner');
    expect((await client.collections.list(1)).items).toHaveLength(2);
  });

  it('downloads and reads the log, with the requests made above in it', async () => {
    const log = await client.logs.read('server', { lines: 200 });
    expect(log.lines.some((line) => line.includes('GET /status/sessions '))).toBe(true);
    expect(log.lines.join('\n')).not.toContain(emulator.token);
  });

  it('streams notifications over the socket while a scan runs', async () => {
    const controller = new AbortController();
    const seen: PlexNotification[] = [];
    const reading = (async () => {
      for await (const notification of client.notifications.stream({
        filters: ['activity'],
        signal: controller.signal,
      })) {
        seen.push(notification);
        if (notification.type === 'activity' && notification.data.event === 'ended') {
          controller.abort();
        }
      }
    })();
    for (let i = 0; i < 200 && emulator.notifications.subscriberCount === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await client.libraries.refresh(1);
    const timer = setTimeout(() => controller.abort(), 10_000);
    await reading;
    clearTimeout(timer);
    expect(seen.map((one) => one.type)).toContain('activity');
    expect(seen.at(-1)).toMatchObject({ type: 'activity', data: { event: 'ended' } });
  });

  it('signs in with a PIN: create, approve on "plex.tv", poll for the token', async () => {
    const pin = await client.plexTv.createPin();
    expect(pin.linkUrl).toBe('https://plex.tv/link');
    const polling = client.plexTv.pollPin(pin.id, { intervalMs: 5 });
    const approve = await fetch(`${client.baseUrl}${emulator.plexTvPath}/api/v2/pins/link`, {
      method: 'PUT',
      headers: {
        'X-Plex-Token': emulator.token,
        'X-Plex-Client-Identifier': 'browser',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ code: pin.code }),
    });
    expect(approve.status).toBe(204);
    expect(await polling).toBe(emulator.state.owner.plexTvToken);
  });
});
