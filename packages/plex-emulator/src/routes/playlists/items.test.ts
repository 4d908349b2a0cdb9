import { beforeEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { readPngFirstPixel } from '../../formats/png.js';
import { applyPlaylistEdit, setPlaylistPoster } from '../../library/playlist-edit.js';
import type { ItemRecord } from '../../state/types.js';
import { call, TEST_NOW_MS, testEmulator } from '../../testing/harness.js';

const NOW = Math.floor(TEST_NOW_MS / 1000);

let emulator: PlexEmulator;
let id: string;
let movies: ItemRecord[];

function item(title: string, type: ItemRecord['type']): ItemRecord {
  const found = [...emulator.state.items.values()].find(
    (i) => i.title === title && i.type === type,
  );
  if (!found) throw new Error(`no demo item ${title}`);
  return found;
}

function uri(...items: ItemRecord[]): string {
  const keys = items.map((i) => i.ratingKey).join(',');
  return `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/metadata/${keys}`;
}

interface Row {
  title: string;
  playlistItemID: number;
}

async function rows(): Promise<Row[]> {
  const res = await call(emulator, `/playlists/${id}/items`);
  return res.json.MediaContainer.Metadata ?? [];
}

beforeEach(async () => {
  emulator = testEmulator();
  movies = ['Detour', 'Charade', 'Metropolis'].map((t) => item(t, 'movie'));
  const res = await call(emulator, '/playlists', {
    method: 'POST',
    query: { uri: uri(...movies), type: 'video', title: 'Work', smart: '0' },
  });
  id = res.json.MediaContainer.Metadata[0].ratingKey;
});

describe('playlist items', () => {
  it('adds with PUT ?uri= and reports leafCountAdded / leafCountRequested', async () => {
    const res = await call(emulator, `/playlists/${id}/items`, {
      method: 'PUT',
      query: { uri: uri(item('Nosferatu', 'movie'), item('The Newcomers', 'episode')) },
    });
    expect(res.status).toBe(200);
    expect(res.json.MediaContainer).toMatchObject({
      size: 1,
      leafCountAdded: 2,
      leafCountRequested: 2,
    });
    expect(res.json.MediaContainer.Metadata[0]).toMatchObject({ ratingKey: id, leafCount: 5 });
    expect((await rows()).map((r) => r.title)).toEqual([
      'Detour',
      'Charade',
      'Metropolis',
      'Nosferatu',
      'The Newcomers',
    ]);
    const mixed = await call(emulator, `/playlists/${id}/items`, {
      method: 'PUT',
      query: { uri: uri(item('Maple Leaf Rag', 'track')) },
    });
    expect(mixed.status).toBe(400);
    const missing = await call(emulator, `/playlists/${id}/items`, { method: 'PUT' });
    expect(missing.status).toBe(400);
    expect((await rows()).length).toBe(5);
  });

  it('pages items by header', async () => {
    const res = await call(emulator, `/playlists/${id}/items`, {
      headers: { 'X-Plex-Container-Start': '1', 'X-Plex-Container-Size': '1' },
    });
    expect(res.json.MediaContainer).toMatchObject({
      size: 1,
      offset: 1,
      totalSize: 3,
      leafCount: 3,
    });
    expect(res.json.MediaContainer.Metadata[0].title).toBe('Charade');
    expect(res.headers.get('X-Plex-Container-Total-Size')).toBe('3');
  });

  it('removes one entry by playlistItemID (a repeated item keeps its other entry)', async () => {
    await call(emulator, `/playlists/${id}/items`, {
      method: 'PUT',
      query: { uri: uri(movies[0] as ItemRecord) },
    });
    const before = await rows();
    expect(before.map((r) => r.title)).toEqual(['Detour', 'Charade', 'Metropolis', 'Detour']);
    const res = await call(emulator, `/playlists/${id}/items/${before[0]?.playlistItemID}`, {
      method: 'DELETE',
    });
    expect(res.status).toBe(200);
    expect(res.json.MediaContainer.Metadata[0].leafCount).toBe(3);
    expect((await rows()).map((r) => r.title)).toEqual(['Charade', 'Metropolis', 'Detour']);
    const again = await call(emulator, `/playlists/${id}/items/${before[0]?.playlistItemID}`, {
      method: 'DELETE',
    });
    expect(again.status).toBe(404);
  });

  it('moves an entry after another, or to the front without after', async () => {
    const [detour, charade, metropolis] = await rows();
    const after = await call(emulator, `/playlists/${id}/items/${detour?.playlistItemID}/move`, {
      method: 'PUT',
      query: { after: String(metropolis?.playlistItemID) },
    });
    expect(after.status).toBe(200);
    expect((await rows()).map((r) => r.title)).toEqual(['Charade', 'Metropolis', 'Detour']);
    await call(emulator, `/playlists/${id}/items/${detour?.playlistItemID}/move`, {
      method: 'PUT',
    });
    expect((await rows()).map((r) => r.title)).toEqual(['Detour', 'Charade', 'Metropolis']);
    expect((await rows()).map((r) => r.playlistItemID)).toEqual(
      [detour, charade, metropolis].map((r) => r?.playlistItemID),
    );

    const badAfter = await call(emulator, `/playlists/${id}/items/${detour?.playlistItemID}/move`, {
      method: 'PUT',
      query: { after: '999999' },
    });
    expect(badAfter.status).toBe(400);
    const badItem = await call(emulator, `/playlists/${id}/items/999999/move`, { method: 'PUT' });
    expect(badItem.status).toBe(404);
  });

  it('clears with DELETE /items and answers the empty playlist', async () => {
    const res = await call(emulator, `/playlists/${id}/items`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(res.json.MediaContainer.Metadata[0]).toMatchObject({ leafCount: 0, duration: 0 });
    const list = await call(emulator, `/playlists/${id}/items`);
    expect(list.json.MediaContainer).toMatchObject({ size: 0, totalSize: 0, leafCount: 0 });
    expect(list.json.MediaContainer).not.toHaveProperty('Metadata');
  });

  it("refuses another user's playlist", async () => {
    const token = emulator.state.accounts.get(2)?.serverToken ?? '';
    const res = await call(emulator, `/playlists/${id}/items`, {
      method: 'PUT',
      query: { uri: uri(item('Nosferatu', 'movie')) },
      token,
    });
    expect(res.status).toBe(404);
    expect((await rows()).length).toBe(3);
  });
});

describe('editing and deleting playlists', () => {
  it('edits with the title.value / summary.value form python-plexapi sends', async () => {
    const res = await call(emulator, `/playlists/${id}`, {
      method: 'PUT',
      query: { 'title.value': 'Renamed', 'title.locked': '1', 'summary.value': 'For later' },
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const read = await call(emulator, `/playlists/${id}`);
    expect(read.json.MediaContainer.Metadata[0]).toMatchObject({
      title: 'Renamed',
      summary: 'For later',
      updatedAt: NOW,
    });
    await call(emulator, `/playlists/${id}`, { method: 'PUT', query: { title: 'Old style' } });
    expect((await call(emulator, `/playlists/${id}`)).json.MediaContainer.Metadata[0].title).toBe(
      'Old style',
    );
    const last = emulator.notifications.history().at(-1);
    expect(last?.entries[0]).toMatchObject({ itemID: id, type: 15, state: 5 });
  });

  it('deletes with 204, after which the playlist is gone everywhere', async () => {
    const res = await call(emulator, `/playlists/${id}`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect((await call(emulator, `/playlists/${id}`)).status).toBe(404);
    expect((await call(emulator, `/playlists/${id}/items`)).status).toBe(404);
    const list = await call(emulator, '/playlists');
    expect(
      list.json.MediaContainer.Metadata.map((p: { ratingKey: string }) => p.ratingKey),
    ).not.toContain(id);
    expect(emulator.notifications.history().at(-1)?.entries[0]).toMatchObject({
      itemID: id,
      state: 9,
    });
    expect((await call(emulator, `/playlists/${id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('exposes the edit and poster operations for /library/metadata/{playlistId}', async () => {
    const playlist = emulator.state.playlists.get(id);
    if (!playlist) throw new Error('missing');
    expect(
      applyPlaylistEdit(emulator.state, playlist, new URLSearchParams('title=Via metadata'), NOW),
    ).toBe(true);
    expect(setPlaylistPoster(emulator.state, id, '#336699', NOW + 5)).toBe(playlist);
    expect(setPlaylistPoster(emulator.state, 'nope', '#336699', NOW)).toBeUndefined();
    const read = await call(emulator, `/playlists/${id}`);
    expect(read.json.MediaContainer.Metadata[0]).toMatchObject({
      title: 'Via metadata',
      thumb: `/library/metadata/${id}/thumb/${NOW + 5}`,
      updatedAt: NOW + 5,
    });
    const image = await emulator.fetch(
      new Request(`http://plex.test:32400${read.json.MediaContainer.Metadata[0].composite}`, {
        headers: { 'X-Plex-Token': emulator.token },
      }),
    );
    expect(image.status).toBe(200);
    expect(image.headers.get('Content-Type')).toBe('image/png');
    expect(readPngFirstPixel(new Uint8Array(await image.arrayBuffer()))).toEqual([
      0x33, 0x66, 0x99,
    ]);
  });
});
