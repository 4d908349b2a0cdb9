import { beforeEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../emulator.js';
import type { ItemRecord } from '../state/types.js';
import { call, TEST_NOW_MS, testEmulator } from '../testing/harness.js';

const NOW = Math.floor(TEST_NOW_MS / 1000);
const NOT_FOUND =
  '<html><head><title>Not Found</title></head><body><h1>404 Not Found</h1></body></html>';
const BAD_REQUEST =
  '<html><head><title>Bad Request</title></head><body><h1>400 Bad Request</h1></body></html>';

let emulator: PlexEmulator;
beforeEach(() => {
  emulator = testEmulator();
});

function item(title: string, type?: ItemRecord['type']): ItemRecord {
  const found = [...emulator.state.items.values()].find(
    (i) => i.title === title && (type === undefined || i.type === type),
  );
  if (!found) throw new Error(`no demo item ${title}`);
  return found;
}

function playlistKey(title: string): string {
  const found = [...emulator.state.playlists.values()].find((p) => p.title === title);
  if (!found) throw new Error(`no demo playlist ${title}`);
  return found.ratingKey;
}

function uri(...items: ItemRecord[]): string {
  const keys = items.map((i) => i.ratingKey).join(',');
  return `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/metadata/${keys}`;
}

function alexToken(): string {
  return emulator.state.accounts.get(2)?.serverToken ?? '';
}

async function create(query: Record<string, string>) {
  return call(emulator, '/playlists', { method: 'POST', query });
}

async function itemTitles(id: string): Promise<string[]> {
  const res = await call(emulator, `/playlists/${id}/items`);
  return (res.json.MediaContainer.Metadata ?? []).map((m: { title: string }) => m.title);
}

describe('GET /playlists', () => {
  it("lists only the caller's playlists, by title, as PMS playlist metadata", async () => {
    const res = await call(emulator, '/playlists');
    expect(res.status).toBe(200);
    const mc = res.json.MediaContainer;
    expect(mc.Metadata.map((p: { title: string }) => p.title)).toEqual([
      'Friday Night Noir',
      'Piano Evenings',
    ]);
    const noir = mc.Metadata[0];
    const id = playlistKey('Friday Night Noir');
    const members = ['Detour', 'D.O.A.', 'Scarlet Street'].map((t) => item(t, 'movie'));
    expect(noir).toMatchObject({
      ratingKey: id,
      key: `/playlists/${id}/items`,
      type: 'playlist',
      title: 'Friday Night Noir',
      smart: false,
      playlistType: 'video',
      leafCount: 3,
      duration: members.reduce((sum, m) => sum + (m.duration ?? 0), 0),
      viewCount: 1,
    });
    expect(noir.composite).toBe(`/playlists/${id}/composite/${noir.updatedAt}`);
    expect(typeof noir.addedAt).toBe('number');
    expect(noir).not.toHaveProperty('content');
    expect(res.headers.get('X-Plex-Container-Total-Size')).toBe('2');
  });

  it("shows a home user only their own playlists and hides others' as 404", async () => {
    const res = await call(emulator, '/playlists', { token: alexToken() });
    expect(res.json.MediaContainer.Metadata.map((p: { title: string }) => p.title)).toEqual([
      'Saturday Matinee',
    ]);
    const owners = await call(emulator, `/playlists/${playlistKey('Friday Night Noir')}`, {
      token: alexToken(),
    });
    expect(owners.status).toBe(404);
    expect(owners.text).toBe(NOT_FOUND);
    const alexs = await call(emulator, `/playlists/${playlistKey('Saturday Matinee')}/items`);
    expect(alexs.status).toBe(404);
  });

  it('filters by playlistType, smart and sectionID, and pages', async () => {
    const titles = async (query: Record<string, string>) =>
      ((await call(emulator, '/playlists', { query })).json.MediaContainer.Metadata ?? []).map(
        (p: { title: string }) => p.title,
      );
    expect(await titles({ playlistType: 'audio' })).toEqual(['Piano Evenings']);
    expect(await titles({ playlistType: 'video,audio' })).toHaveLength(2);
    expect(await titles({ smart: '1' })).toEqual([]);
    expect(await titles({ type: '42' })).toEqual([]);
    expect(await titles({ type: '15', title: 'piano' })).toEqual(['Piano Evenings']);
    expect(await titles({ sectionID: '3' })).toEqual(['Piano Evenings']);
    expect(await titles({ sectionID: '1' })).toEqual(['Friday Night Noir']);
    expect(await titles({ sort: 'addedAt:desc' })).toEqual(['Piano Evenings', 'Friday Night Noir']);

    const page = await call(emulator, '/playlists', {
      headers: { 'X-Plex-Container-Start': '1', 'X-Plex-Container-Size': '1' },
    });
    expect(page.json.MediaContainer).toMatchObject({ size: 1, offset: 1, totalSize: 2 });
    expect(page.json.MediaContainer.Metadata[0].title).toBe('Piano Evenings');
    expect(page.headers.get('X-Plex-Container-Start')).toBe('1');
  });

  it('needs a token', async () => {
    const res = await call(emulator, '/playlists', { token: null });
    expect(res.status).toBe(401);
  });
});

describe('creating playlists', () => {
  it('creates from a server:// uri, answers the playlist, and reads back', async () => {
    const detour = item('Detour', 'movie');
    const charade = item('Charade', 'movie');
    const res = await create({
      uri: uri(detour, charade),
      type: 'video',
      title: 'Mix',
      smart: '0',
    });
    expect(res.status).toBe(200);
    const created = res.json.MediaContainer.Metadata[0];
    expect(res.json.MediaContainer.size).toBe(1);
    expect(created).toMatchObject({
      type: 'playlist',
      title: 'Mix',
      summary: '',
      smart: false,
      playlistType: 'video',
      leafCount: 2,
      duration: (detour.duration ?? 0) + (charade.duration ?? 0),
      addedAt: NOW,
      updatedAt: NOW,
    });
    expect(created.guid).toMatch(/^com\.plexapp\.agents\.none:\/\/[0-9a-f-]{36}$/);
    expect(Number(created.ratingKey)).toBeGreaterThan(Number(charade.ratingKey));
    expect(emulator.state.items.has(created.ratingKey)).toBe(false);

    const read = await call(emulator, `/playlists/${created.ratingKey}`);
    expect(read.json.MediaContainer.Metadata[0]).toEqual(created);

    const items = await call(emulator, `/playlists/${created.ratingKey}/items`);
    const mc = items.json.MediaContainer;
    expect(mc).toMatchObject({
      size: 2,
      totalSize: 2,
      ratingKey: created.ratingKey,
      title: 'Mix',
      leafCount: 2,
      playlistType: 'video',
      smart: false,
      duration: Math.round(created.duration / 1000),
      key: `/playlists/${created.ratingKey}/items`,
      type: 'playlist',
      guid: created.guid,
    });
    expect(mc.Metadata.map((m: { ratingKey: string }) => m.ratingKey)).toEqual([
      detour.ratingKey,
      charade.ratingKey,
    ]);
    expect(mc.Metadata[0]).toMatchObject({ type: 'movie', librarySectionID: 1, title: 'Detour' });
    expect(typeof mc.Metadata[0].playlistItemID).toBe('number');
    expect(mc.Metadata[1].playlistItemID).not.toBe(mc.Metadata[0].playlistItemID);

    const timeline = emulator.notifications.history().at(-1);
    expect(timeline?.type).toBe('timeline');
    expect(timeline?.entries[0]).toMatchObject({
      itemID: created.ratingKey,
      type: 15,
      state: 0,
      title: 'Mix',
    });
  });

  it('turns a show into its episodes, in order, and accepts library:// uris', async () => {
    const show = item('The Beverly Hillbillies', 'show');
    const res = await create({ uri: uri(show), type: 'video', title: 'Binge', smart: '0' });
    const id = res.json.MediaContainer.Metadata[0].ratingKey;
    const episodes = emulator.state.leavesOf(show).map((e) => e.title);
    expect(episodes.length).toBeGreaterThan(1);
    expect(await itemTitles(id)).toEqual(episodes);

    const section = emulator.state.sections.get(1);
    const legacy = await create({
      uri: `library://${section?.uuid}/directory//library/metadata/${item('Detour', 'movie').ratingKey}`,
      type: 'video',
      title: 'Legacy',
      smart: '0',
    });
    expect(legacy.status).toBe(200);
    expect(legacy.json.MediaContainer.Metadata[0].leafCount).toBe(1);
  });

  it('refuses to mix media types, as PMS answers 400', async () => {
    const res = await create({
      uri: uri(item('Maple Leaf Rag', 'track'), item('Detour', 'movie')),
      type: 'audio',
      title: 'Rags',
      smart: '0',
    });
    expect(res.status).toBe(400);
    expect([...emulator.state.playlists.values()].some((p) => p.title === 'Rags')).toBe(false);
  });

  it.each([
    ['no title', { type: 'video', smart: '0' }],
    ['no type', { title: 'X', smart: '0' }],
    ['a bad type', { title: 'X', type: 'movie', smart: '0' }],
    ['no uri', { title: 'X', type: 'video', smart: '0', noUri: '1' }],
    ['nothing of its type', { title: 'X', type: 'audio', smart: '0' }],
  ])('answers 400 HTML for %s', async (_name, query) => {
    const { noUri, ...rest } = query as Record<string, string>;
    const res = await create(noUri ? rest : { uri: uri(item('Detour', 'movie')), ...rest });
    expect(res.status).toBe(400);
    expect(res.text).toBe(BAD_REQUEST);
  });

  it('answers 400 for another server, unknown ids and unreadable uris', async () => {
    const base = { type: 'video', title: 'X', smart: '0' };
    const other = `server://not-this-server/com.plexapp.plugins.library/library/metadata/${item('Detour', 'movie').ratingKey}`;
    expect((await create({ ...base, uri: other })).status).toBe(400);
    expect(
      (
        await create({
          ...base,
          uri: `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/metadata/999999`,
        })
      ).status,
    ).toBe(400);
    expect((await create({ ...base, uri: 'https://example.com/x' })).status).toBe(400);
    expect([...emulator.state.playlists.values()].some((p) => p.title === 'X')).toBe(false);
  });

  it('creates smart playlists that hold their filter and evaluate it on read', async () => {
    const filter = `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/sections/1/all?type=1&sort=titleSort&limit=5`;
    const res = await create({ uri: filter, type: 'video', title: 'Five', smart: '1' });
    expect(res.status).toBe(200);
    const created = res.json.MediaContainer.Metadata[0];
    const uuid = emulator.state.sections.get(1)?.uuid;
    expect(created).toMatchObject({ smart: true, leafCount: 5, icon: 'playlist://image.smart' });
    expect(created.content).toBe(
      `library://${uuid}/directory/${encodeURIComponent('/library/sections/1/all?type=1&sort=titleSort&limit=5')}`,
    );
    const items = await call(emulator, `/playlists/${created.ratingKey}/items`);
    const titles = items.json.MediaContainer.Metadata.map((m: { title: string }) => m.title);
    expect(titles).toHaveLength(5);
    expect(titles).toEqual([...titles].sort((a: string, b: string) => a.localeCompare(b)));
    expect(items.json.MediaContainer.Metadata[0]).not.toHaveProperty('playlistItemID');

    const smartList = await call(emulator, '/playlists', { query: { smart: '1' } });
    expect(smartList.json.MediaContainer.Metadata[0].title).toBe('Five');

    const narrowed = await call(emulator, `/playlists/${created.ratingKey}/items`, {
      method: 'PUT',
      query: { uri: filter.replace('limit=5', 'limit=2') },
    });
    expect(narrowed.json.MediaContainer.Metadata[0].leafCount).toBe(2);
    const removal = await call(emulator, `/playlists/${created.ratingKey}/items`, {
      method: 'DELETE',
    });
    expect(removal.status).toBe(400);
    const notSection = await create({
      uri: uri(item('Detour', 'movie')),
      type: 'video',
      title: 'Y',
      smart: '1',
    });
    expect(notSection.status).toBe(400);
  });
});
