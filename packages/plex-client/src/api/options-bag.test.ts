import { createPlexEmulator } from '@plexmcp/plex-emulator';
import { describe, expect, it } from 'vitest';
import { createPlexClient, type PlexClient } from '../client.js';
import { emulatorClient } from '../testing/emulator-client.js';

/**
 * Every call takes one options object that carries `signal` beside the call's own options
 * (issue #14). These calls used to take the signal in a second, trailing object; here the one
 * bag must both reach Plex as the right query and stop the request when its signal aborts.
 */
const CALLS: [string, (client: PlexClient, signal: AbortSignal) => Promise<unknown>][] = [
  ['libraries.items', (c, signal) => c.libraries.items(1, { type: 'movie', limit: 2, signal })],
  ['libraries.count', (c, signal) => c.libraries.count(1, { filters: { year: 1968 }, signal })],
  ['libraries.recentlyAdded', (c, signal) => c.libraries.recentlyAdded({ sectionId: 1, signal })],
  ['libraries.onDeck', (c, signal) => c.libraries.onDeck({ signal })],
  ['libraries.tags', (c, signal) => c.libraries.tags(1, 'genre', { limit: 3, signal })],
  ['libraries.refresh', (c, signal) => c.libraries.refresh(1, { force: true, signal })],
  ['libraries.refreshAll', (c, signal) => c.libraries.refreshAll({ signal })],
  ['hubs.home', (c, signal) => c.hubs.home({ count: 3, signal })],
  ['hubs.continueWatching', (c, signal) => c.hubs.continueWatching({ count: 3, signal })],
  ['hubs.continueWatchingItems', (c, signal) => c.hubs.continueWatchingItems({ signal })],
  ['hubs.section', (c, signal) => c.hubs.section(1, { count: 3, signal })],
  ['search.hubs', (c, signal) => c.search.hubs('night', { limit: 3, signal })],
  ['search.library', (c, signal) => c.search.library('night', { limit: 3, signal })],
  ['logs.read', (c, signal) => c.logs.read('server', { lines: 5, signal })],
  ['sessions.terminate', (c, signal) => c.sessions.terminate('no-such', { reason: 'x', signal })],
  ['history.iterateItems', (c, signal) => c.history.iterateItems({ signal }).next()],
  ['players.playback', (c, signal) => c.players.playback('roku', 'seekTo', { offset: 1, signal })],
];

describe('one options object per call', () => {
  it.each(CALLS)('%s hands its signal to the request', async (_, call) => {
    // The emulator answers whatever the signal says, so look at the requests themselves: each
    // one's signal must follow the caller's and abort when it does.
    const emulator = createPlexEmulator();
    const seen: Request[] = [];
    const client = createPlexClient({
      baseUrl: 'http://plex.test:32400',
      token: emulator.token,
      retry: false,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        seen.push(request);
        return emulator.fetch(request);
      },
    });
    const controller = new AbortController();
    await call(client, controller.signal).catch(() => undefined);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.map((request) => request.signal.aborted)).not.toContain(true);
    const reason = new Error('caller gave up');
    controller.abort(reason);
    expect(seen.map((request) => request.signal.aborted)).not.toContain(false);
  });

  it.each(CALLS)('%s never sends the signal as a query parameter', async (_, call) => {
    const { client, sent } = emulatorClient();
    await call(client, new AbortController().signal).catch(() => undefined);
    expect(sent.length).toBeGreaterThan(0);
    for (const request of sent) expect(new URL(request.url).searchParams.has('signal')).toBe(false);
  });

  it('sends the options beside the signal as before', async () => {
    const { client, sent } = emulatorClient();
    const { signal } = new AbortController();
    await client.libraries.items(1, { type: 'movie', sort: 'year:desc', limit: 2, signal });
    const items = new URL(sent.at(-1)?.url ?? '');
    expect(items.pathname).toBe('/library/sections/1/all');
    expect(items.searchParams.get('type')).toBe('1');
    expect(items.searchParams.get('sort')).toBe('year:desc');
    expect(sent.at(-1)?.headers.get('X-Plex-Container-Size')).toBe('2');

    await client.hubs.home({ count: 3, identifiers: ['home.ondeck'], signal });
    const hubs = new URL(sent.at(-1)?.url ?? '');
    expect(hubs.pathname).toBe('/hubs');
    expect(hubs.searchParams.get('count')).toBe('3');
    expect(hubs.searchParams.get('identifier')).toBe('home.ondeck');

    await client.search.hubs('night', { limit: 2, sectionId: 1, signal });
    const search = new URL(sent.at(-1)?.url ?? '');
    expect(search.pathname).toBe('/hubs/search');
    expect(search.searchParams.get('limit')).toBe('2');
    expect(search.searchParams.get('sectionId')).toBe('1');

    await client.libraries.refresh(1, { force: true, signal });
    const refresh = new URL(sent.at(-1)?.url ?? '');
    expect(refresh.pathname).toBe('/library/sections/1/refresh');
    expect(refresh.searchParams.get('force')).toBe('1');
  });
});
