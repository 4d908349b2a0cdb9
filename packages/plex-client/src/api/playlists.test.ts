import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPlexClient } from '../client.js';
import { emulatorClient } from '../testing/emulator-client.js';
import { clientAs, itemByTitle, lastCall } from '../testing/lookups.js';

const PLEX = 'http://plex.test:32400';
const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => msw.resetHandlers());
afterAll(() => msw.close());

/** A fresh emulator with a three-film playlist made through the client. */
async function withPlaylist() {
  const setup = emulatorClient();
  const films = ['Night of the Living Dead', 'His Girl Friday', 'Charade'].map((title) =>
    itemByTitle(setup.emulator, title),
  );
  const playlist = await setup.client.playlists.create({
    title: 'Test Night',
    type: 'video',
    ratingKeys: films.map((film) => film.ratingKey),
  });
  setup.sent.length = 0;
  return { ...setup, films, playlist };
}

describe('playlists.list and get', () => {
  it('lists the account’s playlists with paging and Plex’s filter keys', async () => {
    const { client, sent } = emulatorClient();
    const all = await client.playlists.list();
    const request = sent.at(-1);
    expect(new URL(request?.url ?? '').pathname).toBe('/playlists');
    expect(request?.headers.get('X-Plex-Container-Start')).toBe('0');
    expect(request?.headers.get('X-Plex-Container-Size')).toBe('50');
    expect(all.totalSize).toBe(2);
    expect(all.items.map((p) => [p.title, p.playlistType, p.smart])).toEqual([
      ['Friday Night Noir', 'video', false],
      ['Piano Evenings', 'audio', false],
    ]);
    expect(all.items[0]?.leafCount).toBe(3);
    expect(all.items[0]?.duration).toBeGreaterThan(60_000);

    const audio = await client.playlists.list({
      playlistType: 'audio',
      smart: false,
      sectionId: 3,
    });
    const url = lastCall(sent).url;
    expect(url.searchParams.get('playlistType')).toBe('audio');
    expect(url.searchParams.get('smart')).toBe('0');
    expect(url.searchParams.get('sectionID')).toBe('3');
    expect(audio.items.map((p) => p.title)).toEqual(['Piano Evenings']);

    const paged = await client.playlists.list({ offset: 1, limit: 1 });
    expect(paged).toMatchObject({ offset: 1, totalSize: 2 });
    expect(paged.items.map((p) => p.title)).toEqual(['Piano Evenings']);
  });

  it('gets one playlist; another user’s or a missing one is NOT_FOUND', async () => {
    const { client, emulator } = emulatorClient();
    const [noir] = (await client.playlists.list()).items;
    expect(await client.playlists.get(noir?.ratingKey ?? '')).toMatchObject({
      title: 'Friday Night Noir',
      key: `/playlists/${noir?.ratingKey}/items`,
    });
    await expect(client.playlists.get(999999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(clientAs(emulator, 3).playlists.get(noir?.ratingKey ?? '')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('playlists.items', () => {
  it('pages items with their playlistItemID, and iterates all of them', async () => {
    const { client, playlist, films, sent } = await withPlaylist();
    const page = await client.playlists.items(playlist.ratingKey, { limit: 2 });
    expect(lastCall(sent).url.pathname).toBe(`/playlists/${playlist.ratingKey}/items`);
    expect(page.totalSize).toBe(3);
    expect(page.items.map((item) => item.title)).toEqual([
      'Night of the Living Dead',
      'His Girl Friday',
    ]);
    expect(typeof page.items[0]?.playlistItemID).toBe('number');

    const all = [];
    for await (const item of client.playlists.iterateItems(playlist.ratingKey, { pageSize: 2 })) {
      all.push(item);
    }
    expect(all.map((item) => item.ratingKey)).toEqual(films.map((film) => film.ratingKey));
  });
});

describe('playlist writes', () => {
  it('creates from items in one POST with a server:// URI, summary in a second request', async () => {
    const { client, emulator, sent } = emulatorClient();
    const films = ['Night of the Living Dead', 'His Girl Friday'].map((t) =>
      itemByTitle(emulator, t),
    );
    const created = await client.playlists.create({
      title: 'Late Show',
      type: 'video',
      ratingKeys: films.map((film) => film.ratingKey),
      summary: 'Two classics',
    });

    expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /identity',
      'POST /playlists',
      `PUT /playlists/${created.ratingKey}`,
    ]);
    expect(Object.fromEntries(new URL(sent[1]?.url ?? '').searchParams)).toEqual({
      uri: `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/metadata/${films[0]?.ratingKey},${films[1]?.ratingKey}`,
      type: 'video',
      title: 'Late Show',
      smart: '0',
    });
    expect(Object.fromEntries(new URL(sent[2]?.url ?? '').searchParams)).toEqual({
      'summary.value': 'Two classics',
      'summary.locked': '1',
    });
    expect(created).toMatchObject({ title: 'Late Show', summary: 'Two classics', leafCount: 2 });
    expect(await client.playlists.get(created.ratingKey)).toMatchObject({
      title: 'Late Show',
      summary: 'Two classics',
      smart: false,
      playlistType: 'video',
    });
  });

  it('adds, moves, removes by playlistItemID, and clears', async () => {
    const { client, emulator, playlist, films, sent } = await withPlaylist();
    const nosferatu = itemByTitle(emulator, 'Nosferatu');
    const added = await client.playlists.addItems(playlist.ratingKey, [nosferatu.ratingKey]);
    expect(lastCall(sent)).toMatchObject({ method: 'PUT' });
    expect(lastCall(sent).url.pathname).toBe(`/playlists/${playlist.ratingKey}/items`);
    expect(lastCall(sent).url.searchParams.get('uri')).toBe(
      `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/metadata/${nosferatu.ratingKey}`,
    );
    expect(added).toMatchObject({ leafCountAdded: 1, leafCountRequested: 1 });
    expect(added.playlist.leafCount).toBe(4);
    // A track does not go into a video playlist.
    const track = [...emulator.state.items.values()].find((item) => item.type === 'track');
    await expect(
      client.playlists.addItems(playlist.ratingKey, [track?.ratingKey ?? '']),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const entries = (await client.playlists.items(playlist.ratingKey)).items;
    const [first, second, , fourth] = entries;
    const moved = await client.playlists.moveItem(playlist.ratingKey, first?.playlistItemID ?? 0, {
      after: fourth?.playlistItemID,
    });
    expect(lastCall(sent).url.pathname).toBe(
      `/playlists/${playlist.ratingKey}/items/${first?.playlistItemID}/move`,
    );
    expect(lastCall(sent).url.searchParams.get('after')).toBe(String(fourth?.playlistItemID));
    expect(moved.leafCount).toBe(4);
    const titles = async () =>
      (await client.playlists.items(playlist.ratingKey)).items.map((item) => item.title);
    expect(await titles()).toEqual([
      'His Girl Friday',
      'Charade',
      'Nosferatu',
      'Night of the Living Dead',
    ]);

    await client.playlists.moveItem(playlist.ratingKey, first?.playlistItemID ?? 0);
    expect(lastCall(sent).url.searchParams.has('after')).toBe(false);
    expect((await titles())[0]).toBe('Night of the Living Dead');

    const removed = await client.playlists.removeItem(
      playlist.ratingKey,
      second?.playlistItemID ?? 0,
    );
    expect(lastCall(sent)).toMatchObject({ method: 'DELETE' });
    expect(removed.leafCount).toBe(3);
    expect(await titles()).not.toContain(films[1]?.title);
    await expect(
      client.playlists.removeItem(playlist.ratingKey, second?.playlistItemID ?? 0),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const cleared = await client.playlists.clear(playlist.ratingKey);
    expect(lastCall(sent)).toMatchObject({ method: 'DELETE' });
    expect(lastCall(sent).url.pathname).toBe(`/playlists/${playlist.ratingKey}/items`);
    expect(cleared.leafCount).toBe(0);
    expect((await client.playlists.items(playlist.ratingKey)).items).toEqual([]);
  });

  it('edits title and sort title with python-plexapi’s value/locked form', async () => {
    const { client, playlist, sent } = await withPlaylist();
    await client.playlists.edit(playlist.ratingKey, { title: 'Renamed', titleSort: 'Zzz' });
    expect(lastCall(sent)).toMatchObject({ method: 'PUT' });
    expect(Object.fromEntries(lastCall(sent).url.searchParams)).toEqual({
      'title.value': 'Renamed',
      'title.locked': '1',
      'titleSort.value': 'Zzz',
      'titleSort.locked': '1',
    });
    expect(await client.playlists.get(playlist.ratingKey)).toMatchObject({
      title: 'Renamed',
      titleSort: 'Zzz',
    });
    await expect(client.playlists.edit(playlist.ratingKey, {})).rejects.toBeInstanceOf(TypeError);
    await expect(client.playlists.edit(playlist.ratingKey, { title: ' ' })).rejects.toBeInstanceOf(
      TypeError,
    );
  });

  it('deletes (204) and the playlist is gone', async () => {
    const { client, emulator, playlist, sent } = await withPlaylist();
    await client.playlists.delete(playlist.ratingKey);
    expect(lastCall(sent)).toMatchObject({ method: 'DELETE' });
    expect(emulator.state.playlists.has(playlist.ratingKey)).toBe(false);
    await expect(client.playlists.get(playlist.ratingKey)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(client.playlists.delete(playlist.ratingKey)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses an empty item list or title before sending anything', async () => {
    const { client, sent } = emulatorClient();
    await expect(
      client.playlists.create({ title: 'x', type: 'video', ratingKeys: [] }),
    ).rejects.toBeInstanceOf(TypeError);
    await expect(
      client.playlists.create({ title: '', type: 'video', ratingKeys: [1] }),
    ).rejects.toBeInstanceOf(TypeError);
    expect(sent).toHaveLength(0);
  });
});

describe('playlists.uploadPoster and uploadArt', () => {
  it('gives the playlist a custom poster', async () => {
    const { client, playlist, sent } = await withPlaylist();
    expect(playlist.thumb).toBeUndefined();
    await client.playlists.uploadPoster(playlist.ratingKey, {
      url: 'https://example.com/noir.jpg',
    });
    expect(lastCall(sent)).toMatchObject({ method: 'POST' });
    expect(lastCall(sent).url.pathname).toBe(`/library/metadata/${playlist.ratingKey}/posters`);
    expect((await client.playlists.get(playlist.ratingKey)).thumb).toMatch(
      new RegExp(`^/library/metadata/${playlist.ratingKey}/thumb/\\d+$`),
    );
  });

  it('posts a URL or the image bytes to /library/metadata/{id}/posters', async () => {
    const seen: { url: URL; type: string | null; body: Uint8Array }[] = [];
    msw.use(
      http.post(`${PLEX}/library/metadata/:id/posters`, async ({ request }) => {
        seen.push({
          url: new URL(request.url),
          type: request.headers.get('Content-Type'),
          body: new Uint8Array(await request.arrayBuffer()),
        });
        return new HttpResponse(null, { status: 200 });
      }),
    );
    const client = createPlexClient({ baseUrl: PLEX, token: 'tok-1234', retry: false });
    await client.playlists.uploadPoster(96, { url: 'https://example.com/poster.jpg' });
    await client.playlists.uploadPoster('96', {
      data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      contentType: 'image/png',
    });
    expect(seen[0]?.url.pathname).toBe('/library/metadata/96/posters');
    expect(seen[0]?.url.searchParams.get('url')).toBe('https://example.com/poster.jpg');
    expect(seen[1]?.url.search).toBe('');
    expect(seen[1]?.type).toBe('image/png');
    expect([...(seen[1]?.body ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    await expect(client.playlists.uploadPoster(96, { url: 'file:///etc/passwd' })).rejects.toThrow(
      TypeError,
    );
  });

  it('posts a background to /library/metadata/{id}/arts, as for items and collections', async () => {
    const seen: { url: URL; type: string | null; body: Uint8Array }[] = [];
    msw.use(
      http.post(`${PLEX}/library/metadata/:id/arts`, async ({ request }) => {
        seen.push({
          url: new URL(request.url),
          type: request.headers.get('Content-Type'),
          body: new Uint8Array(await request.arrayBuffer()),
        });
        return new HttpResponse(null, { status: 200 });
      }),
    );
    const client = createPlexClient({ baseUrl: PLEX, token: 'tok-1234', retry: false });
    await client.playlists.uploadArt(96, { url: 'https://example.com/background.jpg' });
    await client.playlists.uploadArt('96', {
      data: new Uint8Array([0xff, 0xd8, 0xff]),
      contentType: 'image/jpeg',
    });
    expect(seen[0]?.url.pathname).toBe('/library/metadata/96/arts');
    expect(seen[0]?.url.searchParams.get('url')).toBe('https://example.com/background.jpg');
    expect(seen[1]?.url.search).toBe('');
    expect(seen[1]?.type).toBe('image/jpeg');
    expect([...(seen[1]?.body ?? [])]).toEqual([0xff, 0xd8, 0xff]);
    await expect(
      client.playlists.uploadArt(96, { url: 'ftp://example.com/a.jpg' }),
    ).rejects.toThrow(TypeError);
    expect(seen).toHaveLength(2);
  });
});
