import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListeningEmulator, PlexEmulator } from './emulator.js';
import { testEmulator } from './testing/harness.js';

/**
 * One request per endpoint group over a real socket: the bridge between node:http and the
 * emulator's fetch handler must carry methods, headers, query strings and bodies for all of them.
 */
describe('every endpoint group over a real socket', () => {
  let emulator: PlexEmulator;
  let server: ListeningEmulator;
  beforeAll(async () => {
    emulator = testEmulator();
    server = await emulator.listen({ port: 0 });
  });
  afterAll(() => emulator.close());

  const send = async (method: string, path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { Accept: 'application/json', 'X-Plex-Token': emulator.token, ...headers },
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: text ? JSON.parse(text) : undefined,
    };
  };

  it('server: capabilities and the log archive', async () => {
    expect((await send('GET', '/')).json.MediaContainer.machineIdentifier).toBe(
      emulator.machineIdentifier,
    );
    const logs = await fetch(`${server.url}/diagnostics/logs`, {
      headers: { 'X-Plex-Token': emulator.token },
    });
    expect(logs.headers.get('content-type')).toBe('application/zip');
    expect(new Uint8Array(await logs.arrayBuffer()).subarray(0, 2)).toEqual(
      new Uint8Array([0x50, 0x4b]),
    );
  });

  it('libraries: a filtered, paged /all with paging headers', async () => {
    const page = await send('GET', '/library/sections/1/all?type=1&year%3C%3C=1930', {
      'X-Plex-Container-Start': '0',
      'X-Plex-Container-Size': '2',
    });
    expect(page.json.MediaContainer.size).toBe(2);
    expect(page.headers.get('X-Plex-Container-Total-Size')).toBe(
      String(page.json.MediaContainer.totalSize),
    );
    for (const item of page.json.MediaContainer.Metadata)
      expect(item.year).toBeLessThanOrEqual(1930);
  });

  it('items: an edit followed by a read', async () => {
    const edit = await send(
      'PUT',
      '/library/sections/1/all?type=1&id=1000&title.value=Night%20of%20the%20Dead&title.locked=1',
    );
    expect(edit.status).toBe(200);
    expect(edit.text).toBe('');
    const item = await send('GET', '/library/metadata/1000');
    expect(item.json.MediaContainer.Metadata[0].title).toBe('Night of the Dead');
  });

  it('search and hubs', async () => {
    const hubs = await send('GET', '/hubs/search?query=sherlock');
    const movies = hubs.json.MediaContainer.Hub.find(
      (hub: { type: string }) => hub.type === 'movie',
    );
    expect(movies.Metadata.map((m: { title: string }) => m.title)).toContain('Sherlock Jr.');
  });

  it('playlists and collections', async () => {
    const created = await send(
      'POST',
      `/playlists?type=video&title=Socket&smart=0&uri=${encodeURIComponent(
        `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/metadata/1001,1002`,
      )}`,
    );
    const id = created.json.MediaContainer.Metadata[0].ratingKey;
    expect((await send('GET', `/playlists/${id}/items`)).json.MediaContainer.size).toBe(2);
    const collections = await send('GET', '/library/sections/1/collections');
    expect(collections.json.MediaContainer.Metadata.map((c: { title: string }) => c.title)).toEqual(
      expect.arrayContaining(['Silent Era', 'Film Noir']),
    );
  });

  it('activity: sessions and history', async () => {
    const sessions = await send('GET', '/status/sessions');
    expect(sessions.json.MediaContainer.size).toBe(2);
    expect(typeof sessions.json.MediaContainer.Metadata[0].librarySectionID).toBe('string');
    const history = await send('GET', '/status/sessions/history/all?sort=viewedAt:desc', {
      'X-Plex-Container-Size': '5',
    });
    expect(history.json.MediaContainer.Metadata).toHaveLength(5);
  });

  it('players: a command proxied to an emulated player changes its timeline', async () => {
    const target = { 'X-Plex-Target-Client-Identifier': 'roku-lr-7f3a' };
    expect((await send('GET', '/player/playback/pause?commandID=1', target)).status).toBe(200);
    const poll = await send('GET', '/player/timeline/poll?wait=0&commandID=2', target);
    const video = poll.json.MediaContainer.Timeline.find(
      (t: { type: string }) => t.type === 'video',
    );
    expect(video.state).toBe('paused');
  });

  it('plex.tv: the signed-in user', async () => {
    const user = await send('GET', '/plex.tv/api/v2/user');
    expect(user.json.username).toBe('demo_owner');
  });
});
